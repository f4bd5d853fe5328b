/**
 * `npm run bench:validate [-- <folder>] [--runs N]`: validates the real corpus
 * several times and, in the same process, runs the floor it competes with: a
 * naive single-threaded loop that reads every file and loads its front-matter
 * with js-yaml. Prints a table, then one JSON line of figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, CORE_SCHEMA } from 'js-yaml';
import { analyzeVault } from '../electron/vault/analyze-vault';
import { median, parseBenchArgs, printTable } from './bench/bench-util';

const { folder, runs } = parseBenchArgs(process.argv.slice(2), resolve('../shared/corpus/patterns'));

function naiveLoop(dir: string): number {
  let parsed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    if (!text.startsWith('---')) continue;
    const end = text.indexOf('\n---', 3);
    if (end < 0) continue;
    try {
      load(text.slice(text.indexOf('\n') + 1, end + 1), { schema: CORE_SCHEMA });
      parsed++;
    } catch {
      // A broken file costs the naive loop nothing more.
    }
  }
  return parsed;
}

async function validateOnce(dir: string): Promise<{ files: number; findings: number }> {
  const vault = await analyzeVault(dir, { useThisThread: true });
  return { files: vault.index.size, findings: vault.index.allDiagnostics().length };
}

const validateMs: number[] = [];
const naiveMs: number[] = [];
let files = 0;
let findings = 0;
// Warm the file cache and the JIT once so that neither side pays for the first read.
naiveLoop(folder);
// With --expose-gc (as `npm run bench:validate` runs it) each run starts from a clean heap,
// so the peak RSS is that of one validation, not of garbage piled up over all runs.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let i = 0; i < runs; i++) {
  // Alternate the order so drift on a noisy machine hits both sides alike.
  const order = i % 2 === 0 ? ['validate', 'naive'] : ['naive', 'validate'];
  for (const which of order) {
    collect();
    const t0 = performance.now();
    if (which === 'validate') ({ files, findings } = await validateOnce(folder));
    else naiveLoop(folder);
    (which === 'validate' ? validateMs : naiveMs).push(performance.now() - t0);
  }
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const figures = {
  files,
  findings,
  runs,
  validate_ms_median: Math.round(median(validateMs)),
  naive_ms_median: Math.round(median(naiveMs)),
  ratio: Number((median(validateMs) / median(naiveMs)).toFixed(3)),
  peak_rss_mb: Math.round(peakRssMb),
};
printTable(`validate ${folder}`, [
  ['trellis validate (all rules, workers)', validateMs],
  ['naive loop (read + js-yaml load, 1 thread)', naiveMs],
]);
console.log(`ratio validate/naive: ${figures.ratio}   peak RSS: ${figures.peak_rss_mb} MB   files: ${files}   findings: ${findings}`);
console.log(JSON.stringify(figures));
