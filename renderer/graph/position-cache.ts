/**
 * The overview's positions, kept per vault so a reopened vault appears at
 * once (a preset layout takes ~0.1 s where laying out takes seconds). For now
 * in localStorage; the backend's cache endpoint will take over, which is why
 * the view also exposes `getPositions()/setPositions()`.
 */
import type { Point } from '../../shared/graph/graph-positions';

const PREFIX = 'trellis.graph.positions.v1:';

/** Stored as parallel arrays: half the size of an object per node. */
interface StoredPositions {
  ids: string[];
  xy: number[];
}

export function loadPositions(vaultKey: string): Map<string, Point> {
  const out = new Map<string, Point>();
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + vaultKey);
    if (!raw) return out;
    const stored = JSON.parse(raw) as StoredPositions;
    if (!Array.isArray(stored.ids) || !Array.isArray(stored.xy)) return out;
    stored.ids.forEach((id, i) => {
      const x = stored.xy[2 * i];
      const y = stored.xy[2 * i + 1];
      if (typeof id === 'string' && typeof x === 'number' && typeof y === 'number') out.set(id, { x, y });
    });
  } catch {
    // A damaged or unreadable entry is a cold start, not an error.
  }
  return out;
}

export function savePositions(vaultKey: string, positions: ReadonlyMap<string, Point>): void {
  const stored: StoredPositions = { ids: [], xy: [] };
  for (const [id, p] of positions) {
    stored.ids.push(id);
    stored.xy.push(Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10);
  }
  try {
    globalThis.localStorage?.setItem(PREFIX + vaultKey, JSON.stringify(stored));
  } catch {
    // Quota or private mode: positions are a cache; the layout runs again next time.
  }
}

export function clearPositions(vaultKey: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + vaultKey);
  } catch {
    // Nothing to clear.
  }
}
