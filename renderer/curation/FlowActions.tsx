import type { EditFlow } from './use-edit-flow';

export interface FlowActionsProps {
  flow: EditFlow;
  /** Prepares the preview (undefined: nothing to preview yet). */
  onPreview: (() => void) | undefined;
  onApply: () => void;
  onUndo: () => void;
  applyLabel?: string;
  testId: string;
}

/** Preview, Apply, Cancel, Undo: the same four steps for every lifecycle edit. */
export function FlowActions({ flow, onPreview, onApply, onUndo, applyLabel, testId }: FlowActionsProps) {
  return (
    <div className="prune-actions">
      <button className="curation-button" onClick={onPreview} disabled={!onPreview || !!flow.busy} data-testid={`${testId}-preview`}>
        Preview
      </button>
      {flow.preview && (
        <>
          <button className="curation-button primary" onClick={onApply} disabled={!!flow.busy || flow.stale || flow.preview.files.length === 0} data-testid={`${testId}-apply`}>
            {applyLabel ?? 'Apply'}
          </button>
          <button className="curation-button" onClick={flow.cancel} disabled={flow.busy === 'apply'} data-testid={`${testId}-cancel`}>
            Cancel
          </button>
        </>
      )}
      {flow.applied && !flow.applied.superseded && (
        <button className="curation-button" onClick={onUndo} disabled={!!flow.busy} data-testid={`${testId}-undo`}>
          Undo
        </button>
      )}
      {flow.applied?.superseded && <span className="muted">Other changes were applied since; undo them first (U in the inbox, or Edit ▸ Undo).</span>}
    </div>
  );
}
