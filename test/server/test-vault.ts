/**
 * Vaults for transport tests: a fresh copy of the sample vault in a temp
 * folder, opened with the real backend.
 */
import { cp, mkdtemp, realpath, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openVaultService, type VaultService } from '../../electron/backend/vault-service';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLE_VAULT = join(REPO_ROOT, 'vault');

export interface TestVault {
  /** The temp folder that holds `vault/` (and anything a test puts beside it). */
  dir: string;
  root: string;
  service: VaultService;
  cleanup(): Promise<void>;
}

/** `watch`: start the backend's file watcher too (off by default: most tests do not need it). */
/** `files`: vault-relative paths and texts written into the copy before the backend opens it (a `.trellis/schema.yaml`, say). */
export async function openTestVault(options: { watch?: boolean; files?: Record<string, string> } = {}): Promise<TestVault> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'trellis-vault-')));
  const root = join(dir, 'vault');
  await cp(SAMPLE_VAULT, root, { recursive: true });
  for (const [rel, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(root, rel)), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  // The cache would write .trellis/ into the copy, and the watcher only slows these tests down.
  let service: VaultService;
  try {
    service = await openVaultService(root, { watch: options.watch ?? false, cache: false });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    root,
    service,
    async cleanup() {
      await service.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
export const PLACEHOLDER_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Trellis</title></head><body><p id="placeholder">Trellis renderer placeholder</p><script type="module" src="./assets/app.js"></script></body></html>\n';

/** A stand-in for dist/renderer: an index page and one script. */
export async function makeStaticDir(parent: string): Promise<string> {
  const dir = join(parent, 'static');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'index.html'), PLACEHOLDER_HTML);
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log("trellis placeholder");\n');
  return dir;
}
