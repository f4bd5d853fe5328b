import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';

function DiffText({ diff }: { diff: string }) {
  return (
    <pre className="edit-diff">
      {diff.split('\n').map((line, i) => (
        <span key={i} className={line.startsWith('+') && !line.startsWith('+++') ? 'diff-add' : line.startsWith('-') && !line.startsWith('---') ? 'diff-del' : line.startsWith('@@') ? 'diff-hunk' : undefined}>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

/** A structured edit (a fix in other files, a rename) as the backend planned it: every file's diff, then Apply or Cancel. */
export function EditPreviewDialog() {
  const ws = useWorkspace();
  const pending = useEditorStore((s) => s.pendingEdit);
  if (!pending) return null;
  const { preview } = pending;
  return (
    <div className="editor-dialog-backdrop">
      <div className="editor-dialog" role="dialog" aria-label={preview.title} data-testid="edit-preview">
        <div className="dialog-head">
          <strong>{preview.title}</strong>
        </div>
        <div className="dialog-body">
          {preview.summary.map((s, i) => (
            <div key={i} className="edit-summary">
              {s}
            </div>
          ))}
          {preview.refused.length > 0 && (
            <div className="edit-refused">
              Not changed:
              <ul>
                {preview.refused.map((r) => (
                  <li key={r.path}>
                    {r.path}: {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.files.map((f) => (
            <details key={f.path} open={preview.files.length <= 3}>
              <summary>{f.newPath ? `${f.path} → ${f.newPath}` : f.path}</summary>
              <DiffText diff={f.diff} />
            </details>
          ))}
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
