/**
 * The app with the editor pane mounted where App.tsx shows the selected
 * pattern: what the end-to-end tests and the bench run until App.tsx mounts
 * `EditorPane` itself (then they build the real app instead).
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../../../renderer/api/api-client';
import { useTrellis } from '../../../renderer/store/vault-store';
import { VaultHeader } from '../../../renderer/app/VaultHeader';
import { FileList } from '../../../renderer/app/FileList';
import { ProblemsPanel } from '../../../renderer/app/ProblemsPanel';
import { EditorPane } from '../../../renderer/editor/EditorPane';
import '../../../renderer/styles.css';

function HarnessApp() {
  const connectionError = useTrellis((s) => s.connectionError);
  const notices = useTrellis((s) => s.notices);
  const dismiss = useTrellis((s) => s.dismissNotice);
  return h(
    'div',
    { className: 'app' },
    h(VaultHeader),
    connectionError ? h('div', { className: 'banner banner-error', role: 'alert' }, `Lost contact with the Trellis backend: ${connectionError}`) : null,
    // One child slot for the list (as App.tsx's JSX has it), so the panes below never change places and remount.
    notices.map((n, i) => h('div', { key: i, className: 'banner', role: 'status' }, n, ' ', h('button', { onClick: () => dismiss(i) }, 'Dismiss'))),
    h('main', { className: 'workspace' }, h(FileList), h(EditorPane)),
    h(ProblemsPanel),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(HarnessApp));
// For the bench's frame analysis: when the store changed, and what.
const storeUpdates: Array<{ at: number; keys: string[] }> = [];
(window as unknown as { __storeUpdates: typeof storeUpdates }).__storeUpdates = storeUpdates;
useTrellis.subscribe((s, prev) => {
  const keys = (Object.keys(s) as Array<keyof typeof s>).filter((k) => s[k] !== prev[k]);
  storeUpdates.push({ at: performance.now(), keys: keys as string[] });
  if (storeUpdates.length > 500) storeUpdates.shift();
});

const client = createApiClient();
void useTrellis.getState().connect(client);
