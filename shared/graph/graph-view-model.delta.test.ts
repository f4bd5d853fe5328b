/**
 * A live view draws a changed graph by applying the delta to its previous
 * drawing. Whatever the graphs, filters and chain of deltas, that drawing must
 * equal one made from scratch (edge order aside).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toElements, toElementsFromScratch, type GraphElements } from './graph-view-model';
import { DEFAULT_FILTERS, type GraphFilters } from './graph-filters';
import { applyGraphDelta, diffGraphs } from '../vault/graph-delta';
import type { GraphEdge, GraphModel, GraphNode } from '../vault/graph-model';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

const nodeArb = (id: string) =>
  fc.record({
    ghost: fc.boolean(),
    domain: fc.constantFrom(undefined, 'x', 'y', 'z'),
    status: fc.constantFrom(undefined, 'draft', 'stable'),
    title: fc.constantFrom(undefined, `Title ${id}`, `Other ${id}`),
    error: fc.nat(1),
    warning: fc.nat(1),
  }).map(({ ghost, domain, status, title, error, warning }): GraphNode => {
    const n: GraphNode = { id, ghost, counts: { error, warning, info: 0 } };
    if (!ghost) {
      n.path = `${id}.md`;
      if (domain) n.domain = domain;
      if (status) n.status = status;
      if (title) n.title = title;
    }
    return n;
  });

const edgeArb = fc.record({
  n: fc.nat(11),
  source: fc.constantFrom(...IDS),
  target: fc.constantFrom(...IDS),
  kind: fc.constantFrom<'curated' | 'inferred'>('curated', 'inferred'),
  type: fc.constantFrom('enables', 'requires', 'complementary', 'related', 'enabler', 'odd'),
  weight: fc.constantFrom(undefined, 0.5, 0.9),
  confidence: fc.constantFrom(undefined, 0.6, 0.8, 0.95),
});

/** A consistent graph: every edge end is a node (a ghost when the generator made none). */
const graphArb: fc.Arbitrary<GraphModel> = fc
  .tuple(fc.subarray(IDS), fc.uniqueArray(edgeArb, { selector: (e) => e.n, maxLength: 12 }), fc.array(fc.nat(1000), { minLength: IDS.length, maxLength: IDS.length }))
  .chain(([present, rawEdges, seeds]) =>
    fc.tuple(...IDS.map((id) => nodeArb(id))).map((nodes) => {
      const edges: GraphEdge[] = rawEdges.map((r) => {
        const e: GraphEdge = { id: `${r.kind[0]}:${r.n}`, source: r.source, target: r.target, kind: r.kind, type: r.type };
        if (r.kind === 'curated' && r.weight !== undefined) e.weight = r.weight;
        if (r.kind === 'inferred' && r.confidence !== undefined) e.confidence = r.confidence;
        return e;
      });
      const needed = new Set([...present, ...edges.flatMap((e) => [e.source, e.target])]);
      // Node order varies too: it decides nothing but the order nodes are listed in.
      const order = IDS.filter((id) => needed.has(id)).sort((x, y) => (seeds[IDS.indexOf(x)] as number) - (seeds[IDS.indexOf(y)] as number));
      return { nodes: order.map((id) => nodes[IDS.indexOf(id)] as GraphNode), edges };
    }),
  );

const filtersArb: fc.Arbitrary<GraphFilters> = fc.record({
  hiddenTypes: fc.subarray(['enables', 'complementary', 'related', 'other']),
  showInferred: fc.boolean(),
  minConfidence: fc.constantFrom(0, 0.75),
  hideRedundantInferred: fc.boolean(),
  showGhosts: fc.boolean(),
  showOrphans: fc.boolean(),
  domains: fc.constantFrom([], ['x'], ['x', 'y']),
  statuses: fc.constantFrom([], ['draft']),
  focus: fc.option(fc.record({ id: fc.constantFrom(...IDS), depth: fc.constantFrom<1 | 2 | 3>(1, 2, 3) }), { nil: undefined }),
});

/** One small change, as typing or a save makes: a node's fields, or one edge added, removed or changed. */
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('node' as const), id: fc.constantFrom(...IDS), node: fc.constantFrom(...IDS).chain((id) => nodeArb(id)) }),
  fc.record({ kind: fc.constant('edge' as const), edge: edgeArb }),
  fc.record({ kind: fc.constant('drop' as const), n: fc.nat(20) }),
);
type Step = fc.Arbitrary<unknown> extends never ? never : typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

function stepped(graph: GraphModel, step: Step): GraphModel {
  let nodes = graph.nodes.slice();
  let edges = graph.edges.slice();
  if (step.kind === 'node') {
    const i = nodes.findIndex((n) => n.id === step.id);
    const n = { ...step.node, id: step.id };
    if (i >= 0) nodes[i] = n;
    else nodes.push(n);
  } else if (step.kind === 'edge') {
    const r = step.edge;
    const e: GraphEdge = { id: `${r.kind[0]}:${r.n}`, source: r.source, target: r.target, kind: r.kind, type: r.type };
    if (r.kind === 'curated' && r.weight !== undefined) e.weight = r.weight;
    if (r.kind === 'inferred' && r.confidence !== undefined) e.confidence = r.confidence;
    const i = edges.findIndex((x) => x.id === e.id);
    if (i >= 0) edges[i] = e;
    else edges.push(e);
  } else if (edges.length) {
    edges.splice(step.n % edges.length, 1);
  } else if (nodes.length) {
    nodes.splice(step.n % nodes.length, 1);
  }
  // Keep it consistent: every edge end is a node.
  for (const id of new Set(edges.flatMap((e) => [e.source, e.target]))) {
    if (!nodes.some((n) => n.id === id)) nodes.push({ id, ghost: true, counts: { error: 0, warning: 0, info: 0 } });
  }
  nodes = nodes.filter((n) => n !== undefined);
  edges = edges.filter((e) => e !== undefined);
  return { nodes, edges };
}

const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const comparable = (el: GraphElements) => ({ ...el, nodes: byId(el.nodes), edges: byId(el.edges) });

describe('toElements on a graph changed by deltas', () => {
  it('equals a drawing from scratch, step after step, under any filters', () => {
    fc.assert(
      fc.property(fc.array(graphArb, { minLength: 2, maxLength: 5 }), filtersArb, fc.constantFrom<'domain' | 'status'>('domain', 'status'), (graphs, filters, colorBy) => {
        let current = graphs[0] as GraphModel;
        toElements(current, filters, { colorBy });
        for (const target of graphs.slice(1)) {
          current = applyGraphDelta(current, diffGraphs(current, target));
          const incremental = comparable(toElements(current, filters, { colorBy }));
          expect(incremental).toEqual(comparable(toElementsFromScratch(structuredClone(current), filters, { colorBy })));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('equals a drawing from scratch after each of many small changes, under any filters', () => {
    fc.assert(
      fc.property(graphArb, fc.array(stepArb, { minLength: 1, maxLength: 12 }), filtersArb, (start, steps, filters) => {
        let current = start;
        toElements(current, filters, { colorBy: 'domain' });
        for (const step of steps) {
          const target = stepped(current, step);
          current = applyGraphDelta(current, diffGraphs(current, target));
          const incremental = comparable(toElements(current, filters, { colorBy: 'domain' }));
          expect(incremental).toEqual(comparable(toElementsFromScratch(structuredClone(current), filters, { colorBy: 'domain' })));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('changes only the drawn edges a delta touches, and keeps the others as they were', () => {
    const graph: GraphModel = {
      nodes: ['a', 'b', 'c'].map((id) => ({ id, ghost: false, path: `${id}.md`, counts: { error: 0, warning: 0, info: 0 } })),
      edges: [
        { id: 'c:1', source: 'a', target: 'b', kind: 'curated', type: 'enables', weight: 0.8 },
        { id: 'c:2', source: 'b', target: 'c', kind: 'curated', type: 'requires', weight: 0.8 },
      ],
    };
    const before = toElements(graph, DEFAULT_FILTERS, { colorBy: 'domain' });
    const next = applyGraphDelta(graph, { nodes: [], removedNodes: [], edges: [{ id: 'c:1', source: 'a', target: 'b', kind: 'curated', type: 'enables', weight: 0.4 }], removedEdges: [] });
    const after = toElements(next, DEFAULT_FILTERS, { colorBy: 'domain' });
    expect(after.edges.find((e) => e.id === 'c:2')).toBe(before.edges.find((e) => e.id === 'c:2'));
    expect(after.edges.find((e) => e.id === 'c:1')?.width).toBeLessThan(before.edges.find((e) => e.id === 'c:1')?.width ?? 0);
    expect(after.nodes.find((n) => n.id === 'c')).toBe(before.nodes.find((n) => n.id === 'c'));
  });
});
