/**
 * The one editor workspace of the connected vault. It outlives the pane:
 * when the app shows another view in the pane's place and back, the open
 * tabs, their undo histories and unsaved text are all still there. It is
 * replaced only when the app connects to another backend or vault.
 */
import type { VaultApi } from '../../shared/api/vault-api';
import { setupMonaco } from './monaco-setup';
import { EditorWorkspace } from './editor-workspace';
import { installEditorTestHooks } from './test-hooks';

let current: { api: VaultApi; vaultRoot: string; ws: EditorWorkspace; unhook: () => void } | undefined;

export function acquireWorkspace(api: VaultApi, vaultRoot: string): EditorWorkspace {
  if (current && current.api === api && current.vaultRoot === vaultRoot) return current.ws;
  releaseWorkspace();
  setupMonaco();
  const ws = new EditorWorkspace(api, vaultRoot);
  current = { api, vaultRoot, ws, unhook: installEditorTestHooks(ws) };
  return ws;
}

/** Disposes the workspace (its drafts are flushed first); the next pane starts afresh. */
export function releaseWorkspace(): void {
  if (!current) return;
  current.unhook();
  current.ws.dispose();
  current = undefined;
}
