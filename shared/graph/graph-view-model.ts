/**
 * The graph view's model (Foam's `computeVisibleGraph`): a pure function from
 * the vault's graph and the curator's filters to exactly the nodes and edges
 * that are drawn, with every visual attribute decided here (colour, size,
 * ring, dash, arrow, opacity). The painter only paints.
 *
 * Pure, but not naive: a live view's graph changes by deltas while the
 * curator types, and redoing the whole drawing of the corpus's 36,000 edges
 * took 60-85 ms of the UI thread each time. So the latest drawing is kept and
 * a graph made by `applyGraphDelta` is drawn by applying the delta to it. The
 * result is the same as drawing from scratch (a property test holds the two
 * together), except for the order of edges, which means nothing.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../vault/graph-model';
import { deltaBase, type GraphDelta } from '../vault/graph-delta';
import { GraphIndex, pairKey } from './graph-index';
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
  return breadthFirst(root, depth, (id) => adjacent.get(id) ?? []);
}

function breadthFirst(root: string, depth: number, neighbours: (id: string) => Iterable<string>): Map<string, number> {
  const dist = new Map([[root, 0]]);
  let frontier = [root];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const m of neighbours(id)) {
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

/** Why an edge is not drawn, before nodes are considered; `absent`: an end is not a candidate node (counted with the node). */
type EdgeFate = 'kept' | 'absent' | 'edgesByType' | 'selfLinks' | 'inferred' | 'belowThreshold' | 'redundantInferred';
type EdgeHiddenKey = Exclude<EdgeFate, 'kept' | 'absent'>;

/**
 * The drawing for one graph under one set of filters, kept current as the
 * graph changes by deltas: which edges pass the filters (and why not), the
 * drawn edges of each pair (for lanes), how many drawn edges each node has.
 * A delta re-evaluates only the edges it touched, the edges at nodes it
 * touched, and the inferred edges of pairs whose curated links came or went;
 * the nodes (a few thousand) are passed over whole each time.
 */
class ElementsState {
  private readonly fates = new Map<string, EdgeFate>();
  private readonly hiddenEdges: Record<EdgeHiddenKey, number> = { edgesByType: 0, selfLinks: 0, inferred: 0, belowThreshold: 0, redundantInferred: 0 };
  private readonly keptOfPair = new Map<string, GraphEdge[]>();
  private readonly keptAt = new Map<string, number>();
  private readonly keptByCategory = new Map<string, number>();
  private readonly drawnEdges = new Map<string, ViewEdge>();
  private readonly dirtyPairs = new Set<string>();
  private readonly hiddenTypes: ReadonlySet<string>;
  private readonly byType = new Map<string, string>();
  private focusId: string | undefined;

  constructor(
    readonly index: GraphIndex,
    readonly filters: GraphFilters,
    readonly colorBy: ColorBy,
    readonly vocab: RelationshipVocabulary,
  ) {
    this.hiddenTypes = new Set(filters.hiddenTypes);
    this.focusId = this.findFocus();
    for (const e of index.edgeById.values()) this.assign(e);
    this.refreshLanes();
  }

  private findFocus(): string | undefined {
    const f = this.filters.focus;
    return f && this.index.nodeById.has(f.id) ? f.id : undefined;
  }

  private category(type: string): string {
    let c = this.byType.get(type);
    if (c === undefined) this.byType.set(type, (c = edgeCategory(this.vocab, type)));
    return c;
  }

  private isCandidate(id: string): boolean {
    const n = this.index.nodeById.get(id);
    if (!n) return false;
    if (id === this.focusId) return true;
    return n.ghost ? this.filters.showGhosts : passesFields(n, this.filters);
  }

  private fateOf(e: GraphEdge): EdgeFate {
    const f = this.filters;
    if (this.hiddenTypes.has(this.category(e.type))) return 'edgesByType';
    if (e.source === e.target) return 'selfLinks';
    if (e.kind === 'inferred') {
      if (!f.showInferred) return 'inferred';
      if (f.minConfidence > 0 && (e.confidence ?? 0) < f.minConfidence) return 'belowThreshold';
      if (f.hideRedundantInferred && this.index.hasCurated(this.index.pairOf(e))) return 'redundantInferred';
    }
    return this.isCandidate(e.source) && this.isCandidate(e.target) ? 'kept' : 'absent';
  }

  private assign(e: GraphEdge): void {
    const fate = this.fateOf(e);
    this.fates.set(e.id, fate);
    if (fate === 'absent') return;
    if (fate !== 'kept') {
      this.hiddenEdges[fate]++;
      return;
    }
    const k = this.index.pairOf(e);
    (this.keptOfPair.get(k) ?? this.keptOfPair.set(k, []).get(k))?.push(e);
    this.dirtyPairs.add(k);
    this.keptAt.set(e.source, (this.keptAt.get(e.source) ?? 0) + 1);
    this.keptAt.set(e.target, (this.keptAt.get(e.target) ?? 0) + 1);
    const c = this.category(e.type);
    this.keptByCategory.set(c, (this.keptByCategory.get(c) ?? 0) + 1);
  }

  private unassign(e: GraphEdge): void {
    const fate = this.fates.get(e.id);
    if (fate === undefined) return;
    this.fates.delete(e.id);
    if (fate === 'absent') return;
    if (fate !== 'kept') {
      this.hiddenEdges[fate]--;
      return;
    }
    const k = pairKey(e.source, e.target);
    const list = this.keptOfPair.get(k);
    if (list) {
      const i = list.findIndex((x) => x.id === e.id);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.keptOfPair.delete(k);
    }
    this.dirtyPairs.add(k);
    this.drawnEdges.delete(e.id);
    for (const end of [e.source, e.target]) {
      const n = (this.keptAt.get(end) ?? 0) - 1;
      if (n > 0) this.keptAt.set(end, n);
      else this.keptAt.delete(end);
    }
    const c = this.category(e.type);
    const n = (this.keptByCategory.get(c) ?? 0) - 1;
    if (n > 0) this.keptByCategory.set(c, n);
    else this.keptByCategory.delete(c);
  }

  /** Applies a delta to the index and re-evaluates what it touched; false when a full rebuild is simpler (the focus came or went). */
  apply(delta: GraphDelta): boolean {
    const change = this.index.apply(delta);
    if (this.findFocus() !== this.focusId) return false;
    for (const e of change.goneEdges) this.unassign(e);
    const again = new Set<GraphEdge>(change.newEdges);
    for (const id of change.nodes) for (const e of this.index.edgesOf(id)) again.add(e);
    for (const k of change.curatedFlipped) for (const e of this.index.inferredOfPair(k)) again.add(e);
    for (const e of again) {
      if (this.fates.has(e.id)) this.unassign(e);
    }
    for (const e of again) this.assign(e);
    this.refreshLanes();
    return true;
  }

  /** Lanes of the pairs whose drawn edges changed: the k-th of n (by id) gets k - (n-1)/2. */
  private refreshLanes(): void {
    for (const k of this.dirtyPairs) {
      const list = this.keptOfPair.get(k);
      if (!list) continue;
      if (list.length > 1) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      list.forEach((e, i) => {
        const category = this.category(e.type);
        this.drawnEdges.set(e.id, viewEdge(e, category, this.vocab, i - (list.length - 1) / 2));
      });
    }
    this.dirtyPairs.clear();
  }

  /** The drawing as it stands. */
  elements(graph: GraphModel): GraphElements {
    const { filters, index } = this;
    const facts = scaleOf(graph, this.colorBy);
    const hidden: HiddenCounts = { ...this.hiddenEdges, ghosts: 0, orphans: 0, byDomainOrStatus: 0, outsideFocus: 0 };
    const focusId = this.focusId;

    let depthOf: Map<string, number> | undefined;
    let edges: ViewEdge[];
    let linked: (id: string) => boolean;
    if (focusId !== undefined && filters.focus) {
      // The neighbourhood over drawn edges; the edges inside it are those with both ends inside.
      const isKept = (e: GraphEdge) => this.fates.get(e.id) === 'kept';
      depthOf = breadthFirst(focusId, filters.focus.depth, function* (id) {
        for (const e of index.edgesOf(id)) if (isKept(e)) yield e.source === id ? e.target : e.source;
      });
      const inside = new Map<string, ViewEdge>();
      const ends = new Set<string>();
      for (const id of depthOf.keys()) {
        for (const e of index.edgesOf(id)) {
          if (inside.has(e.id) || !isKept(e) || !depthOf.has(e.source) || !depthOf.has(e.target)) continue;
          inside.set(e.id, this.drawnEdges.get(e.id) as ViewEdge);
          ends.add(e.source);
          ends.add(e.target);
        }
      }
      edges = [...inside.values()];
      hidden.outsideFocus += this.drawnEdges.size - edges.length;
      linked = (id) => ends.has(id);
    } else {
      edges = [...this.drawnEdges.values()];
      linked = (id) => this.keptAt.has(id);
    }

    const nodes: ViewNode[] = [];
    for (const n of graph.nodes) {
      if (n.id !== focusId) {
        if (n.ghost && !filters.showGhosts) {
          hidden.ghosts++;
          continue;
        }
        if (!n.ghost && !passesFields(n, filters)) {
          hidden.byDomainOrStatus++;
          continue;
        }
      }
      if (depthOf && !depthOf.has(n.id)) {
        hidden.outsideFocus++;
        continue;
      }
      if (!linked(n.id) && n.id !== focusId) {
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
      nodes.push(viewNode(n, index.degree(n.id), facts, depthOf?.get(n.id), n.id === focusId));
    }

    const shownCategories = new Set<string>();
    if (depthOf) for (const e of edges) shownCategories.add(e.category);
    else for (const c of this.keptByCategory.keys()) shownCategories.add(c);
    const colorsUsed = new Set(nodes.filter((n) => !n.ghost).map((n) => n.color));
    const result: GraphElements = {
      nodes,
      edges,
      colorKey: facts.entries.filter((e) => colorsUsed.has(e.color)),
      categoriesShown: [...this.vocab.types, 'related', 'other'].filter((c) => shownCategories.has(c)),
      hidden,
    };
    if (filters.focus) result.focus = { id: filters.focus.id, depth: filters.focus.depth, found: focusId !== undefined };
    return result;
  }
}

const scales = new WeakMap<GraphModel, Map<ColorBy, ColorScale>>();

function scaleOf(graph: GraphModel, colorBy: ColorBy): ColorScale {
  let byField = scales.get(graph);
  if (!byField) scales.set(graph, (byField = new Map()));
  let scale = byField.get(colorBy);
  if (!scale) byField.set(colorBy, (scale = colorScale(graph, colorBy)));
  return scale;
}

/**
 * The one drawing kept between calls: the latest graph a view drew, its
 * index, and its state under the filters it was drawn with. A graph made from
 * it by `applyGraphDelta` is drawn by applying the same delta; other filters
 * on the same graph reuse the index. Anything else is built afresh.
 */
let live: { graph: GraphModel; key: string; state: ElementsState; elements: GraphElements } | undefined;

function stateKey(filters: GraphFilters, options: ToElementsOptions): string {
  return `${options.colorBy}|${JSON.stringify(filters)}`;
}

/** Edge categories of every edge in the graph (drawn or not), with counts: the controls list them. */
export function categoryCounts(graph: GraphModel, vocab: RelationshipVocabulary = DEFAULT_VOCABULARY): Map<string, number> {
  // The drawn graph's index has the counts by type; any other graph is counted here, without an index.
  let byType = live?.graph === graph ? live.state.index.typeCounts : undefined;
  if (!byType) {
    byType = new Map();
    for (const e of graph.edges) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const [type, n] of byType) {
    const c = edgeCategory(vocab, type);
    counts.set(c, (counts.get(c) ?? 0) + n);
  }
  return counts;
}

export function toElements(graph: GraphModel, filters: GraphFilters, options: ToElementsOptions): GraphElements {
  const vocab = options.vocabulary ?? DEFAULT_VOCABULARY;
  const key = stateKey(filters, options);
  const previous = live;
  if (previous && previous.graph === graph && previous.key === key && previous.state.vocab === vocab) return previous.elements;
  let state: ElementsState | undefined;
  const derived = deltaBase(graph);
  if (previous && derived && derived.base === previous.graph) {
    // The graph the view has, changed by a delta: apply it to the index (and the drawing, when the filters are the same).
    live = undefined;
    if (previous.key === key && previous.state.vocab === vocab) {
      if (previous.state.apply(derived.delta)) state = previous.state;
      else state = new ElementsState(previous.state.index, filters, options.colorBy, vocab);
    } else {
      previous.state.index.apply(derived.delta);
      state = new ElementsState(previous.state.index, filters, options.colorBy, vocab);
    }
  } else if (previous && previous.graph === graph) {
    state = new ElementsState(previous.state.index, filters, options.colorBy, vocab);
  } else {
    state = new ElementsState(new GraphIndex(graph), filters, options.colorBy, vocab);
  }
  const elements = state.elements(graph);
  live = { graph, key, state, elements };
  return elements;
}

/** The same drawing built from nothing, leaving the live one alone: what tests and benches compare against. */
export function toElementsFromScratch(graph: GraphModel, filters: GraphFilters, options: ToElementsOptions): GraphElements {
  return new ElementsState(new GraphIndex(graph), filters, options.colorBy, options.vocabulary ?? DEFAULT_VOCABULARY).elements(graph);
}

const viewNodes = new WeakMap<GraphNode, ViewNode>();
const viewEdges = new WeakMap<GraphEdge, ViewEdge>();

/** The node's view object: the previous one when nothing it shows has changed (identity lets the canvas skip it). */
function viewNode(n: GraphNode, degree: number, scale: ColorScale, depth: number | undefined, isRoot: boolean): ViewNode {
  const color = n.ghost ? GHOST_FILL : scale.colorOf(fieldOf(n, scale.colorBy));
  const cached = viewNodes.get(n);
  if (cached && cached.degree === degree && cached.color === color && cached.depth === depth && cached.classes.includes('focus-root') === isRoot) return cached;
  const classes: string[] = [];
  let ring: ViewNode['ring'];
  if (n.ghost) classes.push('ghost');
  if (n.counts.error > 0) ring = 'error';
  else if (n.counts.warning > 0) ring = 'warning';
  if (ring) classes.push(`has-${ring}`);
  if (isRoot) classes.push('focus-root');
  const v: ViewNode = { id: n.id, label: n.title ?? n.id, ghost: n.ghost, color, size: nodeSize(degree), degree, classes: classes.join(' ') };
  if (n.path !== undefined) v.path = n.path;
  if (ring) v.ring = ring;
  if (depth !== undefined) v.depth = depth;
  viewNodes.set(n, v);
  return v;
}

/** The edge's view object, likewise reused while its category, lane and arrow stay. */
function viewEdge(e: GraphEdge, category: string, vocab: RelationshipVocabulary, lane: number): ViewEdge {
  const arrow = isDirectedCategory(vocab, category);
  const cached = viewEdges.get(e);
  if (cached && cached.category === category && cached.lane === lane && cached.arrow === arrow) return cached;
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
    arrow,
    lane,
  };
  if (e.weight !== undefined) v.weight = e.weight;
  if (e.confidence !== undefined) v.confidence = e.confidence;
  if (e.reason !== undefined) v.reason = e.reason;
  if (e.legacy) v.legacy = true;
  viewEdges.set(e, v);
  return v;
}
