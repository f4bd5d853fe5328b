/**
 * The desktop app for real: Electron starts, the window shows trellis://app/,
 * the page has no Node, and the vault answers through window.trellis. Runs
 * only where the Electron binary exists (and a display to open a window on);
 * elsewhere it reports skipped, never passed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrellisBridge } from '../../shared/api/transport-rpc';
import { findElectronBinary } from '../../electron/main/electron-binary';
import { makeStaticDir, REPO_ROOT, SAMPLE_VAULT } from '../server/test-vault';

const binary = findElectronBinary(REPO_ROOT);
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

describe('Electron smoke test', () => {
  let app: ElectronApplication | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await app?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!binary || noDisplay)('opens a window on trellis://app/ that reaches the vault and not Node', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--quiet'], { cwd: REPO_ROOT, stdio: 'inherit' });
    expect(build.status).toBe(0);
    dir = await mkdtemp(join(tmpdir(), 'trellis-electron-'));
    const vault = join(dir, 'vault');
    await cp(SAMPLE_VAULT, vault, { recursive: true });
    const built = join(REPO_ROOT, 'dist', 'renderer');
    const rendererDir = existsSync(join(built, 'index.html')) ? built : await makeStaticDir(dir);
    app = await _electron.launch({
      executablePath: binary as string,
      args: [join(REPO_ROOT, 'dist', 'electron', 'main.js'), vault],
      env: { ...process.env, TRELLIS_USER_DATA_DIR: join(dir, 'user-data'), TRELLIS_RENDERER_DIR: rendererDir } as Record<string, string>,
      timeout: 20_000,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^trellis:\/\/app\//);
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as Record<string, unknown>).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { trellis: TrellisBridge }).trellis).sort())).toEqual(['call', 'on']);
    const outcome = await page.evaluate(() => (globalThis as unknown as { trellis: TrellisBridge }).trellis.call('getVault', {}));
    expect(outcome).toMatchObject({ t: 'result', result: { name: 'vault', files: 28, ready: true } });
    // Navigation away from the app is refused (a file: URL, so nothing opens in the system browser either).
    await page.evaluate(() => {
      location.href = 'file:///etc/hostname';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^trellis:\/\/app\//);
  });
});
