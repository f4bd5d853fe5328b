/** The watcher's fallback when the system runs out of file watches. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { VaultWatcher, type SettledChange } from '../../electron/backend/vault-watcher';
import { DEFAULT_SCHEMA } from '../../shared/schema/schema';
import { eventually, tempVault } from '../helpers/temp-vault';

const vault = tempVault();
afterEach(() => undefined);

describe('VaultWatcher', () => {
  it('reports an exhausted inotify limit once, falls back to polling and keeps seeing changes', async () => {
    const changes: SettledChange[] = [];
    const errors: string[] = [];
    const watcher = new VaultWatcher({ root: vault.dir, schema: DEFAULT_SCHEMA, onChange: (c) => changes.push(...c), onError: (m) => errors.push(m) });
    await watcher.start();
    // chokidar reports ENOSPC as an error event; inject it at that boundary (we cannot exhaust the host's watches in a test).
    const inner = (watcher as unknown as { watcher: { emit: (e: string, err: Error) => void } }).watcher;
    inner.emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }));
    await eventually(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatch(/ran out of file watches.*polls the vault/);
    writeFileSync(vault.path('retrospective.md'), readFileSync(vault.path('retrospective.md'), 'utf8') + '\nLater note.\n');
    await eventually(() => expect(changes.map((c) => c.path)).toContain('retrospective.md'), 8000);
    await watcher.dispose();
    vault.dispose();
  });
});
