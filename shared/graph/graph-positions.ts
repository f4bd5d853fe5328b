/**
 * Node positions as the view keeps them: the overview's (laid out once over
 * the whole vault, cached per vault, so filters never move a node) and a
 * focus neighbourhood's (its own rings). New nodes are placed beside the
 * neighbours that already have a place.
 */
import type { GraphModel } from '../vault/graph-model';
import { hashUnit, normalizeSpread, seedPositions, spreadOverlaps, type LayoutGraph } from './force-layout';
import { nodeSize } from './graph-view-model';

export interface Point {
  x: number;
  y: number;
}

export type Positions = ReadonlyMap<string, Point>;

/** Model units between neighbouring nodes; node sizes (12-60) are chosen against it. */
export const LAYOUT_SPACING = 40;

/**
 * The overview's force layout, tuned on the corpus and the sample vault by
 * looking at them: domain anchors make domains regions of the hairball; the
 * result is scaled so a node's nearest neighbour is typically
 * `nearestSpacing(n)` away, then nodes closer than 90% of that are pushed apart.
 */
export const OVERVIEW_LAYOUT = { groupWeight: 15, scaling: 20, gravity: 1 } as const;

/**
 * Thousands of nodes are seen as dots first (24 units keeps the overview
 * compact); a few dozen are read by name at once and need room for labels.
 */
export function nearestSpacing(nodes: number): number {
  return nodes < 100 ? 70 : nodes < 600 ? 40 : 24;
}

/**
 * A copy of raw force-layout positions in the view's units; the final one
 * also has overlapping nodes pushed apart. Only the first `measured` nodes
 * count (domain anchors follow them).
 */
export function finishOverviewLayout(graph: LayoutGraph, positions: Float32Array, measured: number, final: boolean, radii?: Float32Array): Float32Array {
  const copy = positions.slice();
  const spacing = nearestSpacing(measured);
  normalizeSpread(graph, copy, spacing, measured);
  if (final) spreadOverlaps(measured, copy, spacing * 0.9, 20, undefined, radii);
  return copy;
}

export interface LayoutInput {
  /** Nodes with at least one link: the force layout's nodes, in its index order. */
  ids: string[];
  graph: LayoutGraph;
  /** Seeds or cached positions of `ids` (x0, y0, x1, y1, …). */
  positions: Float32Array;
  /** 1 for nodes of `ids` that had a position already. */
  known: Uint8Array;
  knownCount: number;
  /** Drawn radius of each of `ids` (model units; size grows with curated neighbours), for overlap removal. */
  radii: Float32Array;
  /** Nodes with no link at all, in shelf order (domain, then title). */
  orphans: string[];
  /** Cached positions of orphans. */
  knownOrphans: Map<string, Point>;
}

/**
 * The vault as typed arrays for the force layout. Every link pulls, inferred
 * ones a quarter as hard as curated ones, so the overview does not change when
 * the curator toggles what is drawn. Nodes without any link (a third of the
 * corpus: legacy files whose lists resolve to nothing) stay out of it: a force
 * layout flings them into a ring around everything else; they go on a shelf.
 */
export function layoutInput(graph: GraphModel, known: Positions, options: { groupWeight?: number } = { groupWeight: OVERVIEW_LAYOUT.groupWeight }): LayoutInput {
  const linked = new Set<string>();
  for (const e of graph.edges) {
    if (e.source === e.target) continue;
    linked.add(e.source);
    linked.add(e.target);
  }
  const ids = graph.nodes.filter((n) => linked.has(n.id)).map((n) => n.id);
  const orphanNodes = graph.nodes.filter((n) => !linked.has(n.id));
  orphanNodes.sort((a, b) => cmp(a.domain ?? '\uffff', b.domain ?? '\uffff') || cmp(a.title ?? a.id, b.title ?? b.id));
  const index = new Map(ids.map((id, i) => [id, i]));
  const radii = curatedRadii(graph, ids);
  const sources: number[] = [];
  const targets: number[] = [];
  const weights: number[] = [];
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    sources.push(s);
    targets.push(t);
    weights.push(e.kind === 'curated' ? (e.weight ?? 0.8) : 0.25 * (e.confidence ?? 0.7));
  }
  // One invisible anchor per domain, pulling its patterns together: domains become regions.
  const groupWeight = options.groupWeight ?? 0;
  const anchors = new Map<string, number>();
  if (groupWeight > 0) {
    for (const n of graph.nodes) {
      const i = index.get(n.id);
      if (i === undefined || !n.domain) continue;
      let a = anchors.get(n.domain);
      if (a === undefined) anchors.set(n.domain, (a = ids.length + anchors.size));
      sources.push(i);
      targets.push(a);
      weights.push(groupWeight);
    }
  }
  const count = ids.length + anchors.size;
  const layoutGraph: LayoutGraph = { count, sources: Uint32Array.from(sources), targets: Uint32Array.from(targets), weights: Float32Array.from(weights) };
  const allIds = [...ids, ...[...anchors.keys()].map((d) => `domain:${d}`)];
  const positions = seedPositions(allIds, LAYOUT_SPACING);
  const knownFlags = new Uint8Array(count);
  let knownCount = 0;
  ids.forEach((id, i) => {
    const p = known.get(id);
    if (p && isPlaced(p)) {
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
      knownFlags[i] = 1;
      knownCount++;
    }
  });
  if (knownCount > 0 && knownCount < count) placeBesideNeighbours(allIds, layoutGraph, positions, knownFlags);
  const knownOrphans = new Map<string, Point>();
  for (const n of orphanNodes) {
    const p = known.get(n.id);
    if (p && isPlaced(p)) knownOrphans.set(n.id, p);
  }
  return { ids, graph: layoutGraph, positions, known: knownFlags, knownCount, radii, orphans: orphanNodes.map((n) => n.id), knownOrphans };
}

/** Half of each node's drawn size, which grows with its distinct curated neighbours (as the view model sizes it). */
function curatedRadii(graph: GraphModel, ids: readonly string[]): Float32Array {
  const neighbours = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (e.kind !== 'curated' || e.source === e.target) continue;
    (neighbours.get(e.source) ?? neighbours.set(e.source, new Set()).get(e.source))?.add(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, new Set()).get(e.target))?.add(e.source);
  }
  return Float32Array.from(ids, (id) => nodeSize(neighbours.get(id)?.size ?? 0) / 2);
}

/** Nudges nodes placed beside their neighbours off anyone they landed on; cached nodes stay put. */
export function settleNewNodes(input: LayoutInput): void {
  const spacing = nearestSpacing(input.ids.length);
  spreadOverlaps(input.ids.length, input.positions, spacing * 0.9, 10, input.known, input.radii);
}

/** A position a node can be drawn at (a cached one may be damaged). */
export function isPlaced(p: Point | undefined): p is Point {
  return p !== undefined && Number.isFinite(p.x) && Number.isFinite(p.y);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every node's position: linked nodes from the layout's array, orphans from
 * the cache or else their slot in a block to the right of the linked nodes.
 */
export function completePositions(input: LayoutInput, positions: Float32Array): Map<string, Point> {
  const out = positionsFromArray(input.ids, positions);
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of out.values()) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  let minY = Infinity;
  for (const p of out.values()) minY = Math.min(minY, p.y);
  if (!Number.isFinite(minX)) {
    minX = maxX = minY = maxY = 0;
  }
  // A block to the right of the linked nodes, about as tall as they are.
  const step = LAYOUT_SPACING * 1.5;
  const rows = Math.max(1, Math.floor((maxY - minY) / step) + 1);
  const columns = Math.max(1, Math.ceil(input.orphans.length / rows));
  const perRow = Math.max(columns, Math.ceil(Math.sqrt(input.orphans.length)));
  const left = maxX + LAYOUT_SPACING * 6;
  input.orphans.forEach((id, k) => {
    const cached = input.knownOrphans.get(id);
    out.set(id, cached ?? { x: left + (k % perRow) * step, y: minY + Math.floor(k / perRow) * step });
  });
  return out;
}

/**
 * Puts each node without a position at the centre of its placed neighbours,
 * a little off it (by a hash of its id, so it is the same place every time);
 * nodes with no placed neighbour keep their seed.
 */
export function placeBesideNeighbours(ids: readonly string[], graph: LayoutGraph, positions: Float32Array, known: Uint8Array): void {
  const placed = Uint8Array.from(known);
  // Two passes reach nodes whose neighbours are themselves new.
  for (let pass = 0; pass < 2; pass++) {
    const sx = new Float64Array(graph.count);
    const sy = new Float64Array(graph.count);
    const k = new Uint32Array(graph.count);
    for (let e = 0; e < graph.sources.length; e++) {
      const s = graph.sources[e] as number;
      const t = graph.targets[e] as number;
      for (const [a, b] of [
        [s, t],
        [t, s],
      ] as const) {
        if (placed[a] || !placed[b]) continue;
        sx[a] = (sx[a] as number) + (positions[2 * b] as number);
        sy[a] = (sy[a] as number) + (positions[2 * b + 1] as number);
        (k[a] as number)++;
      }
    }
    for (let i = 0; i < graph.count; i++) {
      if (placed[i] || !k[i]) continue;
      const id = ids[i] as string;
      const angle = 2 * Math.PI * hashUnit(id, 3);
      const r = LAYOUT_SPACING * (0.6 + hashUnit(id, 4));
      positions[2 * i] = (sx[i] as number) / (k[i] as number) + r * Math.cos(angle);
      positions[2 * i + 1] = (sy[i] as number) / (k[i] as number) + r * Math.sin(angle);
      placed[i] = 1;
    }
  }
}

export function positionsFromArray(ids: readonly string[], positions: Float32Array): Map<string, Point> {
  const out = new Map<string, Point>();
  ids.forEach((id, i) => out.set(id, { x: Math.round((positions[2 * i] as number) * 10) / 10, y: Math.round((positions[2 * i + 1] as number) * 10) / 10 }));
  return out;
}

/**
 * Rings around the focused pattern, one per link distance, each ring's
 * nodes ordered by the angle of the neighbour that brought them in, so links
 * between rings cross as little as a circle allows.
 */
export function concentricPositions(rootId: string, depthOf: ReadonlyMap<string, number>, edges: readonly { source: string; target: string }[], sizeOf: (id: string) => number): Map<string, Point> {
  const out = new Map<string, Point>([[rootId, { x: 0, y: 0 }]]);
  const rings: string[][] = [];
  for (const [id, d] of depthOf) if (d > 0) (rings[d] ??= []).push(id);
  const adjacent = new Map<string, string[]>();
  for (const e of edges) {
    (adjacent.get(e.source) ?? adjacent.set(e.source, []).get(e.source))?.push(e.target);
    (adjacent.get(e.target) ?? adjacent.set(e.target, []).get(e.target))?.push(e.source);
  }
  const angleOf = new Map<string, number>([[rootId, 0]]);
  let radius = sizeOf(rootId) / 2;
  for (let d = 1; d < rings.length; d++) {
    const ring = rings[d] ?? [];
    if (ring.length === 0) continue;
    const key = (id: string) => {
      const parents = (adjacent.get(id) ?? []).filter((p) => depthOf.get(p) === d - 1 && angleOf.has(p));
      if (d === 1 || parents.length === 0) return hashUnit(id, 5) * 2 * Math.PI;
      // Circular mean of the parents' angles.
      let sx = 0;
      let sy = 0;
      for (const p of parents) {
        sx += Math.cos(angleOf.get(p) as number);
        sy += Math.sin(angleOf.get(p) as number);
      }
      return (Math.atan2(sy, sx) + 2 * Math.PI) % (2 * Math.PI);
    };
    const keyed = ring.map((id) => ({ id, k: key(id) })).sort((a, b) => a.k - b.k || (a.id < b.id ? -1 : 1));
    const widest = Math.max(...ring.map(sizeOf));
    // The ring must hold its nodes side by side and clear the previous ring.
    const circumference = ring.reduce((sum, id) => sum + sizeOf(id) + LAYOUT_SPACING, 0);
    radius = Math.max(radius + widest + LAYOUT_SPACING * 3, circumference / (2 * Math.PI));
    // Even spacing, turned so each node sits as near its parents' angle as the order allows.
    let rx = 0;
    let ry = 0;
    keyed.forEach(({ k }, i) => {
      rx += Math.cos(k - (2 * Math.PI * i) / keyed.length);
      ry += Math.sin(k - (2 * Math.PI * i) / keyed.length);
    });
    const turn = d === 1 ? -Math.PI / 2 : Math.atan2(ry, rx);
    keyed.forEach(({ id }, i) => {
      const a = (2 * Math.PI * i) / keyed.length + turn;
      angleOf.set(id, a);
      out.set(id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
    });
  }
  return out;
}

/** Past this many new nodes, `ensure` places them with the whole layout input instead. */
export const FEW_NEW_NODES = 32;

/**
 * Places a few new nodes (a ghost for a target being typed, a new pattern)
 * without touching anyone else: each beside the centre of its placed
 * neighbours, else below the drawing, at the first spot on a small spiral
 * (turned by a hash of its id, so the same every time) that keeps clear of
 * every placed node. Costs one pass over the edges and the nodes, where the
 * whole layout input costs tens of milliseconds on the corpus.
 */
export function placeFewNewNodes(graph: GraphModel, known: ReadonlyMap<string, Point>, newIds: readonly string[]): Map<string, Point> {
  const fresh = new Set(newIds);
  const sum = new Map<string, { x: number; y: number; k: number }>();
  const add = (a: string, b: string) => {
    const p = known.get(b);
    if (!p) return;
    const s = sum.get(a);
    if (s) {
      s.x += p.x;
      s.y += p.y;
      s.k++;
    } else sum.set(a, { x: p.x, y: p.y, k: 1 });
  };
  for (const e of graph.edges) {
    if (e.source === e.target) continue;
    if (fresh.has(e.source)) add(e.source, e.target);
    if (fresh.has(e.target)) add(e.target, e.source);
  }
  // Every placed point once, in flat arrays: the clearance test below runs over them for each try.
  const xs: number[] = [];
  const ys: number[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of known.values()) {
    xs.push(p.x);
    ys.push(p.y);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (!Number.isFinite(minX)) minX = maxX = maxY = 0;
  const clearance = LAYOUT_SPACING * 0.9;
  const c2 = clearance * clearance;
  const isClear = (x: number, y: number) => {
    for (let i = 0; i < xs.length; i++) {
      const dx = (xs[i] as number) - x;
      const dy = (ys[i] as number) - y;
      if (dx * dx + dy * dy < c2) return false;
    }
    return true;
  };
  const out = new Map<string, Point>();
  newIds.forEach((id, n) => {
    const s = sum.get(id);
    const cx = s ? s.x / s.k : minX + ((n * LAYOUT_SPACING * 1.5) % Math.max(LAYOUT_SPACING, maxX - minX));
    const cy = s ? s.y / s.k : maxY + LAYOUT_SPACING * 3;
    const turn = 2 * Math.PI * hashUnit(id, 3);
    let spot = { x: cx, y: cy };
    for (let step = 1; step <= 200; step++) {
      const angle = turn + step * 2.4;
      const r = LAYOUT_SPACING * (0.6 + 0.25 * step);
      const x = cx + r * Math.cos(angle);
      const y = cy + r * Math.sin(angle);
      if (isClear(x, y)) {
        spot = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
        break;
      }
    }
    out.set(id, spot);
    xs.push(spot.x);
    ys.push(spot.y);
  });
  return out;
}
