/**
 * The inferred-link inbox: every machine suggestion in scope, with what a
 * curator needs to decide on it at a glance (titles, type, confidence, reason)
 * and the signals that make most decisions obvious: does the target exist, is
 * it already curated (same or another type), does the inverse exist, was it
 * rejected before.
 */
import { canonicalRelationshipType, inverseOf } from '../schema/schema';
import { prunedKey } from '../edits/prune-rules';
import type { PatternFacts } from '../model/pattern-facts';
import type { VaultIndex } from '../vault/vault-index';

export interface InboxItem {
  /** Stable within one version of the source file: `path#index`. */
  id: string;
  path: string;
  index: number;
  source: string;
  sourceTitle?: string;
  target: string;
  targetTitle?: string;
  type?: string;
  /** The standard type a non-standard one maps to (`enabler` → `enables`). */
  suggestedType?: string;
  confidence?: number;
  reason?: string;
  signals: {
    targetExists: boolean;
    /** Curated already with the same target and type. */
    curatedSameType: boolean;
    /** Curated with the same target under other types. */
    curatedOtherTypes: string[];
    /** The target already lists the inverse relationship back to the source. */
    inverseExists: boolean;
    previouslyPruned: boolean;
    selfLink: boolean;
  };
}

export type InboxScope =
  | { kind: 'vault' }
  | { kind: 'folder'; folder: string }
  | { kind: 'pattern'; path: string }
  | { kind: 'paths'; paths: string[] };

export type InboxSort = 'confidence' | 'source';

function inScope(f: PatternFacts, scope: InboxScope): boolean {
  switch (scope.kind) {
    case 'vault':
      return true;
    case 'folder':
      return f.path.startsWith(scope.folder.endsWith('/') ? scope.folder : `${scope.folder}/`);
    case 'pattern':
      return f.path === scope.path;
    case 'paths':
      return scope.paths.includes(f.path);
  }
}

export function buildInbox(index: VaultIndex, scope: InboxScope = { kind: 'vault' }, sort: InboxSort = 'confidence'): InboxItem[] {
  const schema = index.schema;
  const items: InboxItem[] = [];
  const scopePaths = scope.kind === 'paths' ? new Set(scope.paths) : undefined;
  for (const f of index.allFacts()) {
    if (f.inferred.length === 0) continue;
    if (scopePaths ? !scopePaths.has(f.path) : !inScope(f, scope)) continue;
    const curatedByTarget = new Map<string, string[]>();
    for (const c of f.curated) curatedByTarget.set(c.target, [...(curatedByTarget.get(c.target) ?? []), c.type]);
    const selfNames = new Set([f.name, f.slug]);
    for (const link of f.inferred) {
      const target = index.resolve(link.target)[0];
      const suggested = link.type === undefined ? undefined : canonicalRelationshipType(schema, link.type);
      const effectiveType = suggested ?? link.type;
      const curatedTypes = curatedByTarget.get(link.target) ?? [];
      const inverse = effectiveType ? inverseOf(schema, effectiveType) : undefined;
      const item: InboxItem = {
        id: `${f.path}#${link.index}`,
        path: f.path,
        index: link.index,
        source: f.name,
        target: link.target,
        signals: {
          targetExists: target !== undefined,
          curatedSameType: link.type !== undefined && curatedTypes.includes(link.type),
          curatedOtherTypes: curatedTypes.filter((t) => t !== link.type),
          inverseExists: !!(target && inverse && target.curated.some((c) => c.type === inverse && selfNames.has(c.target))),
          previouslyPruned: index.pruned.has(prunedKey(f.name, link.target, link.type)),
          selfLink: selfNames.has(link.target),
        },
      };
      if (f.title !== undefined) item.sourceTitle = f.title;
      if (target?.title !== undefined) item.targetTitle = target.title;
      if (link.type !== undefined) item.type = link.type;
      if (suggested !== undefined && suggested !== link.type) item.suggestedType = suggested;
      if (link.confidence !== undefined) item.confidence = link.confidence;
      if (link.reason !== undefined) item.reason = link.reason;
      items.push(item);
    }
  }
  if (sort === 'confidence') items.sort((a, b) => (b.confidence ?? -1) - (a.confidence ?? -1) || a.id.localeCompare(b.id));
  else items.sort((a, b) => a.source.localeCompare(b.source) || a.index - b.index);
  return items;
}
