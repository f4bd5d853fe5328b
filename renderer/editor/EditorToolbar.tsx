import { useState, type FormEvent } from 'react';
import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';

/** Save, autosave, prose view, outline, rename and the vault edit history, for the active tab. */
export function EditorToolbar() {
  const ws = useWorkspace();
  const activePath = useEditorStore((s) => s.activePath);
  const tab = useEditorStore((s) => s.tabs.find((t) => t.path === s.activePath));
  const settings = useEditorStore((s) => s.settings);
  const setSettings = useEditorStore((s) => s.setSettings);
  const busy = useEditorStore((s) => s.busy);
  const lastVaultEdit = useEditorStore((s) => s.lastVaultEdit);
  const [renaming, setRenaming] = useState<string | undefined>();
  if (!activePath || !tab) return null;
  const submitRename = (e: FormEvent) => {
    e.preventDefault();
    const to = (renaming ?? '').trim();
    setRenaming(undefined);
    if (to) void ws.edits.renameTo(activePath, to);
  };
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editor">
      <span className="editor-path" title={activePath}>
        {activePath}
      </span>
      <button onClick={() => void ws.sync.save(activePath)} disabled={!tab.dirty || Boolean(tab.conflict)} title="Save (Ctrl/Cmd+S)" data-testid="save">
        Save
      </button>
      <label title="Save after a pause in typing">
        <input type="checkbox" checked={settings.autosave} onChange={(e) => setSettings({ autosave: e.target.checked })} /> Autosave
      </label>
      <span className="toolbar-group" role="group" aria-label="Prose view">
        <button aria-pressed={settings.prose === 'source'} onClick={() => setSettings({ prose: 'source' })}>
          Source
        </button>
        <button aria-pressed={settings.prose === 'preview'} onClick={() => setSettings({ prose: 'preview' })} data-testid="toggle-preview">
          Preview
        </button>
      </span>
      <button aria-pressed={settings.outline} onClick={() => setSettings({ outline: !settings.outline })}>
        Outline
      </button>
      {renaming === undefined ? (
        <button onClick={() => setRenaming(tab.slugEdit ?? activePath.replace(/^.*\//, '').replace(/\.md$/i, ''))} disabled={tab.mode !== 'split'} title="Rename the pattern and every link to it">
          Rename…
        </button>
      ) : (
        <form className="rename-form" onSubmit={submitRename}>
          <input aria-label="New slug" value={renaming} autoFocus onChange={(e) => setRenaming(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setRenaming(undefined)} />
          <button type="submit">Preview rename</button>
        </form>
      )}
      <span className="toolbar-spacer" />
      {busy && <span className="editor-busy">{busy}</span>}
      <button onClick={() => void ws.edits.undo()} title={lastVaultEdit ? `Undo '${lastVaultEdit}' (all files it changed)` : 'Undo the last vault edit'}>
        Undo vault edit
      </button>
      <button onClick={() => void ws.edits.undo(true)} title="Redo the last undone vault edit">
        Redo
      </button>
    </div>
  );
}
