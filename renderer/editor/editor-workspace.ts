/**
 * The editor's controller: the open sessions (one per tab), the Monaco editors
 * they are shown in, and keeping the tab selection and the app's selected
 * pattern in step. Live findings live in `live-findings.ts`, saving and disk
 * changes in `file-sync.ts`, quick fixes and vault-wide edits in `vault-edits.ts`.
 */
import type { editor as MonacoEditor } from 'monaco-editor/editor';
import type { VaultApi } from '../../shared/api/vault-api';
import { DEFAULT_SCHEMA, type PatternSchema } from '../../shared/schema/schema';
import type { PatternRef } from '../../shared/editor/yaml-completion';
import { SchemaCalibration } from '../../shared/editor/schema-calibration';
import { locateOffset } from '../../shared/editor/file-parts';
import { useTrellis } from '../store/vault-store';
import { useEditorStore, type TabState } from './editor-store';
import { EditorSession, type RenderEvent, type SessionListener } from './editor-session';
import { LiveFindings } from './live-findings';
import { DraftStorage } from './draft-storage';
import { FileSync } from './file-sync';
import { VaultEdits } from './vault-edits';
import { monaco } from './monaco-setup';
import { registerYamlHelp } from './yaml-language';
import { setRevealHandler } from './editor-commands';

export interface EditorViews {
  yaml: MonacoEditor.IStandaloneCodeEditor;
  body: MonacoEditor.IStandaloneCodeEditor;
}

/** Tabs kept open at most; the least recently used clean one closes first (Monaco warns at ~200 live models). */
const MAX_TABS = 12;

export class EditorWorkspace implements SessionListener {
  /** The vault's schema (the store has it from the backend): validation, completion, hover and fixes use it. */
  schema: PatternSchema = DEFAULT_SCHEMA;
  readonly calibration = new SchemaCalibration();
  readonly sessions = new Map<string, EditorSession>();
  readonly drafts: DraftStorage;
  readonly sync: FileSync;
  readonly edits: VaultEdits;
  readonly live: LiveFindings;
  private readonly opening = new Map<string, Promise<EditorSession | undefined>>();
  /**
   * Settles when the drafts of an earlier window are open. Restoring waits for
   * the backend's copy, so a file may be asked for first: it waits too, or it
   * would open clean from disk and then again as a draft.
   */
  private readonly restoring: Promise<unknown>;
  private readonly cleanups: Array<() => void> = [];
  private readonly recent: string[] = [];
  private views: EditorViews | undefined;
  private pendingReveal: { path: string; offset: number } | undefined;
  private patternCache: { files: unknown; refs: PatternRef[]; byName: Map<string, PatternRef> } | undefined;
  readonly renderListeners = new Set<(path: string, e: RenderEvent) => void>();
  readonly changeListeners = new Set<(path: string, version: number) => void>();
  private disposed = false;

  constructor(
    readonly api: VaultApi,
    readonly vaultRoot: string,
  ) {
    this.drafts = new DraftStorage(vaultRoot, (m) => this.notice(m), api);
    this.sync = new FileSync(this);
    this.edits = new VaultEdits(this);
    this.live = new LiveFindings(this);
    // Started before anything can call open(), which waits for it.
    const restored = this.sync.restoreDrafts();
    this.restoring = restored.catch(() => undefined);
    void restored.then((paths) => {
      if (this.disposed) return;
      const selected = useTrellis.getState().selectedPath ?? paths[paths.length - 1];
      if (selected !== undefined) void this.open(selected);
    });
    const applySchema = (schema: PatternSchema | undefined) => {
      if (!schema || schema === this.schema) return;
      this.schema = schema;
      this.live.setSchema(schema);
    };
    applySchema(useTrellis.getState().schema);
    this.cleanups.push(useTrellis.subscribe((state) => applySchema(state.schema)));
    const help = registerYamlHelp(this);
    this.cleanups.push(() => help.dispose());
    setRevealHandler((path, offset) => void this.open(path, offset === undefined ? {} : { offset }));
    this.cleanups.push(() => setRevealHandler(undefined));
    this.cleanups.push(api.on('onDidChangeFiles', (e) => this.sync.onDidChangeFiles(e)));
    this.cleanups.push(api.on('onDidChangeDiagnostics', (e) => this.live.onDidChangeDiagnostics(e.paths)));
    this.cleanups.push(
      useTrellis.subscribe((s, prev) => {
        if (s.selectedPath !== prev.selectedPath && s.selectedPath !== undefined) void this.open(s.selectedPath);
      }),
    );
    const flush = () => this.sync.flushDrafts();
    // A hidden tab may be discarded or killed without a pagehide: the last chance to send the backend copy.
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', hidden);
    this.cleanups.push(() => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', hidden);
    });
  }

  // ── tabs and sessions ──────────────────────────────────────────────────

  get activePath(): string | undefined {
    return useEditorStore.getState().activePath;
  }

  get active(): EditorSession | undefined {
    const p = this.activePath;
    return p === undefined ? undefined : this.sessions.get(p);
  }

  /** Opens a pattern in a tab (or finds its tab) and shows it; `offset` (file offset) is revealed. */
  async open(path: string, options: { activate?: boolean; offset?: number } = {}): Promise<EditorSession | undefined> {
    if (options.offset !== undefined) this.pendingReveal = { path, offset: options.offset };
    const activate = options.activate !== false;
    if (activate) this.activate(path);
    const existing = this.sessions.get(path);
    if (existing) {
      if (options.offset !== undefined) this.showActive();
      return existing;
    }
    let opening = this.opening.get(path);
    if (!opening) {
      opening = this.restoring.then(() => this.sessions.get(path) ?? this.load(path));
      this.opening.set(path, opening);
      void opening.finally(() => this.opening.delete(path));
    }
    return opening;
  }

  private async load(path: string, restored?: { text: string; baseHash: string }): Promise<EditorSession | undefined> {
    const store = useEditorStore.getState();
    store.addTab({ path, title: this.titleOf(path), dirty: false, loading: true, mode: 'split', generation: 0 });
    let disk;
    try {
      disk = await this.api.readFile({ path });
    } catch (err) {
      if (!restored) {
        store.setTab(path, { loading: false, error: `Could not open ${path}: ${(err as Error).message}` });
        return undefined;
      }
      disk = undefined;
    }
    if (this.disposed) return undefined;
    const text = restored ? restored.text : (disk as { text: string }).text;
    const base = disk ? { text: disk.text, hash: disk.hash } : { text: '', hash: restored?.baseHash ?? '' };
    const session = new EditorSession(path, text, base, this);
    this.sessions.set(path, session);
    this.live.track(session);
    if (restored) this.sync.reconcileRestored(session, restored.baseHash, disk);
    this.publish(session);
    this.evictTabs();
    if (this.activePath === path) this.showActive();
    // A first round at once: the file's findings, and what the backend knows of the disk's text.
    this.live.validate(session);
    return session;
  }

  /** Restores a draft as an open, dirty tab (used at start-up). */
  restore(path: string, text: string, baseHash: string): Promise<EditorSession | undefined> {
    const p = this.load(path, { text, baseHash });
    this.opening.set(path, p);
    void p.finally(() => this.opening.delete(path));
    return p;
  }

  activate(path: string | undefined): void {
    const store = useEditorStore.getState();
    if (store.activePath === path) return;
    this.saveViewState();
    store.setActive(path);
    if (path !== undefined) {
      const i = this.recent.indexOf(path);
      if (i >= 0) this.recent.splice(i, 1);
      this.recent.push(path);
      if (useTrellis.getState().selectedPath !== path) useTrellis.getState().select(path);
    }
    this.showActive();
  }

  /** Closes a tab; unsaved changes are discarded only when the curator agrees. */
  close(path: string, options: { force?: boolean } = {}): boolean {
    const session = this.sessions.get(path);
    if (session?.dirty && !options.force && !window.confirm(`Discard the unsaved changes to ${path}?`)) return false;
    const store = useEditorStore.getState();
    const tabs = store.tabs;
    const at = tabs.findIndex((t) => t.path === path);
    if (session) {
      if (session.backend.hasBuffer) void this.api.setBuffer({ path, text: null }).catch(() => undefined);
      this.drafts.remove(path);
      session.dispose();
      this.sessions.delete(path);
    }
    this.live.untrack(path);
    this.sync.forget(path);
    const i = this.recent.indexOf(path);
    if (i >= 0) this.recent.splice(i, 1);
    const wasActive = store.activePath === path;
    store.removeTab(path);
    if (wasActive) {
      const rest = useEditorStore.getState().tabs;
      const next = rest[Math.min(at, rest.length - 1)];
      this.activate(next?.path);
      if (!next) {
        this.showActive();
        // Nothing open: nothing selected, so that choosing the same pattern again opens it again.
        if (useTrellis.getState().selectedPath === path) useTrellis.getState().select(undefined);
      }
    }
    return true;
  }

  private evictTabs(): void {
    const tabs = useEditorStore.getState().tabs;
    if (tabs.length <= MAX_TABS) return;
    for (const path of [...this.recent]) {
      if (useEditorStore.getState().tabs.length <= MAX_TABS) break;
      const s = this.sessions.get(path);
      if (!s || s.dirty || s.conflict || path === this.activePath) continue;
      this.close(path);
    }
  }

  private titleOf(path: string): string {
    return useTrellis.getState().files.find((f) => f.path === path)?.title ?? path.replace(/^.*\//, '').replace(/\.md$/i, '');
  }

  /** Writes a session's visible state into the tab. */
  publish(session: EditorSession): void {
    if (!this.sessions.has(session.path)) return;
    const patch: Partial<TabState> = {
      dirty: session.dirty,
      loading: false,
      mode: session.mode,
      generation: session.generation,
      conflict: session.conflict,
      notice: session.notice,
      title: this.titleOf(session.path),
    };
    useEditorStore.getState().setTab(session.path, patch);
  }

  // ── the Monaco editors ─────────────────────────────────────────────────

  bindEditors(views: EditorViews): () => void {
    this.views = views;
    this.showActive();
    return () => {
      this.saveViewState();
      if (this.views === views) this.views = undefined;
    };
  }

  private saveViewState(): void {
    const s = this.active;
    if (!s || !this.views) return;
    if (this.views.body.getModel() === s.bodyModel) s.viewState.body = this.views.body.saveViewState();
    if (s.yamlModel && this.views.yaml.getModel() === s.yamlModel) s.viewState.yaml = this.views.yaml.saveViewState();
  }

  /** Puts the active session's models into the editors (and reveals a pending position). */
  showActive(): void {
    const v = this.views;
    if (!v) return;
    const s = this.active;
    if (v.yaml.getModel() !== (s?.yamlModel ?? null)) {
      v.yaml.setModel(s?.yamlModel ?? null);
      if (s?.viewState.yaml) v.yaml.restoreViewState(s.viewState.yaml);
    }
    if (v.body.getModel() !== (s?.bodyModel ?? null)) {
      v.body.setModel(s?.bodyModel ?? null);
      if (s?.viewState.body) v.body.restoreViewState(s.viewState.body);
    }
    const reveal = this.pendingReveal;
    if (s && reveal && reveal.path === s.path) {
      this.pendingReveal = undefined;
      const at = locateOffset(s.layout(), reveal.offset);
      const model = s.modelOf(at.part);
      const editor = at.part === 'yaml' ? v.yaml : v.body;
      if (model) {
        const pos = model.getPositionAt(at.offset);
        editor.setPosition(pos);
        editor.revealPositionInCenter(pos);
        editor.focus();
      }
    }
  }

  editorOf(part: 'yaml' | 'body'): MonacoEditor.IStandaloneCodeEditor | undefined {
    return this.views?.[part];
  }

  sessionOfModel(model: MonacoEditor.ITextModel): EditorSession | undefined {
    for (const s of this.sessions.values()) if (s.partOfModel(model)) return s;
    return undefined;
  }

  /** Moves the cursor of the prose editor to a body line (the outline's jump). */
  revealBodyLine(line: number): void {
    const v = this.views;
    if (!this.active || !v) return;
    v.body.setPosition({ lineNumber: line, column: 1 });
    v.body.revealLineNearTop(line);
    v.body.focus();
  }

  // ── session events ─────────────────────────────────────────────────────

  onDidChangeText(session: EditorSession): void {
    this.live.poke(session);
    this.sync.onDidType(session);
    for (const l of this.changeListeners) l(session.path, session.log.version);
  }

  onDidChangeState(session: EditorSession): void {
    this.publish(session);
    if (session.path === this.activePath) this.showActive();
  }

  onDidRender(session: EditorSession, event: RenderEvent): void {
    for (const l of this.renderListeners) l(session.path, event);
  }

  // ── the vault ──────────────────────────────────────────────────────────

  /** The vault's patterns, for completion and hover (recomputed when the file list changes). */
  patterns(): { refs: PatternRef[]; byName: Map<string, PatternRef> } {
    const files = useTrellis.getState().files;
    if (this.patternCache?.files !== files) {
      const refs = files.map((f) => {
        const ref: PatternRef = { name: f.name, path: f.path };
        if (f.title !== undefined) ref.title = f.title;
        return ref;
      });
      this.patternCache = { files, refs, byName: new Map(refs.map((r) => [r.name, r])) };
    }
    return this.patternCache;
  }

  notice(message: string): void {
    useTrellis.getState().notice(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.sync.flushDrafts();
    this.drafts.dispose();
    for (const c of this.cleanups) c();
    this.live.dispose();
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.sync.dispose();
    const store = useEditorStore.getState();
    for (const t of store.tabs) store.removeTab(t.path);
  }

  /** For tests: models alive now (each open file holds one or two). */
  liveModelCount(): number {
    return monaco.editor.getModels().length;
  }
}
