import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { pruneInferredLinks } from './prune-inferred-links';
import { classifyInferredLinks, pruneInferredLinksByRules } from './prune-rules';
import { unifiedDiff } from './unified-diff';
import { openCorpus } from './testing/corpus-files';
import { frontMatterData, list, record } from './testing/front-matter-data';

const TODAY = '2026-03-01';

function garden(lastPruned: string, links: string): string {
  return [
    '---',
    'slug: self',
    'relationships:',
    '  enables:',
    '    - slug: a',
    '      weight: 0.9',
    '  complementary: [b]',
    'graph_garden:',
    `  last_pruned: ${lastPruned}`,
    '  entities: []',
    links,
    '---',
    'Body',
  ].join('\n');
}

const LINKS = [
  '  inferred_links:',
  '    - target: a', // already curated (enables)
  '      type: enables',
  '      confidence: 0.9',
  '    - target: a', // same target, other type: not a duplicate
  '      type: requires',
  '      confidence: 0.7',
  '    - target: b', // already curated (complementary, plain string entry)
  '      type: complementary',
  '      confidence: 0.8',
  '    - target: c',
  '      type: enabler', // unknown, even though it maps to `enables`
  '      confidence: 0.95',
  '    - target: self', // self-link
  '      type: tools',
  '      confidence: 0.75',
  '    - target: ghost', // missing target
  '      reason: shared entities',
  '      strength: 3',
].join('\n');

describe('pruneInferredLinks', () => {
  it('removes selected links by index and stamps last_pruned, keeping unquoted dates unquoted', () => {
    const r = pruneInferredLinks(garden('2026-02-19', LINKS), [1, 3], { today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.removed.map((l) => [l.target, l.type])).toEqual([
      ['a', 'requires'],
      ['c', 'enabler'],
    ]);
    expect(r.text).toContain('  last_pruned: 2026-03-01\n');
    const data = record(frontMatterData(r.text)['graph_garden']);
    expect(list(data['inferred_links']).map((l) => record(l)['target'])).toEqual(['a', 'b', 'self', 'ghost']);
  });

  it("keeps a single-quoted date single-quoted, and selects by predicate", () => {
    const r = pruneInferredLinks(garden("'2026-02-16'", LINKS), (l) => (l.confidence ?? 1) < 0.8, { today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain("  last_pruned: '2026-03-01'\n");
    expect(r.removed.map((l) => l.index)).toEqual([1, 4]);
  });

  it('returns the text unchanged, without a stamp, when nothing is selected', () => {
    const text = garden('2026-02-19', LINKS);
    const r = pruneInferredLinks(text, () => false, { today: TODAY });
    expect(r).toMatchObject({ ok: true, text, changes: [] });
    expect(pruneInferredLinks(text, [99], { today: TODAY })).toMatchObject({ ok: true, text, changes: [] });
  });

  it('turns an emptied list into `inferred_links: []` and adds a missing stamp', () => {
    const text = garden('2026-02-19', LINKS).replace('  last_pruned: 2026-02-19\n', '');
    const r = pruneInferredLinks(text, () => true, { today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe(
      ['---', 'slug: self', 'relationships:', '  enables:', '    - slug: a', '      weight: 0.9', '  complementary: [b]', 'graph_garden:', '  last_pruned: 2026-03-01', '  entities: []', '  inferred_links: []', '---', 'Body'].join('\n'),
    );
  });

  it('refuses a bad date and unparsable files', () => {
    expect(pruneInferredLinks(garden('2026-02-19', LINKS), [0], { today: '2026-02-30' })).toMatchObject({ ok: false });
    expect(pruneInferredLinks('---\nx: [\n---\n', [0], { today: TODAY })).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid YAML/) });
    expect(pruneInferredLinks('---\na: 1\na: 2\n---\n', [0], { today: TODAY })).toMatchObject({ ok: false, reason: expect.stringMatching(/repeats the key `a`/) });
  });
});

describe('classifyInferredLinks and pruneInferredLinksByRules', () => {
  it('applies every rule, comparing raw types for already-curated', () => {
    const r = classifyInferredLinks(garden('2026-02-19', LINKS), { existingSlugs: new Set(['a', 'b', 'c', 'self']), minConfidence: 0.8 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.links.map((c) => [c.link.target, c.rules])).toEqual([
      ['a', ['already-curated']],
      ['a', ['below-confidence']],
      ['b', ['already-curated']],
      ['c', ['unknown-type']],
      ['self', ['self-link', 'below-confidence']],
      ['ghost', ['missing-target', 'unknown-type']],
    ]);
  });

  it('counts each removed link once, under the first selected rule', () => {
    const r = pruneInferredLinksByRules(garden('2026-02-19', LINKS), {
      rules: ['already-curated', 'unknown-type', 'self-link', 'missing-target'],
      existingSlugs: new Set(['a', 'b', 'c', 'self']),
      today: TODAY,
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.removedPerRule).toEqual({ 'self-link': 1, 'missing-target': 1, 'unknown-type': 1, 'already-curated': 2, 'below-confidence': 0, 'previously-pruned': 0 });
    expect(record(frontMatterData(r.text)['graph_garden'])['inferred_links']).toEqual([{ target: 'a', type: 'requires', confidence: 0.7 }]);
  });

  it('refuses an unknown rule name', () => {
    expect(pruneInferredLinksByRules(garden('2026-02-19', LINKS), { rules: ['nonsense' as 'self-link'], today: TODAY })).toMatchObject({ ok: false });
  });
});

const corpus = openCorpus(fs, process.cwd(), process.env['CI']);

describe('pruning a real corpus file', () => {
  it.skipIf(!corpus.available && !corpus.required)('changes only the removed duplicate lines and the last_pruned line (git diff view)', () => {
    const name = 'able-bodied-privilege-recognition.md';
    const before = corpus.read(name);
    const r = pruneInferredLinksByRules(before, { rules: ['already-curated'], today: TODAY });
    if (!r.ok) throw new Error(r.reason);
    expect(r.removed.map((x) => x.link.target)).toEqual(['accountability-without-shame', 'administrative-advocacy', 'active-listening-depth', 'adversarial-growth']);
    const diff = unifiedDiff(name, before, r.text, { context: 0 });
    const minus = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
    const plus = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(plus).toEqual(['+  last_pruned: 2026-03-01']);
    expect(minus[0]).toBe('-  last_pruned: 2026-02-19');
    // Every other removed line belongs to one of the four removed entries, four lines each.
    expect(minus.slice(1)).toHaveLength(16);
    for (const line of minus.slice(1)) expect(line).toMatch(/^- {4}- target: |^- {6}(type|confidence|reason): /);
    for (const target of r.removed.map((x) => x.link.target)) expect(minus).toContain(`-    - target: ${target}`);
    // The kept links and every banner line are untouched.
    expect(r.text).toContain('    - target: accent-acceptance\n');
    expect(r.text.split('\n').filter((l) => l.startsWith('# ')).length).toBe(before.split('\n').filter((l) => l.startsWith('# ')).length);
  });
});
