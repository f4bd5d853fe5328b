/**
 * Structured edits as the curation UI runs them: preview on the backend,
 * then apply exactly what was previewed. Failures come back as values
 * (refused, conflict, stale preview, transport error) so every caller can
 * show them and carry on; nothing here throws.
 */
import type { ApplyResult, EditPreview, UndoResult, VaultApi, VaultEditRequest } from '../../shared/api/vault-api';

export type EditFailureKind = 'refused' | 'conflict' | 'error' | 'stale-preview' | 'nothing';

export interface EditFailure {
  ok: false;
  kind: EditFailureKind;
  message: string;
}

export type PreviewOutcome = { ok: true; preview: EditPreview } | EditFailure;
export type ApplyOutcome = { ok: true; title: string; files: string[] } | EditFailure;

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : 'unknown error';
}

/** `EditRefused` is the backend's "this edit cannot be made" (an ApiError rebuilt on our side). */
function failureOf(err: unknown): EditFailure {
  const name = err instanceof Error ? err.name : '';
  return { ok: false, kind: name === 'EditRefused' ? 'refused' : 'error', message: errorMessage(err) };
}

export async function previewEdit(api: VaultApi, edit: VaultEditRequest): Promise<PreviewOutcome> {
  try {
    return { ok: true, preview: await api.previewEdit({ edit }) };
  } catch (err) {
    return failureOf(err);
  }
}

export async function applyPreview(api: VaultApi, previewId: string): Promise<ApplyOutcome> {
  let result: ApplyResult;
  try {
    result = await api.applyEdit({ previewId });
  } catch (err) {
    return failureOf(err);
  }
  return result.ok ? { ok: true, title: result.title, files: result.files } : { ok: false, kind: result.kind, message: result.message };
}

/** One decision written at once: preview and apply, with no one in between. */
export async function previewAndApply(api: VaultApi, edit: VaultEditRequest): Promise<ApplyOutcome> {
  const p = await previewEdit(api, edit);
  if (!p.ok) return p;
  if (p.preview.files.length === 0) {
    const why = p.preview.refused[0]?.reason;
    return { ok: false, kind: why ? 'refused' : 'nothing', message: why ? `${p.preview.title}: ${why}` : `${p.preview.title}: nothing to change` };
  }
  return applyPreview(api, p.preview.id);
}

export async function undoLast(api: VaultApi): Promise<UndoResult> {
  try {
    return await api.undo({});
  } catch (err) {
    return { ok: false, message: errorMessage(err), files: [] };
  }
}
