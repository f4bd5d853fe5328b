/**
 * A real `ws` client for the browser-mode server, authenticated the way a
 * browser would be after its first page load: our Origin and the session cookie.
 */
import WebSocket from 'ws';
import { CallTracker, createApiProxy, EventFanout, parseServerFrame } from '../../shared/api/transport-rpc';
import type { VaultApi } from '../../shared/api/vault-api';
import type { WebServer } from '../../electron/server/web-server';

export function sessionCookieFor(server: WebServer): string {
  return `trellis-${server.port}=${server.token}`;
}

export function originFor(server: WebServer): string {
  return `http://127.0.0.1:${server.port}`;
}

export function apiUrlFor(server: WebServer): string {
  return `ws://127.0.0.1:${server.port}/api`;
}

export interface ConnectOptions {
  origin?: string | null;
  cookie?: string | null;
  host?: string;
  path?: string;
}

/** Opens a socket, or rejects with the HTTP status the upgrade was refused with. */
export function connectWs(server: WebServer, options: ConnectOptions = {}): Promise<WebSocket> {
  const headers: Record<string, string> = {};
  const cookie = options.cookie === undefined ? sessionCookieFor(server) : options.cookie;
  if (cookie !== null) headers.Cookie = cookie;
  if (options.host) headers.Host = options.host;
  const origin = options.origin === undefined ? originFor(server) : options.origin;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/api'}`, { headers, ...(origin !== null ? { origin } : {}) });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** A `VaultApi` over a raw socket, built from the shared framing (what a minimal client needs). */
export function wsApi(ws: WebSocket): VaultApi {
  const tracker = new CallTracker();
  const events = new EventFanout();
  ws.on('message', (data: WebSocket.RawData) => {
    const message = parseServerFrame(String(data));
    if (!message) return;
    if (message.t === 'event') events.emit(message.event, message.payload);
    else tracker.settle(message);
  });
  ws.on('close', () => tracker.failAll({ name: 'Disconnected', message: 'socket closed' }));
  return createApiProxy(
    (method, params) => {
      const { message, outcome } = tracker.start(method, params);
      ws.send(JSON.stringify(message));
      return outcome;
    },
    (event, listener) => events.subscribe(event, listener),
  );
}

/** The next frame the server sends, parsed. */
export function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data: WebSocket.RawData) => resolve(JSON.parse(String(data)))));
}
