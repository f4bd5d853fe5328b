/**
 * The vault index re-validates incrementally: one file changes, only the
 * files whose findings can depend on it are reported as affected, and the
 * findings always equal those of a fresh load of the same texts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCHEMA } from '../schema/schema';
import { analyzeFile } from '../validation/analyze-file';
import type { Diagnostic } from '../validation/diagnostic';
import { buildVault, inferredLink, patternText as P, utf8Length, type CuratedSpec, type PatternOptions } from '../../test/builders/pattern-builder';
import type { VaultIndex } from './vault-index';

const rel = (slug: string, weight = 0.8): CuratedSpec => ({ slug, weight });
const analysis = (path: string, text: string) => analyzeFile({ path, text, byteLength: utf8Length(text) }, DEFAULT_SCHEMA);
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.path}:${d.span.line}:${d.span.column} ${d.severity} ${d.rule} ${d.message}`);
const rulesOf = (index: VaultIndex, path: string) => index.diagnostics(path).map((d) => d.rule);

/**
 * a enables b (b requires a back), c is complementary with a, e has an
 * inferred link to b, d stands alone.
 */
function sampleTexts(): Record<string, string> {
  return {
    'a.md': P({ slug: 'a', relationships: { enables: [rel('b')], complementary: [rel('c')] } }),
    'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }),
    'c.md': P({ slug: 'c', relationships: { complementary: [rel('a')] } }),
    'd.md': P({ slug: 'd' }),
    'e.md': P({ slug: 'e', inferred: [inferredLink('b', 'complementary')] }),
  };
}

describe('VaultIndex.update', () => {
  it('starts from a clean sample', () => {
    expect(show(buildVault(sampleTexts()).allDiagnostics())).toEqual([]);
  });

  it("makes a referrer's missing target disappear and reappear as a slug changes", () => {
    const texts = sampleTexts();
    texts['a.md'] = P({ slug: 'a', relationships: { enables: [rel('ledger')], complementary: [rel('c')] } });
    const index = buildVault(texts);
    expect(rulesOf(index, 'a.md')).toEqual(['relationship-target-missing']);
    expect(rulesOf(index, 'b.md')).toEqual(['relationship-missing-inverse']);

    // b now answers to the slug 'ledger' (and says so: its slug differs from its file name).
    const renamed = P({ slug: 'ledger', relationships: { requires: [rel('a')] } });
    // e links to b by name, so its findings may change too.
    expect(index.update(analysis('b.md', renamed))).toEqual(['a.md', 'b.md', 'e.md']);
    expect(rulesOf(index, 'a.md')).toEqual([]);
    expect(rulesOf(index, 'b.md')).toEqual(['slug-mismatch']);

    expect(index.update(analysis('b.md', texts['b.md'] as string))).toEqual(['a.md', 'b.md', 'e.md']);
    expect(show(index.diagnostics('a.md'))).toEqual([expect.stringMatching(/^a\.md:\d+:\d+ error relationship-target-missing enables → 'ledger': no pattern/)]);
    expect(rulesOf(index, 'b.md')).toEqual(['relationship-missing-inverse']);
  });

  it('reports only the edited file when nothing else can depend on it', () => {
    const index = buildVault(sampleTexts());
    expect(index.update(analysis('d.md', P({ slug: 'd', set: { 'lifecycle.status': 'stable' } })))).toEqual(['d.md']);
  });

  it('reports the edited file and every file linking to it, curated or inferred', () => {
    const index = buildVault(sampleTexts());
    // b stops listing a under requires: a's finding about the missing inverse changes.
    expect(index.update(analysis('b.md', P({ slug: 'b' })))).toEqual(['a.md', 'b.md', 'e.md']);
    expect(show(index.diagnostics('a.md'))).toEqual([expect.stringMatching(/ info relationship-missing-inverse 'b' does not list 'a' under requires$/)]);
  });

  it('reports the files that share a title or an id with the edited file', () => {
    const index = buildVault(sampleTexts());
    expect(index.update(analysis('d.md', P({ slug: 'd', title: 'B' })))).toEqual(['b.md', 'd.md']);
    expect(rulesOf(index, 'b.md')).toEqual(['duplicate-title']);
    const idOfC = index.facts('c.md')?.id as string;
    expect(index.update(analysis('d.md', P({ slug: 'd', id: idOfC })))).toEqual(['b.md', 'c.md', 'd.md']);
    expect(rulesOf(index, 'b.md')).toEqual([]);
    expect(rulesOf(index, 'c.md')).toEqual(['duplicate-id']);
  });

  it('adds a file that a link was waiting for', () => {
    const texts = sampleTexts();
    texts['d.md'] = P({ slug: 'd', relationships: { tools: [rel('ledger-tool')] } });
    const index = buildVault(texts);
    expect(rulesOf(index, 'd.md')).toEqual(['relationship-target-missing']);
    expect(index.update(analysis('tools/ledger-tool.md', P({ slug: 'ledger-tool' })))).toEqual(['d.md', 'tools/ledger-tool.md']);
    expect(rulesOf(index, 'd.md')).toEqual([]);
    expect(index.size).toBe(6);
  });
});

describe('VaultIndex.delete', () => {
  it('removes the file and reports the files that linked to it, which now point nowhere', () => {
    const index = buildVault(sampleTexts());
    expect(index.delete('b.md')).toEqual(['a.md', 'b.md', 'e.md']);
    expect(index.size).toBe(4);
    expect(index.diagnostics('b.md')).toEqual([]);
    expect(rulesOf(index, 'a.md')).toEqual(['relationship-target-missing']);
    expect(rulesOf(index, 'e.md')).toEqual(['inferred-target-missing']);
    expect(index.delete('b.md')).toEqual([]);
  });

  it('clears a duplicate when one of the two files goes', () => {
    const texts = sampleTexts();
    texts['d.md'] = P({ slug: 'd', title: 'B' });
    const index = buildVault(texts);
    expect(rulesOf(index, 'b.md')).toEqual(['duplicate-title']);
    expect(index.delete('d.md')).toEqual(['b.md', 'd.md']);
    expect(rulesOf(index, 'b.md')).toEqual([]);
  });
});

// ── Incremental results equal a fresh load ────────────────────────────────

const NAMES = ['a', 'b', 'c', 'd', 'e'] as const;
const TYPES = ['enables', 'requires', 'complementary', 'alternatives', 'tools'] as const;

/**
 * A file's identity and links. A slug is the file's own name or an alias only
 * this file can take (`alt-<name>`), so a link never resolves to two files:
 * when it does, the index checks the inverse on whichever file it indexed
 * first, and that order differs between a fresh load and updates. Titles and
 * ids do collide.
 */
const fileSpec = (name: string) =>
  fc.record({
    slug: fc.constantFrom(name, `alt-${name}`),
    title: fc.constantFrom('Alpha', 'Beta', `Title ${name}`),
    id: fc.constantFrom('pat_01h8x4e1gq7r9d1z2x3c4v5b6n', `pat_0${name.repeat(25)}`),
    curated: fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...NAMES, 'alt-a', 'alt-b', 'ghost')), { maxLength: 3 }),
    inferred: fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...NAMES, 'alt-c', 'phantom')), { maxLength: 2 }),
  });

type Spec = { slug: string; title: string; id: string; curated: Array<[string, string]>; inferred: Array<[string, string]> };

function specText(s: Spec): string {
  const relationships: PatternOptions['relationships'] = {};
  s.curated.forEach(([type, target], i) => (relationships[type] = [...(relationships[type] ?? []), rel(target, 0.5 + i / 10)]));
  return P({ slug: s.slug, title: s.title, id: s.id, relationships, inferred: s.inferred.map(([type, target]) => inferredLink(target, type)) });
}

const op = fc.oneof(
  fc.constantFrom(...NAMES).chain((name) => fileSpec(name).map((spec) => ({ kind: 'update' as const, name, spec }))),
  fc.constantFrom(...NAMES).map((name) => ({ kind: 'delete' as const, name })),
);

describe('incremental validation', () => {
  it('always equals a fresh load, and names every file whose findings changed', () => {
    fc.assert(
      fc.property(fc.tuple(...NAMES.map(fileSpec)), fc.array(op, { minLength: 1, maxLength: 8 }), (initial, ops) => {
        const texts = new Map<string, string>(NAMES.map((n, i) => [`${n}.md`, specText(initial[i] as Spec)]));
        const index = buildVault(Object.fromEntries(texts));
        for (const o of ops) {
          const path = `${o.name}.md`;
          const before = new Map(NAMES.map((n) => [`${n}.md`, show(index.diagnostics(`${n}.md`))]));
          let affected: string[];
          if (o.kind === 'update') {
            texts.set(path, specText(o.spec));
            affected = index.update(analysis(path, texts.get(path) as string));
          } else {
            texts.delete(path);
            affected = index.delete(path);
          }
          expect(show(index.allDiagnostics())).toEqual(show(buildVault(Object.fromEntries(texts)).allDiagnostics()));
          const changed = [...before].filter(([p, ds]) => JSON.stringify(ds) !== JSON.stringify(show(index.diagnostics(p)))).map(([p]) => p);
          expect(affected).toEqual(expect.arrayContaining(changed));
        }
      }),
      { numRuns: 150 },
    );
  });
});
