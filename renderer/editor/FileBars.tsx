import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';

/** Bars above the editors for the active file: a conflict with the disk, a slug edit to rename, a notice. */
export function FileBars() {
  const ws = useWorkspace();
  const tab = useEditorStore((s) => s.tabs.find((t) => t.path === s.activePath));
  const setStore = useEditorStore((s) => s.set);
  if (!tab) return null;
  const path = tab.path;
  return (
    <>
      {tab.error && (
        <div className="file-bar file-bar-error" role="alert">
          {tab.error}
        </div>
      )}
      {tab.conflict?.kind === 'changed' && (
        <div className="file-bar file-bar-conflict" role="alert" data-testid="conflict-bar">
          <span>
            <strong>{path}</strong> changed on disk while you were editing it. Nothing has been overwritten.
          </span>
          <button onClick={() => setStore({ compare: path })} data-testid="conflict-compare">
            Compare
          </button>
          <button onClick={() => void ws.sync.keepMine(path)} title="Save your version over the one on disk" data-testid="conflict-keep-mine">
            Keep mine
          </button>
          <button onClick={() => ws.sync.takeTheirs(path)} title="Load the version on disk (undo brings yours back)" data-testid="conflict-take-theirs">
            Take theirs
          </button>
        </div>
      )}
      {tab.conflict?.kind === 'deleted' && (
        <div className="file-bar file-bar-conflict" role="alert" data-testid="conflict-bar">
          <span>
            <strong>{path}</strong> was removed from disk, but you have unsaved changes to it.
          </span>
          <button onClick={() => void ws.sync.keepMine(path)} data-testid="conflict-keep-mine">
            Keep mine (save it again)
          </button>
          <button onClick={() => ws.sync.takeTheirs(path)} data-testid="conflict-take-theirs">
            Discard and close
          </button>
        </div>
      )}
      {tab.slugEdit && !tab.conflict && (
        <div className="file-bar file-bar-info" data-testid="slug-bar">
          <span>
            The slug <code>{tab.slugEdit}</code> differs from the file name. Links use the file name.
          </span>
          <button onClick={() => void ws.edits.renameToTypedSlug(path)}>Rename the pattern across the vault…</button>
        </div>
      )}
      {tab.notice && (
        <div className="file-bar file-bar-info" role="status">
          {tab.notice}
        </div>
      )}
    </>
  );
}
