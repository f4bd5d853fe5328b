/**
 * The graph view in Chromium against browser mode, on a temporary copy of the
 * sample vault with the file watcher on. What is drawn is compared with the
 * pure view model (`toElements`) for the same filters, so a test fails when
 * the controls, the wiring or the painter disagree with the model; edits are
 * compared with the pure edit functions. Screenshots land in test-results/graph/.
 */
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestVault, REPO_ROOT, type TestVault } from '../server/test-vault';
import { CHROMIUM, startGraphRig, until, type GraphPage, type GraphRig } from './graph-page';
import { patternText } from '../builders/pattern-builder';
import { toElements } from '../../shared/graph/graph-view-model';
import { DEFAULT_FILTERS, withTypeShown, type GraphFilters } from '../../shared/graph/graph-filters';
import { promoteInferredLink } from '../../shared/edits/promote-inferred-link';
import type { GraphModel } from '../../shared/vault/graph-model';

const SHOTS = join(REPO_ROOT, 'test-results', 'graph');

describe.skipIf(!CHROMIUM)('the graph view in Chromium', () => {
  let vault: TestVault;
  let rig: GraphRig;
  const pages: GraphPage[] = [];
  const disk = (path: string) => readFile(join(vault.root, path), 'utf8');
  const shot = (p: GraphPage, name: string) => p.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const newPage = async () => {
    const p = await rig.newPage();
    pages.push(p);
    return p;
  };
  const expected = async (filters: GraphFilters) => {
    const graph: GraphModel = await vault.service.getGraph({});
    const el = toElements(graph, filters, { colorBy: 'domain' });
    return { nodes: el.nodes.map((n) => n.id).sort(), edges: el.edges.map((e) => e.id).sort() };
  };
  const drawn = async (p: GraphPage) => ({ nodes: (await p.nodeIds()).sort(), edges: (await p.edgeIds()).sort() });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    vault = await openTestVault({ watch: true });
    rig = await startGraphRig(vault.service);
  }, 120_000);

  afterAll(async () => {
    for (const p of pages) expect(p.consoleErrors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
    await rig?.close();
    await vault?.cleanup();
  });

  it('draws what the view model says, and each filter changes it accordingly', async () => {
    const p = await newPage();
    expect(await drawn(p)).toEqual(await expected(DEFAULT_FILTERS));
    await shot(p, '1-overview');

    let filters: GraphFilters = { ...DEFAULT_FILTERS, minConfidence: 0.7 };
    await p.page.locator('[data-testid=min-confidence]').fill('0.7');
    await until('the 0.7 threshold', async () => JSON.stringify(await drawn(p)) === JSON.stringify(await expected(filters)));
    const withInferred = await p.edges();
    expect(withInferred.some((e) => e.kind === 'inferred' && e.dashed)).toBe(true);
    expect(withInferred.every((e) => e.dashed === (e.kind === 'inferred'))).toBe(true);
    await shot(p, '2-threshold-0.7');

    const steps: Array<[string, (f: GraphFilters) => GraphFilters]> = [
      ['show-ghosts', (f) => ({ ...f, showGhosts: false })],
      ['type-complementary', (f) => withTypeShown(f, 'complementary', false)],
      ['show-inferred', (f) => ({ ...f, showInferred: false })],
      ['show-orphans', (f) => ({ ...f, showOrphans: false })],
    ];
    for (const [testId, change] of steps) {
      const before = await drawn(p);
      filters = change(filters);
      await p.toggle(testId);
      const want = await expected(filters);
      await until(`the ${testId} toggle`, async () => JSON.stringify(await drawn(p)) === JSON.stringify(want));
      expect(want).not.toEqual(before);
    }
    await shot(p, '3-filtered');

    await p.page.locator('[data-testid=filter-domain]').selectOption(['engineering']);
    filters = { ...filters, domains: ['engineering'] };
    const want = await expected(filters);
    await until('the domain filter', async () => JSON.stringify(await drawn(p)) === JSON.stringify(want));
    expect(want.nodes.length).toBeGreaterThan(2);
  });

  it('search by title or alias selects the top hit and brings it into view', async () => {
    const p = await newPage();
    await p.page.keyboard.press('/');
    await p.page.keyboard.type('retro');
    await p.page.keyboard.press('Enter');
    await until('the selection', async () => (await p.selectedId()) === 'retrospective');
    expect(await p.hash()).toBe('#/pattern/retrospective');
    await expect(p.page.locator('[data-testid=pattern-detail] h2').textContent()).resolves.toBe('retrospective.md');
    // The view zooms to the hit (a short animation): labels are readable.
    await until('the zoom to the hit', async () => (await p.page.evaluate(() => window.__trellisGraph?.zoom() ?? 0)) >= 1);
    await shot(p, '4-search');
  });

  it('a click selects a pattern and opens it in the detail pane; back and forward walk the path', async () => {
    const p = await newPage();
    await p.clickNode('feature-flags');
    await until('feature-flags selected', async () => (await p.selectedId()) === 'feature-flags');
    await expect(p.page.locator('[data-testid=pattern-detail] h2').textContent()).resolves.toBe('feature-flags.md');
    await p.clickNode('dark-launch');
    await until('dark-launch selected', async () => (await p.selectedId()) === 'dark-launch');
    expect(await p.hash()).toBe('#/pattern/dark-launch');
    await p.page.goBack();
    await until('back to feature-flags', async () => (await p.selectedId()) === 'feature-flags');
    await p.page.goForward();
    await until('forward to dark-launch', async () => (await p.selectedId()) === 'dark-launch');
  });

  it('focus shows a neighbourhood in its own layout; the overview comes back where it was', async () => {
    const p = await newPage();
    const ids = await p.nodeIds();
    const before = new Map(await Promise.all(ids.map(async (id) => [id, await p.positionOf(id)] as const)));
    await p.clickNode('feature-flags');
    await until('feature-flags selected', async () => (await p.selectedId()) === 'feature-flags');
    await p.page.click('button:has-text("Focus")');
    const want = await expected({ ...DEFAULT_FILTERS, focus: { id: 'feature-flags', depth: 1 } });
    await until('the neighbourhood', async () => JSON.stringify(await drawn(p)) === JSON.stringify(want));
    expect(await p.hash()).toBe('#/pattern/feature-flags/focus/1');
    expect((await p.positionOf('feature-flags'))?.x).toBeCloseTo(0, 5);
    await shot(p, '5-focus');
    await p.page.click('button[aria-label="Focus depth 2"]');
    const deeper = await expected({ ...DEFAULT_FILTERS, focus: { id: 'feature-flags', depth: 2 } });
    await until('depth 2', async () => JSON.stringify(await drawn(p)) === JSON.stringify(deeper));
    expect(deeper.nodes.length).toBeGreaterThan(want.nodes.length);
    await p.page.goBack();
    await p.page.goBack();
    await until('the overview', async () => (await p.nodeIds()).length === ids.length);
    for (const id of ids) expect(await p.positionOf(id)).toEqual(before.get(id));
  });

  it('hovering an inferred link tells its type, confidence and reason', async () => {
    const p = await newPage();
    await p.page.locator('[data-testid=min-confidence]').fill('0.7');
    await p.page.goto(`${p.page.url().split('#')[0]}#/pattern/retrospective/focus/1`);
    const edge = await until('an inferred link from retrospective', async () => (await p.edges()).find((e) => e.kind === 'inferred' && e.source === 'retrospective' && e.target === 'wip-limits'));
    await p.hoverEdge(edge.id);
    const tip = p.page.locator('[data-testid=graph-tooltip]');
    await tip.waitFor({ timeout: 5_000 });
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('Inferred');
    expect(text).toContain('complementary');
    expect(text).toContain('confidence 0.72');
    await shot(p, '6-tooltip');
  });

  it('promotes an inferred link from its context menu: the file changes by exactly the promotion, the dashed link turns solid', async () => {
    const p = await newPage();
    await p.page.locator('[data-testid=min-confidence]').fill('0.7');
    await p.page.click('[data-testid=graph-search]');
    await p.page.keyboard.type('retrospective');
    await p.page.keyboard.press('Enter');
    await p.page.click('button:has-text("Focus")');
    const edge = await until('the inferred link to wip-limits', async () => (await p.edges()).find((e) => e.kind === 'inferred' && e.source === 'retrospective' && e.target === 'wip-limits'));
    const before = await disk('retrospective.md');
    await p.rightClickEdge(edge.id);
    const menu = p.page.locator('[data-testid=graph-menu]');
    await menu.waitFor({ timeout: 5_000 });
    expect(await menu.textContent()).toContain('WIP Limits');
    await shot(p, '7-menu');
    await menu.locator('button', { hasText: 'Promote' }).click();
    await menu.locator('button', { hasText: 'complementary' }).first().click();
    const after = await until('the file to change', async () => {
      const text = await disk('retrospective.md');
      return text !== before ? text : undefined;
    });
    const promoted = promoteInferredLink(before, { target: 'wip-limits', type: 'complementary' });
    expect(promoted.ok).toBe(true);
    if (promoted.ok) expect(after).toBe(promoted.text);
    const solid = await until('a solid curated link', async () =>
      (await p.edges()).find((e) => e.kind === 'curated' && e.source === 'retrospective' && e.target === 'wip-limits' && e.category === 'complementary'),
    );
    expect(solid.dashed).toBe(false);
    expect((await p.edges()).some((e) => e.kind === 'inferred' && e.source === 'retrospective' && e.target === 'wip-limits')).toBe(false);
    await p.page.locator('[data-testid=graph-toast]').waitFor();
    await shot(p, '8-promoted');
  });

  it("keeps the curator's arrangement in the vault: a dragged node is where it was left in a fresh browser profile", async () => {
    const first = await newPage();
    const id = 'retrospective';
    const from = await first.page.evaluate((n) => window.__trellisGraph?.clientPositionOf(n), id);
    if (!from) throw new Error(`${id} is not drawn`);
    const modelBefore = await first.positionOf(id);
    await first.page.mouse.move(from.x, from.y);
    await first.page.mouse.down();
    await first.page.mouse.move(from.x + 60, from.y + 45, { steps: 6 });
    await first.page.mouse.up();
    const moved = await first.positionOf(id);
    expect(Math.hypot((moved?.x ?? 0) - (modelBefore?.x ?? 0), (moved?.y ?? 0) - (modelBefore?.y ?? 0))).toBeGreaterThan(10);
    // The vault's own copy, on disk, gets the new place.
    const stored = join(vault.root, '.trellis', 'cache', 'view', 'graph-positions.json');
    await until(
      'the positions in the vault',
      async () => {
        const raw = await readFile(stored, 'utf8').catch(() => '');
        if (!raw) return false;
        const { ids, xy } = JSON.parse(raw) as { ids: string[]; xy: number[] };
        const i = ids.indexOf(id);
        return i >= 0 && Math.abs((xy[2 * i] as number) - (moved?.x ?? 0)) < 0.2 && Math.abs((xy[2 * i + 1] as number) - (moved?.y ?? 0)) < 0.2;
      },
      10_000,
    );
    // A new browser context has an empty localStorage, as a new browser-mode port (origin) does.
    const second = await newPage();
    await until('the stored place', async () => {
      const p = await second.positionOf(id);
      return Math.abs((p?.x ?? 0) - (moved?.x ?? 0)) < 0.2 && Math.abs((p?.y ?? 0) - (moved?.y ?? 0)) < 0.2;
    });
  });

  it('a file written from outside appears in place, next to its neighbours, and nothing else moves', async () => {
    const p = await newPage();
    const ids = await p.nodeIds();
    const before = new Map(await Promise.all(ids.map(async (id) => [id, await p.positionOf(id)] as const)));
    await writeFile(
      join(vault.root, 'review-rituals.md'),
      patternText({ slug: 'review-rituals', relationships: { complementary: [{ slug: 'retrospective', weight: 0.8 }, { slug: 'blameless-postmortem', weight: 0.7 }] } }),
    );
    await until('the new pattern', async () => (await p.nodeIds()).includes('review-rituals'), 20_000);
    for (const id of ids) expect(await p.positionOf(id)).toEqual(before.get(id));
    const added = await p.positionOf('review-rituals');
    const near = await p.positionOf('retrospective');
    const spread = Math.max(...ids.map((id) => Math.hypot((before.get(id)?.x ?? 0) - (near?.x ?? 0), (before.get(id)?.y ?? 0) - (near?.y ?? 0))));
    expect(Math.hypot((added?.x ?? 0) - (near?.x ?? 0), (added?.y ?? 0) - (near?.y ?? 0))).toBeLessThan(spread);
    expect((await p.edges()).some((e) => e.source === 'review-rituals' && e.target === 'retrospective' && !e.dashed)).toBe(true);
    await shot(p, '9-external-edit');
  });
});
