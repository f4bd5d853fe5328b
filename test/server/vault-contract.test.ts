/**
 * One contract suite, four ways in: the service itself, the in-process
 * transport, the browser-mode WebSocket with a raw `ws` client, and the
 * renderer's API client over that same WebSocket.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import { describe, expect, it, vi } from 'vitest';
import type { VaultEvents } from '../../shared/api/vault-api';
import { createLocalApi } from '../../shared/api/transport-rpc';
import { startWebServer } from '../../electron/server/web-server';
import { createApiClient } from '../../renderer/api/api-client';
import type { WebSocketLike } from '../../renderer/api/ws-transport';
import { describeVaultContract } from './vault-contract';
import { makeStaticDir, openTestVault } from './test-vault';
import { apiUrlFor, connectWs, originFor, sessionCookieFor, wsApi } from './ws-test-client';

describeVaultContract('the service in-process', async () => {
  const vault = await openTestVault();
  return { api: vault.service, root: vault.root, close: vault.cleanup };
});

describeVaultContract('the in-process transport (checkRequest + wire errors)', async () => {
  const vault = await openTestVault();
  return { api: createLocalApi(vault.service), root: vault.root, close: vault.cleanup };
});

describeVaultContract('the WebSocket transport, raw ws client', async () => {
  const vault = await openTestVault();
  const server = await startWebServer({ service: vault.service, port: 0, staticDir: await makeStaticDir(vault.dir) });
  const ws = await connectWs(server);
  return {
    api: wsApi(ws),
    root: vault.root,
    async close() {
      ws.close();
      await server.close();
      await vault.cleanup();
    },
  };
});

describeVaultContract('the WebSocket transport, renderer API client', async () => {
  const vault = await openTestVault();
  const server = await startWebServer({ service: vault.service, port: 0, staticDir: await makeStaticDir(vault.dir) });
  // What the browser adds by itself: our Origin and the session cookie.
  const createWebSocket = (url: string) => new WebSocket(url, { origin: originFor(server), headers: { Cookie: sessionCookieFor(server) } }) as unknown as WebSocketLike;
  const client = createApiClient({ webSocketUrl: apiUrlFor(server), createWebSocket });
  return {
    api: client,
    root: vault.root,
    async close() {
      client.dispose();
      await server.close();
      await vault.cleanup();
    },
  };
});

describe('events through the WebSocket', () => {
  it('tells a connected page when another program changes a file', async () => {
    const vault = await openTestVault({ watch: true });
    const server = await startWebServer({ service: vault.service, port: 0, staticDir: await makeStaticDir(vault.dir) });
    const ws = await connectWs(server);
    try {
      const api = wsApi(ws);
      const heard = new Promise<VaultEvents['onDidChangeFiles']>((resolve) => api.on('onDidChangeFiles', resolve));
      const path = join(vault.root, 'pairing-sessions.md');
      await writeFile(path, `${await readFile(path, 'utf8')}\nEdited in another editor.\n`);
      expect(await heard).toEqual({ changed: ['pairing-sessions.md'], removed: [], external: true });
    } finally {
      ws.close();
      await server.close();
      await vault.cleanup();
    }
  });
});

describe('editor buffers per connection', () => {
  it("drops a page's unsaved buffer when its connection closes, so other pages see the file again", async () => {
    const vault = await openTestVault();
    const server = await startWebServer({ service: vault.service, port: 0, staticDir: await makeStaticDir(vault.dir) });
    const [a, b] = await Promise.all([connectWs(server), connectWs(server)]);
    try {
      const [editor, viewer] = [wsApi(a), wsApi(b)];
      const path = 'walking-skeleton.md';
      const onDisk = await viewer.getDiagnostics({ path });
      await editor.setBuffer({ path, text: '---\nid: [unclosed\n---\n' });
      const whileEditing = await viewer.getDiagnostics({ path });
      expect(whileEditing).not.toEqual(onDisk);
      expect(whileEditing.some((d) => d.severity === 'error')).toBe(true);
      a.close();
      await vi.waitFor(async () => expect(await viewer.getDiagnostics({ path })).toEqual(onDisk), { timeout: 3000 });
    } finally {
      b.close();
      await server.close();
      await vault.cleanup();
    }
  });
});
