/** Temporary copies of the sample vault, so tests that write never touch the real one. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SAMPLE_VAULT = resolve(process.cwd(), 'vault');

export interface TempVault {
  dir: string;
  path: (rel: string) => string;
  dispose: () => void;
}

export function tempVault(source: string = SAMPLE_VAULT): TempVault {
  const base = mkdtempSync(join(tmpdir(), 'trellis-test-'));
  const dir = join(base, 'vault');
  // A developer's local index cache (from `npm start`) must not leak into tests.
  cpSync(source, dir, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.trellis') });
  return { dir, path: (rel) => join(dir, ...rel.split('/')), dispose: () => rmSync(base, { recursive: true, force: true }) };
}

/** Resolves once `check` passes, polling; rejects with the last failure after `ms`. */
export async function eventually<T>(check: () => T | Promise<T>, ms = 5000, every = 25): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw last;
    await new Promise((r) => setTimeout(r, every));
  }
}
