/** The watcher's fallback when the system runs out of file watches. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { VaultWatcher } from '../../electron/backend/vault-watcher';
import { openVaultService, type VaultService } from '../../electron/backend/vault-service';
import { DEFAULT_SCHEMA } from '../../shared/schema/schema';
import { eventually, tempVault } from '../helpers/temp-vault';

const vault = tempVault();
let service: VaultService | undefined;
afterEach(async () => {
  await service?.dispose();
  service = undefined;
});

describe('VaultWatcher', () => {
  it('reports an exhausted inotify limit once and falls back to polling rescans', async () => {
    const errors: string[] = [];
    let rescans = 0;
    const watcher = new VaultWatcher({ root: vault.dir, schema: DEFAULT_SCHEMA, onChange: () => undefined, onError: (m) => errors.push(m), onRestart: () => rescans++ });
    await watcher.start();
    // The native watcher reports ENOSPC as an error; inject it at that boundary (we cannot exhaust the host's watches in a test).
    await watcher.reportWatcherError(Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ran out of file watches.*polls the vault/);
    // One rescan right away for the gap, then one per poll.
    await eventually(() => expect(rescans).toBeGreaterThanOrEqual(2), 5000);
    await watcher.dispose();
  });

  it('in polling mode the backend still sees an external edit', async () => {
    service = await openVaultService(vault.dir, { cache: false, usePolling: true });
    const file = vault.path('incident-commander-rotation.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chaos-engineering-gameday', 'blameless-postmortem'));
    await eventually(async () => expect((await service!.getDiagnostics({ path: 'incident-commander-rotation.md' })).map((d) => d.rule)).not.toContain('relationship-target-missing'), 8000);
    vault.dispose();
  });
});
