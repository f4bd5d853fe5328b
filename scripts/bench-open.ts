/**
 * `npm run bench:open [-- <folder>] [--runs N]`: time from "open vault" to
 * "index and diagnostics ready" in the backend, cold (no cache) and warm
 * (cache present), on a temporary copy of the real corpus; in the same run,
 * the CLI's validate time for the ratio. Prints a table, then one JSON line.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openVaultService } from '../electron/backend/vault-service';
import { analyzeVault } from '../electron/vault/analyze-vault';
import { copyCorpus } from './bench/corpus-copy';
import { median, parseBenchArgs, printTable } from './bench/bench-util';

const { folder, runs } = parseBenchArgs(process.argv.slice(2), resolve('../shared/corpus/patterns'));
const copy = copyCorpus(folder);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function openOnce(): Promise<number> {
  collect();
  const t0 = performance.now();
  const service = await openVaultService(copy.dir, { watch: false });
  await service.getDiagnostics({});
  const ms = performance.now() - t0;
  await service.dispose();
  return ms;
}

const cold: number[] = [];
const warm: number[] = [];
const validate: number[] = [];
let rss = 0;
try {
  for (let i = 0; i < runs; i++) {
    rmSync(join(copy.dir, '.trellis'), { recursive: true, force: true });
    cold.push(await openOnce());
    // The cold open writes the cache in the background; let it land.
    const settle = await openVaultService(copy.dir, { watch: false });
    await settle.dispose();
    warm.push(await openOnce());
    collect();
    const t0 = performance.now();
    const v = await analyzeVault(copy.dir, { useThisThread: true });
    v.index.allDiagnostics();
    validate.push(performance.now() - t0);
    rss = Math.max(rss, process.memoryUsage().rss);
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
  backend_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
};
printTable(`open ${folder} (temporary copy)`, [
  ['open, cold (no cache)', cold],
  ['open, warm (cache present)', warm],
  ['trellis validate (same machine, same run)', validate],
]);
console.log(`cold/validate: ${figures.cold_over_validate}   backend peak RSS: ${figures.backend_rss_mb} MB`);
console.log(JSON.stringify(figures));
