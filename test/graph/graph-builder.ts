/**
 * Small graphs for the graph view's tests: nodes, curated and inferred links
 * written the way `buildGraph` produces them. Pure TypeScript (shared/ tests
 * import it).
 */
import type { GraphEdge, GraphModel, GraphNode } from '../../shared/vault/graph-model';

export function pattern(id: string, over: Partial<GraphNode> = {}): GraphNode {
  return { id, ghost: false, path: `${id}.md`, title: titleOf(id), generation: 'v7.1', counts: { error: 0, warning: 0, info: 0 }, ...over };
}

export function ghost(id: string): GraphNode {
  return { id, ghost: true, counts: { error: 0, warning: 0, info: 0 } };
}

export function curated(source: string, type: string, target: string, weight?: number): GraphEdge {
  const e: GraphEdge = { id: `c:${source}:${type}:${target}`, source, target, kind: 'curated', type };
  if (weight !== undefined) e.weight = weight;
  return e;
}

export function inferred(source: string, type: string, target: string, confidence?: number, reason = `${source} and ${target} go together`): GraphEdge {
  const e: GraphEdge = { id: `i:${source}:${type}:${target}`, source, target, kind: 'inferred', type, reason };
  if (confidence !== undefined) e.confidence = confidence;
  return e;
}

export function graphOf(nodes: GraphNode[], edges: GraphEdge[]): GraphModel {
  return { nodes, edges };
}

export function titleOf(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(' ');
}
