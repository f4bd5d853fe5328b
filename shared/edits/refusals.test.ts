import { describe, expect, it } from 'vitest';
import { promoteInferredLink } from './promote-inferred-link';
import { pruneInferredLinks } from './prune-inferred-links';
import { classifyInferredLinks, pruneInferredLinksByRules } from './prune-rules';
import { addRelationship, removeRelationship, retypeRelationship, reweightRelationship } from './curated-relationship-edits';
import { addInverse, addMissingInverse } from './inverse-edits';
import { migrateLegacy } from './migrate-legacy';
import { renamePattern } from './rename-pattern';

const UNPARSABLE = {
  'a block key inside a flow mapping (as in the corpus)': '---\nslug: x\nontology: {domain: a, cross_domains: []\n  commons_domain:\n    - life, search_hints: {}}\n---\nBody\n',
  'no front-matter': '# Just a heading\n\nBody\n',
  'an unclosed front-matter': '---\nslug: x\nrelationships: {}\n',
  'a front-matter that is a list': '---\n- a\n- b\n---\n',
  'duplicate keys': '---\nslug: x\nslug: y\n---\n',
};

const EDITS: Record<string, (text: string) => { ok: boolean }> = {
  promote: (t) => promoteInferredLink(t, { target: 'y' }),
  prune: (t) => pruneInferredLinks(t, [0], { today: '2026-03-01' }),
  classify: (t) => classifyInferredLinks(t),
  'prune by rules': (t) => pruneInferredLinksByRules(t, { rules: ['already-curated'], today: '2026-03-01' }),
  add: (t) => addRelationship(t, { type: 'enables', slug: 'y', weight: 0.5 }),
  remove: (t) => removeRelationship(t, { type: 'enables', slug: 'y' }),
  reweight: (t) => reweightRelationship(t, { type: 'enables', slug: 'y', weight: 0.5 }),
  retype: (t) => retypeRelationship(t, { slug: 'y', from: 'enables', to: 'requires' }),
  'add inverse': (t) => addInverse(t, { source: 'z', type: 'enables', weight: 0.5 }),
  'add missing inverse': (t) => addMissingInverse(t, t, { target: 'y', type: 'enables' }),
  migrate: (t) => migrateLegacy(t, { idToSlug: new Map() }),
};

describe('every structured edit refuses files it cannot edit safely', () => {
  for (const [what, text] of Object.entries(UNPARSABLE)) {
    for (const [name, run] of Object.entries(EDITS)) {
      it(`${name}: ${what}`, () => {
        const r = run(text) as { ok: boolean; reason?: string };
        expect(r.ok).toBe(false);
        expect(r.reason).toMatch(/front-matter|YAML|repeats the key/);
      });
    }
  }

  it('rename reports the unparsable files that mention the old slug, and edits the rest', () => {
    const vault = new Map([
      ['old.md', '---\nslug: old\n---\n'],
      ['broken.md', '---\nslug: b\nrelationships: {enables: [old]\n---\n'],
    ]);
    const r = renamePattern(vault, { from: 'old', to: 'new' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.edits.get('old.md')?.text).toBe('---\nslug: new\n---\n');
    expect([...r.refused.keys()]).toEqual(['broken.md']);
  });
});
