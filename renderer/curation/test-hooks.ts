// Vite's `import.meta.env` (named here, not in an env.d.ts, so the test program that imports the inbox store sees it too).
/// <reference types="vite/client" />
/**
 * `window.__trellisCuration`: what end-to-end tests and `npm run
 * bench:curation` read from the curation view — how long each inbox decision
 * took, from the keypress to the inbox showing the backend's state after the
 * write. Installed only in development and test builds, or when the page's
 * address asks for it with `?testhooks` (as the graph view's hooks are).
 */

export interface DecisionTiming {
  action: 'accept' | 'reject';
  path: string;
  target: string;
  /** `performance.now()` when the key was handled. */
  startedAt: number;
  /** When `applyEdit` answered: the file is written, the index and the graph model are current, events are out. */
  appliedAt: number;
  /** When the inbox had merged the backend's fresh items for the changed files. */
  settledAt: number;
  ok: boolean;
}

export interface CurationTestHooks {
  decisions: DecisionTiming[];
  /** Inbox items loaded by the last full load, and how long it took in the page (request to state). */
  lastLoad: { items: number; ms: number } | undefined;
}

declare global {
  interface Window {
    __trellisCuration?: CurationTestHooks;
  }
}

function enabled(): boolean {
  return typeof window !== 'undefined' && (import.meta.env.MODE !== 'production' || window.location.search.includes('testhooks'));
}

function hooks(): CurationTestHooks | undefined {
  if (!enabled()) return undefined;
  return (window.__trellisCuration ??= { decisions: [], lastLoad: undefined });
}

export function recordDecision(timing: DecisionTiming): void {
  const h = hooks();
  if (!h) return;
  h.decisions.push(timing);
  if (h.decisions.length > 500) h.decisions.shift();
}

export function recordLoad(items: number, ms: number): void {
  const h = hooks();
  if (h) h.lastLoad = { items, ms };
}
