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

/** When a stored copy was saved; 0 when unknown or damaged. */
export function savedAt(raw: string | null | undefined): number {
  if (!raw) return 0;
  try {
    const at = (JSON.parse(raw) as StoredPositions).at;
    return typeof at === 'number' && Number.isFinite(at) ? at : 0;
  } catch {
    return 0;
  }
}

/** When this vault's local copy was saved; 0 when there is none. */
export function localSavedAt(vaultKey: string): number {
  try {
    return savedAt(globalThis.localStorage?.getItem(PREFIX + vaultKey));
  } catch {
    return 0;
  }
}

/** Positions from their stored text; anything damaged is left out (a cold start, not an error). */
export function decodePositions(raw: string | null | undefined): Map<string, Point> {
  const out = new Map<string, Point>();
  if (!raw) return out;
  try {
    const stored = JSON.parse(raw) as StoredPositions;
    if (!Array.isArray(stored.ids) || !Array.isArray(stored.xy)) return out;
    stored.ids.forEach((id, i) => {
      const x = stored.xy[2 * i];
      const y = stored.xy[2 * i + 1];
      if (typeof id === 'string' && typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) out.set(id, { x, y });
    });
  } catch {
    return new Map();
  }
  return out;
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
  try {
    return decodePositions(globalThis.localStorage?.getItem(PREFIX + vaultKey));
  } catch {
    return new Map();
  }
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
