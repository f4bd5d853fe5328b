import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { InboxSort } from '../../shared/curation/inbox';
import { useTrellis } from '../store/vault-store';
import { describeScope, linkKey } from './inbox-model';
import { visibleItems, type InboxStore } from './inbox-store';

/** Scope and order of the queue, and how much of it is left. */
export function InboxBar({ store, fixedScope }: { store: InboxStore; fixedScope: boolean }) {
  const scope = useStore(store, (s) => s.scope);
  const sort = useStore(store, (s) => s.sort);
  const left = useStore(store, (s) => {
    const visible = visibleItems(s);
    return s.skipped.size === 0 ? visible.length : visible.filter((i) => !s.skipped.has(linkKey(i))).length;
  });
  const skipped = useStore(store, (s) => s.skipped.size);
  const decided = useStore(store, (s) => s.decided);
  const status = useStore(store, (s) => s.status);
  const files = useTrellis((s) => s.files);
  const selectedPath = useTrellis((s) => s.selectedPath);
  const folders = useMemo(() => [...new Set(files.filter((f) => f.path.includes('/')).map((f) => f.path.slice(0, f.path.lastIndexOf('/'))))].sort(), [files]);

  // "Open pattern" follows the selection.
  useEffect(() => {
    if (scope.kind === 'pattern' && selectedPath && selectedPath !== scope.path) store.getState().setScope({ kind: 'pattern', path: selectedPath });
  }, [store, scope, selectedPath]);

  const onScopeKind = (kind: string) => {
    const s = store.getState();
    if (kind === 'vault') s.setScope({ kind: 'vault' });
    else if (kind === 'folder' && folders[0]) s.setScope({ kind: 'folder', folder: folders[0] });
    else if (kind === 'pattern' && selectedPath) s.setScope({ kind: 'pattern', path: selectedPath });
  };

  return (
    <div className="inbox-bar">
      <strong>Inbox</strong>
      {fixedScope ? (
        <span className="muted">{describeScope(scope)}</span>
      ) : (
        <>
          <label>
            Scope{' '}
            <select value={scope.kind} onChange={(e) => onScopeKind(e.target.value)} aria-label="Scope" data-testid="inbox-scope">
              <option value="vault">Whole vault</option>
              <option value="folder" disabled={folders.length === 0}>
                Folder
              </option>
              <option value="pattern" disabled={!selectedPath}>
                Open pattern{selectedPath ? ` (${selectedPath})` : ''}
              </option>
            </select>
          </label>
          {scope.kind === 'folder' && (
            <select value={scope.folder} onChange={(e) => store.getState().setScope({ kind: 'folder', folder: e.target.value })} aria-label="Folder">
              {folders.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          )}
        </>
      )}
      <label>
        Sort{' '}
        <select value={sort} onChange={(e) => store.getState().setSort(e.target.value as InboxSort)} aria-label="Sort" data-testid="inbox-sort">
          <option value="confidence">by confidence</option>
          <option value="source">by source</option>
        </select>
      </label>
      <span className="inbox-progress" data-testid="inbox-progress" role="status" aria-live="polite">
        {status === 'loading' ? (
          'loading…'
        ) : (
          <>
            <b data-testid="inbox-left">{left}</b> left · <span data-testid="inbox-decided">{decided}</span> decided{skipped > 0 && ` · ${skipped} skipped`}
          </>
        )}
      </span>
    </div>
  );
}
