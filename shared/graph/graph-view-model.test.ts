import { describe, expect, it } from 'vitest';
import { toElements, type GraphElements } from './graph-view-model';
import { DEFAULT_FILTERS, withTypeShown, type GraphFilters } from './graph-filters';
import { curated, ghost, graphOf, inferred, pattern } from '../../test/graph/graph-builder';
import { GHOST_FILL } from './graph-palette';

/** A small garden: a hub with curated and inferred links, a ghost target, an orphan, two domains. */
const garden = graphOf(
  [
    pattern('hub', { domain: 'governance', status: 'stable', counts: { error: 1, warning: 2, info: 0 } }),
    pattern('ally', { domain: 'governance', status: 'draft', counts: { error: 0, warning: 1, info: 0 } }),
    pattern('tool-x', { domain: 'platform', status: 'draft' }),
    pattern('far', { domain: 'platform', status: 'draft' }),
    pattern('lonely', { domain: 'platform' }),
    ghost('missing-one'),
  ],
  [
    curated('hub', 'complementary', 'ally', 0.9),
    curated('hub', 'enables', 'tool-x', 0.5),
    curated('tool-x', 'requires', 'far', 0.7),
    curated('hub', 'tools', 'missing-one', 0.6),
    inferred('ally', 'complementary', 'tool-x', 0.75),
    inferred('ally', 'enables', 'far', 0.85),
    inferred('hub', 'complementary', 'ally', 0.95),
    inferred('far', 'enabler', 'hub', 0.9),
    curated('far', 'complementary', 'far', 0.5),
  ],
);

const draw = (filters: Partial<GraphFilters> = {}, colorBy: 'domain' | 'status' | 'generation' = 'domain'): GraphElements =>
  toElements(garden, { ...DEFAULT_FILTERS, minConfidence: 0, hideRedundantInferred: false, ...filters }, { colorBy });
const edgeIds = (el: GraphElements) => el.edges.map((e) => e.id).sort();
const nodeIds = (el: GraphElements) => el.nodes.map((n) => n.id).sort();

describe('toElements: what is drawn', () => {
  it('draws every link but self-links when nothing is filtered', () => {
    const el = draw();
    expect(el.edges).toHaveLength(garden.edges.length - 1);
    expect(el.hidden.selfLinks).toBe(1);
    expect(nodeIds(el)).toEqual(['ally', 'far', 'hub', 'lonely', 'missing-one', 'tool-x']);
  });

  it('turning off complementary removes exactly the complementary links, curated and inferred', () => {
    const all = draw();
    const without = draw(withTypeShown({ ...DEFAULT_FILTERS }, 'complementary', false));
    const removed = edgeIds(all).filter((id) => !edgeIds(without).includes(id));
    expect(removed.sort()).toEqual(['c:hub:complementary:ally', 'i:ally:complementary:tool-x', 'i:hub:complementary:ally']);
    expect(without.edges.every((e) => e.category !== 'complementary')).toBe(true);
  });

  it('a threshold of 0.8 hides an inferred link of confidence 0.75 and keeps 0.85', () => {
    const el = draw({ minConfidence: 0.8 });
    expect(edgeIds(el)).not.toContain('i:ally:complementary:tool-x');
    expect(edgeIds(el)).toContain('i:ally:enables:far');
    expect(el.hidden.belowThreshold).toBe(1);
    expect(el.edges.filter((e) => e.kind === 'curated')).toHaveLength(4);
  });

  it('inferred links off leaves only solid curated links', () => {
    const el = draw({ showInferred: false });
    expect(el.edges.length).toBe(4);
    expect(el.edges.every((e) => !e.dashed && e.kind === 'curated')).toBe(true);
  });

  it('hides an inferred link that repeats a curated link between the same two patterns, in either direction', () => {
    const el = draw({ hideRedundantInferred: true });
    expect(edgeIds(el)).not.toContain('i:hub:complementary:ally');
    // far → hub has no curated counterpart: kept.
    expect(edgeIds(el)).toContain('i:far:enabler:hub');
    expect(el.hidden.redundantInferred).toBe(1);
  });

  it('maps inferred type aliases onto the seven types, so their toggle hides them too', () => {
    const el = draw();
    expect(el.edges.find((e) => e.id === 'i:far:enabler:hub')?.category).toBe('enables');
    expect(edgeIds(draw({ hiddenTypes: ['enables'] }))).not.toContain('i:far:enabler:hub');
  });

  it('ghosts are dashed white nodes, and go with their links when hidden', () => {
    const el = draw();
    const g = el.nodes.find((n) => n.id === 'missing-one');
    expect(g?.classes).toContain('ghost');
    expect(g?.color).toBe(GHOST_FILL);
    const hiddenGhosts = draw({ showGhosts: false });
    expect(nodeIds(hiddenGhosts)).not.toContain('missing-one');
    expect(edgeIds(hiddenGhosts)).not.toContain('c:hub:tools:missing-one');
  });

  it('a ghost whose links are all filtered out is not drawn', () => {
    expect(nodeIds(draw({ hiddenTypes: ['tools'] }))).not.toContain('missing-one');
  });

  it('orphans are shown by default and hidden on request, including patterns the type filter cut off', () => {
    expect(nodeIds(draw())).toContain('lonely');
    expect(nodeIds(draw({ showOrphans: false }))).not.toContain('lonely');
    const noRequires = draw({ showOrphans: false, hiddenTypes: ['requires'], showInferred: false });
    expect(nodeIds(noRequires)).not.toContain('far');
  });

  it('filters by domain and status, drawing only links between kept patterns', () => {
    const el = draw({ domains: ['governance'] });
    expect(nodeIds(el)).toEqual(['ally', 'hub', 'missing-one']);
    expect(el.edges.every((e) => ['hub', 'ally', 'missing-one'].includes(e.source) && ['hub', 'ally', 'missing-one'].includes(e.target))).toBe(true);
    expect(nodeIds(draw({ statuses: ['stable'], showGhosts: false }))).toEqual(['hub']);
  });
});

describe('toElements: focus', () => {
  it('depth 1 keeps only the pattern and its direct neighbours, in either direction', () => {
    const el = draw({ focus: { id: 'tool-x', depth: 1 } });
    expect(nodeIds(el)).toEqual(['ally', 'far', 'hub', 'tool-x']);
    expect(el.nodes.find((n) => n.id === 'tool-x')?.depth).toBe(0);
    expect(el.nodes.find((n) => n.id === 'far')?.depth).toBe(1);
    expect(el.focus).toEqual({ id: 'tool-x', depth: 1, found: true });
  });

  it('depth 1 over curated links only reaches exactly the curated neighbours', () => {
    const el = draw({ focus: { id: 'tool-x', depth: 1 }, showInferred: false });
    expect(nodeIds(el)).toEqual(['far', 'hub', 'tool-x']);
  });

  it('depth 2 adds the neighbours of neighbours', () => {
    const el = draw({ focus: { id: 'far', depth: 2 }, showInferred: false });
    expect(nodeIds(el)).toEqual(['far', 'hub', 'tool-x']);
    const deeper = draw({ focus: { id: 'far', depth: 3 }, showInferred: false });
    expect(nodeIds(deeper)).toEqual(['ally', 'far', 'hub', 'missing-one', 'tool-x']);
  });

  it('keeps the focused pattern even when a filter would hide it', () => {
    const el = draw({ focus: { id: 'lonely', depth: 1 }, showOrphans: false, domains: ['governance'] });
    expect(nodeIds(el)).toEqual(['lonely']);
  });

  it('reports a focus on an unknown pattern and draws the overview', () => {
    const el = draw({ focus: { id: 'nope', depth: 2 } });
    expect(el.focus?.found).toBe(false);
    expect(el.nodes).toHaveLength(6);
  });
});

describe('toElements: how it is drawn', () => {
  it('curated links are solid, thicker with weight, with arrows for directed types only', () => {
    const el = draw();
    const byId = new Map(el.edges.map((e) => [e.id, e]));
    const comp = byId.get('c:hub:complementary:ally');
    const enables = byId.get('c:hub:enables:tool-x');
    expect(comp?.dashed).toBe(false);
    expect(comp?.arrow).toBe(false);
    expect(enables?.arrow).toBe(true);
    expect((comp?.width ?? 0) > (enables?.width ?? 0)).toBe(true);
    expect(comp?.color).not.toBe(enables?.color);
  });

  it('inferred links are dashed, fainter than curated ones, and fainter the lower their confidence', () => {
    const el = draw();
    const byId = new Map(el.edges.map((e) => [e.id, e]));
    const low = byId.get('i:ally:complementary:tool-x');
    const high = byId.get('i:hub:complementary:ally');
    expect(low?.dashed && high?.dashed).toBe(true);
    expect((low?.opacity ?? 1) < (high?.opacity ?? 0)).toBe(true);
    expect((high?.opacity ?? 1) < (byId.get('c:hub:complementary:ally')?.opacity ?? 0)).toBe(true);
    expect(high?.reason).toBe('hub and ally go together');
  });

  it('fans parallel links between the same two patterns into lanes', () => {
    const el = draw();
    const lanes = el.edges.filter((e) => [e.source, e.target].sort().join() === 'ally,hub').map((e) => e.lane);
    expect(lanes.sort()).toEqual([-0.5, 0.5]);
  });

  it('rings errors over warnings and grows nodes with their curated neighbours', () => {
    const el = draw();
    const hub = el.nodes.find((n) => n.id === 'hub');
    const ally = el.nodes.find((n) => n.id === 'ally');
    const lonely = el.nodes.find((n) => n.id === 'lonely');
    expect(hub?.ring).toBe('error');
    expect(hub?.classes).toContain('has-error');
    expect(ally?.ring).toBe('warning');
    expect(lonely?.ring).toBeUndefined();
    expect(hub?.degree).toBe(3);
    expect((hub?.size ?? 0) > (ally?.size ?? 0) && (ally?.size ?? 0) > (lonely?.size ?? 0)).toBe(true);
  });

  it('colours by the chosen field, the same way every time, and the key lists only fills on screen', () => {
    const a = draw({}, 'domain');
    const b = draw({}, 'domain');
    expect(a.nodes.map((n) => n.color)).toEqual(b.nodes.map((n) => n.color));
    const colour = (el: GraphElements, id: string) => el.nodes.find((n) => n.id === id)?.color;
    expect(colour(a, 'hub')).toBe(colour(a, 'ally'));
    expect(colour(a, 'hub')).not.toBe(colour(a, 'tool-x'));
    expect(a.colorKey.map((k) => k.value)).toEqual(['platform', 'governance']);
    const byStatus = draw({}, 'status');
    expect(colour(byStatus, 'ally')).toBe(colour(byStatus, 'tool-x'));
    expect(colour(byStatus, 'hub')).not.toBe(colour(byStatus, 'ally'));
    const onlyGov = draw({ domains: ['governance'] });
    expect(onlyGov.colorKey.map((k) => k.value)).toEqual(['governance']);
    expect(colour(onlyGov, 'hub')).toBe(colour(a, 'hub'));
  });

  it('does not change the model it is given', () => {
    const before = JSON.stringify(garden);
    draw({ focus: { id: 'hub', depth: 2 }, hiddenTypes: ['tools'] });
    expect(JSON.stringify(garden)).toBe(before);
  });
});
