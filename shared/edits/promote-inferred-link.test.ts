import { describe, expect, it } from 'vitest';
import { promoteInferredLink } from './promote-inferred-link';
import { applyChanges, invertChanges } from './edit-result';

/** A v7.1 file cut down to the parts promotion touches. */
function file(relationships: string, inferred: string, extra = ''): string {
  return [
    '---',
    'slug: self',
    'title: "Self"',
    extra + relationships,
    '# ═══════════════════════════════════════════════════════════════════',
    '# GROUP 6: GRAPH GARDEN (Machine-Written Graph)',
    '# ═══════════════════════════════════════════════════════════════════',
    'graph_garden:',
    '  last_pruned: 2026-02-19',
    inferred,
    'license: CC-BY-SA-4.0',
    '---',
    '',
    'Body.',
    '',
  ].join('\n');
}

const LINK_X = ['  inferred_links:', '    - target: x', '      type: enabler', '      confidence: 0.8', '      reason: "Because."'].join('\n');
const LINK_X_AND_Y = [LINK_X, '    - target: y', '      type: complementary', '      confidence: 0.7', '      reason: "Also."'].join('\n');

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${(r as unknown as { reason: string }).reason}`);
  return r as Extract<T, { ok: true }>;
}

describe('promoteInferredLink', () => {
  it('turns `[]` into a block list indented like the file, and empties the inferred list to `[]`', () => {
    const text = file('relationships:\n  enables: []\n  requires:\n    - slug: z\n      weight: 0.5', LINK_X);
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text).toBe(
      file('relationships:\n  enables:\n    - slug: x\n      weight: 0.8\n  requires:\n    - slug: z\n      weight: 0.5', '  inferred_links: []'),
    );
    expect(r.promotion).toMatchObject({ source: 'self', target: 'x', type: 'enables', weight: 0.8, alreadyCurated: false });
  });

  it('appends after the last entry of a block list, matching its dash column and keys', () => {
    const text = file('relationships:\n  enables:\n  - id: a\n    weight: 0.9\n    description: First.', LINK_X_AND_Y);
    const r = ok(promoteInferredLink(text, { target: 'x', weight: 0.6 }));
    expect(r.text).toContain('  enables:\n  - id: a\n    weight: 0.9\n    description: First.\n  - id: x\n    weight: 0.6\n# ═══');
    expect(r.text).toContain('  inferred_links:\n    - target: y\n');
  });

  it('appends inside a flow list with entries, in the entries\' own flow style', () => {
    const text = file('relationships:\n  enables: [{id: a, weight: 0.9, description: "One."}]', LINK_X);
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text).toContain('  enables: [{id: a, weight: 0.9, description: "One."}, {id: x, weight: 0.8}]\n');
  });

  it('inserts a missing type key in the canonical order of the seven types', () => {
    const text = file('relationships:\n  generalizes_from: []\n  requires: []\n  tools: []', LINK_X);
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text).toContain('  generalizes_from: []\n  enables:\n    - slug: x\n      weight: 0.8\n  requires: []\n');
    const first = ok(promoteInferredLink(file('relationships:\n  requires: []', LINK_X), { target: 'x', type: 'generalizes_from' }));
    expect(first.text).toContain('relationships:\n  generalizes_from:\n    - slug: x\n      weight: 0.8\n  requires: []\n');
  });

  it('inserts a missing `relationships` block before graph_garden, with a banner like the file\'s', () => {
    const text = file('lifecycle:\n  status: draft\n', LINK_X);
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text).toContain(
      'lifecycle:\n  status: draft\n\n# ═══════════════════════════════════════════════════════════════════\n# GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)\n# ═══════════════════════════════════════════════════════════════════\nrelationships:\n  enables:\n    - slug: x\n      weight: 0.8\n\n# ═══',
    );
  });

  it('copies only the banner itself, never other comments above graph_garden', () => {
    const text = file('lifecycle:\n  status: draft\n', LINK_X).replace('# GROUP 6: GRAPH GARDEN (Machine-Written Graph)\n', '# GROUP 6: GRAPH GARDEN (Machine-Written Graph)\n# written by the gardener, do not edit\n');
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text.split('# written by the gardener').length).toBe(2);
    expect(r.text).toContain('# GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)\n# ═══');
  });

  it('handles a garden written as one flow mapping', () => {
    const text = '---\nslug: self\ngraph_garden: {inferred_links: [{target: x, type: tools, confidence: 0.9}]}\nlicense: x\n---\nBody';
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text).toBe('---\nslug: self\nrelationships:\n  tools:\n    - slug: x\n      weight: 0.9\ngraph_garden: {inferred_links: []}\nlicense: x\n---\nBody');
  });

  it('only removes the inferred duplicate when the relationship is already curated', () => {
    const text = file('relationships:\n  enables:\n    - slug: x\n      weight: 0.9', LINK_X_AND_Y);
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.promotion.alreadyCurated).toBe(true);
    expect(r.note).toMatch(/already curated/);
    expect(r.text).toBe(file('relationships:\n  enables:\n    - slug: x\n      weight: 0.9', LINK_X_AND_Y.replace(LINK_X.slice('  inferred_links:\n'.length) + '\n', '')));
  });

  it('maps non-standard types through the schema aliases and refuses what it cannot map', () => {
    const odd = file('relationships:\n  enables: []', '  inferred_links:\n    - target: x\n      type: analogous\n      confidence: 0.8');
    expect(promoteInferredLink(odd, { target: 'x' })).toEqual({ ok: false, reason: expect.stringMatching(/'analogous' is not a relationship type/) });
    expect(ok(promoteInferredLink(odd, { target: 'x', type: 'complements' })).promotion.type).toBe('complementary');
    const untyped = file('relationships:\n  enables: []', '  inferred_links:\n    - target: x\n      reason: r\n      strength: 3');
    expect(promoteInferredLink(untyped, { target: 'x' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no relationship type/) });
    expect(promoteInferredLink(untyped, { target: 'x', type: 'enables' })).toMatchObject({ ok: false, reason: expect.stringMatching(/strength of 3/) });
    expect(ok(promoteInferredLink(untyped, { target: 'x', type: 'enables', weight: 0.6 })).text).toContain('- slug: x\n      weight: 0.6');
  });

  it('refuses a missing link, a self-link, a bad weight, and files it cannot parse, leaving the text alone', () => {
    const text = file('relationships:\n  enables: []', LINK_X);
    expect(promoteInferredLink(text, { target: 'nope' })).toMatchObject({ ok: false });
    expect(promoteInferredLink(text, { target: 'x', weight: 1.5 })).toMatchObject({ ok: false, reason: expect.stringMatching(/outside 0-1/) });
    const self = file('relationships:\n  enables: []', LINK_X.replace('target: x', 'target: self'));
    expect(promoteInferredLink(self, { target: 'self' })).toMatchObject({ ok: false, reason: expect.stringMatching(/self-link/) });
    expect(promoteInferredLink('no front-matter', { target: 'x' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no YAML front-matter/) });
    expect(promoteInferredLink('---\na: [b: c\nd: e]\n---\n', { target: 'x' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid YAML \(line \d+/) });
  });

  it('keeps comments inside and around both lists', () => {
    const text = file(
      'relationships:\n  # curated by hand\n  enables:\n    - slug: a   # checked\n      weight: 0.9\n    # more to come\n  requires: []',
      '  inferred_links:\n    # batch 3\n    - target: x   # suspicious\n      type: enables\n      # reviewed\n      confidence: 0.8\n    - target: y\n      type: tools\n      confidence: 0.7',
    );
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    for (const c of ['# curated by hand', '# checked', '# more to come', '# batch 3', '# suspicious', '# reviewed', '# ═══']) expect(r.text).toContain(c);
    expect(r.text).toContain('    - slug: a   # checked\n      weight: 0.9\n    - slug: x\n      weight: 0.8\n    # more to come\n');
    // The removed link's comments stay where it was, the inline one as a whole line.
    expect(r.text).toContain('    # batch 3\n    # suspicious\n      # reviewed\n    - target: y\n');
  });

  it('writes CRLF lines into a CRLF file and keeps its BOM', () => {
    const text = '\ufeff' + file('relationships:\n  enables: []', LINK_X).replace(/\n/g, '\r\n');
    const r = ok(promoteInferredLink(text, { target: 'x' }));
    expect(r.text.startsWith('\ufeff---\r\n')).toBe(true);
    expect(/[^\r]\n/.test(r.text)).toBe(false);
    expect(r.text).toContain('  enables:\r\n    - slug: x\r\n      weight: 0.8\r\n');
  });

  it('returns splices against the original that replay and undo exactly', () => {
    const text = file('relationships:\n  enables: []', LINK_X_AND_Y);
    const r = ok(promoteInferredLink(text, { target: 'y' }));
    expect(applyChanges(text, r.changes)).toBe(r.text);
    expect(applyChanges(r.text, invertChanges(text, r.changes))).toBe(text);
  });
});
