import { useMemo, type KeyboardEvent } from 'react';
import type { VaultApi } from '../../shared/api/vault-api';
import { acquireWorkspace } from './workspace-registry';
import { WorkspaceContext } from './workspace-context';
import { useEditorStore } from './editor-store';
import { EditorTabs } from './EditorTabs';
import { EditorToolbar } from './EditorToolbar';
import { FileBars } from './FileBars';
import { SplitEditors } from './SplitEditors';
import { CompareDialog } from './CompareDialog';
import { EditPreviewDialog } from './EditPreviewDialog';
import './editor.css';

/** The loaded editor pane, showing the vault's editor workspace (which outlives the pane). */
export default function EditorMain({ api, vaultRoot }: { api: VaultApi; vaultRoot: string }) {
  const ws = useMemo(() => acquireWorkspace(api, vaultRoot), [api, vaultRoot]);
  const activePath = useEditorStore((s) => s.activePath);
  const hasTabs = useEditorStore((s) => s.tabs.length > 0);
  // Ctrl/Cmd+S anywhere in the pane (the preview, the toolbar), not only inside an editor.
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (activePath) void ws.sync.save(activePath);
    }
  };
  return (
    <WorkspaceContext.Provider value={ws}>
      <section className="editor-pane" aria-label="Pattern editor" data-testid="editor-pane" onKeyDown={onKeyDown}>
        <EditorTabs />
        {hasTabs && <EditorToolbar />}
        <FileBars />
        <SplitEditors />
        {!hasTabs && <div className="editor-empty editor-hint">Select a pattern to edit its front-matter and prose.</div>}
        <CompareDialog />
        <EditPreviewDialog />
      </section>
    </WorkspaceContext.Provider>
  );
}
