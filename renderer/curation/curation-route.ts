/**
 * The curation view's address: `#/curation` (the inbox), `#/curation/prune`
 * (the pruning dashboard), `#/curation/lifecycle` (new, rename, delete,
 * migrate). The app shell shows the view while the address is one of these;
 * every other hash (the graph's `#/pattern/…`) is not ours.
 */
import { useCallback, useEffect, useState } from 'react';

export const CURATION_TABS = ['inbox', 'prune', 'lifecycle'] as const;
export type CurationTab = (typeof CURATION_TABS)[number];

export interface CurationRoute {
  tab: CurationTab;
}

export function parseCurationRoute(hash: string): CurationRoute | undefined {
  const m = /^#?\/curation(?:\/([a-z]+))?\/?$/.exec(hash);
  if (!m) return undefined;
  const tab = (m[1] ?? 'inbox') as CurationTab;
  return CURATION_TABS.includes(tab) ? { tab } : undefined;
}

export function formatCurationRoute(route: CurationRoute): string {
  return route.tab === 'inbox' ? '#/curation' : `#/curation/${route.tab}`;
}

export function currentCurationRoute(): CurationRoute | undefined {
  return parseCurationRoute(window.location.hash);
}

/** The route as React state (undefined when the address is not a curation one) and a way to go to a tab. */
export function useCurationRoute(): [CurationRoute | undefined, (route: CurationRoute) => void] {
  const [route, setRoute] = useState(currentCurationRoute);
  useEffect(() => {
    const onChange = () =>
      setRoute((r) => {
        const next = currentCurationRoute();
        return r?.tab === next?.tab ? r : next;
      });
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const navigate = useCallback((next: CurationRoute) => {
    window.history.pushState(window.history.state, '', formatCurationRoute(next));
    // pushState fires no event of its own.
    setRoute(next);
  }, []);
  return [route, navigate];
}
