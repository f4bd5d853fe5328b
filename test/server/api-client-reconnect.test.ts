/**
 * The renderer's browser-mode client when the connection drops: calls in
 * flight fail at once with `Disconnected` (never hang), and the client
 * reconnects by itself when the server is back.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import type { VaultApi } from '../../shared/api/vault-api';
import { createApiClient, type ApiClient, type ConnectionState } from '../../renderer/api/api-client';
import type { WebSocketLike } from '../../renderer/api/ws-transport';
import { makeStaticDir, openTestVault, type TestVault } from './test-vault';

let vault: TestVault;
let staticDir: string;
let release: () => void = () => undefined;

/** The real service, except that getGraph waits until the test lets it go. */
function withSlowGraph(service: VaultApi): VaultApi {
  return new Proxy(service, {
    get(target, key, receiver) {
      if (key !== 'getGraph') return Reflect.get(target, key, receiver);
      return async () => {
        await new Promise<void>((r) => (release = r));
        return target.getGraph({});
      };
    },
  });
}

beforeAll(async () => {
  vault = await openTestVault();
  staticDir = await makeStaticDir(vault.dir);
});
afterAll(() => vault.cleanup());

describe('renderer API client over WebSocket', () => {
  let server: WebServer;
  let client: ApiClient;
  let sockets: WebSocket[] = [];
  const states: ConnectionState[] = [];

  beforeAll(async () => {
    server = await startWebServer({ service: withSlowGraph(vault.service), port: 0, staticDir });
    const { port, token } = server;
    // Every reconnection presents the cookie again, as a browser would.
    const createWebSocket = (url: string) => {
      const ws = new WebSocket(url, { origin: `http://127.0.0.1:${port}`, headers: { Cookie: `trellis-${port}=${token}` } });
      sockets.push(ws);
      return ws as unknown as WebSocketLike;
    };
    client = createApiClient({ webSocketUrl: `ws://127.0.0.1:${port}/api`, createWebSocket, reconnectDelaysMs: [20, 50] });
    client.onDidChangeConnection((s) => states.push(s));
  });
  afterAll(async () => {
    client.dispose();
    await server.close();
  });

  it('queues calls made before the socket opens', async () => {
    expect((await client.getVault({})).files).toBe(28);
    expect(client.connection).toBe('open');
  });

  it('fails a call in flight when the connection drops, then reconnects by itself', async () => {
    const pending = client.getGraph({});
    await new Promise((r) => setTimeout(r, 30));
    // The network drops the socket (sleep, a proxy restart): no close handshake.
    sockets.at(-1)?.terminate();
    await expect(pending).rejects.toMatchObject({ name: 'Disconnected' });
    release();
    await vi.waitFor(() => expect(client.connection).toBe('open'), { timeout: 2000 });
    expect(states).toEqual(['open', 'closed', 'connecting', 'open']);
    expect((await client.listFiles({})).length).toBe(28);
    expect(sockets.length).toBe(2);
  });

  it('fails calls made while the server is gone after one attempt, instead of waiting forever', async () => {
    await server.close();
    await vi.waitFor(() => expect(client.connection).not.toBe('open'));
    await expect(client.getVault({})).rejects.toMatchObject({ name: 'Disconnected' });
  });

  it('fails every call after dispose', async () => {
    client.dispose();
    await expect(client.getVault({})).rejects.toMatchObject({ name: 'Disconnected' });
    sockets = [];
  });
});
