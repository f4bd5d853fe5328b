/**
 * Schema-driven help in the front-matter editor, as Monaco providers over the
 * pure functions of `shared/editor`: completion, hover, and quick fixes (code
 * actions) for findings that carry a fix. Registered once per workspace.
 */
import type { editor as MonacoEditor, IDisposable, languages as MonacoLanguages } from 'monaco-editor/editor';
import { monaco } from './monaco-setup';
import { yamlCompletions, type CompletionKind } from '../../shared/editor/yaml-completion';
import { yamlHover } from '../../shared/editor/yaml-hover';
import { findSameFinding, fixRoute } from '../../shared/editor/quick-fixes';
import { fileOffset } from '../../shared/editor/file-parts';
import { readTopLevelValue } from '../../shared/editor/slug-edit';
import type { FixEdit } from '../../shared/validation/diagnostic';
import type { EditorWorkspace } from './editor-workspace';
import { MARKER_OWNER } from './editor-session';

export const CMD_APPLY_FIX = 'trellis.applyFix';
export const CMD_VAULT_FIX = 'trellis.previewVaultFix';
export const CMD_RENAME = 'trellis.renamePattern';

function itemKind(kind: CompletionKind): MonacoLanguages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (kind) {
    case 'field':
      return K.Property;
    case 'relationship-type':
      return K.Enum;
    case 'pattern':
      return K.Reference;
    case 'value':
      return K.EnumMember;
  }
}

function rangeOf(model: MonacoEditor.ITextModel, from: number, to: number): InstanceType<typeof monaco.Range> {
  const a = model.getPositionAt(from);
  const b = model.getPositionAt(to);
  return new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
}

export function registerYamlHelp(ws: EditorWorkspace): IDisposable {
  const disposables: IDisposable[] = [];

  disposables.push(
    monaco.languages.registerCompletionItemProvider('yaml', {
      triggerCharacters: [' ', ':', '-', '[', ','],
      provideCompletionItems(model, position) {
        const session = ws.sessionOfModel(model);
        if (!session || session.partOfModel(model) !== 'yaml') return { suggestions: [] };
        const yaml = model.getValue();
        const offset = model.getOffsetAt(position);
        const { refs } = ws.patterns();
        const { items, incomplete } = yamlCompletions(yaml, offset, { schema: ws.schema, patterns: refs, selfName: session.name });
        const cursor = model.getOffsetAt(position);
        const suggestions: MonacoLanguages.CompletionItem[] = items.map((item) => {
          const s: MonacoLanguages.CompletionItem = {
            label: item.detail !== undefined && item.kind === 'pattern' ? { label: item.label, description: item.detail } : item.label,
            kind: itemKind(item.kind),
            insertText: item.insertText,
            range: { insert: rangeOf(model, item.from, Math.min(cursor, item.to)), replace: rangeOf(model, item.from, Math.max(cursor, item.to)) },
          };
          if (item.snippet) s.insertTextRules = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
          if (item.detail !== undefined) s.detail = item.detail;
          if (item.documentation !== undefined) s.documentation = { value: item.documentation };
          if (item.filterText !== undefined) s.filterText = item.filterText;
          if (item.sortText !== undefined) s.sortText = item.sortText;
          if (item.retrigger) s.command = { id: 'editor.action.triggerSuggest', title: 'Suggest' };
          return s;
        });
        return { suggestions, incomplete };
      },
    }),
  );

  disposables.push(
    monaco.languages.registerHoverProvider('yaml', {
      provideHover(model, position) {
        const session = ws.sessionOfModel(model);
        if (!session || session.partOfModel(model) !== 'yaml') return null;
        const h = yamlHover(model.getValue(), model.getOffsetAt(position), { schema: ws.schema, patterns: ws.patterns().byName });
        if (!h) return null;
        return { contents: h.contents.map((value) => ({ value })), range: rangeOf(model, h.from, h.to) };
      },
    }),
  );

  const codeActions: MonacoLanguages.CodeActionProvider = {
    provideCodeActions(model, _range, context) {
      const session = ws.sessionOfModel(model);
      const part = session?.partOfModel(model);
      if (!session || !part) return { actions: [], dispose: () => undefined };
      const layout = session.layout();
      const actions: MonacoLanguages.CodeAction[] = [];
      for (const marker of context.markers) {
        if (marker.source !== MARKER_OWNER) continue;
        const rule = typeof marker.code === 'string' ? marker.code : marker.code?.value;
        if (!rule) continue;
        const start = fileOffset(layout, part, model.getOffsetAt({ lineNumber: marker.startLineNumber, column: marker.startColumn }));
        const d = findSameFinding(session.shown, { rule, start });
        if (d?.fix) {
          const route = fixRoute(d);
          const fixKind: FixEdit['kind'] = d.fix.edit.kind;
          actions.push({
            title: route === 'buffer' ? d.fix.title : `${d.fix.title} (preview the vault edit)…`,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: route === 'buffer',
            command: route === 'buffer' ? { id: CMD_APPLY_FIX, title: d.fix.title, arguments: [session.path, rule, d.span.start, fixKind] } : { id: CMD_VAULT_FIX, title: d.fix.title, arguments: [session.path, rule, d.span.start] },
          });
        }
        if (rule === 'slug-mismatch' && session.yamlModel) {
          const slug = readTopLevelValue(session.yamlModel.getValue(), 'slug')?.value;
          if (slug && slug !== session.name) {
            actions.push({ title: `Rename the pattern to '${slug}' across the vault…`, kind: 'quickfix', diagnostics: [marker], command: { id: CMD_RENAME, title: 'Rename', arguments: [session.path, slug] } });
          }
        }
      }
      return { actions, dispose: () => undefined };
    },
  };
  disposables.push(monaco.languages.registerCodeActionProvider('yaml', codeActions, { providedCodeActionKinds: ['quickfix'] }));
  disposables.push(monaco.languages.registerCodeActionProvider('markdown', codeActions, { providedCodeActionKinds: ['quickfix'] }));

  disposables.push(monaco.editor.registerCommand(CMD_APPLY_FIX, (_accessor: unknown, path: string, rule: string, start: number, fixKind: FixEdit['kind']) => ws.edits.applyBufferFix(path, rule, start, fixKind)));
  disposables.push(monaco.editor.registerCommand(CMD_VAULT_FIX, (_accessor: unknown, path: string, rule: string, start: number) => void ws.edits.previewVaultFix(path, rule, start)));
  disposables.push(monaco.editor.registerCommand(CMD_RENAME, (_accessor: unknown, path: string, slug: string) => void ws.edits.renameTo(path, slug)));

  return { dispose: () => disposables.forEach((d) => d.dispose()) };
}
