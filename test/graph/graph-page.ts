/**
 * Drives the graph view in a real Chromium for end-to-end tests: the backend
 * on a temporary vault, the browser-mode server with the graph harness page
 * (renderer/graph/bench, `?live`), and helpers that act the way a curator
 * does (click, type, right-click) and read what is drawn through
 * `window.__trellisGraph`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../electron/server/web-server';
import type { VaultApi } from '../../shared/api/vault-api';
import { REPO_ROOT } from '../server/test-vault';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface Point {
  x: number;
  y: number;
}

/** renderer/graph/test-hooks.ts, as the page exposes it. */
export interface GraphHooks {
  nodeCount(): number;
  edgeCount(): number;
  visibleNodeIds(): string[];
  visibleEdgeIds(): string[];
  isDashed(id: string): boolean | undefined;
  positionOf(id: string): Point | undefined;
  clientPositionOf(id: string): Point | undefined;
  clientEdgeMidpoint(id: string): Point | undefined;
  edge(id: string): { source: string; target: string; kind: 'curated' | 'inferred'; category: string; rawType: string; dashed: boolean } | undefined;
  selectedId(): string | undefined;
  zoom(): number;
}

declare global {
  interface Window {
    __trellisGraph?: GraphHooks;
    __bench?: { dataReady: number; paints: Array<{ first: boolean; at: number }>; layouts: Array<{ source: string; ms: number; at: number }>; error?: string };
  }
}

export interface GraphRig {
  server: WebServer;
  browser: Browser;
  newPage(): Promise<GraphPage>;
  close(): Promise<void>;
}

export async function buildGraphHarness(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'renderer/graph/bench'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8192 },
    oxc: { jsx: { runtime: 'automatic' } },
  });
}

export async function startGraphRig(service: VaultApi): Promise<GraphRig> {
  const buildDir = await mkdtemp(join(tmpdir(), 'trellis-graph-page-'));
  await buildGraphHarness(buildDir);
  const server = await startWebServer({ service, port: 0, staticDir: buildDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
      const page = await context.newPage();
      const gp = new GraphPage(page);
      page.on('console', (m) => {
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) gp.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => gp.consoleErrors.push(`pageerror: ${e.message}`));
      // The production build installs the hooks only when the address asks (`testhooks`).
      await page.goto(`${server.url}&testhooks&live`);
      await page.waitForFunction(() => (window.__trellisGraph?.nodeCount() ?? 0) > 0 && (window.__bench?.layouts.some((l) => l.source !== 'placed') ?? false), undefined, { timeout: 30_000 });
      return gp;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(buildDir, { recursive: true, force: true });
    },
  };
}

export class GraphPage {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {}

  nodeIds(): Promise<string[]> {
    return this.page.evaluate(() => window.__trellisGraph?.visibleNodeIds() ?? []);
  }

  edgeIds(): Promise<string[]> {
    return this.page.evaluate(() => window.__trellisGraph?.visibleEdgeIds() ?? []);
  }

  edges(): Promise<Array<NonNullable<ReturnType<GraphHooks['edge']>> & { id: string }>> {
    return this.page.evaluate(() => {
      const hooks = window.__trellisGraph;
      return (hooks?.visibleEdgeIds() ?? []).map((id) => ({ id, ...(hooks?.edge(id) as NonNullable<ReturnType<GraphHooks['edge']>>) }));
    });
  }

  positionOf(id: string): Promise<Point | undefined> {
    return this.page.evaluate((n) => window.__trellisGraph?.positionOf(n), id);
  }

  selectedId(): Promise<string | undefined> {
    return this.page.evaluate(() => window.__trellisGraph?.selectedId());
  }

  hash(): Promise<string> {
    return this.page.evaluate(() => window.location.hash);
  }

  async clickNode(id: string, options: { button?: 'left' | 'right'; double?: boolean } = {}): Promise<void> {
    const at = await this.page.evaluate((n) => window.__trellisGraph?.clientPositionOf(n), id);
    if (!at) throw new Error(`node ${id} is not drawn`);
    if (options.double) await this.page.mouse.dblclick(at.x, at.y);
    else await this.page.mouse.click(at.x, at.y, { button: options.button ?? 'left' });
  }

  /** Hovers the middle of a drawn link (where the edge layer hit-tests it). */
  async hoverEdge(id: string): Promise<void> {
    const at = await this.page.evaluate((e) => window.__trellisGraph?.clientEdgeMidpoint(e), id);
    if (!at) throw new Error(`link ${id} is not drawn`);
    await this.page.mouse.move(at.x - 30, at.y - 30);
    await this.page.mouse.move(at.x, at.y, { steps: 4 });
  }

  async rightClickEdge(id: string): Promise<void> {
    await this.hoverEdge(id);
    const at = await this.page.evaluate((e) => window.__trellisGraph?.clientEdgeMidpoint(e), id);
    if (at) await this.page.mouse.click(at.x, at.y, { button: 'right' });
  }

  async toggle(testId: string): Promise<void> {
    await this.page.click(`[data-testid=${testId}]`);
  }
}

/** Polls until `check` returns a truthy value (returned), or fails with the last value after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
