/**
 * The graph view's address: `#/pattern/<slug>` selects a pattern and brings
 * it into view; `#/pattern/<slug>/focus/<1-3>` shows only its neighbourhood.
 * A view can be linked to, and back/forward walk the curator's path.
 */
import type { FocusDepth } from './graph-filters';

export interface GraphRoute {
  slug?: string;
  /** Focus mode around `slug`. */
  depth?: FocusDepth;
}

export function parseGraphRoute(hash: string): GraphRoute {
  const m = /^#?\/pattern\/([^/?#]+)(?:\/focus\/([123]))?\/?$/.exec(hash);
  if (!m) return {};
  let slug: string;
  try {
    slug = decodeURIComponent(m[1] as string);
  } catch {
    return {};
  }
  return m[2] ? { slug, depth: Number(m[2]) as FocusDepth } : { slug };
}

export function formatGraphRoute(route: GraphRoute): string {
  if (!route.slug) return '#/';
  const base = `#/pattern/${encodeURIComponent(route.slug)}`;
  return route.depth ? `${base}/focus/${route.depth}` : base;
}

export function sameRoute(a: GraphRoute, b: GraphRoute): boolean {
  return a.slug === b.slug && (a.slug === undefined || a.depth === b.depth);
}
