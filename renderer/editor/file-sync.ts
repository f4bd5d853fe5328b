/**
 * The editor and the disk: saving (exactly the editor's text, against the
 * hash it was based on), autosave, drafts of unsaved text that survive a
 * reload, and what happens when the file changes on disk while open: a clean
 * buffer follows the disk, a dirty one gets a conflict to resolve. Nothing is
 * overwritten without the curator choosing it.
 */
import type { VaultEvents } from '../../shared/api/vault-api';
import { useEditorStore } from './editor-store';
import type { EditorSession } from './editor-session';
import type { EditorWorkspace } from './editor-workspace';

const AUTOSAVE_MS = 1500;
const DRAFT_EVERY_MS = 1000;

export class FileSync {
  /** Disk checks run one after another per file, so two quick changes never race. */
  private readonly checks = new Map<string, Promise<void>>();
  private readonly autosaveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly noticeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly draftTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly draftWrittenAt = new Map<string, number>();
  /** Files we are renaming: their removal from disk is expected. */
  readonly renaming = new Set<string>();
  private disposed = false;

  constructor(private readonly ws: EditorWorkspace) {}

  // ── saving ──────────────────────────────────────────────────────────────

  async save(path: string): Promise<boolean> {
    const s = this.ws.sessions.get(path);
    if (!s || s.conflict || !s.dirty) return false;
    return this.write(s, s.baseHash);
  }

  /** Writes the editor's text over a disk version `baseHash` ('' creates the file). */
  private async write(s: EditorSession, baseHash: string): Promise<boolean> {
    const text = s.text();
    s.pendingSaveText = text;
    let result;
    try {
      result = await this.ws.api.saveFile({ path: s.path, text, baseHash });
    } catch (err) {
      this.ws.notice(`Could not save ${s.path}: ${(err as Error).message}`);
      return false;
    } finally {
      s.pendingSaveText = undefined;
    }
    if (s.isDisposed) return result.ok;
    if (result.ok) {
      // The backend drops its copy of our buffer when the save wrote exactly that text.
      if (s.backend.sentText === text) s.backend.hasBuffer = false;
      s.setConflict(undefined);
      s.rebase(text, result.hash);
      this.persistDraft(s);
      void this.ws.live.syncBackend(s);
      return true;
    }
    if (result.kind === 'conflict') s.setConflict({ kind: 'changed', diskText: result.diskText, diskHash: result.diskHash });
    else this.ws.notice(`Could not save ${s.path}: ${result.message}`);
    return false;
  }

  onDidType(s: EditorSession): void {
    const old = this.autosaveTimers.get(s.path);
    if (old) clearTimeout(old);
    if (!useEditorStore.getState().settings.autosave) return;
    this.autosaveTimers.set(
      s.path,
      setTimeout(() => {
        this.autosaveTimers.delete(s.path);
        if (!s.isDisposed && s.dirty && !s.conflict) void this.save(s.path);
      }, AUTOSAVE_MS),
    );
  }

  // ── conflicts ───────────────────────────────────────────────────────────

  /** Keep mine: write the editor's text over whatever the disk holds now. */
  async keepMine(path: string): Promise<void> {
    const s = this.ws.sessions.get(path);
    if (!s?.conflict) return;
    await this.write(s, s.conflict.kind === 'changed' ? s.conflict.diskHash : '');
  }

  /** Take theirs: the disk's text replaces the editor's (undoable in the editor); a deleted file closes. */
  takeTheirs(path: string): void {
    const s = this.ws.sessions.get(path);
    if (!s?.conflict) return;
    if (s.conflict.kind === 'deleted') {
      this.ws.close(path, { force: true });
      return;
    }
    const { diskText, diskHash } = s.conflict;
    s.setConflict(undefined);
    s.reloadFrom(diskText, diskHash);
    this.persistDraft(s);
  }

  onDidChangeFiles(e: VaultEvents['onDidChangeFiles']): void {
    for (const path of e.changed) if (this.ws.sessions.has(path)) this.check(path);
    for (const path of e.removed) {
      const s = this.ws.sessions.get(path);
      if (s) this.diskRemoved(s);
    }
  }

  private check(path: string): void {
    const prev = this.checks.get(path) ?? Promise.resolve();
    const next = prev.then(() => this.checkDisk(path));
    this.checks.set(path, next);
    void next.finally(() => {
      if (this.checks.get(path) === next) this.checks.delete(path);
    });
  }

  private async checkDisk(path: string): Promise<void> {
    const s = this.ws.sessions.get(path);
    if (!s) return;
    let disk;
    try {
      disk = await this.ws.api.readFile({ path });
    } catch {
      if (!s.isDisposed) this.diskRemoved(s);
      return;
    }
    if (s.isDisposed || disk.hash === s.baseHash) return;
    // Our own save, reported by the watcher before the save's answer came back.
    if (s.pendingSaveText === disk.text) return;
    if (disk.text === s.text()) {
      s.setConflict(undefined);
      s.rebase(disk.text, disk.hash);
      this.persistDraft(s);
      return;
    }
    if (!s.dirty && !s.conflict) {
      s.reloadFrom(disk.text, disk.hash);
      this.flash(s, 'Reloaded: the file changed on disk.');
      return;
    }
    s.setConflict({ kind: 'changed', diskText: disk.text, diskHash: disk.hash });
  }

  private diskRemoved(s: EditorSession): void {
    if (this.renaming.has(s.path)) return;
    if (!s.dirty) {
      this.ws.close(s.path, { force: true });
      this.ws.notice(`${s.path} was removed from the vault; its tab was closed.`);
      return;
    }
    s.setConflict({ kind: 'deleted' });
  }

  private flash(s: EditorSession, message: string): void {
    s.setNotice(message);
    const old = this.noticeTimers.get(s.path);
    if (old) clearTimeout(old);
    this.noticeTimers.set(
      s.path,
      setTimeout(() => {
        if (!s.isDisposed && s.notice === message) s.setNotice(undefined);
      }, 4000),
    );
  }

  // ── drafts ──────────────────────────────────────────────────────────────

  /**
   * Keeps the draft backup current: at most one write a second per file while
   * typing (a 30 KB `localStorage.setItem` is not free), always the last one,
   * and at once when the window goes away.
   */
  persistDraft(s: EditorSession, options: { now?: boolean } = {}): void {
    if (s.isDisposed) return;
    const timer = this.draftTimers.get(s.path);
    if (!s.dirty) {
      if (timer) clearTimeout(timer);
      this.draftTimers.delete(s.path);
      this.ws.drafts.remove(s.path);
      return;
    }
    const since = performance.now() - (this.draftWrittenAt.get(s.path) ?? -Infinity);
    if (options.now || since >= DRAFT_EVERY_MS) {
      if (timer) clearTimeout(timer);
      this.draftTimers.delete(s.path);
      this.draftWrittenAt.set(s.path, performance.now());
      this.ws.drafts.write(s.path, s.text(), s.baseHash);
    } else if (!timer) {
      this.draftTimers.set(
        s.path,
        setTimeout(() => {
          this.draftTimers.delete(s.path);
          this.persistDraft(s, { now: true });
        }, DRAFT_EVERY_MS - since),
      );
    }
  }

  /** Every dirty buffer into the drafts now, and the backend's copy on its way (the window may be going away). */
  flushDrafts(): void {
    for (const s of this.ws.sessions.values()) this.persistDraft(s, { now: true });
    this.ws.drafts.flush();
  }

  /**
   * Opens every draft of this vault left by an earlier window, marked dirty;
   * returns their paths, oldest first. The backend's copy counts as well as
   * this origin's localStorage: a browser-mode launch on a new port starts
   * with an empty one.
   */
  async restoreDrafts(): Promise<string[]> {
    const drafts = await this.ws.drafts.load();
    if (this.disposed) return [];
    for (const d of drafts) await this.ws.restore(d.path, d.text, d.baseHash);
    if (drafts.length > 0) this.ws.notice(`Restored unsaved changes to ${drafts.map((d) => d.path).join(', ')}.`);
    return drafts.map((d) => d.path);
  }

  /** A restored draft against the disk now: still based on it, identical to it, or in conflict with it. */
  reconcileRestored(s: EditorSession, baseHash: string, disk: { text: string; hash: string } | undefined): void {
    if (!disk) {
      s.conflict = { kind: 'deleted' };
      return;
    }
    if (disk.text === s.text()) {
      this.ws.drafts.remove(s.path);
      return;
    }
    // Edited on disk since the draft was taken: the curator decides which wins.
    if (disk.hash !== baseHash) s.conflict = { kind: 'changed', diskText: disk.text, diskHash: disk.hash };
  }

  forget(path: string): void {
    const t = this.autosaveTimers.get(path);
    if (t) clearTimeout(t);
    this.autosaveTimers.delete(path);
    const n = this.noticeTimers.get(path);
    if (n) clearTimeout(n);
    this.noticeTimers.delete(path);
    const d = this.draftTimers.get(path);
    if (d) clearTimeout(d);
    this.draftTimers.delete(path);
    this.draftWrittenAt.delete(path);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.autosaveTimers.values()) clearTimeout(t);
    for (const t of this.noticeTimers.values()) clearTimeout(t);
    for (const t of this.draftTimers.values()) clearTimeout(t);
    this.draftTimers.clear();
    this.autosaveTimers.clear();
    this.noticeTimers.clear();
  }
}
