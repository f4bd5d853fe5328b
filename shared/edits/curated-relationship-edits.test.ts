import { describe, expect, it } from 'vitest';
import { addRelationship, removeRelationship, retypeRelationship, reweightRelationship } from './curated-relationship-edits';
import { addInverse, addMissingInverse, promoteInferredLinkWithInverse } from './inverse-edits';
import { frontMatterData, record } from './testing/front-matter-data';

function fm(lines: string[]): string {
  return ['---', ...lines, '---', 'Body text.', ''].join('\n');
}

function textOf(r: { ok: true; text: string } | { ok: false; reason: string }): string {
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

function rel(text: string): Record<string, unknown> {
  return record(frontMatterData(text)['relationships']);
}

const BASE = fm([
  'slug: here',
  'relationships:',
  '  generalizes_from:',
  '  - commons-engineer',
  '  enables:',
  '    - slug: a',
  '      weight: 0.8',
  '    - slug: b',
  '      weight: 0.7',
  '  requires: [{id: c, weight: 0.9, description: "Needs c."}]',
  '  complementary: []',
  'graph_garden:',
  '  inferred_links: []',
]);

describe('addRelationship', () => {
  it('adds to block, flow and empty lists, and inserts missing types in order', () => {
    expect(rel(textOf(addRelationship(BASE, { type: 'enables', slug: 'z', weight: 0.5 })))['enables']).toEqual([
      { slug: 'a', weight: 0.8 },
      { slug: 'b', weight: 0.7 },
      { slug: 'z', weight: 0.5 },
    ]);
    expect(textOf(addRelationship(BASE, { type: 'requires', slug: 'z', weight: 1 }))).toContain('  requires: [{id: c, weight: 0.9, description: "Needs c."}, {id: z, weight: 1.0}]\n');
    expect(textOf(addRelationship(BASE, { type: 'complementary', slug: 'z', weight: 0.6 }))).toContain('  complementary:\n    - slug: z\n      weight: 0.6\ngraph_garden:');
    expect(textOf(addRelationship(BASE, { type: 'specializes_to', slug: 'z', weight: 0.6 }))).toContain(
      '  - commons-engineer\n  specializes_to:\n    - slug: z\n      weight: 0.6\n  enables:\n',
    );
    expect(textOf(addRelationship(BASE, { type: 'tools', slug: 'z', weight: 0.6 }))).toContain('  complementary: []\n  tools:\n    - slug: z\n      weight: 0.6\ngraph_garden:');
  });

  it('is a no-op with a note when the relationship exists (also as a plain string entry)', () => {
    expect(addRelationship(BASE, { type: 'generalizes_from', slug: 'commons-engineer', weight: 0.5 })).toMatchObject({ ok: true, text: BASE, changes: [], note: expect.stringMatching(/already curated/) });
  });

  it('inserts `relationships` at the end of the front-matter when there is no graph_garden', () => {
    const text = fm(['slug: here', 'ontology:', '    domain: x']);
    expect(textOf(addRelationship(text, { type: 'enablement', slug: 'z', weight: 0.6 }))).toBe(fm(['slug: here', 'ontology:', '    domain: x', 'relationships:', '    enables:', '      - slug: z', '        weight: 0.6']));
  });

  it('fills `relationships:` with no value and `relationships: {}`', () => {
    expect(textOf(addRelationship(fm(['relationships:', 'x: 1']), { type: 'tools', slug: 'z', weight: 0.6 }))).toBe(fm(['relationships:', '  tools:', '    - slug: z', '      weight: 0.6', 'x: 1']));
    expect(textOf(addRelationship(fm(['relationships: {}', 'x: 1']), { type: 'tools', slug: 'z', weight: 0.6 }))).toBe(fm(['relationships:', '  tools:', '    - slug: z', '      weight: 0.6', 'x: 1']));
  });

  it('quotes like its siblings', () => {
    const text = fm(['relationships:', '  enables:', '    - slug: "a"', '      weight: 0.8']);
    expect(textOf(addRelationship(text, { type: 'enables', slug: 'z', weight: 0.6 }))).toContain('    - slug: "z"\n      weight: 0.6\n');
  });

  it('refuses unknown types, legacy files and bad input', () => {
    expect(addRelationship(BASE, { type: 'analogous', slug: 'z', weight: 0.5 })).toMatchObject({ ok: false });
    expect(addRelationship(BASE, { type: 'enables', slug: 'a b', weight: 0.5 })).toMatchObject({ ok: false });
    expect(addRelationship(fm(['classification:', '  domain: x', 'enables: []']), { type: 'enables', slug: 'z', weight: 0.5 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/legacy layout/),
    });
  });
});

describe('removeRelationship', () => {
  it('removes one entry, or empties a list to `[]`', () => {
    expect(textOf(removeRelationship(BASE, { type: 'enables', slug: 'a' }))).toContain('  enables:\n    - slug: b\n      weight: 0.7\n  requires:');
    expect(textOf(removeRelationship(BASE, { type: 'requires', slug: 'c' }))).toContain('  requires: []\n');
    expect(textOf(removeRelationship(BASE, { type: 'generalizes_from', slug: 'commons-engineer' }))).toContain('  generalizes_from: []\n  enables:\n');
    expect(removeRelationship(BASE, { type: 'enables', slug: 'nope' })).toMatchObject({ ok: false });
  });

  it('removes from the middle and the end of flow lists without breaking the commas', () => {
    const text = fm(['relationships:', '  tools: [a, "b", c]']);
    expect(textOf(removeRelationship(text, { type: 'tools', slug: 'b' }))).toContain('  tools: [a, c]\n');
    expect(textOf(removeRelationship(text, { type: 'tools', slug: 'c' }))).toContain('  tools: [a, "b"]\n');
    expect(textOf(removeRelationship(text, { type: 'tools', slug: 'a' }))).toContain('  tools: ["b", c]\n');
  });
});

describe('reweightRelationship', () => {
  it('replaces a weight in place, adds a missing one, and turns a plain entry into a mapping', () => {
    expect(textOf(reweightRelationship(BASE, { type: 'enables', slug: 'b', weight: 0.95 }))).toContain('    - slug: b\n      weight: 0.95\n');
    expect(textOf(reweightRelationship(BASE, { type: 'requires', slug: 'c', weight: 0.5 }))).toContain('[{id: c, weight: 0.5, description: "Needs c."}]');
    expect(textOf(reweightRelationship(BASE, { type: 'generalizes_from', slug: 'commons-engineer', weight: 0.5 }))).toContain(
      '  generalizes_from:\n  - slug: commons-engineer\n    weight: 0.5\n',
    );
    const noWeight = fm(['relationships:', '  enables:', '    - id: a', '      description: x', '  tools: [a]']);
    expect(textOf(reweightRelationship(noWeight, { type: 'enables', slug: 'a', weight: 0.5 }))).toContain('    - id: a\n      description: x\n      weight: 0.5\n');
    expect(textOf(reweightRelationship(noWeight, { type: 'tools', slug: 'a', weight: 0.5 }))).toContain('  tools: [{slug: a, weight: 0.5}]');
  });
});

describe('retypeRelationship', () => {
  it('moves an entry with all its data, between block and flow lists', () => {
    const moved = textOf(retypeRelationship(BASE, { slug: 'c', from: 'requires', to: 'complementary' }));
    expect(rel(moved)['requires']).toEqual([]);
    expect(rel(moved)['complementary']).toEqual([{ id: 'c', weight: 0.9, description: 'Needs c.' }]);
    const intoFlow = textOf(retypeRelationship(BASE, { slug: 'a', from: 'enables', to: 'requires' }));
    expect(intoFlow).toContain('  requires: [{id: c, weight: 0.9, description: "Needs c."}, {slug: a, weight: 0.8}]');
  });

  it('quotes plain values that would break in a flow list, and keeps block scalars', () => {
    const text = fm([
      'relationships:',
      '  enables:',
      '    - id: a',
      '      description: Needs a, b and c',
      '    - id: b',
      '      description: >-',
      '        Folded # not a comment',
      '        text.',
      '  tools: [x]',
      '  complementary: []',
    ]);
    expect(textOf(retypeRelationship(text, { slug: 'a', from: 'enables', to: 'tools' }))).toContain('  tools: [x, {id: a, description: "Needs a, b and c"}]');
    const block = textOf(retypeRelationship(text, { slug: 'b', from: 'enables', to: 'complementary' }));
    expect(block).toContain('  complementary:\n    - id: b\n      description: >-\n        Folded # not a comment\n        text.\n');
    expect(rel(block)['complementary']).toEqual([{ id: 'b', description: 'Folded # not a comment text.' }]);
  });

  it('only removes when the target list already has the slug, and refuses unknown types', () => {
    const text = fm(['relationships:', '  enables: [a]', '  requires: [a]']);
    const r = retypeRelationship(text, { slug: 'a', from: 'enables', to: 'requires' });
    expect(r).toMatchObject({ ok: true, note: expect.stringMatching(/already under requires/) });
    expect(rel(textOf(r))).toEqual({ enables: [], requires: ['a'] });
    expect(retypeRelationship(text, { slug: 'a', from: 'enables', to: 'siblings' })).toMatchObject({ ok: false });
  });
});

describe('inverse edits', () => {
  const target = fm(['slug: there', 'relationships:', '  requires: []', '  complementary: []', 'graph_garden:', '  inferred_links: []']);

  it('adds the inverse type in the target file', () => {
    expect(rel(textOf(addInverse(target, { source: 'here', type: 'enables', weight: 0.8 })))['requires']).toEqual([{ slug: 'here', weight: 0.8 }]);
    expect(rel(textOf(addInverse(target, { source: 'here', type: 'generalizes_from', weight: 0.8 })))['specializes_to']).toEqual([{ slug: 'here', weight: 0.8 }]);
    expect(rel(textOf(addInverse(target, { source: 'here', type: 'complementary', weight: 0.8 })))['complementary']).toEqual([{ slug: 'here', weight: 0.8 }]);
    expect(rel(textOf(addInverse(target, { source: 'here', type: 'enabler', weight: 0.8 })))['requires']).toEqual([{ slug: 'here', weight: 0.8 }]);
  });

  it('refuses tools, which has no inverse', () => {
    expect(addInverse(target, { source: 'here', type: 'tools', weight: 0.8 })).toMatchObject({ ok: false, reason: expect.stringMatching(/'tools' has no inverse/) });
  });

  it('adds a missing inverse with the curated weight, and is a no-op when it exists', () => {
    const source = fm(['slug: here', 'relationships:', '  enables:', '    - slug: there', '      weight: 0.65']);
    const withInverse = textOf(addMissingInverse(source, target, { target: 'there', type: 'enables' }));
    expect(rel(withInverse)['requires']).toEqual([{ slug: 'here', weight: 0.65 }]);
    expect(addMissingInverse(source, withInverse, { target: 'there', type: 'enables' })).toMatchObject({ ok: true, changes: [] });
  });

  it('promotes with the inverse in both files, or refuses both', () => {
    const source = fm(['slug: here', 'relationships:', '  enables: []', 'graph_garden:', '  inferred_links:', '    - target: there', '      type: enables', '      confidence: 0.9', '    - target: there', '      type: tools', '      confidence: 0.9']);
    const both = promoteInferredLinkWithInverse(source, target, { target: 'there', type: 'enables' });
    if (!both.ok) throw new Error(both.reason);
    expect(rel(both.source.text)['enables']).toEqual([{ slug: 'there', weight: 0.9 }]);
    expect(rel(both.target.text)['requires']).toEqual([{ slug: 'here', weight: 0.9 }]);
    expect(promoteInferredLinkWithInverse(source, target, { target: 'there', type: 'tools' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no inverse/) });
  });
});
