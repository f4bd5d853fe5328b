/**
 * Unsaved buffers kept twice, so that nothing typed is lost:
 *
 * - in localStorage, written synchronously, which is what a `pagehide` flush
 *   needs (drafts are a few files of tens of kilobytes);
 * - in the vault's view state on the backend (one blob of all the vault's
 *   drafts), because localStorage belongs to the page's origin: browser mode
 *   listens on a new port at every launch, so a restarted server would strand
 *   the drafts under the old origin; and a crashed Electron window may lose
 *   the last localStorage writes.
 *
 * The backend copy is read once at start-up and folded into localStorage;
 * after that it follows localStorage, ~400 ms behind, one save at a time.
 */
import type { VaultApi } from '../../shared/api/vault-api';
import { DRAFT_SET_KEY, draftKey, isDraftKeyOf, mergeDrafts, parseDraft, parseDraftSet, serializeDraft, serializeDraftSet, type Draft } from '../../shared/editor/drafts';

export type DraftBackend = Pick<VaultApi, 'loadViewState' | 'saveViewState'>;

/** Quiet time before the backend copy is rewritten: typing writes local drafts once a second. */
const BACKEND_DELAY_MS = 400;
/** How long start-up waits for the backend copy before restoring the local drafts alone. */
const LOAD_TIMEOUT_MS = 5000;

export class DraftStorage {
  /**
   * The backend copy as read at start-up; undefined when there is no backend
   * or it could not be read: then it is never written over, since writing
   * would erase drafts we have not seen.
   */
  private readonly backendCopy: Promise<Draft[] | undefined>;
  /** Drafts localStorage refused (full): the backend copy still carries them. */
  private readonly unstored = new Map<string, Draft>();
  /** When each path's draft was removed here, so that a late backend copy does not bring it back. */
  private readonly removedAt = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving = false;
  /** Changed while a save was in flight: another follows it. */
  private again = false;
  private lastSaved: string | undefined;
  /** A failed backend save is reported once, until one succeeds again. */
  private reported = false;
  private disposed = false;

  constructor(
    private readonly vault: string,
    private readonly onError: (message: string) => void,
    private readonly backend?: DraftBackend,
  ) {
    this.backendCopy = backend ? this.loadBackend(backend) : Promise.resolve(undefined);
  }

  write(path: string, text: string, baseHash: string): void {
    this.store({ v: 1, vault: this.vault, path, text, baseHash, savedAt: Date.now() });
    this.removedAt.delete(path);
    this.schedule();
  }

  remove(path: string): void {
    let had = this.unstored.delete(path);
    try {
      const key = draftKey(this.vault, path);
      had = localStorage.getItem(key) !== null || had;
      localStorage.removeItem(key);
    } catch {
      // Nothing to lose: the draft only existed to be removed.
    }
    this.removedAt.set(path, Date.now());
    if (had) this.schedule();
  }

  /**
   * Every draft of this vault, the backend's included: waits for its copy
   * (or gives up on it after a few seconds, restoring the local drafts alone).
   */
  async load(): Promise<Draft[]> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, LOAD_TIMEOUT_MS)));
    await Promise.race([this.backendCopy, timeout]);
    clearTimeout(timer);
    return this.all();
  }

  /** Sends the backend copy now, if it is behind (best effort: the window may be going away). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.push();
  }

  dispose(): void {
    this.flush();
    this.disposed = true;
  }

  /** Every draft of this vault that this window can see now, oldest first. */
  private all(): Draft[] {
    const out: Draft[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key || !isDraftKeyOf(key, this.vault)) continue;
        const d = parseDraft(localStorage.getItem(key), this.vault);
        if (d) out.push(d);
      }
    } catch {
      // What could be read stands.
    }
    return mergeDrafts(out, [...this.unstored.values()]);
  }

  private store(d: Draft): void {
    try {
      localStorage.setItem(draftKey(this.vault, d.path), serializeDraft(d));
      this.unstored.delete(d.path);
    } catch (err) {
      this.unstored.set(d.path, d);
      this.onError(`Could not keep a backup of unsaved changes to ${d.path}: ${(err as Error).message}`);
    }
  }

  private async loadBackend(backend: DraftBackend): Promise<Draft[] | undefined> {
    let theirs: Draft[];
    try {
      theirs = parseDraftSet((await backend.loadViewState({ key: DRAFT_SET_KEY })).value, this.vault);
    } catch {
      // An older backend, or none reachable: the local drafts stand, and the backend copy is left alone.
      return undefined;
    }
    this.lastSaved = serializeDraftSet(theirs);
    const mine = new Map(this.all().map((d) => [d.path, d]));
    for (const d of theirs) {
      const local = mine.get(d.path);
      const removed = this.removedAt.get(d.path);
      if ((local && local.savedAt >= d.savedAt) || (removed !== undefined && removed >= d.savedAt)) continue;
      // Into localStorage, so that this window's saves, other windows of this origin and the pagehide flush carry it on.
      this.store(d);
    }
    // Drafts only this origin knew (or newer here) go to the backend; push() skips an identical copy.
    this.schedule();
    return theirs;
  }

  private schedule(): void {
    if (!this.backend || this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.push();
    }, BACKEND_DELAY_MS);
  }

  /** Writes all of this vault's drafts as one blob; never two saves at once, and the last state always goes. */
  private async push(): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    if (this.saving) {
      this.again = true;
      return;
    }
    this.saving = true;
    try {
      if ((await this.backendCopy) === undefined) return;
      do {
        this.again = false;
        const value = serializeDraftSet(this.all());
        if (value === this.lastSaved) continue;
        const result = await backend.saveViewState({ key: DRAFT_SET_KEY, value });
        if (!result.ok) throw new Error('the vault did not take the write');
        this.lastSaved = value;
        this.reported = false;
      } while (this.again);
    } catch (err) {
      if (!this.reported && !this.disposed) {
        this.reported = true;
        this.onError(`Unsaved changes are kept in this window only: could not copy them into the vault (${(err as Error).message}). Trying again at the next change.`);
      }
    } finally {
      this.saving = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}
