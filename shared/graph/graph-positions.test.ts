import { describe, expect, it } from 'vitest';
import { completePositions, concentricPositions, finishOverviewLayout, LAYOUT_SPACING, layoutInput, placeFewNewNodes, positionsFromArray, settleNewNodes, type Point } from './graph-positions';
import { forceLayout, normalizeSpread, spreadOverlaps } from './force-layout';
import { neighbourhood } from './graph-view-model';
import { curated, graphOf, inferred, pattern } from '../../test/graph/graph-builder';

const dist = (a: Point | undefined, b: Point | undefined) => Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0));

/** Two tight triangles joined by one link, and two patterns with no link at all. */
const twoClusters = graphOf(
  ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'alone-1', 'alone-2'].map((id) => pattern(id, { domain: id[0] === 'a' ? 'left' : 'right' })),
  [
    curated('a1', 'complementary', 'a2', 0.9),
    curated('a2', 'complementary', 'a3', 0.9),
    curated('a3', 'complementary', 'a1', 0.9),
    curated('b1', 'complementary', 'b2', 0.9),
    curated('b2', 'complementary', 'b3', 0.9),
    curated('b3', 'complementary', 'b1', 0.9),
    inferred('a1', 'enables', 'b1', 0.7),
  ],
);

function laidOut(): Map<string, Point> {
  const input = layoutInput(twoClusters, new Map());
  forceLayout(input.graph, input.positions, { iterations: 300 });
  return completePositions(input, finishOverviewLayout(input.graph, input.positions, input.ids.length, true));
}

describe('overview layout', () => {
  it('keeps patterns without links out of the force layout', () => {
    const input = layoutInput(twoClusters, new Map());
    expect(input.ids.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    expect(input.orphans).toEqual(['alone-1', 'alone-2']);
  });

  it('puts linked patterns nearer each other than unlinked ones, and the same way every time', () => {
    const p = laidOut();
    expect(dist(p.get('a1'), p.get('a2'))).toBeLessThan(dist(p.get('a2'), p.get('b3')));
    expect(dist(p.get('b1'), p.get('b2'))).toBeLessThan(dist(p.get('b2'), p.get('a3')));
    expect([...laidOut()]).toEqual([...p]);
    for (const q of p.values()) expect(Number.isFinite(q.x) && Number.isFinite(q.y)).toBe(true);
  });

  it('shelves the unlinked patterns to the right of the rest, apart from each other', () => {
    const p = laidOut();
    const maxLinkedX = Math.max(...['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => p.get(id)?.x ?? 0));
    expect(p.get('alone-1')?.x).toBeGreaterThan(maxLinkedX);
    expect(dist(p.get('alone-1'), p.get('alone-2'))).toBeGreaterThan(20);
  });

  it('places a new pattern beside its neighbours and keeps every cached position', () => {
    const cached = laidOut();
    const grown = graphOf([...twoClusters.nodes, pattern('a4')], [...twoClusters.edges, curated('a4', 'requires', 'a2', 0.8), curated('a4', 'requires', 'a3', 0.8)]);
    const input = layoutInput(grown, cached);
    expect(input.knownCount).toBe(6);
    const p = completePositions(input, input.positions);
    for (const id of ['a1', 'a2', 'b3', 'alone-1']) expect(p.get(id)).toEqual(cached.get(id));
    const mid = { x: ((cached.get('a2')?.x ?? 0) + (cached.get('a3')?.x ?? 0)) / 2, y: ((cached.get('a2')?.y ?? 0) + (cached.get('a3')?.y ?? 0)) / 2 };
    expect(dist(p.get('a4'), mid)).toBeLessThan(80);
  });
});

describe('layout helpers', () => {
  it('spreadOverlaps leaves no two nodes closer than the minimum', () => {
    const pos = new Float32Array([0, 0, 1, 0, 0, 1, 1, 1, 0.5, 0.5]);
    spreadOverlaps(5, pos, 10, 200);
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) expect(Math.hypot(pos[2 * i]! - pos[2 * j]!, pos[2 * i + 1]! - pos[2 * j + 1]!)).toBeGreaterThan(9.5);
  });

  it('normalizeSpread sets the typical nearest-neighbour distance', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `n${i}`);
    const pos = new Float32Array(ids.flatMap((_, i) => [(i % 10) * 3, Math.floor(i / 10) * 3]));
    normalizeSpread({ count: 100, sources: new Uint32Array(), targets: new Uint32Array(), weights: new Float32Array() }, pos, 24);
    const p = positionsFromArray(ids, pos);
    expect(dist(p.get('n0'), p.get('n1'))).toBeCloseTo(24, 0);
  });
});

describe('focus layout', () => {
  it('puts the focused pattern in the middle and each link distance on its own, wider ring', () => {
    const edges = [
      { source: 'root', target: 'a' },
      { source: 'root', target: 'b' },
      { source: 'b', target: 'c' },
    ];
    const depthOf = neighbourhood('root', edges, 2);
    const p = concentricPositions('root', depthOf, edges, () => 20);
    expect(p.get('root')).toEqual({ x: 0, y: 0 });
    const r1 = dist(p.get('a'), p.get('root'));
    expect(dist(p.get('b'), p.get('root'))).toBeCloseTo(r1, 5);
    expect(dist(p.get('c'), p.get('root'))).toBeGreaterThan(r1 + 20);
    expect(dist(p.get('a'), p.get('b'))).toBeGreaterThan(20);
  });
});

describe('new nodes in a cached layout', () => {
  it('are nudged off the nodes they landed on, which stay where they were', () => {
    const cached = laidOut();
    const grown = graphOf([...twoClusters.nodes, pattern('a4'), pattern('a5')], [...twoClusters.edges, curated('a4', 'requires', 'a1', 0.8), curated('a5', 'requires', 'a1', 0.8)]);
    const input = layoutInput(grown, cached);
    settleNewNodes(input);
    const p = completePositions(input, input.positions);
    for (const id of ['a1', 'a2', 'b1']) expect(p.get(id)).toEqual(cached.get(id));
    for (const other of ['a1', 'a2', 'a3', 'a5']) expect(dist(p.get('a4'), p.get(other))).toBeGreaterThan(40);
  });
});

describe('placing a few new nodes', () => {
  it('puts a new ghost beside the pattern that links to it, clear of everyone, and moves no one else', () => {
    const known = laidOut();
    const before = new Map(known);
    const grown = graphOf([...twoClusters.nodes], [...twoClusters.edges, curated('b2', 'tools', 'typed-targ', 0.8)]);
    const placed = placeFewNewNodes(grown, known, ['typed-targ']);
    const p = placed.get('typed-targ');
    expect(p).toBeDefined();
    const nearest = Math.min(...[...known.values()].map((q) => dist(p, q)));
    expect(nearest).toBeGreaterThanOrEqual(LAYOUT_SPACING * 0.9);
    // Nearer its neighbour than the other cluster is.
    expect(dist(p, known.get('b2'))).toBeLessThan(dist(known.get('b2'), known.get('a2')));
    expect(known).toEqual(before);
    // The same place every time.
    expect(placeFewNewNodes(grown, known, ['typed-targ']).get('typed-targ')).toEqual(p);
  });

  it('puts a new pattern with no placed neighbour below the drawing, and two of them apart', () => {
    const known = laidOut();
    const placed = placeFewNewNodes(twoClusters, known, ['new-1', 'new-2']);
    const maxY = Math.max(...[...known.values()].map((q) => q.y));
    expect(placed.get('new-1')?.y ?? 0).toBeGreaterThan(maxY);
    expect(dist(placed.get('new-1'), placed.get('new-2'))).toBeGreaterThanOrEqual(LAYOUT_SPACING * 0.9);
  });
});
