/**
 * `npm run bench:editor [-- <corpus folder>] [--keys N]`: how fast the editor's
 * findings follow typing, in Chromium against browser mode with the whole real
 * corpus open (a temporary copy), on a ~30 KB pattern.
 *
 * - keystroke_ms_local: a keystroke (keydown) to the markers of the file's own
 *   rules updated for it (validation worker). Isolated keystrokes, as when a
 *   curator fixes something: the first change after a pause is validated at
 *   once; within a burst, validation waits for a 150 ms pause (reported too).
 * - keystroke_ms_crossfile: a keystroke that makes a relationship target
 *   missing (or present again) to the markers updated with the backend's
 *   cross-file findings (setBuffer round trip, index update, findings back).
 * - typing_frame_ms_max: the longest frame (requestAnimationFrame interval)
 *   while typing a burst into the prose, the app's own refreshes included.
 *
 * Prints a table, then one JSON line.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openVaultService } from '../electron/backend/vault-service';
import { copyCorpus } from './bench/corpus-copy';
import { median, percentile } from './bench/bench-util';
import { reportBusySpans, type CpuProfile } from './bench/busy-spans';
import { reportLongTasks } from './bench/trace-tasks';
import { CHROMIUM, startEditorRig, until } from '../test/editor/editor-page';
import { splitFileParts } from '../shared/editor/file-parts';

const args = process.argv.slice(2);
const keysAt = args.indexOf('--keys');
const KEYS = keysAt >= 0 ? Math.max(5, Number(args[keysAt + 1])) : 40;
const profileAt = args.indexOf('--profile');
/** `--profile out.cpuprofile`: a CPU profile of the typing burst, and what its long stretches were made of. */
const PROFILE = profileAt >= 0 ? args[profileAt + 1] : undefined;
const traceAt = args.indexOf('--trace');
/** `--trace out.json`: a Chrome trace of the typing burst, and what its long tasks were made of (style, layout, paint, GC included). */
const TRACE = traceAt >= 0 ? args[traceAt + 1] : undefined;
const folder = args.find((a, i) => !a.startsWith('-') && !['--keys', '--profile', '--trace'].includes(args[i - 1] ?? '')) ?? resolve('../shared/corpus/patterns');

if (!CHROMIUM) {
  console.error('bench:editor needs Chromium at /usr/bin/chromium');
  process.exit(1);
}

/** The pattern nearest 30 KB that has a curated relationship to an existing pattern (to break and mend). */
function pickPattern(dir: string): { name: string; bytes: number; target: string } {
  const names = new Set(readdirSync(dir).filter((n) => n.endsWith('.md')));
  const candidates = [...names]
    .map((n) => ({ name: n, bytes: statSync(join(dir, n)).size }))
    .sort((a, b) => Math.abs(a.bytes - 30_000) - Math.abs(b.bytes - 30_000));
  for (const c of candidates.slice(0, 200)) {
    const text = readFileSync(join(dir, c.name), 'utf8');
    const parts = splitFileParts(text);
    if (parts.mode !== 'split' || !parts.yaml.includes('\nrelationships:')) continue;
    const rels = parts.yaml.slice(parts.yaml.indexOf('\nrelationships:'));
    for (const m of rels.matchAll(/^ {2,}- slug: ([a-z0-9-]+)[ \t]*$/gm)) {
      if (names.has(`${m[1]}.md`)) return { ...c, target: m[1] as string };
    }
  }
  throw new Error('no ~30 KB pattern with an existing relationship target in the corpus');
}

const copy = copyCorpus(folder);
const pattern = pickPattern(copy.dir);
const t0 = performance.now();
const service = await openVaultService(copy.dir, { watch: false, cache: false });
const indexMs = performance.now() - t0;
const files = service.index.size;
const rig = await startEditorRig(service);

interface Figures {
  local: number[];
  cross: number[];
  frames: number[];
  longTasks: number[];
  burstEnd: number;
  broke: boolean;
  mended: boolean;
  errors: string[];
}

/** One run of the three measures in a fresh page (`query` picks a variant of the page). */
async function measure(query?: string): Promise<Figures> {
  const p = await rig.newPage({ width: 1500, height: 900, ...(query ? { query } : {}) });
  const page = p.page;
  await page.fill('.file-filter', pattern.name.replace(/\.md$/, ''));
  await p.open(pattern.name);
  // Let the first findings, the file list and the problems panel settle.
  await until('the first findings', async () => (await page.evaluate(() => window.__trellisEditor?.renders.length ?? 0)) > 0, 30_000);
  await page.waitForTimeout(1500);

  // Every keydown, with the text version before it, timed in the page (CDP's own delay is not part of the figures),
  // and every long task, to wait for the page to be quiet before each measure.
  await page.evaluate(() => {
    const w = window as unknown as { __keydowns: Array<{ at: number; version: number }>; __busyUntil: number };
    w.__keydowns = [];
    w.__busyUntil = performance.now();
    window.addEventListener('keydown', () => w.__keydowns.push({ at: performance.now(), version: window.__trellisEditor?.version() ?? 0 }), true);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__busyUntil = Math.max(w.__busyUntil, e.startTime + e.duration)))).observe({ type: 'longtask' });
  });
  /** Waits until the page has had no long task for 1.5 s (the app's refreshes from the previous measure are over). */
  const settle = () =>
    page
      .waitForFunction(() => performance.now() - (window as unknown as { __busyUntil: number }).__busyUntil > 1500, null, { polling: 100, timeout: 60_000 })
      .catch(() => undefined);

  /** Milliseconds from the last keydown to findings of `source` shown for the text it produced. */
  const latencyOfLastKey = async (source: 'local' | 'remote'): Promise<number> => {
    const handle = await page
      .waitForFunction(
        (src) => {
          const w = window as unknown as { __keydowns: Array<{ at: number; version: number }> };
          const hooks = window.__trellisEditor;
          const k = w.__keydowns[w.__keydowns.length - 1];
          if (!hooks || !k) return false;
          const v = hooks.version() ?? 0;
          if (v <= k.version) return false;
          const hit = hooks.renders.find((r) => r.source === src && r.version >= v && r.at >= k.at);
          return hit ? hit.at - k.at : false;
        },
        source,
        { polling: 5, timeout: 5000 },
      )
      .catch(() => undefined);
    return handle ? ((await handle.jsonValue()) as number) : Number.NaN;
  };

  /** Real key presses, one at a time with a pause after each: the latency of each. */
  const isolated = async (keys: string[], source: 'local' | 'remote', pauseMs: number) => {
    const out: number[] = [];
    for (const key of keys) {
      await page.keyboard.press(key);
      out.push(await latencyOfLastKey(source));
      await page.waitForTimeout(pauseMs);
    }
    return out;
  };

  // Local: isolated keystrokes in the prose.
  await settle();
  const bodyLine = await p.lineOf('body', '### ');
  await p.place('body', bodyLine + 2, 1);
  const local = await isolated(Array.from({ length: KEYS }, (_, i) => (i % 2 === 0 ? 'x' : 'Backspace')), 'local', 250);

  // Cross-file: break a relationship target and mend it, alternately.
  await settle();
  const relLine = await p.lineOf('yaml', `- slug: ${pattern.target}`);
  await p.place('yaml', relLine, 500);
  const cross = await isolated(Array.from({ length: KEYS }, (_, i) => (i % 2 === 0 ? 'q' : 'Backspace')), 'remote', 400);
  const mended = !(await p.markers('yaml')).some((m) => m.rule === 'relationship-target-missing' && m.line === relLine);
  // Once more, checking that the cross-file finding really appears (and then goes).
  await page.keyboard.type('q');
  const broke = await until('the missing-target marker', async () => (await p.markers('yaml')).some((m) => m.rule === 'relationship-target-missing' && m.line === relLine), 5000).catch(() => false);
  await page.keyboard.press('Backspace');
  await settle();

  // A burst of typing in the prose, measuring frames with requestAnimationFrame.
  await p.place('body', bodyLine + 2, 1);
  if (TRACE) await rig.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel'] });
  const cdp = PROFILE ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env['TRELLIS_SAMPLE_US'] ?? 250) });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean; __longTasks: number[] };
    w.__frames = [];
    w.__longTasks = [];
    w.__framing = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await page.keyboard.type('The curator types a whole sentence here to see whether the editor keeps up. '.repeat(2), { delay: 50 });
  // …and a new relationship target in the middle of it all: the one kind of typing that reaches the backend.
  await p.place('yaml', relLine, 500);
  await page.keyboard.type('-and-more', { delay: 50 });
  for (let i = 0; i < 9; i++) await page.keyboard.press('Backspace', { delay: 50 });
  await page.waitForTimeout(1200);
  const { frames, longTasks } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean; __longTasks: number[] };
    w.__framing = false;
    return { frames: w.__frames.slice(1), longTasks: w.__longTasks };
  });
  if (TRACE) {
    const buffer = await rig.browser.stopTracing();
    writeFileSync(TRACE, buffer);
    reportLongTasks(JSON.parse(buffer.toString('utf8')), Number(process.env['TRELLIS_SPAN_MS'] ?? 30));
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(PROFILE as string, JSON.stringify(profile));
    reportBusySpans(profile as unknown as CpuProfile, Number(process.env['TRELLIS_SPAN_MS'] ?? 50));
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
    console.log(`  page heap: ${(heap.usedSize / 2 ** 20).toFixed(0)} MB used of ${(heap.totalSize / 2 ** 20).toFixed(0)} MB`);
  }
  // From the last keystroke of a burst to its findings (includes the 150 ms quiet period).
  await p.place('body', bodyLine + 2, 1);
  await page.keyboard.type('zzzzzzzz', { delay: 40 });
  const burstEnd = await latencyOfLastKey('local');

  // Leave the backend as we found it for the next run: no unsaved buffer of ours.
  await service.setBuffer({ path: pattern.name, text: null });
  await page.context().close();
  const errors = p.consoleErrors.filter((e) => !/404/.test(e));
  return { local, cross, frames, longTasks, burstEnd, broke, mended, errors };
}

const ok = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
const fix1 = (x: number) => Number(x.toFixed(1));

function report(title: string, f: Figures): void {
  const rows: Array<[string, number[]]> = [
    ['keystroke → own-rule markers (isolated)', ok(f.local)],
    ['keystroke → cross-file markers (isolated)', ok(f.cross)],
    ['frame interval while typing', f.frames],
  ];
  console.log(title);
  console.log(`  ${'measure'.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  n`);
  for (const [name, xs] of rows) console.log(`  ${name.padEnd(44)} ${median(xs).toFixed(1).padStart(8)} ${percentile(xs, 95).toFixed(1).padStart(8)} ${Math.max(...xs).toFixed(1).padStart(8)}  ${xs.length}`);
  console.log(`  last keystroke of a burst → markers (150 ms quiet period included): ${f.burstEnd.toFixed(1)} ms`);
  console.log(`  long tasks (> 50 ms) while typing: ${f.longTasks.length ? f.longTasks.map((x) => x.toFixed(0)).join(', ') + ' ms' : 'none'}`);
  console.log(`  missing-target marker appeared: ${f.broke}; gone after mending: ${f.mended}; lost measurements: ${f.local.length + f.cross.length - ok(f.local).length - ok(f.cross).length}`);
  if (f.errors.length) console.log(`  page errors: ${f.errors.join(' | ')}`);
}

try {
  console.log(`bench:editor: ${pattern.name} (${pattern.bytes} bytes) with ${files} files open (indexed in ${(indexMs / 1000).toFixed(1)} s), page: ${rig.entry}`);
  const app = await measure();
  report('the app', app);
  console.log(
    JSON.stringify({
      keystroke_ms_local: fix1(median(ok(app.local))),
      keystroke_ms_crossfile: fix1(median(ok(app.cross))),
      typing_frame_ms_max: fix1(Math.max(...app.frames)),
      keystroke_ms_local_p95: fix1(percentile(ok(app.local), 95)),
      keystroke_ms_crossfile_p95: fix1(percentile(ok(app.cross), 95)),
      burst_end_ms_local: fix1(app.burstEnd),
      long_tasks: app.longTasks.length,
      file: pattern.name,
      bytes: pattern.bytes,
      files,
    }),
  );
} finally {
  await rig.close();
  await service.dispose();
  copy.dispose();
}
