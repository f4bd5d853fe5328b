/**
 * Preview → apply → undo for one structured edit at a time, as the pruning
 * dashboard and the lifecycle dialogs run it: the preview is what gets
 * applied (by id), an apply cannot start twice, cancelling simply drops the
 * preview, and a preview whose files changed meanwhile is marked stale
 * (applying it would be refused by the backend anyway).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditPreview, VaultEditRequest } from '../../shared/api/vault-api';
import { useTrellis } from '../store/vault-store';
import { applyPreview, previewEdit, undoLast } from './curation-edits';

export type FlowBusy = 'preview' | 'apply' | 'undo';

export interface FlowStatus {
  text: string;
  tone: 'ok' | 'error';
}

export interface EditFlow {
  preview: EditPreview | undefined;
  busy: FlowBusy | undefined;
  /**
   * The last edit this flow applied, until it is undone or another is
   * previewed. `superseded` once the app applied another change since: the
   * backend's undo takes the latest step, which would then not be this one.
   */
  applied: { title: string; files: string[]; createdPath?: string; superseded?: boolean } | undefined;
  status: FlowStatus | undefined;
  /** Files of the preview changed after it was made. */
  stale: boolean;
  run(edit: VaultEditRequest): Promise<EditPreview | undefined>;
  apply(): Promise<boolean>;
  cancel(): void;
  undo(): Promise<boolean>;
}

export function useEditFlow(): EditFlow {
  const api = useTrellis((s) => s.api);
  const [preview, setPreview] = useState<EditPreview | undefined>();
  const [busy, setBusy] = useState<FlowBusy | undefined>();
  const [applied, setApplied] = useState<EditFlow['applied']>();
  const [status, setStatus] = useState<FlowStatus | undefined>();
  const [stale, setStale] = useState(false);
  // State updates land after a render; the ref stops a second click in the same frame.
  const busyRef = useRef<FlowBusy | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const begin = (what: FlowBusy): boolean => {
    if (busyRef.current) return false;
    busyRef.current = what;
    setBusy(what);
    return true;
  };
  const end = () => {
    busyRef.current = undefined;
    if (mounted.current) setBusy(undefined);
  };

  useEffect(() => {
    if (!api || !preview) return;
    const touched = new Set(preview.files.flatMap((f) => (f.newPath ? [f.path, f.newPath] : [f.path])));
    return api.on('onDidChangeFiles', ({ changed, removed }) => {
      // Our own apply of this very preview also changes its files: that is not staleness.
      if (busyRef.current === 'apply') return;
      if ([...changed, ...removed].some((p) => touched.has(p))) setStale(true);
    });
  }, [api, preview]);

  // A newer preview supersedes one still on its way (the curator changed an option meanwhile).
  const previewSeq = useRef(0);
  // Over WebSocket our own apply announces its files before it answers; a transport that
  // reorders them would show our own files here, so only changes to other files count.
  const appliedFiles = applied?.files;
  useEffect(() => {
    if (!api || !appliedFiles) return;
    const ours = new Set(appliedFiles);
    return api.on('onDidChangeFiles', ({ changed, removed, external }) => {
      if (external || busyRef.current === 'undo') return;
      if ([...changed, ...removed].some((p) => !ours.has(p))) setApplied((a) => a && { ...a, superseded: true });
    });
  }, [api, appliedFiles]);

  const run = useCallback(
    async (edit: VaultEditRequest) => {
      if (!api || busyRef.current === 'apply' || busyRef.current === 'undo') return undefined;
      const mine = ++previewSeq.current;
      busyRef.current = 'preview';
      setBusy('preview');
      setStatus(undefined);
      const p = await previewEdit(api, edit);
      if (!mounted.current || mine !== previewSeq.current) return undefined;
      end();
      if (!p.ok) {
        setPreview(undefined);
        setStatus({ text: p.message, tone: 'error' });
        return undefined;
      }
      setPreview(p.preview);
      setStale(false);
      setApplied(undefined);
      return p.preview;
    },
    [api],
  );

  const apply = useCallback(async () => {
    if (!api || !preview || !begin('apply')) return false;
    const r = await applyPreview(api, preview.id);
    end();
    if (!mounted.current) return r.ok;
    if (r.ok) {
      setApplied({ title: r.title, files: r.files, ...(preview.createdPath ? { createdPath: preview.createdPath } : {}) });
      setPreview(undefined);
      setStatus({ text: `${r.title}: ${r.files.length} file(s) written`, tone: 'ok' });
    } else {
      setStatus({ text: r.message, tone: 'error' });
      // A stale preview id cannot be applied again; the curator previews anew.
      if (r.kind === 'stale-preview' || r.kind === 'conflict') setStale(true);
    }
    return r.ok;
  }, [api, preview]);

  const cancel = useCallback(() => {
    if (busyRef.current === 'apply') return;
    // A preview still on its way is dropped too.
    if (busyRef.current === 'preview') {
      previewSeq.current++;
      end();
    }
    setPreview(undefined);
    setStale(false);
    setStatus(undefined);
  }, []);

  const undo = useCallback(async () => {
    if (!api || !begin('undo')) return false;
    const r = await undoLast(api);
    end();
    if (!mounted.current) return r.ok;
    setStatus({ text: r.message, tone: r.ok ? 'ok' : 'error' });
    if (r.ok) setApplied(undefined);
    return r.ok;
  }, [api]);

  return { preview, busy, applied, status, stale, run, apply, cancel, undo };
}
