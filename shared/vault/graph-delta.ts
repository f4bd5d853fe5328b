/**
 * The difference between two versions of the vault's graph, so that a live
 * view gets what changed rather than the whole graph again. The corpus's graph
 * is ~9 MB of JSON: parsing it on the UI thread for every change is what made
 * typing stutter. A change from the editor is a handful of nodes and edges.
 *
 * `applyGraphDelta` keeps every unchanged node and edge object as it was, so
 * views can cache by identity; nodes and edges that stay keep their order,
 * new ones are appended.
 */
import type { GraphEdge, GraphModel, GraphNode } from './graph-model';

export interface GraphDelta {
  /** Nodes added or changed (whole, replacing the node with the same id). */
  nodes: GraphNode[];
  removedNodes: string[];
  /** Edges added or changed (whole, replacing the edge with the same id). */
  edges: GraphEdge[];
  removedEdges: string[];
}

/** What `getGraphUpdate` answers: the whole graph, or how to get from the version the view has to this one. */
export type GraphUpdate = { version: number; graph: GraphModel } | { version: number; since: number; delta: GraphDelta };

export function isEmptyDelta(d: GraphDelta): boolean {
  return d.nodes.length === 0 && d.removedNodes.length === 0 && d.edges.length === 0 && d.removedEdges.length === 0;
}

const COUNT_KEYS = ['error', 'warning', 'info'] as const;

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

export function sameNode(a: GraphNode, b: GraphNode): boolean {
  return (
    a.id === b.id &&
    a.ghost === b.ghost &&
    a.path === b.path &&
    a.title === b.title &&
    a.generation === b.generation &&
    a.domain === b.domain &&
    a.status === b.status &&
    sameStrings(a.aliases, b.aliases) &&
    COUNT_KEYS.every((k) => a.counts[k] === b.counts[k])
  );
}

export function sameEdge(a: GraphEdge, b: GraphEdge): boolean {
  return (
    a.id === b.id &&
    a.source === b.source &&
    a.target === b.target &&
    a.kind === b.kind &&
    a.type === b.type &&
    a.weight === b.weight &&
    a.confidence === b.confidence &&
    a.reason === b.reason &&
    a.legacy === b.legacy
  );
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean): { changed: T[]; removed: string[] } {
  const old = new Map(before.map((x) => [x.id, x]));
  const changed: T[] = [];
  for (const x of after) {
    const was = old.get(x.id);
    if (!was || !same(was, x)) changed.push(x);
    old.delete(x.id);
  }
  return { changed, removed: [...old.keys()] };
}

export function diffGraphs(before: GraphModel, after: GraphModel): GraphDelta {
  const nodes = diffById(before.nodes, after.nodes, sameNode);
  const edges = diffById(before.edges, after.edges, sameEdge);
  return { nodes: nodes.changed, removedNodes: nodes.removed, edges: edges.changed, removedEdges: edges.removed };
}

function applyById<T extends { id: string }>(list: readonly T[], changed: readonly T[], removed: readonly string[]): T[] {
  if (changed.length === 0 && removed.length === 0) return list.slice();
  const replace = new Map(changed.map((x) => [x.id, x]));
  const gone = new Set(removed);
  const out: T[] = [];
  for (const x of list) {
    if (gone.has(x.id)) continue;
    const next = replace.get(x.id);
    if (next) {
      out.push(next);
      replace.delete(x.id);
    } else out.push(x);
  }
  for (const x of replace.values()) out.push(x);
  return out;
}

/** Which graph each applied graph was made from, and how: views that drew the base apply the same delta to their drawing. */
const provenance = new WeakMap<GraphModel, { base: GraphModel; delta: GraphDelta }>();

/** A new graph object: `graph` with `delta` applied (neither is modified). */
export function applyGraphDelta(graph: GraphModel, delta: GraphDelta): GraphModel {
  const next = { nodes: applyById(graph.nodes, delta.nodes, delta.removedNodes), edges: applyById(graph.edges, delta.edges, delta.removedEdges) };
  provenance.set(next, { base: graph, delta });
  return next;
}

/** The graph `graph` was made from by `applyGraphDelta`, and the delta. */
export function deltaBase(graph: GraphModel): { base: GraphModel; delta: GraphDelta } | undefined {
  return provenance.get(graph);
}
