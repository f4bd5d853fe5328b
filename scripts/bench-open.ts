/**
 * `npm run bench:open [-- <folder>] [--runs N]`: time from "open vault" to
 * "index and diagnostics ready" in the backend, cold (no cache) and warm
 * (cache present), on a temporary copy of the real corpus. Every open runs in
 * a fresh process, as when the app starts, and reports that process's peak
 * RSS; in the same run, the CLI's validate time (also a fresh process each
 * time) for the ratio. Prints a table, then one JSON line.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openVaultService } from '../electron/backend/vault-service';
import { copyCorpus } from './bench/corpus-copy';
import { median, parseBenchArgs, printTable } from './bench/bench-util';

const self = fileURLToPath(import.meta.url);
const probe = process.argv.indexOf('--probe');

if (probe >= 0) {
  // Child: one open, then its figures on stdout.
  const dir = process.argv[probe + 1] as string;
  const t0 = performance.now();
  const service = await openVaultService(dir, { watch: false });
  await service.getDiagnostics({});
  const ms = performance.now() - t0;
  await service.dispose();
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, cached: service.openStats.cached }));
  process.exit(0);
}

const { folder, runs } = parseBenchArgs(process.argv.slice(2), resolve('../shared/corpus/patterns'));
const copy = copyCorpus(folder);
const openOnce = () => JSON.parse(execFileSync(process.execPath, [self, '--probe', copy.dir], { encoding: 'utf8' }).trim().split('\n').pop() as string) as { ms: number; rssMb: number; cached: number };
const cli = join(self, '..', 'trellis.mjs');

const cold: number[] = [];
const warm: number[] = [];
const validate: number[] = [];
let rss = 0;
try {
  for (let i = 0; i < runs; i++) {
    rmSync(join(copy.dir, '.trellis'), { recursive: true, force: true });
    const c = openOnce();
    if (c.cached !== 0) throw new Error('a cold open used a cache');
    const w = openOnce();
    if (w.cached === 0) throw new Error('a warm open found no cache');
    cold.push(c.ms);
    warm.push(w.ms);
    rss = Math.max(rss, c.rssMb, w.rssMb);
    // validate exits 1 on the corpus (it has errors); its summary line has the time.
    const out = spawnSync(process.execPath, [cli, 'validate', copy.dir, '--quiet'], { encoding: 'utf8' }).stdout;
    const seconds = Number(/checked in ([\d.]+) s/.exec(out)?.[1]);
    if (!Number.isFinite(seconds)) throw new Error(`unexpected validate output: ${out}`);
    validate.push(seconds * 1000);
  }
} finally {
  copy.dispose();
}
const figures = {
  runs,
  open_cold_ms: Math.round(median(cold)),
  open_warm_ms: Math.round(median(warm)),
  validate_ms: Math.round(median(validate)),
  cold_over_validate: Number((median(cold) / median(validate)).toFixed(3)),
  backend_rss_mb: Math.round(rss),
};
printTable(`open ${folder} (temporary copy, a fresh process per open)`, [
  ['open, cold (no cache)', cold],
  ['open, warm (cache present)', warm],
  ['trellis validate (fresh process)', validate],
]);
console.log(`cold/validate: ${figures.cold_over_validate}   backend peak RSS: ${figures.backend_rss_mb} MB`);
console.log(JSON.stringify(figures));
