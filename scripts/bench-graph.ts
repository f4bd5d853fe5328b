/**
 * `npm run bench:graph [-- <folder>] [--runs N] [--screenshots DIR]`: the graph
 * view on a real vault (default: the corpus) in headless Chromium. Per run:
 * time from data-ready to the first full paint, cold (no cached positions)
 * and cached, then requestAnimationFrame deltas over a scripted pan and zoom
 * made of real input (mouse drags and wheel). Prints a table, then one JSON
 * line. The page is renderer/graph/bench, built with Vite (production mode,
 * test hooks on by `?testhooks`).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzeVault } from '../electron/vault/analyze-vault';
import { buildGraph } from '../shared/vault/graph-model';
import { median, percentile } from './bench/bench-util';
// Types `window.__trellisGraph` (the graph view's test hooks) for the page functions below.
import type {} from '../test/graph/graph-page';

interface Options {
  folder: string;
  runs: number;
  screenshots: string | undefined;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { folder: resolve('../shared/corpus/patterns'), runs: 3, screenshots: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--runs') options.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--screenshots') options.screenshots = resolve(argv[++i] as string);
    else if (!a.startsWith('-')) options.folder = resolve(a);
  }
  return options;
}

const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const VIEWPORT = { width: 1400, height: 900 };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve('renderer/graph/bench'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8192 },
    oxc: { jsx: { runtime: 'automatic' } },
  });
}

function serve(dir: string, graphJson: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    if (path === '/graph.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return void res.end(graphJson);
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404);
      return void res.end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

interface BenchState {
  dataReady: number;
  paints: Array<{ first: boolean; at: number }>;
  layouts: Array<{ source: string; ms: number; at: number }>;
  error?: string;
}

async function benchState(page: Page): Promise<BenchState | undefined> {
  return page.evaluate(() => (window as unknown as { __bench?: BenchState }).__bench);
}

async function firstPaint(page: Page, timeoutMs = 120_000): Promise<{ ms: number; layout: string }> {
  await page.waitForFunction(() => ((window as unknown as { __bench?: BenchState }).__bench?.paints.length ?? 0) > 0 || !!(window as unknown as { __bench?: BenchState }).__bench?.error, undefined, { timeout: timeoutMs });
  const state = (await benchState(page)) as BenchState;
  if (state.error) throw new Error(`bench page: ${state.error}`);
  return { ms: (state.paints[0] as { at: number }).at - state.dataReady, layout: state.layouts[0]?.source ?? '?' };
}

/** A point in the graph area at least `clear` px from every drawn node, to start a pan on the background. */
async function emptySpot(page: Page, clear = 24): Promise<{ x: number; y: number }> {
  return page.evaluate((clearPx) => {
    const hooks = window.__trellisGraph;
    const host = document.querySelector('.graph-host') as HTMLElement;
    const r = host.getBoundingClientRect();
    const pts = (hooks?.visibleNodeIds() ?? []).map((id) => hooks?.clientPositionOf(id)).filter((p): p is { x: number; y: number } => !!p);
    let best = { x: r.left + 40, y: r.top + 40 };
    let bestD = -1;
    for (let gx = 0.2; gx <= 0.8; gx += 0.05) {
      for (let gy = 0.25; gy <= 0.75; gy += 0.05) {
        const x = r.left + gx * r.width;
        const y = r.top + gy * r.height;
        let d = Infinity;
        for (const p of pts) d = Math.min(d, Math.hypot(p.x - x, p.y - y));
        if (d >= clearPx) return { x, y };
        if (d > bestD) {
          bestD = d;
          best = { x, y };
        }
      }
    }
    return best;
  }, clear);
}

async function drag(page: Page, dx: number, dy: number, steps: number): Promise<void> {
  const start = await emptySpot(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx, start.y + dy, { steps });
  await page.mouse.move(start.x, start.y, { steps });
  await page.mouse.up();
}

/**
 * Wheel notches about 16 ms apart. Cytoscape treats a wheel that always
 * reports the same delta as a notched mouse wheel and zooms ~3% a notch, so
 * 60 notches take the overview (zoom ~0.3) to where labels show (~1.5).
 */
async function wheel(page: Page, at: { x: number; y: number }, deltaY: number, ticks: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < ticks; i++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(16);
  }
}

interface Frame {
  ms: number;
  phase: string;
}

/** requestAnimationFrame deltas over a scripted pan, zoom in, pan, zoom out, pan; each tagged with its phase. */
async function measureFrames(page: Page): Promise<Frame[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: Array<{ ms: number; phase: string }>; __stopFrames: boolean; __phase: string };
    w.__frames = [];
    w.__stopFrames = false;
    w.__phase = 'start';
    let last = -1;
    const loop = (t: number) => {
      if (last >= 0) w.__frames.push({ ms: t - last, phase: w.__phase });
      last = t;
      if (!w.__stopFrames) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const phase = (name: string) => page.evaluate((n) => ((window as unknown as { __phase: string }).__phase = n), name);
  const host = await page.locator('.graph-host').boundingBox();
  const centre = { x: (host?.x ?? 0) + (host?.width ?? 800) / 2, y: (host?.y ?? 0) + (host?.height ?? 600) / 2 };
  await phase('pan at overview');
  await drag(page, 320, 160, 40);
  await phase('zoom in');
  await wheel(page, centre, -100, 60);
  await phase('pan zoomed in');
  await drag(page, -300, 120, 40);
  await phase('zoom out');
  await wheel(page, centre, 100, 60);
  await phase('pan at overview again');
  await drag(page, 200, -200, 40);
  await phase('settle');
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __frames: Array<{ ms: number; phase: string }>; __stopFrames: boolean };
    w.__stopFrames = true;
    return w.__frames;
  });
}

/** Frames over 100 ms, counted by phase: where the time goes. */
function slowByPhase(runs: Frame[][]): string {
  const counts = new Map<string, number[]>();
  for (const f of runs.flat()) if (f.ms > 100) (counts.get(f.phase) ?? counts.set(f.phase, []).get(f.phase))?.push(Math.round(f.ms));
  return [...counts].map(([p, v]) => `${p}: ${v.join(', ')}`).join('; ') || 'none';
}

async function screenshots(page: Page, dir: string, prefix: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  const shot = async (name: string) => {
    const file = join(dir, `${prefix}-${name}.png`);
    await page.screenshot({ path: file });
    out.push(file);
  };
  await page.click('[data-testid=graph-legend] summary');
  await shot('overview');
  const hub = await page.evaluate(() => {
    const hooks = window.__trellisGraph;
    const ids = hooks?.visibleNodeIds() ?? [];
    const edges = hooks?.visibleEdgeIds() ?? [];
    return { ids, edges };
  });
  // The most linked pattern in view, for zoom and focus shots.
  const degree = new Map<string, number>();
  for (const e of hub.edges) {
    const [, source] = e.split(':');
    if (source) degree.set(source, (degree.get(source) ?? 0) + 1);
  }
  const centreId = [...degree].sort((a, b) => b[1] - a[1])[0]?.[0] ?? hub.ids[0];
  if (!centreId) return out;
  await page.evaluate((id) => {
    window.location.hash = `#/pattern/${encodeURIComponent(id)}`;
  }, centreId);
  await page.waitForTimeout(900);
  await shot('selected-zoomed');
  await page.evaluate((id) => {
    window.location.hash = `#/pattern/${encodeURIComponent(id)}/focus/1`;
  }, centreId);
  await page.waitForTimeout(900);
  await shot('focus');
  const inferred = await page.evaluate(() => (window.__trellisGraph?.visibleEdgeIds() ?? []).find((id) => window.__trellisGraph?.isDashed(id)));
  const curated = await page.evaluate(() => (window.__trellisGraph?.visibleEdgeIds() ?? []).find((id) => !window.__trellisGraph?.isDashed(id)));
  const target = inferred ?? curated;
  if (target) {
    const at = await page.evaluate((id) => window.__trellisGraph?.clientEdgeMidpoint(id), target);
    if (at) {
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(300);
      await shot('edge-tooltip');
      await page.mouse.click(at.x, at.y, { button: 'right' });
      await page.waitForTimeout(300);
      await shot('edge-menu');
      await page.keyboard.press('Escape');
    }
  }
  return out;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'trellis-bench-graph-'));
  let browser: Browser | undefined;
  let server: Server | undefined;
  try {
    const t0 = performance.now();
    const analyzed = await analyzeVault(options.folder, { useThisThread: true });
    const graph = buildGraph(analyzed.index);
    const graphJson = JSON.stringify(graph);
    console.log(`graph of ${options.folder}: ${graph.nodes.length} nodes, ${graph.edges.length} edges (built in ${Math.round(performance.now() - t0)} ms)`);
    const outDir = join(work, 'page');
    await buildPage(outDir);
    const served = await serve(outDir, graphJson);
    server = served.server;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const cold: number[] = [];
    const cached: number[] = [];
    const layoutMs: number[] = [];
    const frames: Frame[][] = [];
    const framesAll: Frame[][] = [];
    let drawn = { nodes: 0, edges: 0 };
    let drawnAll = { nodes: 0, edges: 0 };
    for (let run = 0; run < options.runs; run++) {
      // A fresh context per run: empty localStorage, so the first load is cold.
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.goto(`${served.url}?testhooks&key=bench`);
      const c = await firstPaint(page);
      cold.push(c.ms);
      await page.waitForFunction(() => (window as unknown as { __bench?: BenchState }).__bench?.layouts.some((l) => l.source === 'layout'), undefined, { timeout: 300_000 });
      const state = (await benchState(page)) as BenchState;
      layoutMs.push(state.layouts.find((l) => l.source === 'layout')?.ms ?? Number.NaN);
      if (run === 0 && options.screenshots) {
        await page.waitForTimeout(600);
        await page.screenshot({ path: join(options.screenshots, 'cold-after-layout.png') }).catch(() => undefined);
      }
      // Positions are saved half a second after the layout settles.
      await page.waitForTimeout(1200);
      await page.reload();
      const w = await firstPaint(page);
      if (w.layout !== 'cache') console.warn(`run ${run + 1}: the reload did not find cached positions (${w.layout})`);
      cached.push(w.ms);
      drawn = await page.evaluate(() => ({ nodes: window.__trellisGraph?.nodeCount() ?? 0, edges: window.__trellisGraph?.edgeCount() ?? 0 }));
      await page.waitForTimeout(1000);
      frames.push(await measureFrames(page));
      // The heaviest case: every link drawn (no threshold, inferred repeats of curated links shown).
      await page.goto(`${served.url}?testhooks&key=bench&filters=all`);
      await firstPaint(page);
      drawnAll = await page.evaluate(() => ({ nodes: window.__trellisGraph?.nodeCount() ?? 0, edges: window.__trellisGraph?.edgeCount() ?? 0 }));
      await page.waitForTimeout(1000);
      framesAll.push(await measureFrames(page));
      if (run === 0 && options.screenshots) {
        await page.goto(`${served.url}?testhooks&key=bench`);
        await firstPaint(page);
        await page.waitForTimeout(800);
        const files = await screenshots(page, options.screenshots, 'graph');
        console.log(`screenshots: ${files.join(', ')}`);
      }
      await context.close();
    }
    const all = frames.flat();
    const stats = (frames: Frame[]) => {
      const f = frames.map((x) => x.ms);
      return { median: median(f), p95: percentile(f, 95), max: Math.max(...f) };
    };
    const perRun = frames.map(stats);
    const perRunAll = framesAll.map(stats);
    console.log(`\ndrawn with the default filters: ${drawn.nodes} nodes, ${drawn.edges} links; with every link: ${drawnAll.edges} links; viewport ${VIEWPORT.width}x${VIEWPORT.height}`);
    console.log(`${'measure'.padEnd(44)} ${'median'.padStart(9)} ${'min'.padStart(8)} ${'max'.padStart(8)}  runs`);
    const row = (name: string, values: number[]) =>
      console.log(`${name.padEnd(44)} ${median(values).toFixed(0).padStart(9)} ${Math.min(...values).toFixed(0).padStart(8)} ${Math.max(...values).toFixed(0).padStart(8)}  ${values.length}`);
    row('first paint, cold (seed positions) ms', cold);
    row('first paint, cached positions ms', cached);
    row('overview layout in worker ms', layoutMs);
    row('frame median ms (per run)', perRun.map((r) => r.median));
    row('frame p95 ms (per run)', perRun.map((r) => r.p95));
    row('frame max ms (per run)', perRun.map((r) => r.max));
    row('every link drawn: frame median ms', perRunAll.map((r) => r.median));
    row('every link drawn: frame p95 ms', perRunAll.map((r) => r.p95));
    row('every link drawn: frame max ms', perRunAll.map((r) => r.max));
    console.log(`frames measured: ${all.length} (default filters), ${framesAll.flat().length} (every link)`);
    console.log(`frames over 100 ms by phase, default filters: ${slowByPhase(frames)}`);
    console.log(`frames over 100 ms by phase, every link: ${slowByPhase(framesAll)}`);
    const figures = {
      first_paint_ms_cold: Math.round(median(cold)),
      first_paint_ms_cached: Math.round(median(cached)),
      frame_ms_median: Number(median(perRun.map((r) => r.median)).toFixed(1)),
      frame_ms_p95: Number(median(perRun.map((r) => r.p95)).toFixed(1)),
      frame_ms_max: Number(Math.max(...perRun.map((r) => r.max)).toFixed(1)),
      layout_ms: Math.round(median(layoutMs)),
      nodes_drawn: drawn.nodes,
      edges_drawn: drawn.edges,
      all_links_edges_drawn: drawnAll.edges,
      all_links_frame_ms_p95: Number(median(perRunAll.map((r) => r.p95)).toFixed(1)),
      all_links_frame_ms_max: Number(Math.max(...perRunAll.map((r) => r.max)).toFixed(1)),
      runs: options.runs,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await browser?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
