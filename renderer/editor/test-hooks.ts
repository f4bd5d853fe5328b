/**
 * `window.__trellisEditor`: what end-to-end tests and the editor bench read
 * from the editor (texts, markers, when findings were shown). Installed only
 * in development and test builds, or when the address asks for `?testhooks`.
 */
import type { EditorTestHooks, MarkerInfo } from '../../shared/editor/editor-test-hooks';
import type { EditorWorkspace } from './editor-workspace';

declare global {
  interface Window {
    __trellisEditor?: EditorTestHooks;
  }
}

function enabled(): boolean {
  return import.meta.env.MODE !== 'production' || window.location.search.includes('testhooks');
}

const SEVERITY: Record<number, MarkerInfo['severity']> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'info' };
const LOG_LIMIT = 2000;

export function installEditorTestHooks(ws: EditorWorkspace): () => void {
  if (!enabled()) return () => undefined;
  const session = (path?: string) => ws.sessions.get(path ?? ws.activePath ?? '');
  const hooks: EditorTestHooks = {
    activePath: () => ws.activePath,
    tabs: () => [...ws.sessions.values()].map((s) => ({ path: s.path, dirty: s.dirty, ...(s.conflict ? { conflict: s.conflict.kind } : {}) })),
    text: (path) => session(path)?.text(),
    version: (path) => session(path)?.log.version,
    markers: (part, path) =>
      (session(path)?.markers(part) ?? []).map((m) => ({
        line: m.startLineNumber,
        column: m.startColumn,
        endLine: m.endLineNumber,
        endColumn: m.endColumn,
        severity: SEVERITY[m.severity] ?? 'info',
        rule: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
        message: m.message,
      })),
    place: (part, line, column) => {
      const editor = ws.editorOf(part);
      if (!editor) return;
      editor.focus();
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenter({ lineNumber: line, column });
    },
    changes: [],
    renders: [],
    liveModels: () => ws.liveModelCount(),
  };
  const onChange = (path: string, version: number) => {
    hooks.changes.push({ path, version, at: performance.now() });
    if (hooks.changes.length > LOG_LIMIT) hooks.changes.splice(0, hooks.changes.length - LOG_LIMIT);
  };
  const onRender = (path: string, e: { version: number; source: 'local' | 'remote'; at: number }) => {
    hooks.renders.push({ path, ...e });
    if (hooks.renders.length > LOG_LIMIT) hooks.renders.splice(0, hooks.renders.length - LOG_LIMIT);
  };
  ws.changeListeners.add(onChange);
  ws.renderListeners.add(onRender);
  window.__trellisEditor = hooks;
  return () => {
    ws.changeListeners.delete(onChange);
    ws.renderListeners.delete(onRender);
    if (window.__trellisEditor === hooks) delete window.__trellisEditor;
  };
}
