/**
 * `npm run bench:curation [-- <folder>] [--runs N] [--decisions N] [--screenshot FILE] [--no-watch] [--inbox-only]`:
 * on a temporary copy of a real vault (default: the corpus),
 *
 * 1. the inbox for the whole vault: the backend's `getInbox` (median of
 *    `--runs`), and the same through the WebSocket into the page;
 * 2. accept/reject round trips in headless Chromium against browser mode:
 *    the real inbox (renderer/curation/bench, built with Vite) on the real
 *    server and vault service; a key goes down, the edit is previewed and
 *    applied (the file written, the index and graph model current, events
 *    out), and the inbox shows the backend's fresh state. Each decision's
 *    file is checked on disk.
 *
 * Prints a table, then one JSON line with `inbox_ms` and `decision_ms_median`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { openVaultService } from '../electron/backend/vault-service';
import { startWebServer } from '../electron/server/web-server';
import { copyCorpus } from './bench/corpus-copy';
import { median, percentile, printTable } from './bench/bench-util';

interface Options {
  folder: string;
  runs: number;
  decisions: number;
  screenshot: string | undefined;
  /** Diagnostic: run the vault service without its file watcher, to see what watching costs a decision. */
  watch: boolean;
  /** Diagnostic: the page does not connect the app's vault store (no refetch of files and findings after each change). */
  inboxOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { folder: resolve('../shared/corpus/patterns'), runs: 5, decisions: 20, screenshot: undefined, watch: true, inboxOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--decisions') o.decisions = Math.max(1, Number(argv[++i]));
    else if (a === '--screenshot') o.screenshot = resolve(argv[++i] as string);
    else if (a === '--no-watch') o.watch = false;
    else if (a === '--inbox-only') o.inboxOnly = true;
    else if (!a.startsWith('-')) o.folder = resolve(a);
  }
  return o;
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve('renderer/curation/bench'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8192 },
    oxc: { jsx: { runtime: 'automatic' } },
  });
}

/** What the page records (renderer/curation/test-hooks.ts and the bench page). */
interface PageState {
  decisions: Array<{ action: string; path: string; target: string; startedAt: number; appliedAt: number; settledAt: number; ok: boolean }>;
  lastLoad: { items: number; ms: number } | undefined;
  keys: number[];
  fileEvents: number[];
}

async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const w = window as unknown as { __trellisCuration?: Pick<PageState, 'decisions' | 'lastLoad'>; __curationBench?: Pick<PageState, 'keys' | 'fileEvents'> };
    return { decisions: w.__trellisCuration?.decisions ?? [], lastLoad: w.__trellisCuration?.lastLoad, keys: w.__curationBench?.keys ?? [], fileEvents: w.__curationBench?.fileEvents ?? [] };
  });
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const copy = copyCorpus(o.folder);
  const pageDir = mkdtempSync(join(tmpdir(), 'trellis-bench-curation-page-'));
  const cleanups: Array<() => Promise<void> | void> = [() => copy.dispose(), () => rmSync(pageDir, { recursive: true, force: true })];
  try {
    const t0 = performance.now();
    const service = await openVaultService(copy.dir, { cache: false, watch: o.watch });
    cleanups.unshift(() => service.dispose());
    const openMs = performance.now() - t0;

    // 1. The inbox, backend only.
    const inboxRuns: number[] = [];
    let items = 0;
    let bytes = 0;
    for (let i = 0; i < o.runs; i++) {
      const s = performance.now();
      const inbox = await service.getInbox({});
      inboxRuns.push(performance.now() - s);
      items = inbox.length;
      if (i === 0) bytes = Buffer.byteLength(JSON.stringify(inbox));
    }

    // 2. Decisions in Chromium against browser mode.
    if (!CHROMIUM) throw new Error('Debian chromium is not installed (apt-get install chromium)');
    await buildPage(pageDir);
    const server = await startWebServer({ service, port: 0, staticDir: pageDir });
    cleanups.unshift(() => server.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    cleanups.unshift(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}&testhooks${o.inboxOnly ? '&inboxonly' : ''}`);
    await page.getByTestId('inbox-row').first().waitFor({ timeout: 120_000 });
    const load = (await pageState(page)).lastLoad;
    await page.getByTestId('inbox-list').focus();

    const decisionMs: number[] = [];
    const byAction: Record<string, number[]> = { accept: [], reject: [] };
    const appliedMs: number[] = [];
    const refreshMs: number[] = [];
    const notifiedMs: number[] = [];
    let refused = 0;
    let unwritten = 0;
    for (let i = 0; i < o.decisions; i++) {
      const row = page.locator('[data-testid=inbox-row][aria-selected=true]');
      const path = (await row.getAttribute('data-path')) as string;
      const before = readFileSync(join(copy.dir, path), 'utf8');
      const seen = (await pageState(page)).decisions.length;
      await page.keyboard.press(i % 2 === 0 ? 'r' : 'a');
      await page.waitForFunction((n) => ((window as unknown as { __trellisCuration?: { decisions: unknown[] } }).__trellisCuration?.decisions.length ?? 0) > n, seen, { timeout: 30_000 });
      const state = await pageState(page);
      const d = state.decisions[state.decisions.length - 1] as PageState['decisions'][number];
      const keyAt = state.keys[state.keys.length - 1] as number;
      if (!d.ok) {
        refused++;
        continue;
      }
      if (readFileSync(join(copy.dir, d.path), 'utf8') === before) unwritten++;
      decisionMs.push(d.settledAt - keyAt);
      byAction[d.action]?.push(d.settledAt - keyAt);
      appliedMs.push(d.appliedAt - keyAt);
      refreshMs.push(d.settledAt - d.appliedAt);
      const event = state.fileEvents.find((t) => t >= keyAt);
      if (event !== undefined) notifiedMs.push(event - keyAt);
    }
    if (o.screenshot) await page.screenshot({ path: o.screenshot });

    printTable(`curation on ${o.folder} (temporary copy; ${items} inferred links, index built in ${openMs.toFixed(0)} ms${o.watch ? '' : '; NO file watcher'}${o.inboxOnly ? '; page without the vault store' : ''})`, [
      ['inbox (whole vault): backend getInbox', inboxRuns],
      ['inbox (whole vault): into the page', load ? [load.ms] : []],
      ['decision: key → applied (written, events out)', appliedMs],
      ['decision: key → file-change event in page', notifiedMs],
      ['decision: applied → inbox refreshed', refreshMs],
      ['decision: key → inbox shows the result', decisionMs],
      ['  accept (promote; one file)', byAction.accept ?? []],
      ['  reject (prune; file + pruned.yaml)', byAction.reject ?? []],
    ]);
    console.log(`inbox payload ${(bytes / 1024 / 1024).toFixed(1)} MiB · decisions ${decisionMs.length} written, ${refused} refused, ${unwritten} not on disk · page errors ${errors.length}`);
    for (const e of errors.slice(0, 5)) console.log(`  page error: ${e}`);
    console.log(
      JSON.stringify({
        inbox_ms: Math.round(median(inboxRuns) * 10) / 10,
        inbox_page_ms: load ? Math.round(load.ms) : null,
        inbox_items: items,
        decision_ms_median: Math.round(median(decisionMs) * 10) / 10,
        decision_ms_p90: Math.round(percentile(decisionMs, 90) * 10) / 10,
        decision_applied_ms_median: Math.round(median(appliedMs) * 10) / 10,
        decisions: decisionMs.length,
        refused,
        unwritten,
        page_errors: errors.length,
        decision_accept_ms_median: Math.round(median(byAction.accept ?? []) * 10) / 10,
        decision_reject_ms_median: Math.round(median(byAction.reject ?? []) * 10) / 10,
        watcher: o.watch,
        vault_store: !o.inboxOnly,
      }),
    );
  } finally {
    for (const c of cleanups) await c();
  }
}

await main();
