/**
 * The contract suite through the whole Electron transport except Electron
 * itself: the renderer's API client → the real preload → main's call handler
 * and event forwarding → the real backend. Only ipcRenderer/ipcMain and
 * contextBridge are stood in for (a boundary we do not own); messages are
 * cloned on the way, as IPC clones them.
 */
import { vi } from 'vitest';
import type { WebContents } from 'electron';
import type { TrellisBridge } from '../../shared/api/transport-rpc';
import { answerCall, forwardServiceEvents } from '../../electron/main/ipc-bridge';
import { createApiClient } from '../../renderer/api/api-client';
import { describeVaultContract } from '../server/vault-contract';
import { openTestVault, type TestVault } from '../server/test-vault';

const ipc = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  toPage: undefined as undefined | ((event: unknown, message: unknown) => void),
  toMain: undefined as undefined | ((method: unknown, params: unknown) => Promise<unknown>),
}));
const cloned = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => ipc.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (_channel: string, method: unknown, params: unknown) => cloned(await ipc.toMain!(cloned(method), cloned(params))),
    on: (_channel: string, listener: (event: unknown, message: unknown) => void) => (ipc.toPage = listener),
  },
}));

describeVaultContract('Electron IPC: renderer client → preload → main → backend', async () => {
  await import('../../electron/preload/preload');
  const vault: TestVault = await openTestVault();
  const page = { url: 'trellis://app/index.html', isMainFrame: true };
  ipc.toMain = (method, params) => answerCall(page, async () => vault.service, method, params);
  const contents = { isDestroyed: () => false, getURL: () => page.url, send: (_channel: string, message: unknown) => ipc.toPage!({}, cloned(message)) } as unknown as WebContents;
  const stopEvents = forwardServiceEvents(vault.service, () => [contents]);
  const client = createApiClient({ bridge: ipc.exposed.get('trellis') as TrellisBridge });
  return {
    api: client,
    root: vault.root,
    async close() {
      stopEvents();
      await vault.cleanup();
    },
  };
});
