/**
 * The whole app in a real browser for end-to-end tests: the built renderer
 * (dist/renderer, built by test/global-setup.ts) served in browser mode by the
 * real server, on a temporary copy of the sample vault, in Debian's Chromium.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openVaultService, type VaultService, type VaultServiceOptions } from '../../electron/backend/vault-service';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import { tempVault, type TempVault } from './temp-vault';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const RENDERER = resolve(process.cwd(), 'dist/renderer');

/** The launch flags that work on these machines (no GPU, closed network, root). */
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Debian chromium is not installed (apt-get install chromium)');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface RunningApp {
  vault: TempVault;
  service: VaultService;
  server: WebServer;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openApp(browser: Browser, options: VaultServiceOptions & { vault?: TempVault } = {}): Promise<RunningApp> {
  const vault = options.vault ?? tempVault();
  const service = await openVaultService(vault.dir, { cache: false, ...options });
  const server = await startWebServer({ service, port: 0, staticDir: RENDERER });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  return {
    vault,
    service,
    server,
    page,
    errors,
    async close() {
      await context.close();
      await server.close();
      await service.dispose();
      vault.dispose();
    },
  };
}
