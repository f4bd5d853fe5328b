/**
 * The overview's positions, kept per vault so a reopened vault appears at
 * once (a preset layout takes ~0.1 s where laying out takes seconds). Kept in
 * localStorage (synchronous, there at first paint) and, by the graph pane, in
 * the vault's own view state on the backend: browser mode's origin changes
 * with its port at every launch, and localStorage with it.
 */
import type { Point } from '../../shared/graph/graph-positions';

const PREFIX = 'trellis.graph.positions.v1:';

/** Stored as parallel arrays: half the size of an object per node. */
interface StoredPositions {
  ids: string[];
  xy: number[];
  /** When they were saved (ms since the epoch): of two copies, the newer wins. */
  at?: number;
}

/**
 * Positions from their stored text, and when they were saved (0 when not
 * said); anything damaged is left out (a cold start, not an error).
 */
export function decodePositions(raw: string | null | undefined): { positions: Map<string, Point>; at: number } {
  const positions = new Map<string, Point>();
  if (!raw) return { positions, at: 0 };
  try {
    const stored = JSON.parse(raw) as StoredPositions;
    const at = typeof stored.at === 'number' && Number.isFinite(stored.at) ? stored.at : 0;
    if (!Array.isArray(stored.ids) || !Array.isArray(stored.xy)) return { positions, at };
    stored.ids.forEach((id, i) => {
      const x = stored.xy[2 * i];
      const y = stored.xy[2 * i + 1];
      if (typeof id === 'string' && typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) positions.set(id, { x, y });
    });
    return { positions, at };
  } catch {
    return { positions: new Map(), at: 0 };
  }
}

/** This vault's local copy (empty, saved at 0, when there is none). */
export function loadStoredPositions(vaultKey: string): { positions: Map<string, Point>; at: number } {
  try {
    return decodePositions(globalThis.localStorage?.getItem(PREFIX + vaultKey));
  } catch {
    return { positions: new Map(), at: 0 };
  }
}

export function encodePositions(positions: ReadonlyMap<string, Point>, at = Date.now()): string {
  const stored: StoredPositions = { ids: [], xy: [], at };
  for (const [id, p] of positions) {
    stored.ids.push(id);
    stored.xy.push(Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10);
  }
  return JSON.stringify(stored);
}

export function loadPositions(vaultKey: string): Map<string, Point> {
  return loadStoredPositions(vaultKey).positions;
}

export function savePositions(vaultKey: string, positions: ReadonlyMap<string, Point>): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + vaultKey, encodePositions(positions));
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
