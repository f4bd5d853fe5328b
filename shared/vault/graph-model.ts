/**
 * The relationship graph of a vault as plain data: pattern nodes, ghost nodes
 * for targets that do not exist, curated edges (type, weight) and inferred
 * edges (type, confidence, reason), with each node's finding counts. What is
 * drawn, and how, is decided later by the view.
 */
import type { Generation } from '../model/pattern-facts';
import type { Severity } from '../validation/diagnostic';
import type { VaultIndex } from './vault-index';

export interface GraphNode {
  /** The name other files link to (file name without `.md`); ghosts use the missing target. */
  id: string;
  ghost: boolean;
  path?: string;
  title?: string;
  aliases?: string[];
  generation?: Generation;
  domain?: string;
  status?: string;
  counts: Record<Severity, number>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: 'curated' | 'inferred';
  type: string;
  weight?: number;
  confidence?: number;
  reason?: string;
  /** Written in the legacy layout (a TypeID list). */
  legacy?: boolean;
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function buildGraph(index: VaultIndex): GraphModel {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const all = index.allFacts();
  for (const f of all) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of index.diagnostics(f.path)) counts[d.severity]++;
    const node: GraphNode = { id: f.name, ghost: false, path: f.path, generation: f.generation, counts };
    if (f.title !== undefined) node.title = f.title;
    if (f.aliases.length) node.aliases = f.aliases;
    if (f.domain !== undefined) node.domain = f.domain;
    if (f.status !== undefined) node.status = f.status;
    nodes.set(f.name, node);
  }
  const nodeFor = (target: string): string => {
    const resolved = index.resolve(target)[0];
    if (resolved) return resolved.name;
    if (!nodes.has(target)) nodes.set(target, { id: target, ghost: true, counts: { error: 0, warning: 0, info: 0 } });
    return target;
  };
  for (const f of all) {
    for (const l of f.curated) {
      const target = nodeFor(l.target);
      const e: GraphEdge = { id: `c:${f.name}:${l.type}:${target}:${l.index}`, source: f.name, target, kind: 'curated', type: l.type };
      if (l.weight !== undefined) e.weight = l.weight;
      edges.push(e);
    }
    for (const l of f.inferred) {
      const target = nodeFor(l.target);
      const e: GraphEdge = { id: `i:${f.name}:${l.index}`, source: f.name, target, kind: 'inferred', type: l.type ?? '' };
      if (l.confidence !== undefined) e.confidence = l.confidence;
      if (l.reason !== undefined) e.reason = l.reason;
      edges.push(e);
    }
    for (const [i, l] of f.legacyLinks.entries()) {
      const byId = index.pathsWithId(l.id);
      const targetFacts = byId.length ? index.facts(byId[0] as string) : undefined;
      const target = targetFacts ? targetFacts.name : nodeFor(l.id);
      edges.push({ id: `l:${f.name}:${i}`, source: f.name, target, kind: 'curated', type: l.type, legacy: true });
    }
  }
  return { nodes: [...nodes.values()], edges };
}
