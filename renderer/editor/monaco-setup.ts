/**
 * Monaco, loaded once: the editor core, the features the pattern editor uses
 * and the YAML and Markdown grammars, with its worker started from our own
 * origin as an ES module (no eval, no blob: needed), which a strict CSP
 * (`script-src 'self'; worker-src 'self' blob:`) allows.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/diffEditor/register';
import 'monaco-editor/features/dnd/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
// The feature registers above leave out a few contributions editor.main.js adds by hand: the suggest widget among them.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution.js';
// The two languages' definitions load with the editor rather than on first use (Monaco's lazy
// loader), so highlighting and Enter rules are there from a file's first keystroke.
import * as yamlDefinition from 'monaco-editor/languages/definitions/yaml/yaml';
import * as markdownDefinition from 'monaco-editor/languages/definitions/markdown/markdown';

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    // Only the generic editor worker (diffs, word ranges): YAML and Markdown help comes from our own providers.
    getWorker: () => new EditorWorker({ name: 'monaco-editor-worker' }),
  };
  for (const [id, extensions, definition] of [
    ['yaml', ['.yaml', '.yml'], yamlDefinition],
    ['markdown', ['.md', '.markdown'], markdownDefinition],
  ] as const) {
    monaco.languages.register({ id, extensions: [...extensions] });
    monaco.languages.setLanguageConfiguration(id, definition.conf);
    monaco.languages.setMonarchTokensProvider(id, definition.language);
  }
  monaco.editor.defineTheme('trellis', {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#a0a4a8' },
  });
  return monaco;
}

export { monaco };
export type Monaco = typeof monaco;
