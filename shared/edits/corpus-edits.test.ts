/**
 * The guarantees, checked on every file of the real corpus (read-only: edits
 * are pure, nothing is written). Skipped when the corpus is absent, except
 * under CI, where its absence fails the run.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { canonicalRelationshipType, DEFAULT_SCHEMA } from '../schema/schema';
import { applyChanges, invertChanges } from './edit-result';
import { openPatternDocument, type PatternDocument } from './pattern-document';
import { pruneInferredLinks } from './prune-inferred-links';
import { pruneInferredLinksByRules } from './prune-rules';
import { promoteInferredLink } from './promote-inferred-link';
import { previewRulePrune } from './batch-preview';
import { readInferred, readCurated, patternSlug } from './relationship-model';
import { renamePattern } from './rename-pattern';
import { unifiedDiff } from './unified-diff';
import { openCorpus } from './testing/corpus-files';
import { clone, frontMatterData, list, record } from './testing/front-matter-data';
import { commentLines, expectReplays, expectWithin, gardenRegion, topRegion } from './testing/edit-checks';

const TODAY = '2026-03-01';
const corpus = openCorpus(fs, process.cwd(), process.env['CI']);
const run = it.skipIf(!corpus.available && !corpus.required);

interface CorpusFile {
  name: string;
  text: string;
  doc: PatternDocument | undefined;
  refusal?: string;
}

let cache: CorpusFile[] | undefined;
function files(): CorpusFile[] {
  if (!cache) {
    if (corpus.required) expect(corpus.available, `the corpus must exist at ${corpus.dir} under CI`).toBe(true);
    cache = corpus.names.map((name) => {
      const text = corpus.read(name);
      const opened = openPatternDocument(text);
      return opened.ok ? { name, text, doc: opened.doc } : { name, text, doc: undefined, refusal: opened.reason };
    });
  }
  return cache;
}

function v71WithLinks(): Array<CorpusFile & { doc: PatternDocument }> {
  return files().filter((f): f is CorpusFile & { doc: PatternDocument } => f.doc !== undefined && readInferred(f.doc).links.length > 0);
}

describe('the real corpus', () => {
  run('loads and saves every file byte for byte; only the two broken files are refused', () => {
    const all = files();
    expect(all.length).toBe(corpus.names.length);
    if (corpus.required) expect(all.length).toBe(3616);
    for (const f of all) {
      if (!f.doc) continue;
      expect(f.doc.text).toBe(f.text);
      expect(applyChanges(f.text, [])).toBe(f.text);
      const noop = pruneInferredLinks(f.doc, [], { today: TODAY });
      expect(noop.ok && noop.text === f.text && noop.changes.length === 0, f.name).toBe(true);
    }
    const refused = all.filter((f) => !f.doc);
    expect(refused.map((f) => f.name)).toEqual(['animal-communication-practice.md', 'animal-relationship-ethics.md']);
    for (const f of refused) expect(f.refusal).toMatch(/not valid YAML \(line \d+, column \d+/);
  });

  run('undoes a prune of every inferred link of every file back to the original bytes', () => {
    for (const f of v71WithLinks()) {
      const r = pruneInferredLinks(f.doc, () => true, { today: TODAY });
      if (!r.ok) throw new Error(`${f.name}: ${r.reason}`);
      expect(applyChanges(r.text, invertChanges(f.text, r.changes)), f.name).toBe(f.text);
    }
  });

  run('prunes already-curated links in every file changing exactly those entries and the stamp', () => {
    let removed = 0;
    for (const f of v71WithLinks()) {
      const r = pruneInferredLinksByRules(f.doc, { rules: ['already-curated'], today: TODAY });
      if (!r.ok) throw new Error(`${f.name}: ${r.reason}`);
      if (r.removed.length === 0) {
        expect(r.text).toBe(f.text);
        continue;
      }
      removed += r.removed.length;
      expectReplays(f.text, r);
      expectWithin(r.changes, [gardenRegion(f.doc, 'inferred_links'), gardenRegion(f.doc, 'last_pruned')]);
      expect(commentLines(r.text)).toEqual(commentLines(f.text));
      const expected = clone(frontMatterData(f.text));
      const garden = record(expected['graph_garden']);
      const gone = new Set(r.removed.map((x) => x.link.index));
      garden['inferred_links'] = list(garden['inferred_links']).filter((_l, i) => !gone.has(i));
      garden['last_pruned'] = TODAY;
      expect(frontMatterData(r.text), f.name).toEqual(expected);
      // Line view: only whole removed lines, plus the stamp line replaced.
      const diff = unifiedDiff(f.name, f.text, r.text, { context: 0 });
      const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
      expect(added.length, f.name).toBeLessThanOrEqual(2);
      for (const line of added) expect(line).toMatch(/^\+ {2}(last_pruned: '?2026-03-01'?|inferred_links: \[\])$/);
    }
    if (corpus.required) expect(removed).toBeGreaterThan(8000);
  });

  run('promotes random inferred links of 200 sampled files, adding and removing exactly one entry', () => {
    const pool = v71WithLinks();
    const typeArb = fc.option(fc.constantFrom<string>(...DEFAULT_SCHEMA.relationships.types, 'enabler'), { nil: undefined, freq: 2 });
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.nat(), typeArb, (f, pick, typeOverride) => {
        const links = readInferred(f.doc).links;
        const link = links[pick % links.length] as (typeof links)[number];
        if (link.target === undefined) return;
        const r = promoteInferredLink(f.doc, { target: link.target, index: link.index, type: typeOverride });
        const raw = typeOverride ?? link.type;
        const type = raw === undefined ? undefined : canonicalRelationshipType(DEFAULT_SCHEMA, raw);
        if (type === undefined || link.confidence === undefined || link.target === patternSlug(f.doc)) {
          expect(r.ok).toBe(false);
          return;
        }
        if (!r.ok) throw new Error(`${f.name}: ${r.reason}`);
        expectReplays(f.text, r);
        expectWithin(r.changes, [topRegion(f.doc, 'relationships'), gardenRegion(f.doc, 'inferred_links')]);
        expect(commentLines(r.text)).toEqual(commentLines(f.text));
        const expected = clone(frontMatterData(f.text));
        list(record(expected['graph_garden'])['inferred_links']).splice(link.index, 1);
        const rel = record(expected['relationships']);
        const curated = readCurated(f.doc).lists.find((l) => l.type === type);
        const already = curated?.entries.some((e) => e.slug === link.target) ?? false;
        expect(r.promotion.alreadyCurated).toBe(already);
        if (!already) rel[type] = [...(Array.isArray(rel[type]) ? (rel[type] as unknown[]) : []), r.promotion.added?.data];
        expect(r.promotion.added?.data ?? {}).toMatchObject(already ? {} : { weight: link.confidence });
        expect(frontMatterData(r.text), f.name).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  run('prunes random subsets of the inferred links of 200 sampled files, touching only those entries and the stamp', () => {
    const pool = v71WithLinks();
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (f, picks) => {
        const n = readInferred(f.doc).links.length;
        const chosen = new Set(picks.map((p) => p % n));
        const r = pruneInferredLinks(f.doc, [...chosen], { today: TODAY });
        if (!r.ok) throw new Error(`${f.name}: ${r.reason}`);
        expectReplays(f.text, r);
        expectWithin(r.changes, [gardenRegion(f.doc, 'inferred_links'), gardenRegion(f.doc, 'last_pruned')]);
        expect(commentLines(r.text)).toEqual(commentLines(f.text));
        const expected = clone(frontMatterData(f.text));
        const garden = record(expected['graph_garden']);
        garden['inferred_links'] = list(garden['inferred_links']).filter((_l, i) => !chosen.has(i));
        garden['last_pruned'] = TODAY;
        expect(frontMatterData(r.text), f.name).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  run('renames a pattern across the whole vault, rewriting every reference and nothing else', () => {
    const vault = new Map(files().map((f) => [f.name, f.text]));
    // The most referenced v7.1 slug makes the strongest case.
    const counts = new Map<string, number>();
    for (const f of v71WithLinks()) for (const l of readInferred(f.doc).links) if (l.target) counts.set(l.target, (counts.get(l.target) ?? 0) + 1);
    const existing = new Set(files().flatMap((f) => (f.doc ? [patternSlug(f.doc)] : [])));
    const [from] = [...counts].filter(([s]) => existing.has(s)).sort((a, b) => b[1] - a[1])[0] as [string, number];
    const r = renamePattern(vault, { from, to: 'renamed-for-the-test' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.edits.size).toBeGreaterThan(10);
    for (const [name, e] of r.edits) {
      const before = vault.get(name) as string;
      expectReplays(before, e);
      for (const c of e.changes) expect(before.slice(c.start, c.end).replace(/['"]/g, '')).toBe(from);
      const after = openPatternDocument(e.text);
      if (!after.ok) throw new Error(after.reason);
      expect(readInferred(after.doc).links.some((l) => l.target === from)).toBe(false);
      expect(readCurated(after.doc).lists.some((l) => l.entries.some((x) => x.slug === from))).toBe(false);
    }
  });

  run('previews a rule-based prune of the whole vault quickly', () => {
    const texts = files().map((f) => [f.name, f.text] as const);
    const slugs = new Set(corpus.names.map((n) => n.replace(/\.md$/, '')));
    const started = performance.now();
    const preview = previewRulePrune(texts, { rules: ['already-curated', 'missing-target', 'self-link', 'unknown-type'], existingSlugs: slugs, today: TODAY }, { diffs: true });
    const elapsed = performance.now() - started;
    expect(preview.refused.map((x) => x.path)).toEqual(['animal-communication-practice.md', 'animal-relationship-ethics.md']);
    if (corpus.required) expect(preview.summary.files).toBeGreaterThan(1500);
    for (const p of preview.previews.slice(0, 50)) expect(p.diff.startsWith(`--- a/${p.path}\n+++ b/${p.path}\n@@ `)).toBe(true);
    // Generous bound: this runs beside other test files on a 2-core machine.
    expect(elapsed).toBeLessThan(8000);
    console.info(`rule prune preview of ${texts.length} files: ${elapsed.toFixed(0)} ms, ${preview.summary.files} files change`, preview.summary.linksRemovedPerRule);
  });
});
