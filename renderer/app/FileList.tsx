import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTrellis } from '../store/vault-store';
import { SeverityBadges } from './SeverityBadges';

/** Every pattern of the vault with its finding counts; type to filter, arrows to move. */
export function FileList() {
  const files = useTrellis((s) => s.files);
  const selectedPath = useTrellis((s) => s.selectedPath);
  const select = useTrellis((s) => s.select);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? files.filter((f) => f.path.toLowerCase().includes(q) || (f.title ?? '').toLowerCase().includes(q)) : files;
  }, [files, filter]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const at = shown.findIndex((f) => f.path === selectedPath);
    const next = shown[Math.max(0, Math.min(shown.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) select(next.path);
  };

  return (
    <nav className="file-list" aria-label="Patterns" onKeyDown={onKeyDown}>
      <input className="file-filter" placeholder="Filter patterns…" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter patterns" />
      <ul role="listbox" aria-label="Pattern files" data-testid="file-list">
        {shown.map((f) => (
          <li
            key={f.path}
            role="option"
            aria-selected={f.path === selectedPath}
            tabIndex={f.path === selectedPath ? 0 : -1}
            className={f.path === selectedPath ? 'selected' : undefined}
            data-path={f.path}
            onClick={() => select(f.path)}
          >
            <span className="file-title">{f.title ?? f.name}</span>
            {f.generation === 'legacy' && <span className="tag">legacy</span>}
            <SeverityBadges counts={f.counts} />
          </li>
        ))}
      </ul>
      <div className="file-count">{shown.length === files.length ? `${files.length} patterns` : `${shown.length} of ${files.length} patterns`}</div>
    </nav>
  );
}
