/**
 * The one object the UI talks to the backend through. In Electron it rides
 * the preload's `window.trellis` bridge; in browser mode a WebSocket to the
 * page's own origin. Either way it is the same generated `VaultApi`.
 */
import { createApiProxy, type TrellisBridge } from '../../shared/api/transport-rpc';
import { isShellCommand, SHELL_COMMAND_EVENT, type ShellCommand } from '../../shared/api/transport-shell';
import type { VaultApi } from '../../shared/api/vault-api';
import { createWsTransport, type ConnectionState, type WebSocketLike } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly trellis?: TrellisBridge;
  }
}

export type { ConnectionState };

export type ApiClient = VaultApi & {
  readonly transport: 'electron' | 'websocket';
  /** Menu commands from the desktop shell (never fires in browser mode). */
  onDidRequestCommand(listener: (command: ShellCommand) => void): () => void;
  /** Browser mode's connection; always 'open' in Electron. Refetch state after a reconnect. */
  onDidChangeConnection(listener: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
  dispose(): void;
};

export interface ApiClientOptions {
  /** Defaults to `window.trellis`. */
  bridge?: TrellisBridge;
  /** Defaults to `/api` on the page's origin. */
  webSocketUrl?: string;
  createWebSocket?: (url: string) => WebSocketLike;
  reconnectDelaysMs?: readonly number[];
}

function defaultWebSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api`;
}

function logListenerError(err: unknown): void {
  console.error('Trellis: an event listener failed', err);
}

function fromBridge(bridge: TrellisBridge): ApiClient {
  const api = createApiProxy(
    (method, params) => bridge.call(method, params),
    (event, listener) => bridge.on(event, listener),
  );
  return {
    ...api,
    transport: 'electron',
    onDidRequestCommand: (listener) =>
      bridge.on(SHELL_COMMAND_EVENT, (payload) => {
        const command = (payload as { command?: unknown } | null)?.command;
        if (isShellCommand(command)) listener(command);
      }),
    onDidChangeConnection: () => () => undefined,
    connection: 'open',
    dispose: () => undefined,
  };
}

function fromWebSocket(options: ApiClientOptions): ApiClient {
  const transport = createWsTransport({
    url: options.webSocketUrl ?? defaultWebSocketUrl(),
    onListenerError: logListenerError,
    ...(options.createWebSocket ? { createWebSocket: options.createWebSocket } : {}),
    ...(options.reconnectDelaysMs ? { reconnectDelaysMs: options.reconnectDelaysMs } : {}),
  });
  const api = createApiProxy(transport.send, transport.subscribe);
  return {
    ...api,
    transport: 'websocket',
    onDidRequestCommand: () => () => undefined,
    onDidChangeConnection: (listener) => transport.onDidChangeState(listener),
    get connection() {
      return transport.state;
    },
    dispose: () => transport.dispose(),
  };
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const bridge = options.bridge ?? (typeof window !== 'undefined' ? window.trellis : undefined);
  return bridge ? fromBridge(bridge) : fromWebSocket(options);
}
