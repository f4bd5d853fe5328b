import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadAppState, MAX_RECENT, parseAppState, placeWindow, saveAppState, withoutVault, withVaultOpened } from './app-state';

describe('app state', () => {
  it('falls back to defaults for a missing or corrupt file', () => {
    expect(parseAppState(undefined)).toEqual({ recentVaults: [] });
    expect(parseAppState('{not json')).toEqual({ recentVaults: [] });
    expect(parseAppState('[1]')).toEqual({ recentVaults: [] });
  });

  it('keeps what is well-formed and drops the rest', () => {
    const state = parseAppState(JSON.stringify({ lastVault: 42, recentVaults: ['/a', 7, '/a', '/b', 'x\u0000y'], window: { width: 50, height: 99999, x: 10, y: 'top', maximized: 'yes' } }));
    expect(state).toEqual({ recentVaults: ['/a', '/b'], window: { width: 400, height: 16384, maximized: false } });
  });

  it('puts the vault opened last first, without duplicates, and forgets one on request', () => {
    let state = parseAppState(undefined);
    for (let i = 0; i < 12; i++) state = withVaultOpened(state, `/v${i}`);
    state = withVaultOpened(state, '/v5');
    expect(state.lastVault).toBe('/v5');
    expect(state.recentVaults[0]).toBe('/v5');
    expect(state.recentVaults).toHaveLength(MAX_RECENT);
    expect(new Set(state.recentVaults).size).toBe(MAX_RECENT);
    state = withoutVault(state, '/v5');
    expect(state.lastVault).toBeUndefined();
    expect(state.recentVaults).not.toContain('/v5');
  });

  it('restores a window only where a screen still shows most of it', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const onScreen = { x: 100, y: 100, width: 1000, height: 700, maximized: false };
    expect(placeWindow(onScreen, screen)).toEqual(onScreen);
    expect(placeWindow({ ...onScreen, x: 3000 }, screen)).toEqual({ width: 1000, height: 700, maximized: false });
    expect(placeWindow(undefined, screen)).toEqual(DEFAULT_BOUNDS);
  });

  it('round-trips through state.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trellis-state-'));
    try {
      const file = join(dir, 'nested', 'state.json');
      const state = withVaultOpened({ recentVaults: [], window: { width: 900, height: 600, maximized: true } }, '/vault');
      await saveAppState(file, state);
      expect(await loadAppState(file)).toEqual(state);
      await writeFile(file, 'garbage');
      expect(await loadAppState(file)).toEqual({ recentVaults: [] });
      expect(await readFile(file, 'utf8')).toBe('garbage');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
