/**
 * The overview's positions kept in the vault's view state on the backend as
 * well as in localStorage. Browser mode listens on a new port at every
 * launch, so its origin, and the localStorage that goes with it, is new each
 * time: without this copy every launch laid the corpus out again (seconds),
 * and the curator's arrangement was gone.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { VaultApi } from '../../shared/api/vault-api';
import type { Point } from '../../shared/graph/graph-positions';
import { decodePositions, encodePositions, loadStoredPositions } from './position-cache';
import type { GraphViewHandle } from './GraphView';

const KEY = 'graph-positions';
/** Positions are saved locally 0.5 s after they change; the backend copy waits a little longer and coalesces. */
const SAVE_DELAY_MS = 2000;

/**
 * Loads the backend's copy once per vault and hands it to the view when it is
 * newer than the local one (or there is none); returns the callback that
 * keeps the copy current (give it to `onDidSavePositions`).
 */
export function useStoredPositions(
  api: VaultApi | undefined,
  ready: boolean,
  vaultKey: string,
  view: RefObject<GraphViewHandle | null>,
  viewShown: boolean,
): (positions: ReadonlyMap<string, Point>) => void {
  const loaded = useRef<Map<string, Point> | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<ReadonlyMap<string, Point> | undefined>(undefined);
  const saving = useRef(false);

  const applyLoaded = useCallback(() => {
    const stored = loaded.current;
    const v = view.current;
    if (!stored || !v) return;
    loaded.current = undefined;
    v.setPositions(Object.fromEntries(stored));
  }, [view]);

  useEffect(() => {
    if (!api || !ready) return;
    let live = true;
    api.loadViewState({ key: KEY }).then(
      ({ value }) => {
        if (!live) return;
        const stored = decodePositions(value);
        if (stored.positions.size === 0 || stored.at <= loadStoredPositions(vaultKey).at) return;
        loaded.current = stored.positions;
        applyLoaded();
      },
      // No copy, or an older backend: the local positions (or a fresh layout) stand.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, ready, vaultKey, applyLoaded]);

  // The view appears once the graph has arrived, which may be after the copy did.
  useEffect(() => {
    if (viewShown) applyLoaded();
  }, [viewShown, applyLoaded]);

  const send = useCallback(() => {
    const positions = latest.current;
    if (!api || !positions || saving.current) return;
    latest.current = undefined;
    saving.current = true;
    api
      .saveViewState({ key: KEY, value: encodePositions(positions) })
      .catch(() => undefined)
      .finally(() => {
        saving.current = false;
        if (latest.current) send();
      });
  }, [api]);

  useEffect(() => {
    const flush = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
      send();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [send]);

  return useCallback(
    (positions: ReadonlyMap<string, Point>) => {
      latest.current = new Map(positions);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        send();
      }, SAVE_DELAY_MS);
    },
    [send],
  );
}
