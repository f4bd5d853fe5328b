import { useEffect, useRef } from 'react';
import { monaco } from './monaco-setup';
import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';

/** The disk's version beside the editor's (Monaco's diff editor), with the two ways out of the conflict. */
export function CompareDialog() {
  const ws = useWorkspace();
  const path = useEditorStore((s) => s.compare);
  const conflict = useEditorStore((s) => s.tabs.find((t) => t.path === s.compare)?.conflict);
  const setStore = useEditorStore((s) => s.set);
  const host = useRef<HTMLDivElement>(null);
  const diskText = conflict?.kind === 'changed' ? conflict.diskText : undefined;

  useEffect(() => {
    const session = path === undefined ? undefined : ws.sessions.get(path);
    if (!host.current || !session || diskText === undefined) return;
    const original = monaco.editor.createModel(diskText, 'markdown');
    const modified = monaco.editor.createModel(session.text(), 'markdown');
    const diff = monaco.editor.createDiffEditor(host.current, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      theme: 'trellis',
      minimap: { enabled: false },
      wordWrap: 'on',
      diffWordWrap: 'on',
      unusualLineTerminators: 'off',
      // Pattern files are long; show the changed regions with some context, and jump to the first.
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5, revealLineCount: 10 },
    });
    diff.setModel({ original, modified });
    let revealed = false;
    const sub = diff.onDidUpdateDiff(() => {
      if (revealed) return;
      revealed = true;
      diff.revealFirstDiff();
    });
    return () => {
      sub.dispose();
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [ws, path, diskText]);

  if (path === undefined) return null;
  const close = () => setStore({ compare: undefined });
  return (
    <div className="editor-dialog-backdrop">
      <div className="editor-dialog editor-compare" role="dialog" aria-label="Compare with the disk" data-testid="compare-dialog">
        <div className="dialog-head">
          <strong>{path}</strong>: on disk (left) and yours (right)
        </div>
        {diskText === undefined ? <div className="dialog-body">There is nothing to compare any more.</div> : <div className="diff-host" ref={host} />}
        <div className="dialog-actions">
          <button
            onClick={() => {
              close();
              void ws.sync.keepMine(path);
            }}
          >
            Keep mine
          </button>
          <button
            onClick={() => {
              close();
              ws.sync.takeTheirs(path);
            }}
          >
            Take theirs
          </button>
          <button onClick={close}>Close</button>
        </div>
      </div>
    </div>
  );
}
