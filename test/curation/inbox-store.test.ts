/**
 * The inbox's store (renderer/curation/inbox-store.ts) on the real vault
 * service, in process, on a copy of the sample vault: decisions are written
 * one after another in key order, the cursor and counts behave as a curator
 * expects, refusals come back as messages, undo brings the link back under the
 * cursor, and the queue always matches the backend's own inbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openVaultService, type VaultService } from '../../electron/backend/vault-service';
import { createInboxStore, currentItem, visibleItems, type InboxStore } from '../../renderer/curation/inbox-store';
import { tempVault, type TempVault } from '../helpers/temp-vault';

const current = (store: InboxStore) => {
  const i = currentItem(store.getState());
  return i && `${i.source} → ${i.target}`;
};

describe('inbox store on the vault service', () => {
  let vault: TempVault;
  let service: VaultService;
  let store: InboxStore;
  let off: () => void;

  beforeEach(async () => {
    vault = tempVault();
    service = await openVaultService(vault.dir, { cache: false, watch: false, today: () => '2026-11-24' });
    store = createInboxStore({ api: service, scope: { kind: 'vault' } });
    // What InboxPanel wires: the backend's file events drive partial refreshes.
    off = service.on('onDidChangeFiles', (change) => store.getState().onFilesChanged(change));
    await store.getState().idle();
  });
  afterEach(async () => {
    off();
    store.getState().dispose();
    await service.dispose();
    vault.dispose();
  });

  it('queues decisions in key order, hides each at once, and ends equal to the backend’s inbox', async () => {
    const s = store.getState();
    expect(visibleItems(store.getState())).toHaveLength(56);
    expect(current(store)).toBe('feature-flags → dark-launch');
    s.decide('reject');
    // Hidden before the backend answers; the cursor is already on the next link.
    expect(visibleItems(store.getState())).toHaveLength(55);
    expect(current(store)).toBe('pairing-sessions → mob-programming');
    s.decide('accept');
    s.decide('accept');
    expect(store.getState().busy).toBe(3);
    await store.getState().idle();
    const state = store.getState();
    expect(state.decided).toBe(3);
    expect(state.history.map((h) => h.title)).toEqual(['Prune inferred enables → dark-launch', 'Prune duplicate alternatives → mob-programming', 'Promote complementary → retrospective']);
    expect(state.items).toEqual(await service.getInbox({}));
    expect(current(store)).toBe('continuous-integration → small-pull-requests');
  });

  it('skips without writing, and counts what is left', async () => {
    const before = readFileSync(vault.path('feature-flags.md'), 'utf8');
    store.getState().skip();
    expect(store.getState().skipped.size).toBe(1);
    expect(current(store)).toBe('pairing-sessions → mob-programming');
    await store.getState().idle();
    expect(readFileSync(vault.path('feature-flags.md'), 'utf8')).toBe(before);
  });

  it('retypes before accepting', async () => {
    store.getState().moveTo(`small-pull-requests.md\u0000feature-flags\u0000complementary`);
    store.getState().retype(1);
    store.getState().decide('accept');
    await store.getState().idle();
    expect(store.getState().message?.text).toBe('Promote tools → feature-flags');
    expect(readFileSync(vault.path('small-pull-requests.md'), 'utf8')).toContain('  tools:\n    - slug: feature-flags\n      weight: 0.79\n');
  });

  /** Another part of the app (the editor) saves a file: the inbox follows through the change event. */
  async function save(path: string, change: (text: string) => string): Promise<void> {
    const f = await service.readFile({ path });
    const r = await service.saveFile({ path, text: change(f.text), baseHash: f.hash });
    expect(r.ok).toBe(true);
    await store.getState().idle();
  }

  it('refuses an accept without a standard type before asking the backend', async () => {
    await save('walking-skeleton.md', (t) => t.replace('  inferred_links:\n', '  inferred_links:\n    - target: wip-limits\n      type: frobnicates\n      confidence: 0.99\n      reason: "Odd."\n'));
    store.getState().move(-Infinity);
    expect(current(store)).toBe('walking-skeleton → wip-limits');
    store.getState().decide('accept');
    expect(store.getState().message).toEqual({ tone: 'error', text: "Walking Skeleton → WIP Limits: 'frobnicates' is not a standard type; press T to choose one, then A" });
    expect(store.getState().busy).toBe(0);
  });

  it('shows a backend refusal, puts the link back under the cursor, and carries on', async () => {
    await save('dark-launch.md', (t) => t.replace('  inferred_links:\n', '  inferred_links:\n    - target: dark-launch\n      type: complementary\n      confidence: 0.99\n      reason: "Self."\n'));
    expect(store.getState().items).toEqual(await service.getInbox({}));
    store.getState().move(-Infinity);
    expect(current(store)).toBe('dark-launch → dark-launch');
    store.getState().decide('accept');
    await store.getState().idle();
    expect(store.getState().message?.tone).toBe('error');
    expect(store.getState().message?.text).toMatch(/self-link cannot be curated/);
    expect(current(store)).toBe('dark-launch → dark-launch');
    store.getState().decide('reject');
    await store.getState().idle();
    expect(store.getState().message).toEqual({ tone: 'ok', text: 'Prune inferred complementary → dark-launch' });
  });

  it('undoes the last decision and brings its link back under the cursor', async () => {
    const before = readFileSync(vault.path('working-agreement.md'), 'utf8');
    store.getState().moveTo(`working-agreement.md\u0000retrospective\u0000complementary`);
    store.getState().decide('accept');
    store.getState().move(5);
    store.getState().undo();
    await store.getState().idle();
    expect(readFileSync(vault.path('working-agreement.md'), 'utf8')).toBe(before);
    expect(store.getState().decided).toBe(0);
    expect(store.getState().message?.text).toBe("undid 'Promote complementary → retrospective'");
    expect(current(store)).toBe('working-agreement → retrospective');
    expect(store.getState().items).toEqual(await service.getInbox({}));
  });

  it('sorts by source locally, as the backend would', async () => {
    store.getState().setSort('source');
    expect(store.getState().items).toEqual(await service.getInbox({ sort: 'source' }));
  });

  it('follows a scope: one pattern', async () => {
    store.getState().setScope({ kind: 'pattern', path: 'feature-flags.md' });
    await store.getState().idle();
    expect(store.getState().items.map((i) => i.target)).toEqual(['dark-launch', 'error-budget-policy', 'tech-debt-budget']);
  });
});
