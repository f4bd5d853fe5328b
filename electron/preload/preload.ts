/**
 * The only door from the page to the backend: `window.trellis = { call, on }`,
 * nothing else (no ipcRenderer, no Node). Names are checked here as well as
 * in main, so the page cannot reach any other channel through it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EventFanout, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, isEventName, isMethodName, TRANSPORT_ERRORS, type CallOutcome, type TrellisBridge } from '../../shared/api/transport-rpc';
import { SHELL_COMMAND_EVENT } from '../../shared/api/transport-shell';
import type { EventName } from '../../shared/api/vault-api';

const events = new EventFanout((err) => console.error('Trellis: an event listener failed', err));

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (isEventName(event) || event === SHELL_COMMAND_EVENT) events.emit(event as EventName, payload);
});

const bridge: TrellisBridge = {
  async call(method: string, params: unknown): Promise<CallOutcome> {
    if (!isMethodName(method)) return { t: 'error', error: { name: TRANSPORT_ERRORS.invalidRequest, message: `unknown method '${String(method)}'` } };
    try {
      return (await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, params)) as CallOutcome;
    } catch (err) {
      // Main answers every call with data; a rejection means the channel itself failed.
      return { t: 'error', error: { name: TRANSPORT_ERRORS.disconnected, message: err instanceof Error ? err.message : String(err) } };
    }
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event) && event !== SHELL_COMMAND_EVENT) throw new Error(`unknown event '${String(event)}'`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    // The shell's command event shares the fan-out; its name is not a contract EventName.
    return events.subscribe(event as EventName, listener);
  },
};

contextBridge.exposeInMainWorld('trellis', bridge);
