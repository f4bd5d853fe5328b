/**
 * What the curator has asked the graph view to show: edge types, inferred
 * links and their confidence threshold, ghosts, orphans, domains, statuses and
 * an optional focus neighbourhood. Plain immutable data, edited by the
 * controls and read by `toElements`.
 */
import { DEFAULT_SCHEMA, type PatternSchema } from '../schema/schema';

/** The field node colours stand for. */
export type ColorBy = 'domain' | 'status' | 'generation';

export type FocusDepth = 1 | 2 | 3;

export interface GraphFocus {
  /** Node id (slug) at the centre of the neighbourhood. */
  id: string;
  depth: FocusDepth;
}

export interface GraphFilters {
  /** Edge categories not drawn (see `edgeCategory`); every other category is. */
  hiddenTypes: readonly string[];
  /** Draw machine-inferred links at all. */
  showInferred: boolean;
  /** Inferred links with a lower confidence (or none) are not drawn. 0 draws them all. */
  minConfidence: number;
  /**
   * Inferred links that repeat a curated link between the same two patterns
   * (about half of the corpus's) add nothing to the picture; off shows them for pruning.
   */
  hideRedundantInferred: boolean;
  /** Nodes for link targets that do not exist. */
  showGhosts: boolean;
  /** Nodes with no link drawn under the other filters. */
  showOrphans: boolean;
  /** Only patterns of these domains; empty means all. */
  domains: readonly string[];
  /** Only patterns with these lifecycle statuses; empty means all. */
  statuses: readonly string[];
  /** Only this pattern and its neighbours up to `depth` links away. */
  focus?: GraphFocus;
}

export const DEFAULT_FILTERS: GraphFilters = Object.freeze({
  hiddenTypes: [],
  showInferred: true,
  minConfidence: 0.75,
  hideRedundantInferred: true,
  showGhosts: true,
  showOrphans: true,
  domains: [],
  statuses: [],
});

/** The relationship vocabulary of a vault, as the view needs it. */
export interface RelationshipVocabulary {
  /** The curated types, in the order the legend and controls list them. */
  types: readonly string[];
  directed: readonly string[];
  aliases: Readonly<Record<string, string>>;
}

export function vocabularyFrom(schema: PatternSchema): RelationshipVocabulary {
  return { types: schema.relationships.types, directed: schema.relationships.directed, aliases: schema.relationships.typeAliases };
}

export const DEFAULT_VOCABULARY: RelationshipVocabulary = vocabularyFrom(DEFAULT_SCHEMA);

/** Legacy files' untyped `related:` list: not one of the seven, but a curated link. */
export const RELATED_CATEGORY = 'related';
/** Inferred links with no type or a type outside the vocabulary. */
export const OTHER_CATEGORY = 'other';

/** Every category a toggle exists for, in display order. */
export function edgeCategories(vocab: RelationshipVocabulary): string[] {
  return [...vocab.types, RELATED_CATEGORY, OTHER_CATEGORY];
}

/** The category an edge's written type falls in: a vocabulary type (aliases mapped), `related` or `other`. */
export function edgeCategory(vocab: RelationshipVocabulary, rawType: string): string {
  if (vocab.types.includes(rawType)) return rawType;
  const alias = vocab.aliases[rawType] ?? vocab.aliases[rawType.toLowerCase()];
  if (alias !== undefined && vocab.types.includes(alias)) return alias;
  if (rawType === RELATED_CATEGORY) return RELATED_CATEGORY;
  return OTHER_CATEGORY;
}

export function isDirectedCategory(vocab: RelationshipVocabulary, category: string): boolean {
  return vocab.directed.includes(category);
}

/** Turns one category on or off, returning new filters. */
export function withTypeShown(filters: GraphFilters, category: string, shown: boolean): GraphFilters {
  const rest = filters.hiddenTypes.filter((t) => t !== category);
  return { ...filters, hiddenTypes: shown ? rest : [...rest, category] };
}

export function clampConfidence(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, Math.round(value * 100) / 100));
}
