import { useMemo, useState } from 'react';
import type { Severity } from '../../shared/validation/diagnostic';
import { useTrellis } from '../store/vault-store';
import { revealInEditor } from '../editor/editor-commands';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** Every finding of the vault, grouped by file, filterable by severity; a click opens the file. */
export function ProblemsPanel() {
  const diagnostics = useTrellis((s) => s.diagnostics);
  const select = useTrellis((s) => s.select);
  const [minSeverity, setMinSeverity] = useState<Severity>('warning');
  const groups = useMemo(() => {
    const limit = ORDER.indexOf(minSeverity);
    const byFile = new Map<string, typeof diagnostics>();
    for (const d of diagnostics) {
      if (ORDER.indexOf(d.severity) > limit) continue;
      const list = byFile.get(d.path) ?? [];
      list.push(d);
      byFile.set(d.path, list);
    }
    return [...byFile];
  }, [diagnostics, minSeverity]);
  const shownCount = groups.reduce((n, [, l]) => n + l.length, 0);
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <div className="problems-bar">
        <strong>Problems</strong> <span data-testid="problems-count">{shownCount}</span>
        <label>
          show
          <select value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as Severity)} aria-label="Minimum severity">
            <option value="error">errors</option>
            <option value="warning">errors and warnings</option>
            <option value="info">everything</option>
          </select>
        </label>
      </div>
      <ul>
        {groups.slice(0, 300).map(([path, list]) => (
          <li key={path}>
            <div className="problem-file">{path}</div>
            <ul>
              {list.map((d, i) => (
                <li key={i} className={`problem problem-${d.severity}`} onClick={() => {
                    select(d.path);
                    revealInEditor(d.path, d.span.start);
                  }} title={d.rule}>
                  <span className={`sev sev-${d.severity}`}>{d.severity}</span> {d.message}{' '}
                  <span className="loc">
                    {d.span.line}:{d.span.column} {d.rule}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
