import { describe, expect, it } from 'vitest';
import { formatGraphRoute, parseGraphRoute, sameRoute } from './graph-route';

describe('graph routes', () => {
  it('reads a pattern and a focus depth from the address', () => {
    expect(parseGraphRoute('#/pattern/dark-launch')).toEqual({ slug: 'dark-launch' });
    expect(parseGraphRoute('#/pattern/dark-launch/focus/2')).toEqual({ slug: 'dark-launch', depth: 2 });
    expect(parseGraphRoute('/pattern/dark-launch/')).toEqual({ slug: 'dark-launch' });
  });

  it('treats anything else as the overview', () => {
    for (const hash of ['', '#/', '#/pattern/', '#/pattern/a/focus/4', '#/files/a', '#/pattern/%E0%A4%A']) expect(parseGraphRoute(hash)).toEqual({});
  });

  it('round-trips slugs that need escaping', () => {
    const route = { slug: 'café/naïve pattern', depth: 3 as const };
    expect(parseGraphRoute(formatGraphRoute(route))).toEqual(route);
    expect(formatGraphRoute({})).toBe('#/');
  });

  it('compares routes by pattern and depth', () => {
    expect(sameRoute({ slug: 'a' }, { slug: 'a' })).toBe(true);
    expect(sameRoute({ slug: 'a' }, { slug: 'a', depth: 1 })).toBe(false);
    expect(sameRoute({}, {})).toBe(true);
  });
});
