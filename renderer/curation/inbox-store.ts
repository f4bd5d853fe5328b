/**
 * The inbox's state and actions (zustand, one store per mounted inbox): the
 * queue of inferred links in scope, the cursor, skips, per-link type drafts,
 * and the decisions in flight. Decisions are written at once, one after the
 * other (preview then apply, so a decision never races the next one on the
 * same file); the list follows the backend through partial refreshes of the
 * files that changed, whoever changed them.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { VaultApi, VaultEvents } from '../../shared/api/vault-api';
import type { InboxItem, InboxScope, InboxSort } from '../../shared/curation/inbox';
import { PRUNED_PATH } from '../../shared/vault/pruned-links';
import {
  affectedPaths,
  compareItems,
  cycleType,
  decisionEdit,
  defaultAcceptType,
  linkKey,
  mergeItems,
  narrowScope,
  nextOpenIndex,
  sameScope,
  STANDARD_TYPES,
  type Decision,
} from './inbox-model';
import { errorMessage, previewAndApply, undoLast } from './curation-edits';
import { recordDecision, recordLoad } from './test-hooks';

export interface Draft {
  type?: string;
  weight?: number;
}

export interface DecisionRecord {
  key: string;
  action: Decision;
  title: string;
  files: string[];
}

export interface InboxMessage {
  text: string;
  tone: 'ok' | 'error' | 'info';
}

export interface InboxState {
  scope: InboxScope;
  sort: InboxSort;
  /** Every item in scope as the backend last reported it (including those being decided). */
  items: InboxItem[];
  status: 'loading' | 'ready' | 'error';
  /** The key (`linkKey`) of the item under the cursor; `cursorHint` is its index, used when the item has gone. */
  currentKey: string | undefined;
  cursorHint: number;
  skipped: ReadonlySet<string>;
  /** Items with a decision in flight: hidden from the queue at once. */
  pending: ReadonlySet<string>;
  drafts: ReadonlyMap<string, Draft>;
  /** Decisions of this session that were written (minus those undone). */
  decided: number;
  history: DecisionRecord[];
  message: InboxMessage | undefined;
  /** Decisions and undos queued or running. */
  busy: number;

  reload(): Promise<void>;
  setScope(scope: InboxScope): void;
  setSort(sort: InboxSort): void;
  move(step: number): void;
  moveTo(key: string): void;
  skip(): void;
  retype(step: 1 | -1): void;
  setDraft(key: string, draft: Draft): void;
  decide(decision: Decision): void;
  undo(): void;
  dismissMessage(): void;
  onFilesChanged(change: VaultEvents['onDidChangeFiles']): void;
  /** Resolves once queued decisions and refreshes are done (tests, the bench). */
  idle(): Promise<void>;
  dispose(): void;
}

export interface InboxStoreOptions {
  api: VaultApi;
  scope: InboxScope;
  sort?: InboxSort;
  /** Whether the vault is known to hold `path`; a change to an unknown one (a new file) reloads everything. */
  knownPath?: (path: string) => boolean;
  types?: readonly string[];
}

export type InboxStore = StoreApi<InboxState>;

const without = <T>(set: ReadonlySet<T>, value: T): Set<T> => {
  const next = new Set(set);
  next.delete(value);
  return next;
};

let lastVisible: { items: InboxItem[]; pending: ReadonlySet<string>; visible: InboxItem[] } | undefined;

/** The queue as shown: every item but those being decided. Memoised on identity (the state is immutable). */
export function visibleItems(s: Pick<InboxState, 'items' | 'pending'>): InboxItem[] {
  if (lastVisible && lastVisible.items === s.items && lastVisible.pending === s.pending) return lastVisible.visible;
  const visible = s.pending.size === 0 ? s.items : s.items.filter((i) => !s.pending.has(linkKey(i)));
  lastVisible = { items: s.items, pending: s.pending, visible };
  return visible;
}

/** Index of the current item in the visible queue (-1 when the queue is empty). */
export function currentIndex(s: Pick<InboxState, 'items' | 'pending' | 'currentKey' | 'cursorHint'>): number {
  const visible = visibleItems(s);
  if (visible.length === 0) return -1;
  const at = s.currentKey === undefined ? -1 : visible.findIndex((i) => linkKey(i) === s.currentKey);
  return at >= 0 ? at : Math.max(0, Math.min(visible.length - 1, s.cursorHint));
}

export function currentItem(s: Pick<InboxState, 'items' | 'pending' | 'currentKey' | 'cursorHint'>): InboxItem | undefined {
  return visibleItems(s)[currentIndex(s)];
}

function describe(item: InboxItem): string {
  return `${item.sourceTitle ?? item.source} → ${item.targetTitle ?? item.target}`;
}

export function createInboxStore(options: InboxStoreOptions): InboxStore {
  const { api } = options;
  const types = options.types ?? STANDARD_TYPES;
  const knownPath = options.knownPath ?? (() => true);
  let disposed = false;
  /** Bumped when the scope changes: answers for an older scope are dropped. */
  let generation = 0;
  let chain: Promise<void> = Promise.resolve();

  // ── refreshing: coalesced, one request at a time, a full load superseding partial ones ──
  let wantAll = false;
  const wantPaths = new Set<string>();
  let refreshing: Promise<void> | undefined;
  /** Change events seen, and the last one that named each path: a fetch after it sees that path's new state. */
  let eventSeq = 0;
  const announced = new Map<string, number>();

  const store = createStore<InboxState>()((set, get) => {
    async function fetchAll(): Promise<void> {
      const gen = generation;
      const { scope, sort } = get();
      const t0 = performance.now();
      try {
        const items = await api.getInbox({ scope, sort });
        if (disposed || gen !== generation) return;
        set({ items, status: 'ready' });
        recordLoad(items.length, performance.now() - t0);
      } catch (err) {
        if (disposed || gen !== generation) return;
        set({ status: get().items.length ? 'ready' : 'error', message: { text: `Could not load the inbox: ${errorMessage(err)}`, tone: 'error' } });
      }
    }

    async function fetchPaths(paths: Set<string>): Promise<void> {
      const gen = generation;
      const { scope, sort } = get();
      const narrowed = narrowScope(scope, paths);
      try {
        const fresh = narrowed ? await api.getInbox({ scope: narrowed, sort }) : [];
        if (disposed || gen !== generation) return;
        set((s) => ({ items: mergeItems(s.items, paths, fresh, s.sort) }));
      } catch (err) {
        if (!disposed) set({ message: { text: `Could not refresh the inbox: ${errorMessage(err)}`, tone: 'error' } });
      }
    }

    async function drain(): Promise<void> {
      while (!disposed && (wantAll || wantPaths.size)) {
        if (wantAll) {
          wantAll = false;
          wantPaths.clear();
          await fetchAll();
        } else {
          const paths = new Set(wantPaths);
          wantPaths.clear();
          await fetchPaths(paths);
        }
      }
    }

    /** Asks for fresh items of `paths` (or of everything); resolves once they are merged. */
    function refresh(paths: Iterable<string> | 'all'): Promise<void> {
      if (paths === 'all') wantAll = true;
      else for (const p of paths) if (p !== PRUNED_PATH) wantPaths.add(p);
      refreshing ??= drain().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    }

    /** Runs decisions and undos strictly one after another, in the order the keys were pressed. */
    function enqueue(work: () => Promise<void>): void {
      set((s) => ({ busy: s.busy + 1 }));
      chain = chain
        .then(work)
        .catch((err: unknown) => set({ message: { text: errorMessage(err), tone: 'error' } }))
        .finally(() => {
          if (!disposed) set((s) => ({ busy: s.busy - 1 }));
        });
    }

    /** Moves the cursor off the item at `index` of the visible queue to the next open one. */
    function advanceFrom(index: number, leaving: ReadonlySet<string>, skipped: ReadonlySet<string>): Pick<InboxState, 'currentKey' | 'cursorHint'> {
      const visible = visibleItems(get());
      const open = (i: number) => {
        const k = linkKey(visible[i] as InboxItem);
        return !leaving.has(k) && !skipped.has(k);
      };
      const next = nextOpenIndex(visible.length, index + 1, open) ?? nextOpenIndex(visible.length, index, (i) => !leaving.has(linkKey(visible[i] as InboxItem)));
      const item = next === undefined ? undefined : visible[next];
      return { currentKey: item && linkKey(item), cursorHint: next ?? index };
    }

    async function runDecision(item: InboxItem, decision: Decision, draft: Draft | undefined, startedAt: number): Promise<void> {
      const key = linkKey(item);
      const type = draft?.type ?? defaultAcceptType(item, types);
      const edit = decisionEdit(item, decision, decision === 'accept' ? { type: type as string, ...(draft?.weight !== undefined ? { weight: draft.weight } : {}) } : undefined);
      const since = eventSeq;
      const outcome = await previewAndApply(api, edit);
      const appliedAt = performance.now();
      if (outcome.ok) {
        // The backend announces the files before it answers; when that event is in, its refresh
        // is already on the way and a second fetch would only queue behind other traffic.
        const unannounced = outcome.files.filter((f) => f !== PRUNED_PATH && (announced.get(f) ?? -1) <= since);
        await (unannounced.length ? refresh(unannounced) : refreshing);
        if (disposed) return;
        set((s) => {
          const drafts = new Map(s.drafts);
          drafts.delete(key);
          return {
            pending: without(s.pending, key),
            drafts,
            decided: s.decided + 1,
            history: [...s.history, { key, action: decision, title: outcome.title, files: outcome.files }].slice(-500),
            message: { text: outcome.title, tone: 'ok' },
          };
        });
      } else {
        // The link stays as the backend has it; the curator can come back to it.
        await refresh([item.path]);
        if (disposed) return;
        set((s) => ({
          pending: without(s.pending, key),
          message: { text: `${describe(item)}: ${outcome.message}`, tone: 'error' },
          // Back to the refused link, unless the curator has already decided on others meanwhile.
          ...(s.busy <= 1 ? { currentKey: key } : {}),
        }));
      }
      recordDecision({ action: decision, path: item.path, target: item.target, startedAt, appliedAt, settledAt: performance.now(), ok: outcome.ok });
    }

    return {
      scope: options.scope,
      sort: options.sort ?? 'confidence',
      items: [],
      status: 'loading',
      currentKey: undefined,
      cursorHint: 0,
      skipped: new Set(),
      pending: new Set(),
      drafts: new Map(),
      decided: 0,
      history: [],
      message: undefined,
      busy: 0,

      reload: () => refresh('all'),

      setScope: (scope) => {
        if (sameScope(scope, get().scope)) return;
        generation++;
        set({ scope, items: [], status: 'loading', currentKey: undefined, cursorHint: 0, skipped: new Set(), drafts: new Map() });
        void refresh('all');
      },

      setSort: (sort) => {
        if (sort === get().sort) return;
        // The backend's order, applied here: no need to fetch the same items again.
        set((s) => ({ sort, items: [...s.items].sort(compareItems(sort)), cursorHint: 0 }));
      },

      move: (step) => {
        const s = get();
        const visible = visibleItems(s);
        if (visible.length === 0) return;
        const at = Math.max(0, Math.min(visible.length - 1, currentIndex(s) + step));
        set({ currentKey: linkKey(visible[at] as InboxItem), cursorHint: at });
      },

      moveTo: (key) => {
        const at = visibleItems(get()).findIndex((i) => linkKey(i) === key);
        if (at >= 0) set({ currentKey: key, cursorHint: at });
      },

      skip: () => {
        const s = get();
        const item = currentItem(s);
        if (!item) return;
        const skipped = new Set(s.skipped).add(linkKey(item));
        set({ skipped, ...advanceFrom(currentIndex(s), s.pending, skipped) });
      },

      retype: (step) => {
        const s = get();
        const item = currentItem(s);
        if (!item) return;
        const key = linkKey(item);
        const draft = s.drafts.get(key);
        const type = cycleType(draft?.type ?? defaultAcceptType(item, types), step, types);
        set({ drafts: new Map(s.drafts).set(key, { ...draft, ...(type !== undefined ? { type } : {}) }) });
      },

      setDraft: (key, draft) => set((s) => ({ drafts: new Map(s.drafts).set(key, draft) })),

      decide: (decision) => {
        const startedAt = performance.now();
        const s = get();
        const item = currentItem(s);
        if (!item) return;
        const key = linkKey(item);
        if (s.pending.has(key)) return;
        const draft = s.drafts.get(key);
        if (decision === 'accept' && (draft?.type ?? defaultAcceptType(item, types)) === undefined) {
          set({ message: { text: `${describe(item)}: '${item.type ?? '(no type)'}' is not a standard type; press T to choose one, then A`, tone: 'error' } });
          return;
        }
        const pending = new Set(s.pending).add(key);
        const skipped = without(s.skipped, key);
        set({ ...advanceFrom(currentIndex(s), pending, skipped), pending, skipped, message: undefined });
        // The hint was an index of the queue that still held the item.
        set((next) => ({ cursorHint: currentIndex(next) }));
        enqueue(() => runDecision(item, decision, draft, startedAt));
      },

      undo: () => {
        enqueue(async () => {
          const r = await undoLast(api);
          if (!r.ok) {
            set({ message: { text: r.message, tone: 'error' } });
            return;
          }
          const top = get().history.at(-1);
          const mine = top !== undefined && top.files.length === r.files.length && top.files.every((f) => r.files.includes(f));
          await refresh(r.files);
          if (disposed) return;
          set((s) => ({
            message: { text: r.message, tone: 'ok' },
            // Our own last decision came back: it is the one to look at again.
            ...(mine && top ? { history: s.history.slice(0, -1), decided: Math.max(0, s.decided - 1), currentKey: top.key, skipped: without(s.skipped, top.key) } : {}),
          }));
        });
      },

      dismissMessage: () => set({ message: undefined }),

      onFilesChanged: ({ changed, removed }) => {
        eventSeq++;
        for (const p of [...changed, ...removed]) announced.set(p, eventSeq);
        if (announced.size > 10_000) announced.clear();
        if (removed.length > 0 || changed.some((p) => p !== PRUNED_PATH && !knownPath(p))) void refresh('all');
        else void refresh(affectedPaths(get().items, changed));
      },

      idle: async () => {
        await chain;
        await refreshing;
      },

      dispose: () => {
        disposed = true;
      },
    };
  });

  void store.getState().reload();
  return store;
}
