/**
 * The facts about one pattern file that the vault needs beyond the file
 * itself: identity, curated relationships and inferred links, each with the
 * span a finding or an edit can point at. Plain data, cheap to send from a
 * worker.
 */
import type { Span } from '../validation/diagnostic';

export type Generation = 'v7.1' | 'legacy' | 'unknown';

/** The shape an entry was written in; only `slug-weight` is the norm. */
export type EntryShape = 'slug-weight' | 'slug-only' | 'id-weight' | 'string' | 'other';

export interface CuratedLink {
  type: string;
  /** Position within its type's list. */
  index: number;
  target: string;
  weight?: number;
  shape: EntryShape;
  span: Span;
  targetSpan: Span;
}

export interface InferredLink {
  /** Position within `graph_garden.inferred_links`. */
  index: number;
  target: string;
  type?: string;
  confidence?: number;
  /** Legacy garden entries carry `strength` on a 1-5 scale instead of a confidence. */
  strength?: number;
  reason?: string;
  span: Span;
  targetSpan: Span;
  typeSpan?: Span;
}

/** A legacy top-level relationship list entry: a TypeID, not a slug. */
export interface LegacyLink {
  type: string;
  id: string;
  span: Span;
}

export interface PatternFacts {
  /** Vault-relative path, `/` separators. */
  path: string;
  /** The file name without `.md`: what other files link to. */
  name: string;
  generation: Generation;
  /** The front-matter parsed as a mapping. */
  parsed: boolean;
  id?: string;
  idSpan?: Span;
  slug?: string;
  slugSpan?: Span;
  title?: string;
  titleSpan?: Span;
  aliases: string[];
  summary?: string;
  domain?: string;
  status?: string;
  lastPruned?: string;
  curated: CuratedLink[];
  inferred: InferredLink[];
  legacyLinks: LegacyLink[];
  /** Span of the first line, where file-wide findings point. */
  headSpan: Span;
}

/** `folder/name.md` → `name`. */
export function patternName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}
