import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchNodes } from './graph-search';
import { ghost, graphOf, pattern } from '../../test/graph/graph-builder';

const vault = graphOf(
  [
    pattern('trunk-based-development'),
    pattern('feature-flags', { aliases: ['Feature Toggles', 'flags'] }),
    pattern('dark-launch', { title: 'Dark Launch' }),
    pattern('small-pull-requests'),
    pattern('retrospective', { title: 'Retrospective' }),
    pattern('blameless-postmortem', { title: 'Blameless Postmortem', aliases: ['Post-incident review'] }),
    pattern('cafe-meetings', { title: 'Café Meetings' }),
    ghost('retrospective-calendar'),
  ],
  [],
);
const ids = (q: string) => searchNodes(vault, q).map((h) => h.id);

describe('searchNodes', () => {
  it('puts an exact title first', () => {
    expect(ids('Dark Launch')[0]).toBe('dark-launch');
  });

  it('finds a pattern by an alias and says so', () => {
    const [hit] = searchNodes(vault, 'toggles');
    expect(hit?.id).toBe('feature-flags');
    expect(hit?.field).toBe('alias');
    expect(hit?.matched).toBe('Feature Toggles');
  });

  it('finds a pattern by its slug', () => {
    expect(ids('small-pull')[0]).toBe('small-pull-requests');
  });

  it('matches the start of any word of the title', () => {
    expect(ids('postm')[0]).toBe('blameless-postmortem');
  });

  it('matches initials and letters in order', () => {
    expect(ids('tbd')[0]).toBe('trunk-based-development');
    expect(ids('blmpm')).toContain('blameless-postmortem');
  });

  it('forgives one typo', () => {
    expect(ids('retrospectvie')[0]).toBe('retrospective');
    expect(ids('fetaure')).toContain('feature-flags');
  });

  it('needs every word of the query to match', () => {
    expect(ids('dark flags')).toEqual([]);
    expect(ids('launch dark')[0]).toBe('dark-launch');
  });

  it('ignores case and accents', () => {
    expect(ids('CAFE')[0]).toBe('cafe-meetings');
    expect(normalizeForSearch('Café — Meetings!')).toBe('cafe meetings');
  });

  it('ranks a missing pattern below a real one with the same name start', () => {
    expect(ids('retrospective')).toEqual(['retrospective', 'retrospective-calendar']);
    expect(searchNodes(vault, 'retrospective-cal')[0]?.ghost).toBe(true);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(searchNodes(vault, '   ')).toEqual([]);
    expect(searchNodes(vault, 'e', 2)).toHaveLength(2);
  });
});
