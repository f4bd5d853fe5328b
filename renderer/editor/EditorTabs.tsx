import type { MouseEvent } from 'react';
import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';

/** The open patterns; a dot marks unsaved changes, ⚠ a conflict with the disk. */
export function EditorTabs() {
  const ws = useWorkspace();
  const tabs = useEditorStore((s) => s.tabs);
  const activePath = useEditorStore((s) => s.activePath);
  const onAux = (e: MouseEvent, path: string) => {
    if (e.button === 1) {
      e.preventDefault();
      ws.close(path);
    }
  };
  return (
    <div className="editor-tabs" role="tablist" aria-label="Open patterns">
      {tabs.map((t) => (
        <div
          key={t.path}
          role="tab"
          aria-selected={t.path === activePath}
          className={`editor-tab${t.path === activePath ? ' active' : ''}${t.dirty ? ' dirty' : ''}`}
          data-path={t.path}
          data-dirty={t.dirty ? 'true' : 'false'}
          title={t.path}
          onClick={() => ws.activate(t.path)}
          onAuxClick={(e) => onAux(e, t.path)}
        >
          {t.conflict && <span className="tab-conflict" aria-label="conflict with the disk">⚠</span>}
          <span className="tab-title">{t.title}</span>
          <span className="tab-dirty" aria-label={t.dirty ? 'unsaved changes' : undefined}>
            {t.dirty ? '●' : ''}
          </span>
          <button
            className="tab-close"
            aria-label={`Close ${t.title}`}
            onClick={(e) => {
              e.stopPropagation();
              ws.close(t.path);
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
