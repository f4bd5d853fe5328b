/**
 * DraftStorage (unsaved editor text) on the real vault service, in process,
 * on a copy of the sample vault: what a user would find after a reload, a new
 * browser-mode origin or a failing vault is read back from localStorage, from
 * load() and from the bytes of `.trellis/cache/view/drafts.json`.
 *
 * localStorage is the one stand-in: Node has none, so an in-memory Storage
 * that behaves like a browser's (quota included) is installed for each test.
 * Where the vault must fail or answer late, the real service is wrapped and
 * only that one call is changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { openVaultService, type VaultService } from '../../electron/backend/vault-service';
import { draftKey, parseDraft, serializeDraft, type Draft } from '../../shared/editor/drafts';
import { eventually, tempVault, type TempVault } from '../helpers/temp-vault';
import { DraftStorage, type DraftBackend } from '../../renderer/editor/draft-storage';

/** localStorage as a browser keeps it: strings by key, in insertion order, within a quota of UTF-16 code units. */
class MemoryStorage implements Storage {
  // Storage's index signature (items as properties) is part of the DOM type; this double is used through its methods only.
  [name: string]: unknown;
  private readonly items = new Map<string, string>();

  constructor(private readonly quota = 5_000_000) {}

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(String(key)) ?? null;
  }

  setItem(key: string, value: string): void {
    const k = String(key);
    const v = String(value);
    const used = [...this.items].reduce((n, [ik, iv]) => n + (ik === k ? 0 : ik.length + iv.length), 0);
    // As browsers do: the write is refused whole and the previous value stays.
    if (used + k.length + v.length > this.quota) throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
    this.items.set(k, v);
  }

  removeItem(key: string): void {
    this.items.delete(String(key));
  }

  clear(): void {
    this.items.clear();
  }
}

const DEBOUNCE_MS = 400;
const DRAFTS_FILE = '.trellis/cache/view/drafts.json';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Drafts as path → text, for comparisons that do not depend on order. */
const byPath = (drafts: readonly Draft[]) => Object.fromEntries(drafts.map((d) => [d.path, d.text]));

describe('DraftStorage on the vault service', () => {
  let vault: TempVault;
  let service: VaultService;
  let notices: string[];
  let open: DraftStorage[];

  /** A window's localStorage; a fresh one is a new origin (browser mode on a new port). */
  const newOrigin = (quota?: number) => {
    const storage = new MemoryStorage(quota);
    vi.stubGlobal('localStorage', storage);
    return storage;
  };
  /** An editor window's drafts, as EditorWorkspace makes them (the vault root names the vault). */
  const openWindow = (backend: DraftBackend | undefined = service) => {
    const drafts = new DraftStorage(vault.dir, (m) => notices.push(m), backend);
    open.push(drafts);
    return drafts;
  };
  /**
   * Closes a window and lets its last flush finish: every DraftStorage reads
   * the global localStorage, so a flush still running when the test moves to
   * a new origin would copy that origin's drafts as if they were its own.
   */
  const closeWindow = async (drafts: DraftStorage) => {
    drafts.dispose();
    open = open.filter((d) => d !== drafts);
    await sleep(50);
  };
  /** The real service, counting the saves that reach it. */
  const counting = () => {
    const saves: string[] = [];
    const backend: DraftBackend = {
      loadViewState: (req) => service.loadViewState(req),
      saveViewState: (req) => {
        saves.push(req.value);
        return service.saveViewState(req);
      },
    };
    return { backend, saves };
  };
  const fileBytes = () => (existsSync(vault.path(DRAFTS_FILE)) ? readFileSync(vault.path(DRAFTS_FILE), 'utf8') : undefined);
  /** The vault's copy on disk as path → text; undefined when there is no file. */
  const onDisk = () => {
    const bytes = fileBytes();
    return bytes === undefined ? undefined : byPath(JSON.parse(bytes) as Draft[]);
  };
  const draft = (path: string, text: string, savedAt: number): Draft => ({ v: 1, vault: vault.dir, path, text, baseHash: `hash of ${path}`, savedAt });
  /** Another window wrote these drafts into the vault's copy before the test's window starts. */
  const writtenByAnotherWindow = async (texts: Record<string, string>) => {
    const other = openWindow();
    await other.load();
    for (const [path, text] of Object.entries(texts)) other.write(path, text, `hash of ${path}`);
    await eventually(() => expect(onDisk()).toEqual(texts));
    await closeWindow(other);
    return fileBytes();
  };

  beforeEach(async () => {
    vault = tempVault();
    service = await openVaultService(vault.dir, { watch: false, cache: false });
    notices = [];
    open = [];
    newOrigin();
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const d of [...open]) await closeWindow(d);
    await service.dispose();
    vault.dispose();
    vi.unstubAllGlobals();
  });

  it('copies a draft into the vault once typing pauses, as one save of the last text', async () => {
    const { backend, saves } = counting();
    const drafts = openWindow(backend);
    expect(await drafts.load()).toEqual([]);

    // Keystrokes 100 ms apart for longer than the quiet time: each one restarts it.
    for (let i = 1; i <= 6; i++) {
      drafts.write('feature-flags.md', `typed ${i}`, 'h0');
      await sleep(100);
      expect(saves).toEqual([]);
    }
    expect(fileBytes()).toBeUndefined();

    await eventually(() => expect(onDisk()).toEqual({ 'feature-flags.md': 'typed 6' }));
    expect(JSON.parse(fileBytes() ?? '')).toEqual([{ v: 1, vault: vault.dir, path: 'feature-flags.md', text: 'typed 6', baseHash: 'h0', savedAt: expect.any(Number) }]);
    await sleep(DEBOUNCE_MS + 200);
    expect(saves).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it('takes a removed draft out of the vault’s copy', async () => {
    const drafts = openWindow();
    await drafts.load();
    drafts.write('feature-flags.md', 'flags', 'h1');
    drafts.write('dark-launch.md', 'launch', 'h2');
    await eventually(() => expect(onDisk()).toEqual({ 'feature-flags.md': 'flags', 'dark-launch.md': 'launch' }));

    drafts.remove('feature-flags.md');
    await eventually(() => expect(onDisk()).toEqual({ 'dark-launch.md': 'launch' }));
    expect(byPath(await drafts.load())).toEqual({ 'dark-launch.md': 'launch' });
    // Nor does a reload on a new origin bring it back from the vault.
    await closeWindow(drafts);
    newOrigin();
    expect(byPath(await openWindow().load())).toEqual({ 'dark-launch.md': 'launch' });
    expect(notices).toEqual([]);
  });

  it('restores on a new origin the vault’s drafts merged with the local ones, the newer copy of a path winning', async () => {
    await writtenByAnotherWindow({ 'backend-only.md': 'from the vault', 'newer-here.md': 'old in the vault', 'newer-in-vault.md': 'new in the vault' });
    const savedAt = Math.max(...(JSON.parse(fileBytes() ?? '') as Draft[]).map((d) => d.savedAt));

    // The relaunched server listens on a new port, whose localStorage knows other drafts.
    const local = newOrigin();
    for (const d of [draft('local-only.md', 'from this origin', savedAt - 500), draft('newer-here.md', 'new here', savedAt + 1000), draft('newer-in-vault.md', 'stale here', savedAt - 1000)]) {
      local.setItem(draftKey(vault.dir, d.path), serializeDraft(d));
    }

    const restored = await openWindow().load();
    expect(byPath(restored)).toEqual({
      'backend-only.md': 'from the vault',
      'local-only.md': 'from this origin',
      'newer-here.md': 'new here',
      'newer-in-vault.md': 'new in the vault',
    });
    // Oldest first: the order tabs are restored in.
    expect(restored.map((d) => d.path)).toEqual(['local-only.md', 'backend-only.md', 'newer-in-vault.md', 'newer-here.md']);
    // The vault's drafts now live in this origin's localStorage too (other windows, the pagehide flush)...
    expect(parseDraft(local.getItem(draftKey(vault.dir, 'backend-only.md')), vault.dir)?.text).toBe('from the vault');
    expect(parseDraft(local.getItem(draftKey(vault.dir, 'newer-in-vault.md')), vault.dir)?.text).toBe('new in the vault');
    // ...and what only this origin knew, or knew newer, goes to the vault.
    await eventually(() =>
      expect(onDisk()).toEqual({ 'backend-only.md': 'from the vault', 'local-only.md': 'from this origin', 'newer-here.md': 'new here', 'newer-in-vault.md': 'new in the vault' }),
    );
    expect(notices).toEqual([]);
  });

  it('never writes over a vault copy it could not read', async () => {
    const before = await writtenByAnotherWindow({ 'feature-flags.md': 'typed in another window' });

    newOrigin();
    const { backend, saves } = counting();
    const drafts = openWindow({ ...backend, loadViewState: () => Promise.reject(new Error('the vault is not reachable')) });
    expect(await drafts.load()).toEqual([]);
    drafts.write('dark-launch.md', 'typed here', 'h2');
    drafts.remove('dark-launch.md');
    drafts.write('retrospective.md', 'typed here too', 'h3');
    await sleep(DEBOUNCE_MS + 300);
    drafts.flush();
    await sleep(100);

    expect(fileBytes()).toBe(before);
    expect(saves).toEqual([]);
    // The local drafts stand.
    expect(byPath(await drafts.load())).toEqual({ 'retrospective.md': 'typed here too' });
  });

  it('keeps what is typed before the vault’s copy arrives, and saves only once it has', async () => {
    const before = await writtenByAnotherWindow({ 'feature-flags.md': 'from another window' });

    newOrigin();
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const drafts = openWindow({
      loadViewState: async (req) => {
        await arrived;
        return service.loadViewState(req);
      },
      saveViewState: (req) => service.saveViewState(req),
    });
    drafts.write('dark-launch.md', 'typed at start-up', 'h2');
    await sleep(DEBOUNCE_MS + 300);
    expect(fileBytes()).toBe(before);

    arrive();
    expect(byPath(await drafts.load())).toEqual({ 'dark-launch.md': 'typed at start-up', 'feature-flags.md': 'from another window' });
    await eventually(() => expect(onDisk()).toEqual({ 'dark-launch.md': 'typed at start-up', 'feature-flags.md': 'from another window' }));
  });

  it('reports a failing vault save once, and again only after one has succeeded', async () => {
    let failing = true;
    const { backend, saves } = counting();
    const drafts = openWindow({
      ...backend,
      saveViewState: (req) => {
        if (!failing) return backend.saveViewState(req);
        saves.push(req.value);
        return Promise.reject(new Error('no space left on device'));
      },
    });
    await drafts.load();
    const type = async (text: string, attempt: number) => {
      drafts.write('feature-flags.md', text, 'h1');
      await eventually(() => expect(saves).toHaveLength(attempt));
      await sleep(50); // the refusal is handled a few ticks after the attempt
    };

    await type('one', 1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('no space left on device');
    await type('two', 2);
    await type('three', 3);
    expect(notices).toHaveLength(1);
    expect(fileBytes()).toBeUndefined();

    failing = false;
    await type('four', 4);
    expect(onDisk()).toEqual({ 'feature-flags.md': 'four' });
    expect(notices).toHaveLength(1);

    failing = true;
    await type('five', 5);
    expect(notices).toHaveLength(2);
    expect(onDisk()).toEqual({ 'feature-flags.md': 'four' });
  });

  it('gets a draft into the vault when localStorage is full, and says the local backup failed', async () => {
    const full = newOrigin(10);
    const drafts = openWindow();
    await drafts.load();
    drafts.write('feature-flags.md', 'typed with localStorage full', 'h1');
    expect(full.length).toBe(0);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('feature-flags.md');
    expect(notices[0]).toContain('exceeded the quota');

    await eventually(() => expect(onDisk()).toEqual({ 'feature-flags.md': 'typed with localStorage full' }));
    expect(byPath(await drafts.load())).toEqual({ 'feature-flags.md': 'typed with localStorage full' });
    // A reload on an origin with room restores it from the vault.
    await closeWindow(drafts);
    newOrigin();
    expect(byPath(await openWindow().load())).toEqual({ 'feature-flags.md': 'typed with localStorage full' });
    expect(notices).toHaveLength(1);
  });

  it('on dispose sends the pending draft at once and leaves no timer running', async () => {
    // Fake clocks on which the quiet time never elapses; the vault's I/O stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const drafts = openWindow();
    await drafts.load();
    drafts.write('feature-flags.md', 'typed just before closing', 'h1');
    expect(vi.getTimerCount()).toBe(1);

    drafts.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    await eventually(() => expect(onDisk()).toEqual({ 'feature-flags.md': 'typed just before closing' }));
    const before = fileBytes();

    // A disposed window keeps its local copy but no longer writes the vault's.
    drafts.write('dark-launch.md', 'typed after closing', 'h2');
    await sleep(DEBOUNCE_MS + 300);
    expect(fileBytes()).toBe(before);
    expect(byPath(await drafts.load())).toEqual({ 'dark-launch.md': 'typed after closing', 'feature-flags.md': 'typed just before closing' });
  });
});
