import { useState } from 'react';
import type { EditPreview, FileChangePreview } from '../../shared/api/vault-api';
import { DiffBlock } from './DiffBlock';
// Also shown by the editor's dialog, outside the curation view: bring its styles along.
import './curation.css';

/** Lines added and removed by one file's diff. */
export function diffCounts(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) added++;
    else if (line.startsWith('-') && !line.startsWith('---')) removed++;
  }
  return { added, removed };
}

function FileDiff({ file, initiallyOpen }: { file: FileChangePreview; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const { added, removed } = diffCounts(file.diff);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="preview-file" data-path={file.path}>
      <summary>
        {file.newPath ? `${file.path} → ${file.newPath}` : file.path}
        <span className="counts">
          <span className="add">+{added}</span> <span className="del">−{removed}</span>
        </span>
      </summary>
      {/* Thousands of files may be listed: a diff is only laid out once opened. */}
      {open && <DiffBlock diff={file.diff} />}
    </details>
  );
}

/** A deleted file's diff is the whole file in red: not worth opening unasked. */
function isWholeFileDeletion(diff: string): boolean {
  return /^@@ -1,\d+ \+0,0 @@/m.test(diff);
}

const SHOWN_AT_ONCE = 200;

/** What an edit would do: the summary, what it cannot change, and each file's diff (collapsible). */
export function EditPreviewView({ preview }: { preview: EditPreview }) {
  const [limit, setLimit] = useState(SHOWN_AT_ONCE);
  const files = preview.files.slice(0, limit);
  return (
    <div className="edit-preview" data-testid="edit-preview">
      <strong>{preview.title}</strong>
      <ul className="edit-preview-summary" data-testid="preview-summary">
        {preview.summary.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
      {preview.refused.length > 0 && (
        <details className="edit-preview-refused" open={preview.refused.length <= 5}>
          <summary>{preview.refused.length} file(s) cannot be changed</summary>
          <ul>
            {preview.refused.map((r) => (
              <li key={r.path}>
                {r.path}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="muted">
        {preview.files.length} file(s) change
        {preview.createdPath && ` · creates ${preview.createdPath}`}
      </div>
      <div className="edit-preview-files">
        {files.map((f) => (
          // Keyed by the preview too: a new preview starts with its own open/closed state.
          <FileDiff key={`${preview.id}:${f.path}`} file={f} initiallyOpen={preview.files.length <= 3 && !isWholeFileDeletion(f.diff)} />
        ))}
        {preview.files.length > limit && (
          <button className="curation-button" onClick={() => setLimit((l) => l + SHOWN_AT_ONCE)}>
            Show {Math.min(SHOWN_AT_ONCE, preview.files.length - limit)} more of {preview.files.length - limit} files
          </button>
        )}
      </div>
    </div>
  );
}
