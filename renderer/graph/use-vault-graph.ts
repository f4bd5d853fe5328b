/**
 * The vault's graph, fetched from the backend and kept live: when files or
 * their findings change (from the app or from outside), it is fetched again
 * and the view applies the difference.
 */
import { useEffect, useState } from 'react';
import type { VaultApi } from '../../shared/api/vault-api';
import type { GraphModel } from '../../shared/vault/graph-model';

/** Bursts of changes (a save touches several files, findings follow) become one fetch. */
const REFETCH_DELAY_MS = 150;
/**
 * Findings change with every pause in typing (unsaved buffers are validated
 * live); refetching the whole graph for its rings then costs a long frame. So
 * a change of findings alone waits for the curator to stop typing for a while.
 */
const FINDINGS_REFETCH_DELAY_MS = 1500;

export function useVaultGraph(api: VaultApi | undefined, ready: boolean): { graph: GraphModel | undefined; error: string | undefined } {
  const [graph, setGraph] = useState<GraphModel | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!api) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchGraph = () => {
      api.getGraph({}).then(
        (g) => {
          if (!live) return;
          setGraph(g);
          setError(undefined);
        },
        (e: Error) => live && setError(e.message),
      );
    };
    const later = (delay: number) => () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(fetchGraph, delay);
    };
    const offFiles = api.on('onDidChangeFiles', later(REFETCH_DELAY_MS));
    const offDiagnostics = api.on('onDidChangeDiagnostics', later(FINDINGS_REFETCH_DELAY_MS));
    fetchGraph();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      offFiles();
      offDiagnostics();
    };
  }, [api, ready]);

  return { graph, error };
}
