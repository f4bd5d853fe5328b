/**
 * Browser mode as an attacker sees it: real HTTP requests on a real port,
 * written byte for byte (raw sockets), against the server with a vault open.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import { httpGet, rawRequest } from './raw-http';
import { makeStaticDir, openTestVault, PLACEHOLDER_HTML, type TestVault } from './test-vault';
import { connectWs, nextMessage, originFor, sessionCookieFor, wsApi } from './ws-test-client';

// Every file the server opens is recorded, so "refused" also means "nothing read".
const opened: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsPromises>();
  return {
    ...real,
    open: (...args: Parameters<typeof real.open>) => {
      opened.push(String(args[0]));
      return real.open(...args);
    },
  };
});

const SECRET = 'TOP-SECRET-MARKER-6f1c';
const EXPECTED_CSP = (port: number) =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;

let vault: TestVault;
let server: WebServer;
let secretPath: string;
let host: string;
let cookie: string;
const page = (extra: Record<string, string> = {}) => ({ Host: host, Cookie: cookie, ...extra });

beforeAll(async () => {
  vault = await openTestVault();
  const staticDir = await makeStaticDir(vault.dir);
  // Beside the static folder, where every traversal below tries to go.
  secretPath = join(vault.dir, 'secret.txt');
  await writeFile(secretPath, `${SECRET}\n`);
  await mkdir(join(vault.dir, 'outside-dir'));
  await writeFile(join(vault.dir, 'outside-dir', 'secret.txt'), `${SECRET}\n`);
  await symlink(secretPath, join(staticDir, 'leak.txt'));
  await symlink(join(vault.dir, 'outside-dir'), join(staticDir, 'linkdir'));
  server = await startWebServer({ service: vault.service, port: 0, staticDir });
  host = `127.0.0.1:${server.port}`;
  cookie = sessionCookieFor(server);
});
afterAll(async () => {
  await server?.close();
  await vault?.cleanup();
});

describe('listening and the token', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`));
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of ['::1', ...others]) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host: address, port: server.port });
        s.on('connect', () => (s.destroy(), resolve(false)));
        s.on('error', () => resolve(true));
      });
      expect(refused, `reachable on ${address}`).toBe(true);
    }
  });

  it('uses a fresh random token of at least 128 bits', async () => {
    expect(Buffer.from(server.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const other = await startWebServer({ service: vault.service, port: 0, staticDir: join(vault.dir, 'static') });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and takes it out of the URL', async () => {
    const res = await httpGet(server.port, `/?token=${server.token}`, { Host: host });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = res.headers['set-cookie'] ?? '';
    expect(setCookie).toContain(`trellis-${server.port}=${server.token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves the page with the cookie, with a strict CSP and nosniff', async () => {
    const res = await httpGet(server.port, '/', page());
    expect(res.status).toBe(200);
    expect(res.body).toBe(PLACEHOLDER_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP(server.port));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const script = await httpGet(server.port, '/assets/app.js', page());
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('accepts localhost:PORT as Host too', async () => {
    const res = await httpGet(server.port, '/', page({ Host: `localhost:${server.port}` }));
    expect(res.status).toBe(200);
  });

  it.each([
    ['no credentials', undefined],
    ['a wrong cookie', 'trellis-PORT=wrong'],
    ['an empty cookie', 'trellis-PORT='],
    ['the token under another port’s cookie name', 'trellis-1=TOKEN'],
  ])('refuses a request with %s', async (_name, cookieTemplate) => {
    const headers: Record<string, string> = { Host: host };
    if (cookieTemplate) headers.Cookie = cookieTemplate.replace('PORT', String(server.port)).replace('TOKEN', server.token);
    const res = await httpGet(server.port, '/', headers);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('placeholder');
    expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP(server.port));
  });

  it('refuses a wrong token in the URL, and a token of the wrong length', async () => {
    expect((await httpGet(server.port, `/?token=${server.token.slice(0, -1)}A`, { Host: host })).status).toBe(403);
    expect((await httpGet(server.port, `/?token=${server.token}x`, { Host: host })).status).toBe(403);
  });

  it('never redirects off-site when trading the token', async () => {
    const res = await rawRequest(server.port, `//evil.example/?token=${server.token}`, { Host: host });
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });
});

describe('Host and Origin', () => {
  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example:PORT', '0.0.0.0:PORT', '[::1]:PORT'])(
    'refuses Host: %s (DNS rebinding)',
    async (h) => {
      const res = await rawRequest(server.port, '/', { Host: h.replace('PORT', String(server.port)), Cookie: cookie });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('placeholder');
    },
  );

  it('refuses a request without Host', async () => {
    const res = await rawRequest(server.port, '/', { Cookie: cookie });
    expect([400, 403]).toContain(res.status);
    expect(res.body).not.toContain('placeholder');
  });

  it.each(['http://evil.example', 'null', 'http://127.0.0.1:1', 'https://127.0.0.1:PORT', 'http://localhost:PORT'])('refuses Origin: %s on a page request', async (o) => {
    const res = await httpGet(server.port, '/', page({ Origin: o.replace('PORT', String(server.port)) }));
    expect(res.status).toBe(403);
  });

  it('accepts our own Origin', async () => {
    expect((await httpGet(server.port, '/', page({ Origin: originFor(server) }))).status).toBe(200);
  });

  it('answers only GET and HEAD', async () => {
    expect((await httpGet(server.port, '/', page(), 'POST')).status).toBe(405);
    const head = await httpGet(server.port, '/', page(), 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('the WebSocket upgrade', () => {
  const refusedWith = async (options: Parameters<typeof connectWs>[1]) => {
    const err = (await connectWs(server, options).then(
      (ws) => (ws.close(), undefined),
      (e: Error & { status?: number }) => e,
    )) as (Error & { status?: number }) | undefined;
    return err?.status;
  };

  it('opens with our Origin and the cookie', async () => {
    const ws = await connectWs(server);
    expect((await wsApi(ws).getVault({})).files).toBe(28);
    ws.close();
  });

  it('refuses an upgrade without Origin', async () => expect(await refusedWith({ origin: null })).toBe(403));
  it('refuses a foreign Origin', async () => expect(await refusedWith({ origin: 'http://evil.example' })).toBe(403));
  it('refuses a missing cookie', async () => expect(await refusedWith({ cookie: null })).toBe(403));
  it('refuses a wrong cookie', async () => expect(await refusedWith({ cookie: `trellis-${server.port}=nope` })).toBe(403));
  it('refuses a wrong Host', async () => expect(await refusedWith({ host: `evil.example:${server.port}` })).toBe(403));
  it('has no endpoint but /api', async () => expect(await refusedWith({ path: '/other' })).toBe(404));
});

describe('static files: path confinement', () => {
  const traversals = [
    '/../secret.txt',
    '/../../../../etc/passwd',
    '/assets/../../secret.txt',
    '/..%2f..%2fetc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/.%2e/secret.txt',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/%252e%252e%252fsecret.txt',
    '/..\\..\\secret.txt',
    '/..%5c..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%2F%2Fetc/passwd',
    '/%c0%ae%c0%ae/secret.txt',
    '/%e0%80%ae%e0%80%ae/secret.txt',
    '/index.html%00.txt',
    '/index.html%00',
    '/C:%5cWindows%5cwin.ini',
    '/leak.txt',
    '/linkdir/secret.txt',
    '/.hidden',
    `http://127.0.0.1:PORT/../secret.txt`,
  ];

  it.each(traversals)('refuses %s and reads nothing outside', async (target) => {
    opened.length = 0;
    const res = await rawRequest(server.port, target.replace('PORT', String(server.port)), page());
    if (process.env.TRELLIS_SHOW_STATUS) console.log(res.status, target, res.body.trim());
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:/);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(opened.filter((p) => p.includes('secret') || p.startsWith('/etc'))).toEqual([]);
  });

  it('still serves what is inside after all that', async () => {
    opened.length = 0;
    expect((await rawRequest(server.port, '/assets/app.js', page())).status).toBe(200);
    // The recorder works: a served file shows up in it.
    expect(opened.some((p) => p.endsWith('app.js'))).toBe(true);
    expect((await rawRequest(server.port, '/assets/%61pp.js', page())).status).toBe(200);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await rawRequest(server.port, '/nope.js', page())).status).toBe(404);
    expect((await rawRequest(server.port, '/assets', page())).status).toBe(404);
    expect((await rawRequest(server.port, '/assets/', page())).status).toBe(404);
  });
});

describe('WebSocket frames', () => {
  it('answers malformed frames with an error and keeps serving', async () => {
    const ws = await connectWs(server);
    const cases: Array<[string | Buffer, Record<string, unknown>]> = [
      ['not json', { t: 'error', id: null, error: { name: 'BadFrame' } }],
      ['[1,2,3]', { t: 'error', id: null, error: { name: 'BadFrame' } }],
      ['{"t":"result","id":1}', { t: 'error', id: 1, error: { name: 'BadFrame' } }],
      ['{"t":"call","method":"getVault"}', { t: 'error', id: null, error: { name: 'BadFrame' } }],
      ['{"t":"call","id":{},"method":"getVault"}', { t: 'error', id: null, error: { name: 'BadFrame' } }],
      ['{"t":"call","id":7,"method":"rmrf","params":{}}', { t: 'error', id: 7, error: { name: 'InvalidRequest' } }],
      ['{"t":"call","id":8,"method":"readFile","params":{"path":"../secret.md"}}', { t: 'error', id: 8, error: { name: 'InvalidRequest' } }],
      ['{"t":"call","id":9,"method":"readFile","params":{"path":"/etc/passwd.md"}}', { t: 'error', id: 9, error: { name: 'InvalidRequest' } }],
      ['{"t":"call","id":10,"method":"getVault","params":{"extra":1}}', { t: 'error', id: 10, error: { name: 'InvalidRequest' } }],
      ['{"t":"call","id":11,"method":"toString","params":{}}', { t: 'error', id: 11, error: { name: 'InvalidRequest' } }],
      ['{"t":"call","id":12,"method":"__proto__","params":{}}', { t: 'error', id: 12, error: { name: 'InvalidRequest' } }],
      [Buffer.from([1, 2, 3]), { t: 'error', id: null, error: { name: 'BadFrame' } }],
    ];
    for (const [frame, expected] of cases) {
      const reply = nextMessage(ws);
      ws.send(frame, { binary: Buffer.isBuffer(frame) });
      expect(await reply, String(frame)).toMatchObject(expected);
    }
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'call', id: 'last', method: 'getVault', params: {} }));
    expect(await reply).toMatchObject({ t: 'result', id: 'last', result: { files: 28 } });
    ws.close();
  });

  it('closes a connection that sends a frame over 16 MiB, and the server lives on', async () => {
    const ws = await connectWs(server);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(16 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    const again = await connectWs(server);
    expect((await wsApi(again).getVault({})).files).toBe(28);
    again.close();
  });

  it('forwards backend events to every connected client', async () => {
    const [a, b] = await Promise.all([connectWs(server), connectWs(server)]);
    const heard = [a, b].map(
      (ws) =>
        new Promise<unknown>((resolve) =>
          ws.on('message', (data: WebSocket.RawData) => {
            const m = JSON.parse(String(data)) as { t: string; event?: string };
            if (m.t === 'event' && m.event === 'onDidChangeFiles') resolve(m);
          }),
        ),
    );
    const api = wsApi(a);
    const file = await api.readFile({ path: 'team-charter.md' });
    expect(await api.saveFile({ path: 'team-charter.md', text: `${file.text}\n`, baseHash: file.hash })).toMatchObject({ ok: true });
    for (const h of await Promise.all(heard)) expect(h).toMatchObject({ t: 'event', event: 'onDidChangeFiles', payload: { changed: ['team-charter.md'] } });
    a.close();
    b.close();
  });
});
