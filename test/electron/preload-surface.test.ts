/**
 * The preload's whole surface, seen from the page: it must expose exactly
 * `window.trellis = { call, on }` and forward only contract names. Electron's
 * contextBridge and ipcRenderer are stubbed (a boundary we do not own).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type TrellisBridge } from '../../shared/api/transport-rpc';
import { SHELL_COMMAND_EVENT } from '../../shared/api/transport-shell';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const ipcListeners = new Map<string, (event: unknown, message: unknown) => void>();
  return {
    exposed,
    ipcListeners,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ t: 'result', result: 'ok' })),
      on: vi.fn((channel: string, listener: (event: unknown, message: unknown) => void) => ipcListeners.set(channel, listener)),
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let bridge: TrellisBridge;
beforeAll(async () => {
  await import('../../electron/preload/preload');
  bridge = electron.exposed.get('trellis') as TrellisBridge;
});

describe('the preload', () => {
  it('exposes one object, window.trellis, with exactly call and on', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect([...electron.exposed.keys()]).toEqual(['trellis']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('listens on the one event channel only', () => {
    expect(electron.ipcRenderer.on.mock.calls.map((c) => c[0])).toEqual([IPC_EVENT_CHANNEL]);
  });

  it('invokes the one call channel for contract methods', async () => {
    expect(await bridge.call('getVault', {})).toEqual({ t: 'result', result: 'ok' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CALL_CHANNEL, 'getVault', {});
  });

  it('refuses other method names without reaching main', async () => {
    electron.ipcRenderer.invoke.mockClear();
    for (const name of ['constructor', '__proto__', 'trellis:call', 'evil']) {
      expect(await bridge.call(name, {})).toMatchObject({ t: 'error', error: { name: 'InvalidRequest' } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed invoke into an error outcome rather than a rejection', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('channel gone'));
    expect(await bridge.call('getVault', {})).toMatchObject({ t: 'error', error: { message: 'channel gone' } });
  });

  it('delivers contract events and shell commands to their listeners, until unsubscribed', () => {
    const deliver = electron.ipcListeners.get(IPC_EVENT_CHANNEL)!;
    const files: unknown[] = [];
    const commands: unknown[] = [];
    const off = bridge.on('onDidChangeFiles', (p) => files.push(p));
    bridge.on(SHELL_COMMAND_EVENT, (p) => commands.push(p));
    deliver({}, { t: 'event', event: 'onDidChangeFiles', payload: { changed: ['a.md'] } });
    deliver({}, { t: 'event', event: SHELL_COMMAND_EVENT, payload: { command: 'save' } });
    deliver({}, { t: 'event', event: 'notAnEvent', payload: 1 });
    deliver({}, null);
    off();
    deliver({}, { t: 'event', event: 'onDidChangeFiles', payload: { changed: ['b.md'] } });
    expect(files).toEqual([{ changed: ['a.md'] }]);
    expect(commands).toEqual([{ command: 'save' }]);
  });

  it('refuses to subscribe to unknown events', () => {
    expect(() => bridge.on('anything', () => undefined)).toThrow(/unknown event/);
  });
});
