import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../schema/schema';
import { yamlCompletions, type CompletionContext } from './yaml-completion';
import { cursorContext } from './yaml-cursor';
import { ITEM } from './yaml-lines';

const ctx: CompletionContext = {
  schema: DEFAULT_SCHEMA,
  patterns: [
    { name: 'retrospective', title: 'Retrospective', path: 'retrospective.md' },
    { name: 'wip-limits', title: 'WIP Limits', path: 'wip-limits.md' },
    { name: 'self', title: 'Me', path: 'self.md' },
  ],
  selfName: 'self',
};

/** The YAML with `|` removed, and the cursor offset where it was. */
function at(src: string): [string, number] {
  const offset = src.indexOf('|');
  return [src.slice(0, offset) + src.slice(offset + 1), offset];
}

function labels(src: string): string[] {
  const [yaml, offset] = at(src);
  return yamlCompletions(yaml, offset, ctx).items.map((i) => i.label);
}

const YAML = `id: pat_x
slug: self
title: "Me"
ontology:
  domain: learning
  commons_assessment:
    resilience: 4
lifecycle:
  status: stable
relationships:
  enables:
    - slug: retrospective
      weight: 0.7
graph_garden:
  inferred_links:
    - target: wip-limits
      type: complements
`;

describe('where the cursor is', () => {
  it('reads the key path of a value inside a list item', () => {
    const src = YAML.replace('weight: 0.7', 'weight: 0.|7');
    const [yaml, offset] = at(src);
    expect(cursorContext(yaml, offset)).toMatchObject({ kind: 'value', path: ['relationships', 'enables', ITEM, 'weight'], prefix: '0.' });
  });

  it('reads the mapping of a key being typed, with its siblings', () => {
    const [yaml, offset] = at(YAML.replace('    resilience: 4\n', '    resilience: 4\n    own|\n'));
    expect(cursorContext(yaml, offset)).toMatchObject({ kind: 'key', parent: ['ontology', 'commons_assessment'], prefix: 'own', siblings: ['resilience'] });
  });

  it('understands lists written flush with their key', () => {
    const [yaml, offset] = at('relationships:\n  enables:\n  - slug: a\n    weight: |\n');
    expect(cursorContext(yaml, offset)).toMatchObject({ kind: 'value', path: ['relationships', 'enables', ITEM, 'weight'] });
  });

  it('offers nothing inside a block scalar', () => {
    const [yaml, offset] = at('summary: >-\n  some text with key: inside|\nslug: a\n');
    expect(cursorContext(yaml, offset)).toEqual({ kind: 'none' });
  });
});

describe('completion in the front-matter', () => {
  it('offers the top-level fields not yet written, required ones first', () => {
    const got = labels(`${YAML}|`);
    expect(got).toContain('summary');
    expect(got).toContain('context_labels');
    expect(got).not.toContain('slug');
    expect(got).not.toContain('relationships');
  });

  it('offers the fields of a nested mapping by position', () => {
    const got = labels(YAML.replace('  status: stable\n', '  status: stable\n  |\n'));
    expect(got.sort()).toEqual(['adoption_stage', 'confidence', 'usage_stage', 'version']);
  });

  it('offers the relationship types under relationships, as snippets that open an entry', () => {
    const [yaml, offset] = at(YAML.replace('relationships:\n', 'relationships:\n  |\n'));
    const { items } = yamlCompletions(yaml, offset, ctx);
    expect(items.map((i) => i.label)).toEqual(['generalizes_from', 'specializes_to', 'requires', 'alternatives', 'complementary', 'tools']);
    expect(items[0]).toMatchObject({ kind: 'relationship-type', snippet: true, retrigger: true, insertText: 'generalizes_from:\n\t- slug: $0' });
  });

  it("offers slug and weight in a new relationship entry", () => {
    expect(labels(YAML.replace('      weight: 0.7\n', '      weight: 0.7\n    - |\n'))).toEqual(['slug', 'weight']);
    expect(labels(YAML.replace('      weight: 0.7\n', '      weight: 0.7\n    - slug: x\n      |\n'))).toEqual(['weight']);
  });

  it('offers the vault\'s patterns with titles as relationship targets, never the file itself', () => {
    const [yaml, offset] = at(YAML.replace('- slug: retrospective', '- slug: ret|rospective'));
    const { items } = yamlCompletions(yaml, offset, ctx);
    expect(items.map((i) => [i.label, i.detail])).toEqual([['retrospective', 'Retrospective']]);
    // The whole value is replaced, not only what precedes the cursor.
    expect(yaml.slice(items[0]?.from, items[0]?.to)).toBe('retrospective');
  });

  it('narrows a large vault to what was typed, and says more may come', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `pattern-${i}`, path: `pattern-${i}.md` }));
    const big = { ...ctx, patterns: [...ctx.patterns, ...many] };
    const [y0, o0] = at('relationships:\n  enables:\n    - slug: |\n');
    const all = yamlCompletions(y0, o0, big);
    expect(all.items).toHaveLength(200);
    expect(all.incomplete).toBe(true);
    const [yaml, offset] = at('relationships:\n  enables:\n    - slug: wip|\n');
    const some = yamlCompletions(yaml, offset, big);
    expect(some.items.map((i) => i.label)).toEqual(['wip-limits']);
    // Words of the title find a pattern as well.
    const [y2, o2] = at('relationships:\n  enables:\n    - slug: limits|\n');
    expect(yamlCompletions(y2, o2, big).items.map((i) => i.label)).toContain('wip-limits');
  });

  it('offers patterns in a flow list of relationship targets', () => {
    expect(labels('relationships:\n  requires: [retrospective, w|]\n')).toEqual(['wip-limits']);
    expect(labels('relationships:\n  requires: [retrospective, |]\n')).toEqual(['retrospective', 'wip-limits']);
  });

  it('offers the vocabulary of enum fields', () => {
    expect(labels(YAML.replace('status: stable', 'status: |'))).toEqual(['draft', 'revised', 'stable', 'deprecated']);
    expect(labels(YAML.replace('status: stable', 'status: "st|able"'))).toContain('stable');
  });

  it('offers the seven types for an inferred link and patterns for its target', () => {
    expect(labels(YAML.replace('type: complements', 'type: |'))).toHaveLength(7);
    expect(labels(YAML.replace('target: wip-limits', 'target: |'))).toEqual(['retrospective', 'wip-limits']);
  });

  it('offers nothing for free text or in comments', () => {
    expect(labels(YAML.replace('title: "Me"', 'title: "M|e"'))).toEqual([]);
    expect(labels(`${YAML}# a comment |`)).toEqual([]);
  });
});
