/**
 * A view that applies deltas ends with the graph a fresh fetch would give:
 * the same nodes and edges, the unchanged ones still the very same objects.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCHEMA } from '../schema/schema';
import { analyzeFile } from '../validation/analyze-file';
import { buildVault, inferredLink, patternText as P, utf8Length, type CuratedSpec } from '../../test/builders/pattern-builder';
import { buildGraph, type GraphEdge, type GraphModel, type GraphNode } from './graph-model';
import { applyGraphDelta, diffGraphs, isEmptyDelta } from './graph-delta';

const rel = (slug: string, weight = 0.8): CuratedSpec => ({ slug, weight });
const analysis = (path: string, text: string) => analyzeFile({ path, text, byteLength: utf8Length(text) }, DEFAULT_SCHEMA);
const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sameGraph = (a: GraphModel, b: GraphModel) => {
  expect(byId(a.nodes)).toEqual(byId(b.nodes));
  expect(byId(a.edges)).toEqual(byId(b.edges));
};

function sample() {
  return buildVault({
    'a.md': P({ slug: 'a', relationships: { enables: [rel('b')], complementary: [rel('c')] } }),
    'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }),
    'c.md': P({ slug: 'c', relationships: { complementary: [rel('a')] } }),
    'd.md': P({ slug: 'd' }),
    'e.md': P({ slug: 'e', inferred: [inferredLink('b', 'complementary')] }),
  });
}

describe('graph deltas', () => {
  it('are empty between equal graphs', () => {
    const index = sample();
    expect(isEmptyDelta(diffGraphs(buildGraph(index), buildGraph(index)))).toBe(true);
  });

  it('carry a retargeted relationship as one edge out, one edge and one ghost in, and the findings rings that moved', () => {
    const index = sample();
    const before = buildGraph(index);
    index.update(analysis('a.md', P({ slug: 'a', relationships: { enables: [rel('ledger')], complementary: [rel('c')] } })));
    const after = buildGraph(index);
    const delta = diffGraphs(before, after);
    expect(delta.removedEdges).toEqual(['c:a:enables:b:0']);
    expect(delta.edges.map((e) => e.id)).toEqual(['c:a:enables:ledger:0']);
    // The ghost for the missing target; a now has a finding (missing target), b lost its inverse.
    expect(delta.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'ledger']);
    expect(delta.nodes.find((n) => n.id === 'ledger')?.ghost).toBe(true);
    const applied = applyGraphDelta(before, delta);
    sameGraph(applied, after);
    // Unchanged objects are kept, so views can cache by identity.
    expect(applied.nodes.find((n) => n.id === 'd')).toBe(before.nodes.find((n) => n.id === 'd'));
    expect(applied.edges.find((e) => e.id === 'i:e:0')).toBe(before.edges.find((e) => e.id === 'i:e:0'));
  });

  it('rebuild any graph from any other (random nodes and edges)', () => {
    const node = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      ghost: fc.boolean(),
      title: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
      domain: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      aliases: fc.option(fc.array(fc.constantFrom('p', 'q'), { maxLength: 2 }), { nil: undefined }),
      counts: fc.record({ error: fc.nat(2), warning: fc.nat(2), info: fc.nat(2) }),
    });
    const edge = fc.record({
      id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'),
      source: fc.constantFrom('a', 'b', 'c'),
      target: fc.constantFrom('a', 'b', 'c', 'z'),
      kind: fc.constantFrom<'curated' | 'inferred'>('curated', 'inferred'),
      type: fc.constantFrom('enables', 'requires'),
      weight: fc.option(fc.constantFrom(0.4, 0.8), { nil: undefined }),
      confidence: fc.option(fc.constantFrom(0.7, 0.9), { nil: undefined }),
    });
    const clean = <T extends object>(x: T): T => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
    const graph = fc.record({
      nodes: fc.uniqueArray(node, { selector: (n) => n.id, maxLength: 6 }).map((ns) => ns.map((n) => clean(n) as GraphNode)),
      edges: fc.uniqueArray(edge, { selector: (e) => e.id, maxLength: 7 }).map((es) => es.map((e) => clean(e) as GraphEdge)),
    });
    fc.assert(
      fc.property(graph, graph, (a, b) => {
        const delta = diffGraphs(a, b);
        sameGraph(applyGraphDelta(a, delta), b);
        expect(isEmptyDelta(delta)).toBe(JSON.stringify(byId(a.nodes)) === JSON.stringify(byId(b.nodes)) && JSON.stringify(byId(a.edges)) === JSON.stringify(byId(b.edges)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('GraphVersions', () => {
  it('hands out the whole graph first, then deltas from the version the view has', async () => {
    const { GraphVersions } = await import('./graph-versions');
    const index = sample();
    const versions = new GraphVersions();
    const first = versions.update(buildGraph(index));
    expect('graph' in first).toBe(true);
    // Nothing changed: the same version, an empty delta.
    const same = versions.update(buildGraph(index), first.version);
    expect(same.version).toBe(first.version);
    expect('delta' in same && isEmptyDelta(same.delta)).toBe(true);
    index.update(analysis('d.md', P({ slug: 'd', relationships: { complementary: [rel('a')] } })));
    const second = versions.update(buildGraph(index), first.version);
    expect(second.version).not.toBe(first.version);
    if (!('delta' in second) || !('graph' in first)) throw new Error('expected a delta');
    sameGraph(applyGraphDelta(first.graph, second.delta), buildGraph(index));
    // A version this backend never gave (or has forgotten) gets the whole graph.
    expect('graph' in versions.update(buildGraph(index), 12345)).toBe(true);
  });
});
