/**
 * Property tests over generated pattern files: whatever the layout (indentation
 * 2/4, flush or indented dashes, CRLF, BOM, no final newline, comments inside
 * lists, flow lists, quoting), each edit changes exactly the intended data
 * (checked by re-reading both texts with js-yaml) and only the bytes of the
 * region it must touch.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalRelationshipType, DEFAULT_SCHEMA } from '../schema/schema';
import { promoteInferredLink } from './promote-inferred-link';
import { pruneInferredLinks } from './prune-inferred-links';
import { addRelationship, removeRelationship, retypeRelationship, reweightRelationship } from './curated-relationship-edits';
import { builtFileArb, TYPES, type BuiltFile, type RelType } from './testing/pattern-file-builder';
import { clone, frontMatterData, list, record, type Data } from './testing/front-matter-data';
import {
  expectCommentsKept,
  expectReplays,
  expectStyleKept,
  expectWithin,
  gardenRegion,
  openOrThrow,
  relationshipsInsertionRegion,
  topRegion,
} from './testing/edit-checks';

const RUNS = 250;
const TODAY = '2026-03-01';

/** Does a curated entry (as data) point at `slug`? Mirrors the three corpus shapes. */
function refersTo(entry: unknown, slug: string): boolean {
  if (typeof entry === 'string') return entry === slug;
  if (!entry || typeof entry !== 'object') return false;
  const e = entry as Data;
  if ('slug' in e) return e['slug'] === slug;
  return e['id'] === slug;
}

function relationshipsOf(data: Data): Data {
  if (data['relationships'] === null || data['relationships'] === undefined) data['relationships'] = {};
  return record(data['relationships']);
}

function curatedRegions(built: BuiltFile): ReturnType<typeof topRegion>[] {
  const doc = openOrThrow(built.text);
  return [topRegion(doc, 'relationships') ?? relationshipsInsertionRegion(doc)];
}

function expectNewEntry(data: Record<string, string | number> | undefined, slug: string, weight: number): Record<string, string | number> {
  expect(data).toBeDefined();
  const entry = data as Record<string, string | number>;
  const holder = 'slug' in entry ? 'slug' : 'id';
  expect(Object.keys(entry).sort()).toEqual([holder, 'weight'].sort());
  expect(entry[holder]).toBe(slug);
  expect(entry['weight']).toBe(weight);
  return entry;
}

function commonChecks(built: BuiltFile, result: { text: string; changes: readonly { start: number; end: number; newText: string }[] }): void {
  expectReplays(built.text, result);
  expectStyleKept(built.text, result.text);
  expectCommentsKept(built.text, result.text, built.comments);
  // No text turned into a comment line (a `#` inside a folded reason is not a comment).
  for (const line of result.text.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) expect(line.trim()).toMatch(/^# (note \d+ - keep me|═+|GROUP \d: .*)$/);
  }
}

describe('edits on generated files', () => {
  it('promote adds exactly one curated entry and removes exactly one inferred link', () => {
    const typeArb = fc.option(fc.constantFrom<string>(...TYPES, 'enabler', 'bogus'), { nil: undefined, freq: 2 });
    const weightArb = fc.option(fc.integer({ min: 40, max: 100 }).map((n) => n / 100), { nil: undefined, freq: 2 });
    fc.assert(
      fc.property(builtFileArb, fc.nat(), typeArb, weightArb, (built, pick, typeOverride, weightOverride) => {
        const links = built.spec.inferred;
        const index = pick % links.length;
        const link = links[index] as (typeof links)[number];
        const r = promoteInferredLink(built.text, { target: link.target, index, type: typeOverride, weight: weightOverride });
        const rawType = typeOverride ?? link.type;
        const type = rawType === undefined ? undefined : canonicalRelationshipType(DEFAULT_SCHEMA, rawType);
        const weight = weightOverride ?? link.confidence;
        if (type === undefined || weight === undefined) {
          expect(r.ok).toBe(false);
          return;
        }
        if (!r.ok) throw new Error(r.reason);
        commonChecks(built, r);
        const doc = openOrThrow(built.text);
        expectWithin(r.changes, [...curatedRegions(built), gardenRegion(doc, 'inferred_links')]);

        const before = frontMatterData(built.text);
        const expected = clone(before);
        list(record(expected['graph_garden'])['inferred_links']).splice(index, 1);
        const rel = relationshipsOf(expected);
        const current = Array.isArray(rel[type]) ? (rel[type] as unknown[]) : [];
        const already = current.some((e) => refersTo(e, link.target));
        expect(r.promotion.alreadyCurated).toBe(already);
        if (!already) rel[type] = [...current, expectNewEntry(r.promotion.added?.data, link.target, weight)];
        if (Object.keys(rel).length === 0 && before['relationships'] === null) expected['relationships'] = null;
        expect(frontMatterData(r.text)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('prune removes exactly the selected links and stamps last_pruned in the file\'s quoting', () => {
    fc.assert(
      fc.property(builtFileArb, fc.array(fc.nat(), { maxLength: 6 }), (built, picks) => {
        const n = built.spec.inferred.length;
        const indices = [...new Set(picks.map((p) => p % n))];
        const r = pruneInferredLinks(built.text, indices, { today: TODAY });
        if (!r.ok) throw new Error(r.reason);
        if (indices.length === 0) {
          expect(r.text).toBe(built.text);
          return;
        }
        commonChecks(built, r);
        const doc = openOrThrow(built.text);
        expectWithin(r.changes, [gardenRegion(doc, 'inferred_links'), gardenRegion(doc, 'last_pruned')]);
        const expected = clone(frontMatterData(built.text));
        const garden = record(expected['graph_garden']);
        garden['last_pruned'] = TODAY;
        garden['inferred_links'] = list(garden['inferred_links']).filter((_l, i) => !indices.includes(i));
        expect(frontMatterData(r.text)).toEqual(expected);
        const stamp = built.spec.lastPrunedQuote === 'single' ? `last_pruned: '${TODAY}'` : `last_pruned: ${TODAY}`;
        expect(r.text).toMatch(new RegExp(`\\n {${built.spec.step}}${stamp}\\r?\\n`));
      }),
      { numRuns: RUNS },
    );
  });

  const curatedOp = fc.record({
    op: fc.constantFrom('add', 'remove', 'reweight', 'retype'),
    pick: fc.nat(),
    to: fc.constantFrom<RelType>(...TYPES),
    slug: fc.constantFrom('alpha', 'eta', 'new-one'),
    weight: fc.integer({ min: 40, max: 100 }).map((n) => n / 100),
  });

  it('curated add, remove, reweight and retype change exactly their entries', () => {
    fc.assert(
      fc.property(builtFileArb, curatedOp, (built, o) => {
        const before = frontMatterData(built.text);
        const expected = clone(before);
        const rel = relationshipsOf(expected);
        const present = Object.entries(rel).flatMap(([type, entries]) =>
          (Array.isArray(entries) ? entries : []).map((e) => ({ type, slug: typeof e === 'string' ? e : String(record(e)['slug'] ?? record(e)['id']) })),
        );
        const chosen = present[o.pick % Math.max(1, present.length)];
        let result;
        if (o.op === 'add' || !chosen) {
          result = addRelationship(built.text, { type: o.to, slug: o.slug, weight: o.weight });
          if (!result.ok) throw new Error(result.reason);
          const current = Array.isArray(rel[o.to]) ? (rel[o.to] as unknown[]) : [];
          if (!current.some((e) => refersTo(e, o.slug))) rel[o.to] = [...current, expectNewEntry(result.added?.data, o.slug, o.weight)];
        } else if (o.op === 'remove') {
          result = removeRelationship(built.text, chosen);
          rel[chosen.type] = list(rel[chosen.type]).filter((e) => !refersTo(e, chosen.slug));
        } else if (o.op === 'reweight') {
          result = reweightRelationship(built.text, { ...chosen, weight: o.weight });
          rel[chosen.type] = list(rel[chosen.type]).map((e) =>
            !refersTo(e, chosen.slug) ? e : typeof e === 'string' ? { slug: e, weight: o.weight } : { ...record(e), weight: o.weight },
          );
        } else {
          result = retypeRelationship(built.text, { slug: chosen.slug, from: chosen.type, to: o.to });
          if (o.to !== chosen.type) {
            const moved = list(rel[chosen.type]).filter((e) => refersTo(e, chosen.slug));
            rel[chosen.type] = list(rel[chosen.type]).filter((e) => !refersTo(e, chosen.slug));
            const target = Array.isArray(rel[o.to]) ? (rel[o.to] as unknown[]) : [];
            if (!target.some((e) => refersTo(e, chosen.slug))) rel[o.to] = [...target, moved[0]];
          }
        }
        if (!result.ok) throw new Error(result.reason);
        if (Object.keys(rel).length === 0 && before['relationships'] === null) expected['relationships'] = null;
        commonChecks(built, result);
        expectWithin(result.changes, curatedRegions(built));
        expect(frontMatterData(result.text)).toEqual(expected);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
