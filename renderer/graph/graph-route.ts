/**
 * A small hash router for the graph view: the current route as React state,
 * `navigate` to push (or replace) a history entry, and back/forward arriving
 * as `hashchange`. Electron's window uses the same routes.
 */
import { useCallback, useEffect, useState } from 'react';
import { formatGraphRoute, parseGraphRoute, sameRoute, type GraphRoute } from '../../shared/graph/graph-route';

export type { GraphRoute };

export function currentGraphRoute(): GraphRoute {
  return parseGraphRoute(window.location.hash);
}

export function useGraphRoute(): [GraphRoute, (route: GraphRoute, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<GraphRoute>(currentGraphRoute);

  useEffect(() => {
    const onChange = () => setRoute((r) => {
      const next = currentGraphRoute();
      return sameRoute(r, next) ? r : next;
    });
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);

  const navigate = useCallback((next: GraphRoute, options: { replace?: boolean } = {}) => {
    if (sameRoute(currentGraphRoute(), next)) return;
    const hash = formatGraphRoute(next);
    if (options.replace) window.history.replaceState(window.history.state, '', hash);
    else window.history.pushState(window.history.state, '', hash);
    // pushState and replaceState fire no event of their own.
    setRoute(next);
  }, []);

  return [route, navigate];
}
