/**
 * The graph view's model (Foam's `computeVisibleGraph`): a pure function from
 * the vault's graph and the curator's filters to exactly the nodes and edges
 * that are drawn, with every visual attribute decided here (colour, size,
 * ring, dash, arrow, opacity). The painter only paints.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../vault/graph-model';
import {
  DEFAULT_VOCABULARY,
  edgeCategory,
  isDirectedCategory,
  type ColorBy,
  type FocusDepth,
  type GraphFilters,
  type RelationshipVocabulary,
} from './graph-filters';
import { colorScale, edgeColor, fieldOf, GHOST_FILL, type ColorKeyEntry, type ColorScale } from './graph-palette';

export interface ViewNode {
  id: string;
  /** Title, else the slug. */
  label: string;
  path?: string;
  ghost: boolean;
  /** Fill colour (by the colour-by field; ghosts are white). */
  color: string;
  /** Diameter in model units: grows with the number of curated neighbours. */
  size: number;
  /** Distinct patterns linked by curated relationships, in either direction, in the whole vault. */
  degree: number;
  /** The worst finding in the file, drawn as a ring. */
  ring?: 'error' | 'warning';
  /** Links away from the focused pattern (focus mode only). */
  depth?: number;
  /** Space-separated style classes: `ghost`, `has-error`, `has-warning`, `focus-root`. */
  classes: string;
}

export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  kind: 'curated' | 'inferred';
  /** The category it is toggled and coloured by: a vocabulary type, `related` or `other`. */
  category: string;
  /** The type as written in the file. */
  rawType: string;
  color: string;
  /** Line width in model units (curated: by weight). */
  width: number;
  /** 0-1 (inferred: by confidence). */
  opacity: number;
  dashed: boolean;
  /** An arrowhead at the target: the category is directed. */
  arrow: boolean;
  /**
   * Position among the drawn edges joining the same two nodes, centred on 0
   * (… -1, 0, 1 …), so the painter can fan parallel links apart.
   */
  lane: number;
  weight?: number;
  confidence?: number;
  reason?: string;
  legacy?: boolean;
}

/** How many links and nodes each filter kept off screen (the controls show them). */
export interface HiddenCounts {
  edgesByType: number;
  inferred: number;
  belowThreshold: number;
  redundantInferred: number;
  selfLinks: number;
  ghosts: number;
  orphans: number;
  byDomainOrStatus: number;
  outsideFocus: number;
}

export interface GraphElements {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** What every node fill on screen stands for. */
  colorKey: ColorKeyEntry[];
  /** Edge categories with at least one drawn edge. */
  categoriesShown: string[];
  hidden: HiddenCounts;
  /** Set in focus mode; `found` is false when the pattern is not in the vault. */
  focus?: { id: string; depth: FocusDepth; found: boolean };
}

export interface ToElementsOptions {
  colorBy: ColorBy;
  vocabulary?: RelationshipVocabulary;
}

/** Facts about one graph that no filter changes, computed once per graph object. */
interface GraphFacts {
  byId: Map<string, GraphNode>;
  degree: Map<string, number>;
  curatedPairs: Set<string>;
  scales: Map<ColorBy, ColorScale>;
  categories: WeakMap<RelationshipVocabulary, string[]>;
}

const factsCache = new WeakMap<GraphModel, GraphFacts>();

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function factsOf(graph: GraphModel): GraphFacts {
  const cached = factsCache.get(graph);
  if (cached) return cached;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, Set<string>>();
  const curatedPairs = new Set<string>();
  for (const e of graph.edges) {
    if (e.kind !== 'curated' || e.source === e.target) continue;
    curatedPairs.add(pairKey(e.source, e.target));
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ] as const) {
      let set = neighbours.get(a);
      if (!set) neighbours.set(a, (set = new Set()));
      set.add(b);
    }
  }
  const degree = new Map([...neighbours].map(([id, set]) => [id, set.size]));
  const facts: GraphFacts = { byId, degree, curatedPairs, scales: new Map(), categories: new WeakMap() };
  factsCache.set(graph, facts);
  return facts;
}

function categoriesOf(graph: GraphModel, facts: GraphFacts, vocab: RelationshipVocabulary): string[] {
  let cats = facts.categories.get(vocab);
  if (!cats) {
    cats = graph.edges.map((e) => edgeCategory(vocab, e.type));
    facts.categories.set(vocab, cats);
  }
  return cats;
}

function scaleOf(graph: GraphModel, facts: GraphFacts, colorBy: ColorBy): ColorScale {
  let scale = facts.scales.get(colorBy);
  if (!scale) facts.scales.set(colorBy, (scale = colorScale(graph, colorBy)));
  return scale;
}

export function nodeSize(degree: number): number {
  return Math.min(60, 12 + 6 * Math.sqrt(degree));
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Curated weights lie in 0.4-1.0: 1 to 4 units wide. Legacy links have none. */
export function curatedWidth(weight: number | undefined): number {
  return weight === undefined ? 1.5 : 1 + 3 * clamp01((weight - 0.4) / 0.6);
}

/** Inferred confidence lies in 0.67-0.99: from faint to clearly visible, never as solid as a curated link. */
export function inferredOpacity(confidence: number | undefined): number {
  return confidence === undefined ? 0.25 : 0.25 + 0.5 * clamp01((confidence - 0.6) / 0.4);
}

function passesFields(n: GraphNode, filters: GraphFilters): boolean {
  if (filters.domains.length && !filters.domains.includes(n.domain ?? '')) return false;
  if (filters.statuses.length && !filters.statuses.includes(n.status ?? '')) return false;
  return true;
}

/** Nodes within `depth` links of `root`, over the given edges in either direction. */
export function neighbourhood(root: string, edges: readonly { source: string; target: string }[], depth: number): Map<string, number> {
  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source))?.push(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target))?.push(e.source);
  }
  const dist = new Map([[root, 0]]);
  let frontier = [root];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const m of adjacent.get(id) ?? []) {
        if (!dist.has(m)) {
          dist.set(m, d);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

export function toElements(graph: GraphModel, filters: GraphFilters, options: ToElementsOptions): GraphElements {
  const vocab = options.vocabulary ?? DEFAULT_VOCABULARY;
  const facts = factsOf(graph);
  const categories = categoriesOf(graph, facts, vocab);
  const scale = scaleOf(graph, facts, options.colorBy);
  const hidden: HiddenCounts = { edgesByType: 0, inferred: 0, belowThreshold: 0, redundantInferred: 0, selfLinks: 0, ghosts: 0, orphans: 0, byDomainOrStatus: 0, outsideFocus: 0 };
  const focusId = filters.focus && facts.byId.has(filters.focus.id) ? filters.focus.id : undefined;
  const hiddenTypes = new Set(filters.hiddenTypes);

  // Nodes that may be drawn before links are considered.
  const candidate = new Set<string>();
  for (const n of graph.nodes) {
    if (n.id === focusId) candidate.add(n.id);
    else if (n.ghost) {
      if (filters.showGhosts) candidate.add(n.id);
      else hidden.ghosts++;
    } else if (passesFields(n, filters)) candidate.add(n.id);
    else hidden.byDomainOrStatus++;
  }

  let kept: Array<{ edge: GraphEdge; category: string }> = [];
  graph.edges.forEach((e, i) => {
    const category = categories[i] as string;
    if (hiddenTypes.has(category)) return void hidden.edgesByType++;
    if (e.source === e.target) return void hidden.selfLinks++;
    if (e.kind === 'inferred') {
      if (!filters.showInferred) return void hidden.inferred++;
      if (filters.minConfidence > 0 && (e.confidence ?? 0) < filters.minConfidence) return void hidden.belowThreshold++;
      if (filters.hideRedundantInferred && facts.curatedPairs.has(pairKey(e.source, e.target))) return void hidden.redundantInferred++;
    }
    if (!candidate.has(e.source) || !candidate.has(e.target)) return;
    kept.push({ edge: e, category });
  });

  let depthOf: Map<string, number> | undefined;
  if (focusId !== undefined && filters.focus) {
    depthOf = neighbourhood(
      focusId,
      kept.map((k) => k.edge),
      filters.focus.depth,
    );
    const inside = depthOf;
    const before = kept.length;
    kept = kept.filter((k) => inside.has(k.edge.source) && inside.has(k.edge.target));
    hidden.outsideFocus += before - kept.length;
  }

  const linked = new Set<string>();
  for (const { edge } of kept) {
    linked.add(edge.source);
    linked.add(edge.target);
  }

  const nodes: ViewNode[] = [];
  for (const n of graph.nodes) {
    if (!candidate.has(n.id)) continue;
    if (depthOf && !depthOf.has(n.id)) {
      hidden.outsideFocus++;
      continue;
    }
    if (!linked.has(n.id) && n.id !== focusId) {
      // A ghost exists only because something links to it: without a drawn link it is noise.
      if (n.ghost) {
        hidden.ghosts++;
        continue;
      }
      if (!filters.showOrphans) {
        hidden.orphans++;
        continue;
      }
    }
    nodes.push(viewNode(n, facts, scale, depthOf?.get(n.id), n.id === focusId));
  }

  const lanes = laneNumbers(kept.map((k) => k.edge));
  const shownCategories = new Set<string>();
  const edges = kept.map(({ edge, category }, i) => {
    shownCategories.add(category);
    return viewEdge(edge, category, vocab, lanes[i] as number);
  });

  const colorsUsed = new Set(nodes.filter((n) => !n.ghost).map((n) => n.color));
  const result: GraphElements = {
    nodes,
    edges,
    colorKey: scale.entries.filter((e) => colorsUsed.has(e.color)),
    categoriesShown: [...vocab.types, 'related', 'other'].filter((c) => shownCategories.has(c)),
    hidden,
  };
  if (filters.focus) result.focus = { id: filters.focus.id, depth: filters.focus.depth, found: focusId !== undefined };
  return result;
}

function viewNode(n: GraphNode, facts: GraphFacts, scale: ColorScale, depth: number | undefined, isRoot: boolean): ViewNode {
  const degree = facts.degree.get(n.id) ?? 0;
  const classes: string[] = [];
  let ring: ViewNode['ring'];
  if (n.ghost) classes.push('ghost');
  if (n.counts.error > 0) ring = 'error';
  else if (n.counts.warning > 0) ring = 'warning';
  if (ring) classes.push(`has-${ring}`);
  if (isRoot) classes.push('focus-root');
  const v: ViewNode = {
    id: n.id,
    label: n.title ?? n.id,
    ghost: n.ghost,
    color: n.ghost ? GHOST_FILL : scale.colorOf(fieldOf(n, scale.colorBy)),
    size: nodeSize(degree),
    degree,
    classes: classes.join(' '),
  };
  if (n.path !== undefined) v.path = n.path;
  if (ring) v.ring = ring;
  if (depth !== undefined) v.depth = depth;
  return v;
}

function viewEdge(e: GraphEdge, category: string, vocab: RelationshipVocabulary, lane: number): ViewEdge {
  const inferred = e.kind === 'inferred';
  const v: ViewEdge = {
    id: e.id,
    source: e.source,
    target: e.target,
    kind: e.kind,
    category,
    rawType: e.type,
    color: edgeColor(category),
    width: inferred ? 1 : curatedWidth(e.weight),
    opacity: inferred ? inferredOpacity(e.confidence) : 0.9,
    dashed: inferred,
    arrow: isDirectedCategory(vocab, category),
    lane,
  };
  if (e.weight !== undefined) v.weight = e.weight;
  if (e.confidence !== undefined) v.confidence = e.confidence;
  if (e.reason !== undefined) v.reason = e.reason;
  if (e.legacy) v.legacy = true;
  return v;
}

/** Lanes for parallel edges: the k-th of n edges between one pair gets k - (n-1)/2. */
function laneNumbers(edges: readonly GraphEdge[]): number[] {
  const total = new Map<string, number>();
  for (const e of edges) {
    const k = pairKey(e.source, e.target);
    total.set(k, (total.get(k) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return edges.map((e) => {
    const k = pairKey(e.source, e.target);
    const i = seen.get(k) ?? 0;
    seen.set(k, i + 1);
    return i - ((total.get(k) as number) - 1) / 2;
  });
}
