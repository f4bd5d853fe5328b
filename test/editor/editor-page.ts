/**
 * Drives the editor pane in a real Chromium for end-to-end tests and the
 * bench: the backend on a temporary vault, the browser-mode server with the
 * built renderer, and helpers that act the way a curator does (click, type,
 * keyboard shortcuts) and read what the editor shows through its test hooks.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import type { VaultService } from '../../electron/backend/vault-service';
import type { EditorTestHooks, MarkerInfo } from '../../shared/editor/editor-test-hooks';
import { buildRenderer } from './build-renderer';
import { splitFileParts } from '../../shared/editor/file-parts';

declare global {
  interface Window {
    __trellisEditor?: EditorTestHooks;
  }
}

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface EditorRig {
  server: WebServer;
  browser: Browser;
  /** A fresh page, logged in, with the file list loaded. */
  newPage(options?: { width?: number; height?: number; query?: string }): Promise<EditorPage>;
  /** Which page was built: the app itself, or the harness with the same components. */
  entry: 'app' | 'harness';
  close(): Promise<void>;
}

export async function startEditorRig(service: VaultService): Promise<EditorRig> {
  const buildDir = await mkdtemp(join(tmpdir(), 'trellis-renderer-'));
  const { entry } = await buildRenderer(buildDir);
  const server = await startWebServer({ service, port: 0, staticDir: buildDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    entry,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1920, height: options.height ?? 1000 } });
      const page = await context.newPage();
      const ep = new EditorPage(page);
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) ep.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => ep.consoleErrors.push(`pageerror: ${e.message}`));
      // `testhooks` survives the token-for-cookie redirect and turns on window.__trellisEditor.
      await page.goto(`${server.url}&testhooks${options.query ? `&${options.query}` : ''}`);
      await page.waitForSelector('[data-testid=file-list] li', { timeout: 60_000 });
      return ep;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(buildDir, { recursive: true, force: true });
    },
  };
}

export class EditorPage {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {}

  /** Opens a pattern the way a curator does: a click in the file list. */
  async open(path: string): Promise<void> {
    await this.page.click(`[data-testid=file-list] li[data-path="${path}"]`);
    await this.page.waitForFunction((p) => window.__trellisEditor?.activePath() === p && window.__trellisEditor.text(p) !== undefined, path, { timeout: 20_000 });
  }

  /** Puts the cursor at a 1-based line/column of an editor, focused. */
  async place(part: 'yaml' | 'body', line: number, column: number): Promise<void> {
    await this.page.evaluate(([p, l, c]) => window.__trellisEditor?.place(p as 'yaml' | 'body', l as number, c as number), [part, line, column] as const);
  }

  /** 1-based line in an editor of the first line that contains `needle`. */
  async lineOf(part: 'yaml' | 'body', needle: string): Promise<number> {
    const text = await this.partText(part);
    const i = text.split('\n').findIndex((l) => l.includes(needle));
    if (i < 0) throw new Error(`'${needle}' is not in the ${part} editor`);
    return i + 1;
  }

  /** What one editor holds: the front-matter or the prose of the active file. */
  async partText(part: 'yaml' | 'body'): Promise<string> {
    const parts = splitFileParts((await this.text()) ?? '');
    if (parts.mode === 'whole') return part === 'body' ? parts.text : '';
    return part === 'yaml' ? parts.yaml : parts.body;
  }

  text(path?: string): Promise<string | undefined> {
    return this.page.evaluate((p) => window.__trellisEditor?.text(p), path);
  }

  markers(part: 'yaml' | 'body'): Promise<MarkerInfo[]> {
    return this.page.evaluate((p) => window.__trellisEditor?.markers(p) ?? [], part);
  }

  dirty(path: string): Promise<boolean> {
    return this.page.evaluate((p) => window.__trellisEditor?.tabs().find((t) => t.path === p)?.dirty ?? false, path);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }
}

/** Polls until `check` returns a truthy value (returned), or fails with the last value after `ms`. */
export async function until<T>(what: string, check: () => Promise<T>, ms = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
