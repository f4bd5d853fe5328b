/**
 * Main's half of the Electron transport: one `trellis:call` handler for every
 * contract method and one `trellis:event` channel for every event, both
 * generated from the contract. A call is answered only for our own page's
 * main frame, and only after `checkRequest` (inside `dispatchCall`).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { createCallSession, dispatchCall, forwardEvents, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CallOutcome, type CallSession, type EventMessage } from '../../shared/api/transport-rpc';
import { SHELL_COMMAND_EVENT, type ShellCommand } from '../../shared/api/transport-shell';
import type { VaultApi } from '../../shared/api/vault-api';
import { isTrustedSender } from './window-security';

/** Resolves to the open vault's service, waiting while one is opening; undefined when none is open. */
export type ServiceSource = () => Promise<VaultApi | undefined>;

export interface CallSender {
  url: string | undefined;
  /** False for subframes: our page has none, so a call from one is not ours. */
  isMainFrame: boolean;
}

export const UNTRUSTED: CallOutcome = { t: 'error', error: { name: 'Forbidden', message: 'calls are accepted only from the Trellis window' } };
export const NO_VAULT: CallOutcome = { t: 'error', error: { name: 'NoVaultOpen', message: 'no vault is open: choose File › Open Vault…' } };

/**
 * The whole decision for one call, apart from Electron: who asked, then the
 * contract. `sessionFor` ties the call to the page's session (its editor
 * buffers); without it the call stands alone.
 */
export async function answerCall(sender: CallSender, service: ServiceSource, method: unknown, params: unknown, sessionFor?: (service: VaultApi) => CallSession): Promise<CallOutcome> {
  if (!sender.isMainFrame || !isTrustedSender(sender.url)) return UNTRUSTED;
  const current = await service();
  if (!current) return NO_VAULT;
  return sessionFor ? sessionFor(current).dispatch(method, params) : dispatchCall(current, method, params);
}

/** One session per page load of each window, for the vault that page talks to. */
export class PageSessions {
  private readonly sessions = new Map<number, { service: VaultApi; session: CallSession }>();

  for(contentsId: number, service: VaultApi): CallSession {
    const entry = this.sessions.get(contentsId);
    if (entry && entry.service === service) return entry.session;
    // A new vault: the old one's buffers went with it.
    const session = createCallSession(service);
    this.sessions.set(contentsId, { service, session });
    return session;
  }

  /** The page is gone or reloading: drop its buffers. */
  async end(contentsId: number): Promise<void> {
    const entry = this.sessions.get(contentsId);
    this.sessions.delete(contentsId);
    await entry?.session.close();
  }
}

function senderOf(event: IpcMainInvokeEvent): CallSender {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  return { url: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}

/** Registers the call handler; returns its removal. */
export function registerCallHandler(ipcMain: IpcMain, service: ServiceSource, sessions: PageSessions): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method: unknown, params: unknown) => answerCall(senderOf(event), service, method, params, (current) => sessions.for(event.sender.id, current)));
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

/** Sends only to our own page: a window that somehow shows something else hears nothing. */
function sendTo(contents: WebContents, message: EventMessage | { t: 'event'; event: typeof SHELL_COMMAND_EVENT; payload: { command: ShellCommand } }): void {
  if (contents.isDestroyed() || !isTrustedSender(contents.getURL())) return;
  contents.send(IPC_EVENT_CHANNEL, message);
}

/** Forwards a service's events to the given windows' pages; returns the unsubscribe. */
export function forwardServiceEvents(service: VaultApi, targets: () => readonly WebContents[]): () => void {
  return forwardEvents(service, (message) => {
    for (const contents of targets()) sendTo(contents, message);
  });
}

export function sendShellCommand(contents: WebContents, command: ShellCommand): void {
  sendTo(contents, { t: 'event', event: SHELL_COMMAND_EVENT, payload: { command } });
}
