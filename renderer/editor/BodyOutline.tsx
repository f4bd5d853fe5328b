import { useMemo } from 'react';
import { extractOutline } from '../../shared/editor/body-outline';
import { useEditorStore } from './editor-store';
import { useWorkspace } from './workspace-context';
import { useBodyText } from './use-body-text';

/** The prose's headings; a click jumps there in the editor or the preview. */
export function BodyOutline() {
  const ws = useWorkspace();
  const { text } = useBodyText(ws, 300);
  const preview = useEditorStore((s) => s.settings.prose === 'preview');
  const entries = useMemo(() => extractOutline(text), [text]);
  const jump = (line: number) => {
    if (preview) document.querySelector(`.prose-preview [data-line="${line}"]`)?.scrollIntoView({ block: 'start' });
    else ws.revealBodyLine(line);
  };
  return (
    <nav className="body-outline" aria-label="Outline" data-testid="outline">
      <div className="pane-label">Outline</div>
      {entries.length === 0 && <div className="outline-empty">No headings</div>}
      <ul>
        {entries.map((e) => (
          <li key={`${e.line}`} style={{ paddingLeft: `${Math.max(0, e.level - 2) * 10 + 6}px` }}>
            <button onClick={() => jump(e.line)} title={`Line ${e.line}`}>
              {e.text || '(untitled)'}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
