/** Batches of writes are all-or-nothing, with real files and real failures. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { applyFileOps } from '../../electron/backend/file-batch';
import { tempVault, type TempVault } from '../helpers/temp-vault';

let vault: TempVault;
beforeEach(() => {
  vault = tempVault();
});
afterEach(() => vault.dispose());

const read = (name: string) => readFileSync(vault.path(name), 'utf8');

describe('applyFileOps', () => {
  it('writes nothing when a file was removed after the batch was prepared', async () => {
    const a = read('retrospective.md');
    const b = read('wip-limits.md');
    const ops = [
      { path: 'retrospective.md', before: a, after: a + '\nmore\n' },
      { path: 'wip-limits.md', before: b, after: b + '\nmore\n' },
    ];
    unlinkSync(vault.path('wip-limits.md'));
    const outcome = await applyFileOps(vault.dir, ops, () => undefined);
    expect(outcome).toMatchObject({ ok: false, kind: 'conflict', files: ['wip-limits.md'] });
    expect(read('retrospective.md')).toBe(a);
  });

  it('puts back the files already written when one write fails half way, and leaves no temp file', async () => {
    const a = read('retrospective.md');
    writeFileSync(vault.path('blocked'), 'a plain file where a folder is needed');
    const ops = [
      { path: 'retrospective.md', before: a, after: a.replace('status: stable', 'status: revised') },
      { path: 'blocked/new.md', before: undefined, after: 'new file' },
    ];
    const outcome = await applyFileOps(vault.dir, ops, () => undefined);
    expect(outcome).toMatchObject({ ok: false, kind: 'error', files: ['blocked/new.md'] });
    expect(outcome.ok === false && outcome.message).toMatch(/could not write blocked\/new\.md/);
    expect(read('retrospective.md')).toBe(a);
    expect(readdirSync(vault.dir).filter((n) => n.startsWith('.trellis-tmp-'))).toEqual([]);
  });
});
