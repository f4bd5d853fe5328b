import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

describe('findElectronBinary', () => {
  let dir: string;
  const pkg = () => join(dir, 'node_modules', 'electron');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trellis-electron-bin-'));
    await mkdir(pkg(), { recursive: true });
    await writeFile(join(pkg(), 'package.json'), '{"name":"electron","version":"45.0.0"}');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds nothing when the package has no binary (path.txt missing), without downloading', async () => {
    expect(findElectronBinary(dir, {})).toBeUndefined();
  });

  it('finds nothing when path.txt names a file that is not there', async () => {
    await writeFile(join(pkg(), 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeUndefined();
  });

  it('finds the binary path.txt names, or the one the override points to', async () => {
    await mkdir(join(pkg(), 'dist'), { recursive: true });
    await writeFile(join(pkg(), 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(pkg(), 'dist', 'electron'));
    await mkdir(join(dir, 'custom'));
    await writeFile(join(dir, 'custom', 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'custom') })).toBe(join(dir, 'custom', 'electron'));
  });

  it('finds nothing when there is no electron package at all', () => {
    expect(findElectronBinary(tmpdir(), {})).toBeUndefined();
  });
});
