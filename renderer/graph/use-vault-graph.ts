/**
 * The vault's graph, fetched from the backend and kept live: when files or
 * their findings change (from the app or from outside), the view asks for
 * what changed since the version it has and applies that delta. Unchanged
 * nodes and edges stay the same objects, so the view model and the canvas
 * redo only what the change touched.
 */
import { useEffect, useState } from 'react';
import type { VaultApi } from '../../shared/api/vault-api';
import type { GraphModel } from '../../shared/vault/graph-model';
import { applyGraphDelta, isEmptyDelta, type GraphUpdate } from '../../shared/vault/graph-delta';

/** Bursts of changes (a save touches several files, findings follow) become one fetch. */
const REFETCH_DELAY_MS = 150;
/** Findings change with every pause in typing; their rings can wait for a longer pause. */
const FINDINGS_REFETCH_DELAY_MS = 600;

export function useVaultGraph(api: VaultApi | undefined, ready: boolean): { graph: GraphModel | undefined; error: string | undefined } {
  const [graph, setGraph] = useState<GraphModel | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (!api) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: { version: number; graph: GraphModel } | undefined;
    let inFlight = false;
    let again = false;

    const apply = (update: GraphUpdate) => {
      if ('graph' in update) current = { version: update.version, graph: update.graph };
      else if (current && update.since === current.version) {
        if (isEmptyDelta(update.delta)) {
          current = { version: update.version, graph: current.graph };
          return;
        }
        current = { version: update.version, graph: applyGraphDelta(current.graph, update.delta) };
      } else {
        // A delta from a version we do not have (cannot happen with one fetch at a time): start over.
        current = undefined;
        again = true;
        return;
      }
      setGraph(current.graph);
      setError(undefined);
    };
    const fetchGraph = () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      api.getGraphUpdate(current ? { since: current.version } : {}).then(
        (update) => {
          if (live) apply(update);
        },
        (e: Error) => {
          if (live) setError(e.message);
        },
      ).finally(() => {
        inFlight = false;
        if (live && again) {
          again = false;
          fetchGraph();
        }
      });
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
