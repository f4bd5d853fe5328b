/**
 * Promote and prune from the graph: each previews the edit on the backend,
 * applies exactly what was previewed, and offers to undo it. The graph then
 * updates through the backend's file-change event like any other change.
 */
import { useCallback, useState } from 'react';
import type { VaultApi, VaultEditRequest } from '../../shared/api/vault-api';
import type { ViewEdge } from '../../shared/graph/graph-view-model';

export interface EditToast {
  message: string;
  error: boolean;
  /** Offered after an edit that was applied. */
  canUndo: boolean;
}

export interface GraphEdits {
  promote(edge: ViewEdge, type: string): Promise<void>;
  prune(edge: ViewEdge): Promise<void>;
  undo(): Promise<void>;
  toast: EditToast | undefined;
  dismiss(): void;
}

/**
 * The entry's position in `graph_garden.inferred_links`, from the id
 * `buildGraph` gives an inferred edge (`i:<source>:<index>`): it picks the
 * right entry when the same target is listed twice.
 */
export function inferredIndex(edgeId: string): number | undefined {
  const m = /^i:.*:(\d+)$/.exec(edgeId);
  return m ? Number(m[1]) : undefined;
}

export function useGraphEdits(api: VaultApi | undefined, pathOf: (id: string) => string | undefined): GraphEdits {
  const [toast, setToast] = useState<EditToast | undefined>();

  const run = useCallback(
    async (edit: VaultEditRequest) => {
      if (!api) return;
      try {
        const preview = await api.previewEdit({ edit });
        if (preview.files.length === 0) {
          setToast({ message: preview.refused[0]?.reason ?? `${preview.title}: nothing to change`, error: preview.refused.length > 0, canUndo: false });
          return;
        }
        const result = await api.applyEdit({ previewId: preview.id });
        if (result.ok) setToast({ message: result.title, error: false, canUndo: true });
        else setToast({ message: result.message, error: true, canUndo: false });
      } catch (e) {
        setToast({ message: (e as Error).message, error: true, canUndo: false });
      }
    },
    [api],
  );

  const sourcePath = useCallback(
    (edge: ViewEdge): string | undefined => {
      const path = pathOf(edge.source);
      if (!path) setToast({ message: `${edge.source} has no file to edit`, error: true, canUndo: false });
      return path;
    },
    [pathOf],
  );

  const promote = useCallback(
    async (edge: ViewEdge, type: string) => {
      const path = sourcePath(edge);
      const index = inferredIndex(edge.id);
      if (path) await run({ kind: 'promote', path, target: edge.target, type, ...(index !== undefined ? { index } : {}) });
    },
    [run, sourcePath],
  );

  const prune = useCallback(
    async (edge: ViewEdge) => {
      const path = sourcePath(edge);
      // The type as written picks the right entry when the same target is listed twice.
      if (path) await run({ kind: 'prune-link', path, target: edge.target, ...(edge.rawType ? { type: edge.rawType } : {}) });
    },
    [run, sourcePath],
  );

  const undo = useCallback(async () => {
    if (!api) return;
    try {
      const r = await api.undo({});
      setToast({ message: r.message, error: !r.ok, canUndo: false });
    } catch (e) {
      setToast({ message: (e as Error).message, error: true, canUndo: false });
    }
  }, [api]);

  return { promote, prune, undo, toast, dismiss: useCallback(() => setToast(undefined), []) };
}
