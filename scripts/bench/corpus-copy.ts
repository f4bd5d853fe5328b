/** Benchmarks that write work on a temporary copy of the corpus, never on the corpus itself. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function copyCorpus(source: string): { dir: string; dispose: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'trellis-bench-'));
  const dir = join(base, 'vault');
  cpSync(source, dir, { recursive: true });
  return { dir, dispose: () => rmSync(base, { recursive: true, force: true }) };
}
