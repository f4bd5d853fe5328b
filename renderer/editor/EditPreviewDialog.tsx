import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';
import { EditPreviewView } from '../curation/EditPreviewView';

/** A structured edit (a fix in other files, a rename) as the backend planned it: every file's diff, then Apply or Cancel. */
export function EditPreviewDialog() {
  const ws = useWorkspace();
  const pending = useEditorStore((s) => s.pendingEdit);
  if (!pending) return null;
  const { preview } = pending;
  return (
    <div className="editor-dialog-backdrop">
      <div className="editor-dialog" role="dialog" aria-label={preview.title}>
        <div className="dialog-body">
          <EditPreviewView preview={preview} />
        </div>
        <div className="dialog-actions">
          <button onClick={() => void ws.edits.applyPending()} disabled={preview.files.length === 0} data-testid="edit-apply">
            Apply to {preview.files.length} file{preview.files.length === 1 ? '' : 's'}
          </button>
          <button onClick={() => ws.edits.cancelPending()}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
