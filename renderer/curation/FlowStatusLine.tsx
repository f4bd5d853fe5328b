import type { EditFlow } from './use-edit-flow';

const BUSY: Record<NonNullable<EditFlow['busy']>, string> = { preview: 'Preparing the preview…', apply: 'Writing the files…', undo: 'Undoing…' };

/** Where an edit flow stands: busy (with a bar), done, refused or failed. */
export function FlowStatusLine({ flow }: { flow: EditFlow }) {
  if (flow.busy) {
    return (
      <div className="status-line busy" role="status" data-testid="flow-busy">
        {flow.busy === 'apply' && flow.preview ? `Writing ${flow.preview.files.length} file(s) as one step…` : BUSY[flow.busy]}
        <div className="busy-bar" />
      </div>
    );
  }
  if (!flow.status && !flow.stale) return null;
  return (
    <>
      {flow.stale && (
        <div className="status-line error" role="alert">
          Files changed since this preview was made; preview again before applying.
        </div>
      )}
      {flow.status && (
        <div className={`status-line ${flow.status.tone}`} role={flow.status.tone === 'error' ? 'alert' : 'status'} data-testid="flow-status" data-tone={flow.status.tone}>
          {flow.status.text}
        </div>
      )}
    </>
  );
}
