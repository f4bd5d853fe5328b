/**
 * Look-ups over one graph that no filter changes: nodes and edges by id, the
 * edges at each node, the inferred edges of each pair of nodes, and the
 * curated pairs (for node degrees and for inferred links that repeat a curated
 * one). Built once, then kept current by applying deltas, which reports what
 * each delta touched so the view model can redo only that.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../vault/graph-model';
import type { GraphDelta } from '../vault/graph-delta';

/** One key per unordered pair of node ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** What a delta touched, for the view model to re-evaluate. */
export interface IndexChange {
  /** Edges no longer in the graph as they were (removed, or replaced by a changed version). */
  goneEdges: GraphEdge[];
  /** Edges new to the graph (added, or the changed version). */
  newEdges: GraphEdge[];
  /** Nodes added, changed or removed: their edges may change fate. */
  nodes: Set<string>;
  /** Pairs whose curated links went from none to some, or back: their inferred links may change fate. */
  curatedFlipped: Set<string>;
}

export class GraphIndex {
  readonly nodeById = new Map<string, GraphNode>();
  readonly edgeById = new Map<string, GraphEdge>();
  private readonly edgesAt = new Map<string, Set<GraphEdge>>();
  private readonly inferredByPair = new Map<string, Set<GraphEdge>>();
  /** Curated edges per pair (self-links excluded). */
  private readonly curatedByPair = new Map<string, number>();
  /** Curated edges per neighbour, per node: the degree is the number of neighbours. */
  private readonly curatedNeighbours = new Map<string, Map<string, number>>();
  /** Edges per written type, for the controls' counts. */
  readonly typeCounts = new Map<string, number>();
  /** Each edge's pair key, made once: building and hashing a new string per look-up was a third of a full drawing. */
  private readonly pairs = new Map<GraphEdge, string>();

  constructor(graph: GraphModel) {
    for (const n of graph.nodes) this.nodeById.set(n.id, n);
    for (const e of graph.edges) this.addEdge(e);
  }

  edgesOf(id: string): ReadonlySet<GraphEdge> {
    return this.edgesAt.get(id) ?? EMPTY;
  }

  inferredOfPair(pair: string): ReadonlySet<GraphEdge> {
    return this.inferredByPair.get(pair) ?? EMPTY;
  }

  /** The edge's pair key (`pairKey(source, target)`). */
  pairOf(e: GraphEdge): string {
    let k = this.pairs.get(e);
    if (k === undefined) this.pairs.set(e, (k = pairKey(e.source, e.target)));
    return k;
  }

  hasCurated(pair: string): boolean {
    return (this.curatedByPair.get(pair) ?? 0) > 0;
  }

  /** Distinct patterns linked by curated relationships, in either direction. */
  degree(id: string): number {
    return this.curatedNeighbours.get(id)?.size ?? 0;
  }

  /** Applies a delta in place and says what it touched. */
  apply(delta: GraphDelta): IndexChange {
    const change: IndexChange = { goneEdges: [], newEdges: [], nodes: new Set(), curatedFlipped: new Set() };
    const curatedBefore = new Map<string, boolean>();
    const noteCurated = (e: GraphEdge) => {
      if (e.kind !== 'curated' || e.source === e.target) return;
      const k = this.pairOf(e);
      if (!curatedBefore.has(k)) curatedBefore.set(k, this.hasCurated(k));
    };
    const drop = (id: string) => {
      const old = this.edgeById.get(id);
      if (!old) return;
      noteCurated(old);
      this.removeEdge(old);
      change.goneEdges.push(old);
    };
    for (const id of delta.removedEdges) drop(id);
    for (const e of delta.edges) {
      drop(e.id);
      noteCurated(e);
      this.addEdge(e);
      change.newEdges.push(e);
    }
    for (const id of delta.removedNodes) {
      this.nodeById.delete(id);
      change.nodes.add(id);
    }
    for (const n of delta.nodes) {
      this.nodeById.set(n.id, n);
      change.nodes.add(n.id);
    }
    for (const [k, before] of curatedBefore) if (before !== this.hasCurated(k)) change.curatedFlipped.add(k);
    return change;
  }

  private addEdge(e: GraphEdge): void {
    this.edgeById.set(e.id, e);
    this.typeCounts.set(e.type, (this.typeCounts.get(e.type) ?? 0) + 1);
    at(this.edgesAt, e.source).add(e);
    if (e.target !== e.source) at(this.edgesAt, e.target).add(e);
    if (e.kind === 'inferred') {
      at(this.inferredByPair, this.pairOf(e)).add(e);
      return;
    }
    if (e.source === e.target) return;
    const k = this.pairOf(e);
    this.curatedByPair.set(k, (this.curatedByPair.get(k) ?? 0) + 1);
    this.countNeighbour(e.source, e.target, 1);
    this.countNeighbour(e.target, e.source, 1);
  }

  private removeEdge(e: GraphEdge): void {
    this.edgeById.delete(e.id);
    decrement(this.typeCounts, e.type);
    unlink(this.edgesAt, e.source, e);
    unlink(this.edgesAt, e.target, e);
    const k = this.pairOf(e);
    this.pairs.delete(e);
    if (e.kind === 'inferred') {
      unlink(this.inferredByPair, k, e);
      return;
    }
    if (e.source === e.target) return;
    decrement(this.curatedByPair, k);
    this.countNeighbour(e.source, e.target, -1);
    this.countNeighbour(e.target, e.source, -1);
  }

  private countNeighbour(a: string, b: string, by: 1 | -1): void {
    let m = this.curatedNeighbours.get(a);
    if (!m) this.curatedNeighbours.set(a, (m = new Map()));
    decrement(m, b, -by);
    if (m.size === 0) this.curatedNeighbours.delete(a);
  }
}

const EMPTY: ReadonlySet<GraphEdge> = new Set();

function at<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function unlink<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/** Subtracts `by` (adds when negative); a count that reaches 0 is removed. */
function decrement<K>(map: Map<K, number>, key: K, by = 1): void {
  const n = (map.get(key) ?? 0) - by;
  if (n <= 0) map.delete(key);
  else map.set(key, n);
}
