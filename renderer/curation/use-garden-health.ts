/**
 * Garden health for the dashboard: fetched for the chosen confidence
 * threshold, and again (debounced) whenever files change, by us or anyone.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GardenHealth } from '../../shared/curation/garden-health';
import { useTrellis } from '../store/vault-store';
import { errorMessage } from './curation-edits';

export interface GardenHealthState {
  health: GardenHealth | undefined;
  error: string | undefined;
  loading: boolean;
  refresh(): Promise<void>;
}

const CHANGE_DEBOUNCE_MS = 150;

export function useGardenHealth(minConfidence: number): GardenHealthState {
  const api = useTrellis((s) => s.api);
  const [health, setHealth] = useState<GardenHealth | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  // Answers can overtake each other; only the latest request's counts are shown.
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    if (!api) return;
    const mine = ++seq.current;
    setLoading(true);
    try {
      const h = await api.getGardenHealth({ minConfidence });
      if (mine === seq.current) {
        setHealth(h);
        setError(undefined);
      }
    } catch (err) {
      if (mine === seq.current) setError(errorMessage(err));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [api, minConfidence]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!api) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('onDidChangeFiles', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(), CHANGE_DEBOUNCE_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [api, refresh]);

  return { health, error, loading, refresh };
}
