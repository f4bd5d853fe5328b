/**
 * Watches a vault for changes made outside Trellis (another editor, git, a
 * sync tool) and reports them as settled, per-file changes:
 * - events for one path are coalesced, so an editor's atomic save (write a
 *   temp file, rename over; or unlink then add) is one change;
 * - temp and hidden files and the `.trellis` folder are ignored;
 * - a file that suddenly reads empty is looked at again before anyone acts on
 *   it, so a truncate-then-restore is never acted on half-way;
 * - when the system runs out of watches (inotify limit), the watcher says so
 *   and falls back to polling (a rescan of sizes and times, by its owner).
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isIgnoredPath, type PatternSchema } from '../../shared/schema/schema';

export interface SettledChange {
  /** Vault-relative path. */
  path: string;
  /** The file's text now, or undefined when it is gone. */
  text: string | undefined;
  bytes: Buffer | undefined;
}

export interface VaultWatcherOptions {
  root: string;
  schema: PatternSchema;
  onChange: (changes: SettledChange[]) => void;
  onError: (message: string) => void;
  /** Called after the watcher restarted, and on every poll in polling mode: the owner looks for changes. */
  onRestart?: () => void;
  /** Quiet time before a path's events count as settled. */
  settleMs?: number;
  /** Extra wait before believing a file that reads empty. */
  emptyRecheckMs?: number;
  /** Force polling (tests, network drives). */
  usePolling?: boolean;
}

/** How often a polling watcher asks for a rescan. */
const POLL_MS = 1500;

const TEMP_NAME = /(^\.|~$|\.swp$|\.swx$|\.tmp$|^#.*#$|\.trellis-tmp-)/;

export function isWatchedPath(schema: PatternSchema, relPath: string): boolean {
  if (!relPath.toLowerCase().endsWith('.md')) return false;
  const parts = relPath.split('/');
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return false;
  if (TEMP_NAME.test(parts[parts.length - 1] as string)) return false;
  return !isIgnoredPath(schema, relPath);
}

export class VaultWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly settleMs: number;
  private readonly emptyRecheckMs: number;
  private disposed = false;
  private polling: boolean;

  constructor(private readonly options: VaultWatcherOptions) {
    this.settleMs = options.settleMs ?? 60;
    this.emptyRecheckMs = options.emptyRecheckMs ?? 400;
    this.polling = options.usePolling ?? false;
  }

  async start(): Promise<void> {
    if (this.polling) {
      // No native events: look for differences now and then (the owner rescans).
      this.pollTimer = setInterval(() => this.options.onRestart?.(), POLL_MS);
      return;
    }
    try {
      await this.watchTree(this.options.root);
    } catch (err) {
      await this.onWatcherError(err as NodeJS.ErrnoException);
    }
  }

  /**
   * One native watcher per folder (hidden folders and node_modules skipped).
   * Unlike a library that re-reads a folder on every event, this costs nothing
   * per save, which matters when a folder holds thousands of patterns.
   */
  private async watchTree(dir: string): Promise<void> {
    if (this.disposed || this.watchers.has(dir)) return;
    const watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name === null) return;
      const abs = join(dir, name.toString());
      this.touch(abs);
      // A new folder: watch it too (its files are announced as they settle).
      if (!name.toString().startsWith('.') && name.toString() !== 'node_modules') {
        void stat(abs).then(
          (s) => (s.isDirectory() ? this.watchTree(abs) : undefined),
          () => undefined,
        );
      }
    });
    watcher.on('error', (err) => void this.onWatcherError(err as NodeJS.ErrnoException));
    this.watchers.set(dir, watcher);
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') await this.watchTree(join(dir, e.name));
    }
  }

  /** Test seam: what a native watcher reports when the system runs out of watches. */
  reportWatcherError(err: NodeJS.ErrnoException): Promise<void> {
    return this.onWatcherError(err);
  }

  private closeWatchers(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private async onWatcherError(err: NodeJS.ErrnoException): Promise<void> {
    if (this.disposed) return;
    if (!this.polling && (err.code === 'ENOSPC' || err.code === 'EMFILE')) {
      this.polling = true;
      this.closeWatchers();
      await this.start();
      this.options.onRestart?.();
      this.options.onError(`The system ran out of file watches (${err.code}); Trellis now polls the vault for changes, which is slower. Raise fs.inotify.max_user_watches to restore instant updates.`);
      return;
    }
    this.options.onError(`File watcher error: ${err.message}`);
  }

  private touch(absPath: string): void {
    if (this.disposed) return;
    const rel = relative(this.options.root, absPath).split(sep).join('/');
    if (!isWatchedPath(this.options.schema, rel)) return;
    const existing = this.timers.get(rel);
    if (existing) clearTimeout(existing);
    this.timers.set(
      rel,
      setTimeout(() => {
        this.timers.delete(rel);
        void this.settle(rel);
      }, this.settleMs),
    );
  }

  private async read(rel: string): Promise<Buffer | undefined> {
    try {
      return await readFile(`${this.options.root}${sep}${rel.split('/').join(sep)}`);
    } catch {
      return undefined;
    }
  }

  private async settle(rel: string): Promise<void> {
    let bytes = await this.read(rel);
    if (bytes !== undefined && bytes.length === 0) {
      // Truncated, perhaps to be rewritten in a moment: look again before acting.
      await new Promise((r) => setTimeout(r, this.emptyRecheckMs));
      if (this.disposed || this.timers.has(rel)) return; // newer events will settle it
      bytes = await this.read(rel);
    }
    if (this.disposed || this.timers.has(rel)) return;
    this.options.onChange([{ path: rel, bytes, text: bytes?.toString('utf8') }]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.closeWatchers();
    if (this.pollTimer) clearInterval(this.pollTimer);
  }
}
