/**
 * The inbox's decisions about its own list, as pure functions: how an item
 * is keyed across edits, what its signals say, which type an accept files it
 * under, how a partial refresh merges in, where the cursor goes next. No
 * React and no I/O here, so the triage rules can be tested on plain data.
 */
import type { VaultEditRequest } from '../../shared/api/vault-api';
import type { InboxItem, InboxScope, InboxSort } from '../../shared/curation/inbox';
import { DEFAULT_SCHEMA } from '../../shared/schema/schema';

/** The template's relationship types, in its order: what a vault uses until the backend reports its own (`useRelationshipTypes`). */
export const STANDARD_TYPES: readonly string[] = DEFAULT_SCHEMA.relationships.types;

/**
 * Identifies a link across edits. `InboxItem.id` is `path#index`, and the
 * index shifts when an earlier link of the same file is pruned or promoted,
 * so the inbox keys on what the link says instead.
 */
export function linkKey(item: Pick<InboxItem, 'path' | 'target' | 'type'>): string {
  return `${item.path}\u0000${item.target}\u0000${item.type ?? ''}`;
}

export type ChipTone = 'bad' | 'warn' | 'info' | 'ok';

export interface SignalChip {
  id: 'missing' | 'self' | 'pruned' | 'curated' | 'curated-other' | 'inverse' | 'unknown-type';
  label: string;
  tone: ChipTone;
  /** The longer explanation, for a tooltip. */
  title: string;
}

export function signalChips(item: InboxItem, types: readonly string[] = STANDARD_TYPES): SignalChip[] {
  const s = item.signals;
  const chips: SignalChip[] = [];
  if (!s.targetExists) chips.push({ id: 'missing', label: 'target missing', tone: 'bad', title: `There is no pattern '${item.target}' in the vault` });
  if (s.selfLink) chips.push({ id: 'self', label: 'self-link', tone: 'bad', title: 'The link points at its own file' });
  if (s.previouslyPruned) chips.push({ id: 'pruned', label: 'previously pruned', tone: 'bad', title: 'A curator rejected this link before (.trellis/pruned.yaml); it came back in a later machine run' });
  if (s.curatedSameType) chips.push({ id: 'curated', label: 'already curated', tone: 'warn', title: 'The same target is already curated with this type: accepting only removes the duplicate' });
  if (s.curatedOtherTypes.length > 0)
    chips.push({ id: 'curated-other', label: `curated as ${s.curatedOtherTypes.join(', ')}`, tone: 'info', title: `The target is already curated under ${s.curatedOtherTypes.join(', ')}` });
  if (s.inverseExists) chips.push({ id: 'inverse', label: 'inverse exists', tone: 'ok', title: 'The target already links back with the inverse relationship' });
  if (item.type !== undefined && !types.includes(item.type) && item.suggestedType === undefined)
    chips.push({ id: 'unknown-type', label: 'type outside vocabulary', tone: 'warn', title: `'${item.type}' is not a standard relationship type; choose one before accepting` });
  return chips;
}

/** The type an accept files the link under unless the curator chose another. */
export function defaultAcceptType(item: InboxItem, types: readonly string[] = STANDARD_TYPES): string | undefined {
  if (item.suggestedType !== undefined) return item.suggestedType;
  return item.type !== undefined && types.includes(item.type) ? item.type : undefined;
}

/** The next (or previous) type in the vocabulary; from no type, the first (or last). */
export function cycleType(current: string | undefined, step: 1 | -1, types: readonly string[] = STANDARD_TYPES): string | undefined {
  const n = types.length;
  if (n === 0) return undefined;
  const at = current === undefined ? -1 : types.indexOf(current);
  if (at < 0) return types[step === 1 ? 0 : n - 1];
  return types[(at + step + n) % n];
}

export type Decision = 'accept' | 'reject';

export interface AcceptChoice {
  type: string;
  weight?: number;
}

export function decisionEdit(item: InboxItem, decision: Decision, choice?: AcceptChoice): VaultEditRequest {
  if (decision === 'accept') {
    if (!choice) throw new Error('an accept needs a type');
    return { kind: 'promote', path: item.path, target: item.target, type: choice.type, ...(choice.weight !== undefined ? { weight: choice.weight } : {}) };
  }
  // The type as written picks the right entry when the same target is listed twice.
  return { kind: 'prune-link', path: item.path, target: item.target, ...(item.type !== undefined ? { type: item.type } : {}) };
}

/**
 * `localeCompare` is `Intl.Collator().compare` made afresh on every call; one
 * collator compares the same (ECMA-402) at a fraction of the cost, which
 * matters when 18,000 links share a handful of confidence values.
 */
const collator = new Intl.Collator();

/** The backend's order (shared/curation/inbox.ts `buildInbox`), so merged refreshes sort the same way. */
export function compareItems(sort: InboxSort): (a: InboxItem, b: InboxItem) => number {
  return sort === 'confidence'
    ? (a, b) => (b.confidence ?? -1) - (a.confidence ?? -1) || collator.compare(a.id, b.id)
    : (a, b) => collator.compare(a.source, b.source) || a.index - b.index;
}

/**
 * Replaces every item of `paths` with `fresh` (those files' items as the
 * backend has them now). `items` is in `sort` order already, so the few fresh
 * items are placed by binary search rather than sorting the whole queue again.
 */
export function mergeItems(items: readonly InboxItem[], paths: ReadonlySet<string>, fresh: readonly InboxItem[], sort: InboxSort): InboxItem[] {
  const kept = paths.size ? items.filter((i) => !paths.has(i.path)) : [...items];
  if (fresh.length === 0) return kept;
  const cmp = compareItems(sort);
  const out: InboxItem[] = [];
  let from = 0;
  for (const item of [...fresh].sort(cmp)) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(kept[mid] as InboxItem, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(kept[i] as InboxItem);
    out.push(item);
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i] as InboxItem);
  return out;
}

function nameOfPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.endsWith('.md') ? base.slice(0, -3) : base;
}

/**
 * The files whose items may read differently after `changed` changed: the
 * files themselves, and the files whose links point at them (whether the
 * target links back, the inverse signal, lives in the target's file).
 */
export function affectedPaths(items: readonly InboxItem[], changed: readonly string[]): Set<string> {
  const out = new Set(changed);
  const names = new Set(changed.map(nameOfPath));
  for (const i of items) if (names.has(i.target)) out.add(i.path);
  return out;
}

/** Narrows `scope` to `paths`; undefined when none of them is in scope. */
export function narrowScope(scope: InboxScope, paths: Iterable<string>): InboxScope | undefined {
  const inScope = (p: string) => {
    switch (scope.kind) {
      case 'vault':
        return true;
      case 'folder':
        return p.startsWith(scope.folder.endsWith('/') ? scope.folder : `${scope.folder}/`);
      case 'pattern':
        return p === scope.path;
      case 'paths':
        return scope.paths.includes(p);
    }
  };
  const kept = [...paths].filter(inScope);
  return kept.length ? { kind: 'paths', paths: kept } : undefined;
}

/**
 * Where the cursor goes when the item at `from` leaves the queue or is
 * skipped: the next open item at or after `from`, else the nearest before it.
 * `open` tells which items still wait for a decision.
 */
export function nextOpenIndex(count: number, from: number, open: (index: number) => boolean): number | undefined {
  for (let i = Math.max(0, from); i < count; i++) if (open(i)) return i;
  for (let i = Math.min(count - 1, from - 1); i >= 0; i--) if (open(i)) return i;
  return undefined;
}

export function sameScope(a: InboxScope, b: InboxScope): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'vault':
      return true;
    case 'folder':
      return a.folder === (b as typeof a).folder;
    case 'pattern':
      return a.path === (b as typeof a).path;
    case 'paths': {
      const bp = (b as typeof a).paths;
      return a.paths.length === bp.length && a.paths.every((p, i) => p === bp[i]);
    }
  }
}

export function describeScope(scope: InboxScope): string {
  switch (scope.kind) {
    case 'vault':
      return 'the whole vault';
    case 'folder':
      return `folder ${scope.folder}`;
    case 'pattern':
      return scope.path;
    case 'paths':
      return `${scope.paths.length} pattern(s) in focus`;
  }
}

export function formatConfidence(c: number | undefined): string {
  return c === undefined ? '—' : c.toFixed(2);
}
