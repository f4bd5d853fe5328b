/**
 * The backend of one open vault, behind the API contract: it indexes the
 * vault off the main thread (workers, with a cache for fast reopening), keeps
 * the index current as files change on disk, and carries out reads, saves and
 * structured edits through safe writes with undo. Both transports (Electron
 * IPC and the browser-mode WebSocket) serve this one object.
 */
import { localDay } from '../../shared/model/local-day';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EditPreview, EventName, FileSummary, RequestOf, ResultOf, SeverityCounts, VaultApi, VaultEvents } from '../../shared/api/vault-api';
import { ApiError, METHOD_NAMES } from '../../shared/api/vault-api';
import { analyzeFile, type FileAnalysis } from '../../shared/validation/analyze-file';
import { VaultIndex } from '../../shared/vault/vault-index';
import { buildGraph } from '../../shared/vault/graph-model';
import { GraphVersions } from '../../shared/vault/graph-versions';
import { planVaultEdit, type PlannedFile } from '../../shared/vault/plan-vault-edit';
import { unifiedDiff } from '../../shared/edits/unified-diff';
import type { SchemaLoadResult } from '../../shared/schema/schema';
import { analyzePaths, loadSchemaForVault } from '../vault/analyze-vault';
import { decodeFile, listVaultFiles, toFsPath } from '../vault/vault-files';
import { cacheDir, loadIndexCache, saveIndexCache, type CachedFile } from './index-cache';
import { VaultWatcher, type SettledChange } from './vault-watcher';
import { applyFileOps, reverseOps, type FileOp } from './file-batch';
import { hashText, writeFileAtomic } from './safe-write';
import { resolveInVault } from './vault-paths';
import { parsePrunedFile, PRUNED_PATH } from '../../shared/vault/pruned-links';
import { newPatternId } from '../../shared/model/typeid';
import { buildInbox } from '../../shared/curation/inbox';
import { gardenHealth } from '../../shared/curation/garden-health';

export interface VaultServiceOptions {
  /** Watch the vault for outside changes (default true). */
  watch?: boolean;
  /** Use and write `.trellis/cache` (default true). */
  cache?: boolean;
  /** Poll instead of native file events (tests, network drives). */
  usePolling?: boolean;
  /** Today's date for `last_pruned` stamps (tests pin it). */
  today?: () => string;
}

export type VaultService = VaultApi & {
  readonly root: string;
  readonly index: VaultIndex;
  /** How the last open went: files taken from the cache, files analysed. */
  readonly openStats: { cached: number; analysed: number; cacheNote: string };
  dispose(): Promise<void>;
};

interface HistoryEntry {
  title: string;
  ops: FileOp[];
}

/** How long after our own write the watcher's report of it still counts as an echo. */
const OWN_WRITE_ECHO_MS = 10_000;

type Listener<E extends EventName> = (payload: VaultEvents[E]) => void;

function countsOf(diagnostics: ReadonlyArray<{ severity: keyof SeverityCounts }>): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) c[d.severity]++;
  return c;
}

class VaultServiceImpl {
  readonly index: VaultIndex;
  openStats = { cached: 0, analysed: 0, cacheNote: '' };
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly fileStats = new Map<string, { size: number; mtimeMs: number }>();
  /**
   * Hashes of what we recently wrote per path ('' for a deletion): the
   * watcher's echo of our own write is not news. Several are kept because a
   * burst of saves can be echoed by any of its intermediate versions.
   */
  private readonly ownWrites = new Map<string, Array<{ hash: string; at: number }>>();
  private readonly previews = new Map<string, { title: string; ops: FileOp[] }>();
  /** Unsaved editor texts: findings follow them instead of the disk until saved or closed. */
  private readonly buffers = new Map<string, string>();
  private readonly graphVersions = new GraphVersions();
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];
  private watcher: VaultWatcher | undefined;
  private ready = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly root: string,
    private readonly schema: SchemaLoadResult,
    private readonly options: VaultServiceOptions,
  ) {
    this.index = new VaultIndex(schema.schema);
  }

  // ── events ──────────────────────────────────────────────────────────

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  private emit<E extends EventName>(event: E, payload: VaultEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) {
      try {
        l(payload);
      } catch {
        // A listener's failure is its own; the backend carries on.
      }
    }
  }

  /** Runs mutations one at a time, so a save and a watcher event never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  // ── opening ─────────────────────────────────────────────────────────

  async open(): Promise<void> {
    const schema = this.schema.schema;
    const paths = await listVaultFiles(this.root, schema);
    const stats = await Promise.all(paths.map((p) => stat(toFsPath(this.root, p)).then((s) => ({ size: s.size, mtimeMs: s.mtimeMs }), () => undefined)));
    const useCache = this.options.cache !== false;
    const cache = useCache ? await loadIndexCache(this.root, schema) : ({ ok: false, reason: 'cache disabled' } as const);
    const reused: FileAnalysis[] = [];
    const toAnalyse: string[] = [];
    paths.forEach((p, i) => {
      const s = stats[i];
      if (s) this.fileStats.set(p, s);
      const hit = cache.ok ? cache.files.get(p) : undefined;
      if (hit && s && hit.size === s.size && hit.mtimeMs === s.mtimeMs) reused.push(hit.analysis);
      else toAnalyse.push(p);
    });
    const total = paths.length;
    this.emit('onDidIndexProgress', { done: reused.length, total });
    const analysed = await analyzePaths(this.root, toAnalyse, { schema }, { useThisThread: 'in-slices', onProgress: (done) => this.emit('onDidIndexProgress', { done: reused.length + done, total }) });
    this.index.load([...reused, ...analysed]);
    await this.reloadPruned();
    this.openStats = { cached: reused.length, analysed: analysed.length, cacheNote: cache.ok ? 'cache used' : cache.reason };
    this.ready = true;
    this.emit('onDidIndexProgress', { done: total, total });
    if (useCache && analysed.length > 0) this.pendingCacheWrite = this.writeCache();
    if (this.options.watch !== false) {
      this.watcher = new VaultWatcher({
        root: this.root,
        schema,
        onChange: (changes) => void this.serial(() => this.onDiskChanges(changes)),
        onError: (message) => this.emit('onDidReportError', { message }),
        onRestart: () => void this.serial(() => this.resync()),
        ...(this.options.usePolling ? { usePolling: true } : {}),
      });
      await this.watcher.start();
    }
  }

  private writeCacheTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingCacheWrite: Promise<void> | undefined;

  /** Persists the index a little after the last change; losing it only costs speed. */
  private scheduleCacheWrite(): void {
    if (this.options.cache === false) return;
    if (this.writeCacheTimer) clearTimeout(this.writeCacheTimer);
    this.writeCacheTimer = setTimeout(() => {
      this.writeCacheTimer = undefined;
      this.pendingCacheWrite = this.writeCache();
    }, 2000);
  }

  private async writeCache(): Promise<void> {
    const files = new Map<string, CachedFile>();
    for (const path of this.index.paths()) {
      const s = this.fileStats.get(path);
      const analysis = this.index.get(path);
      if (s && analysis) files.set(path, { ...s, analysis });
    }
    try {
      await saveIndexCache(this.root, this.schema.schema, files);
    } catch (err) {
      this.emit('onDidReportError', { message: `Could not write the index cache: ${(err as Error).message}` });
    }
  }

  // ── keeping current ─────────────────────────────────────────────────

  private async reanalyse(path: string, bytes: Buffer | undefined): Promise<string[]> {
    const buffer = this.buffers.get(path);
    if (buffer !== undefined) {
      // The editor's text wins over the disk's until it is saved or closed.
      return this.index.update(analyzeFile({ path, text: buffer, byteLength: Buffer.byteLength(buffer) }, this.schema.schema));
    }
    if (bytes === undefined) {
      this.fileStats.delete(path);
      return this.index.delete(path);
    }
    const s = await stat(toFsPath(this.root, path)).catch(() => undefined);
    if (s) this.fileStats.set(path, { size: s.size, mtimeMs: s.mtimeMs });
    const input = bytes.length > this.schema.schema.maxFileBytes ? { path, byteLength: bytes.length } : decodeFile(path, bytes);
    return this.index.update(analyzeFile(input, this.schema.schema));
  }

  private announce(changed: string[], removed: string[], affected: string[], external: boolean): void {
    this.emit('onDidChangeFiles', { changed, removed, external });
    this.emit('onDidChangeDiagnostics', { paths: affected, counts: this.index.severityCounts() });
    this.scheduleCacheWrite();
  }

  private async onDiskChanges(changes: SettledChange[]): Promise<void> {
    const changed: string[] = [];
    const removed: string[] = [];
    const affected = new Set<string>();
    let external = false;
    for (const c of changes) {
      const now = c.text === undefined ? '' : hashText(c.text);
      // Echoes arrive within moments; an old hash of ours matching later is someone else's revert.
      const recent = Date.now() - OWN_WRITE_ECHO_MS;
      const own = this.ownWrites.get(c.path);
      if (own?.some((w) => w.hash === now && w.at >= recent)) {
        // An echo of our own writing: the index was updated when we wrote. If it
        // is not the latest version we wrote, a newer event is on its way.
        continue;
      }
      this.ownWrites.delete(c.path);
      external = true;
      for (const p of await this.reanalyse(c.path, c.bytes)) affected.add(p);
      (c.bytes === undefined ? removed : changed).push(c.path);
    }
    if (changed.length || removed.length) this.announce(changed, removed, [...affected].sort(), external);
  }

  private rememberOwnWrite(path: string, text: string | undefined): void {
    const hashes = this.ownWrites.get(path) ?? [];
    hashes.push({ hash: text === undefined ? '' : hashText(text), at: Date.now() });
    if (hashes.length > 32) hashes.shift();
    this.ownWrites.set(path, hashes);
  }

  /** Compares the disk with what the index was built from and takes in every difference (after a gap in watching). */
  private async resync(): Promise<void> {
    const paths = await listVaultFiles(this.root, this.schema.schema);
    const onDisk = new Set(paths);
    const changes: SettledChange[] = [];
    for (const path of this.index.paths()) if (!onDisk.has(path)) changes.push({ path, text: undefined, bytes: undefined });
    for (const path of paths) {
      const s = await stat(toFsPath(this.root, path)).catch(() => undefined);
      const known = this.fileStats.get(path);
      if (s && known && s.size === known.size && s.mtimeMs === known.mtimeMs) continue;
      const bytes = await readFile(toFsPath(this.root, path)).catch(() => undefined);
      changes.push({ path, bytes, text: bytes?.toString('utf8') });
    }
    if (changes.length) await this.onDiskChanges(changes);
  }

  /** Reads the vault's record of rejected links; a broken file is reported, never fatal. */
  private async reloadPruned(): Promise<string | undefined> {
    const text = await readFile(toFsPath(this.root, PRUNED_PATH), 'utf8').catch(() => undefined);
    const pruned = parsePrunedFile(text);
    if (pruned.error) this.emit('onDidReportError', { message: pruned.error });
    this.index.setPruned(pruned.keys);
    return text;
  }

  /** Records our own write and updates the index at once (not waiting for the watcher). */
  private async afterOwnWrite(paths: Array<{ path: string; text: string | undefined }>): Promise<void> {
    const affected = new Set<string>();
    const changed: string[] = [];
    const removed: string[] = [];
    for (const { path, text } of paths) {
      if (path === PRUNED_PATH) {
        // Not a pattern: it changes which inferred links count as rejected, in the files it names.
        const before = this.index.pruned;
        await this.reloadPruned();
        const after = this.index.pruned;
        for (const key of [...before, ...after]) {
          if (before.has(key) && after.has(key)) continue;
          const source = key.slice(0, key.indexOf('\u0000'));
          for (const f of this.index.resolve(source)) affected.add(f.path);
        }
        continue;
      }
      for (const p of await this.reanalyse(path, text === undefined ? undefined : Buffer.from(text, 'utf8'))) affected.add(p);
      (text === undefined ? removed : changed).push(path);
    }
    this.announce(changed, removed, [...affected].sort(), false);
  }

  // ── the API ─────────────────────────────────────────────────────────

  private async readText(path: string): Promise<string> {
    const abs = await resolveInVault(this.root, path);
    try {
      return await readFile(abs, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiError('NotFound', `${path} does not exist`);
      throw err;
    }
  }

  async getVault(): Promise<ResultOf<'getVault'>> {
    return {
      name: basename(this.root),
      root: this.root,
      files: this.index.size,
      counts: this.index.severityCounts(),
      schemaErrors: this.schema.errors.map((e) => e.message),
      ready: this.ready,
    };
  }

  async listFiles(): Promise<FileSummary[]> {
    return this.index.paths().map((path) => {
      const f = this.index.facts(path);
      const s: FileSummary = { path, name: f?.name ?? path, generation: f?.generation ?? 'unknown', counts: countsOf(this.index.diagnostics(path)) };
      if (f?.title !== undefined) s.title = f.title;
      return s;
    });
  }

  async readFile(req: RequestOf<'readFile'>): Promise<ResultOf<'readFile'>> {
    const text = await this.readText(req.path);
    return { path: req.path, text, hash: hashText(text) };
  }

  async getDiagnostics(req: RequestOf<'getDiagnostics'>): Promise<ResultOf<'getDiagnostics'>> {
    return req.path === undefined ? this.index.allDiagnostics() : this.index.diagnostics(req.path);
  }

  async getGraph(): Promise<ResultOf<'getGraph'>> {
    return buildGraph(this.index);
  }

  async getSchema(): Promise<ResultOf<'getSchema'>> {
    return this.schema.schema;
  }

  async getGraphUpdate(req: RequestOf<'getGraphUpdate'>): Promise<ResultOf<'getGraphUpdate'>> {
    return this.graphVersions.update(buildGraph(this.index), req.since);
  }

  saveFile(req: RequestOf<'saveFile'>): Promise<ResultOf<'saveFile'>> {
    return this.serial(async () => {
      const abs = await resolveInVault(this.root, req.path);
      this.rememberOwnWrite(req.path, req.text);
      const result = await writeFileAtomic(abs, req.text, req.baseHash === '' ? {} : { expectedHash: req.baseHash });
      if (!result.ok) {
        if (result.kind === 'conflict') {
          const diskText = result.diskText ?? '';
          return { ok: false as const, kind: 'conflict' as const, message: `${req.path} changed on disk since it was opened; nothing was written`, diskText, diskHash: hashText(diskText) };
        }
        return { ok: false as const, kind: 'error' as const, message: result.message };
      }
      // The saved text is the file now; a buffer equal to it is no longer an overlay.
      if (this.buffers.get(req.path) === req.text) this.buffers.delete(req.path);
      await this.afterOwnWrite([{ path: req.path, text: req.text }]);
      return { ok: true as const, hash: hashText(req.text) };
    });
  }

  setBuffer(req: RequestOf<'setBuffer'>): Promise<ResultOf<'setBuffer'>> {
    return this.serial(async () => {
      const abs = await resolveInVault(this.root, req.path);
      if (req.text === null) this.buffers.delete(req.path);
      else this.buffers.set(req.path, req.text);
      const bytes = req.text === null ? await readFile(abs).catch(() => undefined) : undefined;
      if (req.text === null && bytes === undefined && !this.index.get(req.path)) return { paths: [] };
      const paths = await this.reanalyse(req.path, bytes);
      this.emit('onDidChangeDiagnostics', { paths, counts: this.index.severityCounts() });
      return { paths };
    });
  }

  private async vaultTexts(): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    await Promise.all(
      this.index.paths().map(async (p) => {
        try {
          texts.set(p, await readFile(toFsPath(this.root, p), 'utf8'));
        } catch {
          // Gone meanwhile: the watcher will report it.
        }
      }),
    );
    return texts;
  }

  async previewEdit(req: RequestOf<'previewEdit'>): Promise<EditPreview> {
    const edit = req.edit;
    const wide = edit.kind === 'prune' || edit.kind === 'rename' || edit.kind === 'fix' || edit.kind === 'delete' || edit.kind === 'create';
    const texts = wide ? await this.vaultTexts() : new Map<string, string>();
    if (!wide) {
      for (const p of edit.kind === 'migrate' ? edit.paths : [edit.path]) texts.set(p, await this.readText(p));
      if (edit.kind === 'promote' && edit.inverse) {
        const target = this.index.resolve(edit.target)[0];
        if (target) texts.set(target.path, await this.readText(target.path));
      }
    }
    const prunedText = await readFile(toFsPath(this.root, PRUNED_PATH), 'utf8').catch(() => undefined);
    const plan = planVaultEdit(edit, {
      pruned: { text: prunedText, keys: this.index.pruned },
      newId: () => newPatternId(Date.now(), randomBytes(10)),
      index: this.index,
      schema: this.schema.schema,
      today: (this.options.today ?? localDay)(),
      texts: { read: (p) => texts.get(p), all: () => texts.entries() },
    });
    if (!plan.ok) throw new ApiError('EditRefused', plan.reason);
    const id = randomUUID();
    const ops = plan.files.filter((f: PlannedFile) => f.before !== f.after);
    this.previews.set(id, { title: plan.title, ops });
    // Keep a handful of previews; an old one is simply re-requested.
    if (this.previews.size > 20) this.previews.delete(this.previews.keys().next().value as string);
    return {
      id,
      ...(plan.createdPath ? { createdPath: plan.createdPath } : {}),
      title: plan.title,
      files: ops.map((f) => ({ path: f.path, diff: unifiedDiff(f.path, f.before ?? '', f.after ?? '') })),
      summary: plan.summary,
      refused: plan.refused,
    };
  }

  applyEdit(req: RequestOf<'applyEdit'>): Promise<ResultOf<'applyEdit'>> {
    return this.serial(async () => {
      const preview = this.previews.get(req.previewId);
      if (!preview) return { ok: false as const, kind: 'stale-preview' as const, message: 'that preview is no longer available; preview the edit again' };
      this.previews.delete(req.previewId);
      const result = await this.runOps(preview.ops);
      if (!result.ok) return result;
      this.undoStack.push({ title: preview.title, ops: preview.ops });
      this.redoStack.length = 0;
      return { ok: true as const, title: preview.title, files: result.files };
    });
  }

  private async runOps(ops: FileOp[]): Promise<{ ok: true; files: string[] } | { ok: false; kind: 'conflict' | 'error'; message: string; files: string[] }> {
    const outcome = await applyFileOps(this.root, ops, (path, text) => this.rememberOwnWrite(path, text));
    if (!outcome.ok) return outcome;
    await this.afterOwnWrite(ops.map((o) => ({ path: o.path, text: o.after })));
    return { ok: true, files: outcome.written };
  }

  async getInbox(req: RequestOf<'getInbox'>): Promise<ResultOf<'getInbox'>> {
    return buildInbox(this.index, req.scope, req.sort);
  }

  async loadViewState(req: RequestOf<'loadViewState'>): Promise<ResultOf<'loadViewState'>> {
    // Missing is "nothing kept yet"; anything else (no permission, a directory) is an error, so a
    // caller that would save over an unread copy (the drafts) knows not to.
    const value = await readFile(join(cacheDir(this.root), 'view', `${req.key}.json`), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw new ApiError('ViewStateUnreadable', `the view state '${req.key}' could not be read: ${err.message}`);
    });
    return { value };
  }

  async saveViewState(req: RequestOf<'saveViewState'>): Promise<ResultOf<'saveViewState'>> {
    const dir = join(cacheDir(this.root), 'view');
    await mkdir(dir, { recursive: true });
    const result = await writeFileAtomic(join(dir, `${req.key}.json`), req.value);
    return { ok: result.ok };
  }

  async getGardenHealth(req: RequestOf<'getGardenHealth'>): Promise<ResultOf<'getGardenHealth'>> {
    return gardenHealth(this.index, req.minConfidence);
  }

  undo(): Promise<ResultOf<'undo'>> {
    return this.serial(async () => {
      const entry = this.undoStack.pop();
      if (!entry) return { ok: false, message: 'nothing to undo', files: [] };
      const result = await this.runOps(reverseOps(entry.ops));
      if (!result.ok) {
        this.undoStack.push(entry);
        return { ok: false, message: `could not undo '${entry.title}': ${result.message}`, files: result.files };
      }
      this.redoStack.push(entry);
      return { ok: true, message: `undid '${entry.title}'`, files: result.files };
    });
  }

  redo(): Promise<ResultOf<'redo'>> {
    return this.serial(async () => {
      const entry = this.redoStack.pop();
      if (!entry) return { ok: false, message: 'nothing to redo', files: [] };
      const result = await this.runOps(entry.ops);
      if (!result.ok) {
        this.redoStack.push(entry);
        return { ok: false, message: `could not redo '${entry.title}': ${result.message}`, files: result.files };
      }
      this.undoStack.push(entry);
      return { ok: true, message: `redid '${entry.title}'`, files: result.files };
    });
  }

  async dispose(): Promise<void> {
    await this.pendingCacheWrite;
    if (this.writeCacheTimer) {
      clearTimeout(this.writeCacheTimer);
      await this.writeCache();
    }
    await this.watcher?.dispose();
    this.listeners.clear();
  }
}

/** Opens a vault folder and returns its backend once the first index is built. */
export async function openVaultService(root: string, options: VaultServiceOptions = {}): Promise<VaultService> {
  const schema = await loadSchemaForVault(root);
  const impl = new VaultServiceImpl(root, schema, options);
  await impl.open();
  const api = {
    root,
    index: impl.index,
    get openStats() {
      return impl.openStats;
    },
    on: impl.on.bind(impl),
    dispose: impl.dispose.bind(impl),
  } as Record<string, unknown>;
  for (const m of METHOD_NAMES) api[m] = (impl[m] as (r: unknown) => Promise<unknown>).bind(impl);
  return api as unknown as VaultService;
}
