import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../schema/schema';
import { escapeMarkdown, yamlHover, type HoverContext } from './yaml-hover';

const ctx: HoverContext = {
  schema: DEFAULT_SCHEMA,
  patterns: new Map([['retrospective', { name: 'retrospective', title: 'Retro [click](javascript:x)', path: 'retrospective.md' }]]),
};

const YAML = `ontology:
  domain: learning
lifecycle:
  status: stable
relationships:
  enables:
    - slug: retrospective
    - slug: nowhere
graph_garden:
  inferred_links:
    - target: retrospective
      type: enablement
`;

const hover = (needle: string, delta = 1) => yamlHover(YAML, YAML.indexOf(needle) + delta, ctx);

describe('hover help in the front-matter', () => {
  it("shows a field's documentation from the schema", () => {
    const h = hover('domain');
    expect(h?.contents.join('\n')).toContain('ontology.domain');
    expect(h?.contents.join('\n')).toContain('The primary domain this pattern belongs to.');
    expect(YAML.slice(h?.from, h?.to)).toBe('domain');
  });

  it("lists an enum field's values", () => {
    expect(hover('status')?.contents.join('\n')).toContain('`deprecated`');
  });

  it('explains a relationship type and its inverse', () => {
    expect(hover('enables')?.contents.join('\n')).toContain('Inverse: `requires`');
  });

  it('names the pattern a link points at, escaping its title', () => {
    const h = hover('retrospective');
    expect(h?.contents[0]).toContain('Retro \\[click\\]\\(javascript:x\\)');
    expect(hover('nowhere')?.contents[0]).toContain('No pattern named');
  });

  it('suggests the standard type for a non-standard one', () => {
    expect(hover('enablement')?.contents[0]).toContain('`enables`');
  });

  it('escapes Markdown', () => {
    expect(escapeMarkdown('a*b_[c](d)')).toBe('a\\*b\\_\\[c\\]\\(d\\)');
  });
});
