/**
 * The UI's state, one zustand store built from slices (zustand docs' pattern):
 * the vault's summary, files and findings as the backend last reported them,
 * and the curator's selection. Library instances (Cytoscape, Monaco) never
 * live here; their wrapper components subscribe to what they need.
 */
import { create } from 'zustand';
import type { FileSummary, IndexProgress, VaultApi, VaultEvents, VaultInfo } from '../../shared/api/vault-api';
import type { PatternSchema } from '../../shared/schema/schema';
import { compareDiagnostics, type Diagnostic, type Severity } from '../../shared/validation/diagnostic';

/** Above this many changed files one full refresh is cheaper than many small fetches. */
const FULL_REFRESH_ABOVE = 50;

/** Findings by file, each list sorted; files without findings have no entry. */
export type DiagnosticsByPath = ReadonlyMap<string, readonly Diagnostic[]>;

/**
 * The same rule, severity and fix names arrive as new strings in every
 * message: tens of thousands of copies for the corpus, which the garbage
 * collector then walks while the curator types. One copy of each is kept.
 */
const interned = new Map<string, string>();
const intern = (v: string): string => interned.get(v) ?? (interned.set(v, v), v);

function internDiagnostic(d: Diagnostic): Diagnostic {
  d.rule = intern(d.rule);
  d.path = intern(d.path);
  d.severity = intern(d.severity) as Severity;
  if (d.fix) {
    d.fix.title = intern(d.fix.title);
    d.fix.edit.kind = intern(d.fix.edit.kind) as typeof d.fix.edit.kind;
  }
  return d;
}

function byPath(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    internDiagnostic(d);
    const list = out.get(d.path);
    if (list) list.push(d);
    else out.set(d.path, [d]);
  }
  for (const list of out.values()) list.sort(compareDiagnostics);
  return out;
}

export interface VaultSlice {
  api: VaultApi | undefined;
  vault: VaultInfo | undefined;
  files: FileSummary[];
  /** The schema the backend checks this vault with (undefined until it has said). */
  schema: PatternSchema | undefined;
  /** The vault's findings by file: a change replaces only the entries of the files it names. */
  diagnostics: DiagnosticsByPath;
  progress: IndexProgress | undefined;
  connectionError: string | undefined;
  notices: string[];
  connect: (api: VaultApi) => Promise<void>;
  refresh: () => Promise<void>;
  /** Takes in the findings of the files an event names, not the whole vault's again. */
  applyDiagnosticsChange: (e: VaultEvents['onDidChangeDiagnostics']) => Promise<void>;
  notice: (message: string) => void;
  dismissNotice: (index: number) => void;
}

export interface SelectionSlice {
  selectedPath: string | undefined;
  select: (path: string | undefined) => void;
}

export type TrellisState = VaultSlice & SelectionSlice;

type SetState = (partial: Partial<TrellisState> | ((s: TrellisState) => Partial<TrellisState>)) => void;
type GetState = () => TrellisState;

const createVaultSlice = (set: SetState, get: GetState): VaultSlice => ({
  api: undefined,
  vault: undefined,
  files: [],
  schema: undefined,
  diagnostics: new Map(),
  progress: undefined,
  connectionError: undefined,
  notices: [],
  connect: async (api) => {
    set({ api });
    api.on('onDidIndexProgress', (progress) => set({ progress }));
    // One update at a time; events that arrive meanwhile are merged and run next.
    let running = false;
    let pending: VaultEvents['onDidChangeDiagnostics'] | undefined;
    const run = (e: VaultEvents['onDidChangeDiagnostics']): Promise<void> =>
      get()
        .applyDiagnosticsChange(e)
        .finally(() => {
          const next = pending;
          pending = undefined;
          if (next) return run(next);
          running = false;
          return undefined;
        });
    api.on('onDidChangeDiagnostics', (e) => {
      if (running) {
        pending = pending ? { paths: [...new Set([...pending.paths, ...e.paths])], counts: e.counts } : e;
        return;
      }
      running = true;
      void run(e);
    });
    // A change can alter a file's title or generation (a migration), or add and remove files.
    api.on('onDidChangeFiles', () => void api.listFiles({}).then((files) => set({ files }), () => undefined));
    api.on('onDidReportError', ({ message }) => get().notice(message));
    await get().refresh();
  },
  refresh: async () => {
    const api = get().api;
    if (!api) return;
    try {
      const [vault, files, diagnostics, schema] = await Promise.all([api.getVault({}), api.listFiles({}), api.getDiagnostics({}), api.getSchema({})]);
      // The same schema again keeps its object, so nothing that depends on it recomputes.
      const same = JSON.stringify(schema) === JSON.stringify(get().schema);
      set({ vault, files, diagnostics: byPath(diagnostics), ...(same ? {} : { schema }), connectionError: undefined });
    } catch (err) {
      set({ connectionError: (err as Error).message });
    }
  },
  applyDiagnosticsChange: async (e) => {
    const api = get().api;
    if (!api) return;
    if (e.paths.length > FULL_REFRESH_ABOVE) return get().refresh();
    try {
      const fresh = await Promise.all(e.paths.map((path) => api.getDiagnostics({ path })));
      const changed = new Set(e.paths);
      set((s) => {
        const added = byPath(fresh.flat());
        const counts = new Map<string, { error: number; warning: number; info: number }>();
        for (const [path, list] of added) {
          const c = { error: 0, warning: 0, info: 0 };
          for (const d of list) c[d.severity]++;
          counts.set(path, c);
        }
        const diagnostics = new Map(s.diagnostics);
        for (const path of changed) {
          const list = added.get(path);
          if (list) diagnostics.set(path, list);
          else diagnostics.delete(path);
        }
        const files = s.files.map((f) => {
          if (!changed.has(f.path)) return f;
          const c = counts.get(f.path) ?? { error: 0, warning: 0, info: 0 };
          return c.error === f.counts.error && c.warning === f.counts.warning && c.info === f.counts.info ? f : { ...f, counts: c };
        });
        return {
          diagnostics,
          vault: s.vault ? { ...s.vault, counts: e.counts } : s.vault,
          files: files.some((f, i) => f !== s.files[i]) ? files : s.files,
          connectionError: undefined,
        };
      });
    } catch (err) {
      set({ connectionError: (err as Error).message });
    }
  },
  notice: (message) => set((s) => ({ notices: [...s.notices, message].slice(-5) })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});

const createSelectionSlice = (set: SetState): SelectionSlice => ({
  selectedPath: undefined,
  select: (path) => set({ selectedPath: path }),
});

export const useTrellis = create<TrellisState>()((set, get) => ({
  ...createVaultSlice(set, get),
  ...createSelectionSlice(set),
}));
