/**
 * Browser mode in a real browser (Debian's Chromium, driven by Playwright):
 * the printed URL logs in, the token leaves the address bar, the page's own
 * WebSocket is accepted on the cookie alone, the CSP lets our page run, and a
 * page from another origin cannot open the API. Skipped where no Chromium is
 * installed.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import { makeStaticDir, openTestVault, type TestVault } from './test-vault';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe.skipIf(!CHROMIUM)('browser mode in Chromium', () => {
  let vault: TestVault;
  let server: WebServer;
  let browser: Browser;
  let evil: Server;
  let evilPort: number;

  beforeAll(async () => {
    vault = await openTestVault();
    const staticDir = await makeStaticDir(vault.dir);
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>Trellis</title><script type="module" src="./app.js"></script></head><body></body></html>');
    await build({ entryPoints: [join(import.meta.dirname, 'fixtures', 'browser-client.ts')], bundle: true, format: 'esm', platform: 'browser', outfile: join(staticDir, 'app.js'), logLevel: 'warning' });
    server = await startWebServer({ service: vault.service, port: 0, staticDir });
    // Another site on this machine, as a hostile page would be.
    evil = createServer((_req, res) => res.end('<!doctype html><title>evil</title>'));
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilPort = (evil.address() as AddressInfo).port;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    evil?.close();
    await server?.close();
    await vault?.cleanup();
  });

  it('logs in with the printed URL and talks to the vault over its WebSocket', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(server.url);
    expect(page.url()).toBe(`http://127.0.0.1:${server.port}/`);
    await page.waitForSelector('body[data-files], body[data-error]', { state: 'attached', timeout: 10_000 });
    expect(await page.getAttribute('body', 'data-error')).toBeNull();
    expect(await page.getAttribute('body', 'data-files')).toBe('28');
    // HttpOnly: the page's scripts never see the secret.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('shows nothing to a browser without the token', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`http://127.0.0.1:${server.port}/`);
    expect(response?.status()).toBe(403);
    await context.close();
  });

  // 127.0.0.1 on another port is the same *site*, so the browser sends the SameSite=Strict cookie: only the Origin check stands in the way.
  it.each(['127.0.0.1', 'localhost'])('keeps a page from another origin (%s, another port) out of the API, even in a browser that is logged in', async (evilHost) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('body[data-files]', { state: 'attached', timeout: 10_000 });
    await page.goto(`http://${evilHost}:${evilPort}/`);
    const outcome = await page.evaluate(async (target) => {
      const ws = await new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${target}/api`);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      });
      const read = await fetch(`http://127.0.0.1:${target}/`, { mode: 'no-cors', credentials: 'include' }).then(
        (r) => r.type,
        () => 'failed',
      );
      return { ws, read };
    }, server.port);
    expect(outcome.ws).toBe('refused');
    // At best an opaque response the page cannot read; the server refused it anyway (no cookie, foreign Origin).
    expect(['opaque', 'failed']).toContain(outcome.read);
    await context.close();
  });
});
