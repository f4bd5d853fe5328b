import { lazy, Suspense } from 'react';
import { useTrellis } from '../store/vault-store';

// Monaco is a few megabytes: it loads when the pane first shows, not with the app.
const EditorMain = lazy(() => import('./EditorMain'));

/**
 * The pattern editor: tabs of open patterns, front-matter and prose side by
 * side, live findings, saving and conflicts. Mount it where the selected
 * pattern is shown; it follows the app's selection and sets it.
 */
export function EditorPane() {
  const api = useTrellis((s) => s.api);
  const vaultRoot = useTrellis((s) => s.vault?.root);
  if (!api || vaultRoot === undefined) return <section className="editor-pane editor-empty">Opening the vault…</section>;
  return (
    <Suspense fallback={<section className="editor-pane editor-empty">Loading the editor…</section>}>
      <EditorMain api={api} vaultRoot={vaultRoot} />
    </Suspense>
  );
}
