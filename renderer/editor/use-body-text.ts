import { useEffect, useState } from 'react';
import { useEditorStore } from './editor-store';
import type { EditorWorkspace } from './editor-workspace';

/** The active tab's prose text, following typing after a short pause (for the preview and the outline). */
export function useBodyText(ws: EditorWorkspace, delayMs = 200): { path: string | undefined; text: string } {
  const path = useEditorStore((s) => s.activePath);
  const tab = useEditorStore((s) => s.tabs.find((t) => t.path === s.activePath));
  const generation = tab?.generation;
  const loading = tab?.loading;
  const [text, setText] = useState('');
  useEffect(() => {
    const session = path === undefined ? undefined : ws.sessions.get(path);
    if (!session) {
      setText('');
      return;
    }
    const model = session.bodyModel;
    setText(model.getValue());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = model.onDidChangeContent(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setText(model.getValue()), delayMs);
    });
    return () => {
      sub.dispose();
      if (timer) clearTimeout(timer);
    };
  }, [ws, path, generation, loading, delayMs]);
  return { path, text };
}
