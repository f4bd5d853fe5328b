import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import type { Diagnostic, Severity } from '../../shared/validation/diagnostic';
import { useTrellis } from '../store/vault-store';
import { revealInEditor } from '../editor/editor-commands';
import { problemGroups, type GroupBy } from './problem-groups';

/** Rows drawn at first and per "show more": the corpus has tens of thousands of findings. */
const ROWS_STEP = 250;

/**
 * Every finding of the vault, grouped by file or by rule, filtered by
 * severity and rule; a click (or Enter) opens the file at the finding. Only
 * the groups whose findings changed re-render as the curator types.
 */
export function ProblemsPanel() {
  const diagnostics = useTrellis((s) => s.diagnostics);
  const [minSeverity, setMinSeverity] = useState<Severity>('warning');
  const [rule, setRule] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('file');
  const [rowLimit, setRowLimit] = useState(ROWS_STEP);
  const list = useMemo(() => problemGroups(diagnostics, { minSeverity, rule, groupBy }), [diagnostics, minSeverity, rule, groupBy]);

  // Groups up to the row limit (a group is never cut in half unless it alone passes the limit).
  const shownGroups: typeof list.groups = [];
  let rows = 0;
  for (const g of list.groups) {
    if (rows >= rowLimit) break;
    shownGroups.push(rows + g.items.length > rowLimit ? { key: g.key, items: g.items.slice(0, rowLimit - rows) } : g);
    rows += Math.min(g.items.length, rowLimit - rows);
  }
  const ruleShown = rule !== '' && !list.rules.some((r) => r.rule === rule) ? [{ rule, count: 0 }, ...list.rules] : list.rules;

  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <div className="problems-bar">
        <strong>Problems</strong> <span data-testid="problems-count">{list.total}</span>
        <label>
          show
          <select value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as Severity)} aria-label="Minimum severity">
            <option value="error">errors</option>
            <option value="warning">errors and warnings</option>
            <option value="info">everything</option>
          </select>
        </label>
        <label>
          rule
          <select value={rule} onChange={(e) => setRule(e.target.value)} aria-label="Rule" data-testid="problems-rule">
            <option value="">every rule</option>
            {ruleShown.map((r) => (
              <option key={r.rule} value={r.rule}>
                {r.rule} ({r.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          group by
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)} aria-label="Group by" data-testid="problems-group-by">
            <option value="file">file</option>
            <option value="rule">rule</option>
          </select>
        </label>
      </div>
      <ul>
        {shownGroups.map((g) => (
          <ProblemGroupView key={`${groupBy}:${g.key}`} title={g.key} items={g.items} showPath={groupBy === 'rule'} />
        ))}
      </ul>
      {rows < list.total && (
        <button className="problems-more" onClick={() => setRowLimit((n) => n + ROWS_STEP)}>
          Show {Math.min(ROWS_STEP, list.total - rows)} more of {list.total - rows} not listed
        </button>
      )}
    </section>
  );
}

const ProblemGroupView = memo(function ProblemGroupView({ title, items, showPath }: { title: string; items: readonly Diagnostic[]; showPath: boolean }) {
  const select = useTrellis((s) => s.select);
  const open = (d: Diagnostic) => {
    select(d.path);
    revealInEditor(d.path, d.span.start);
  };
  const onKey = (e: KeyboardEvent, d: Diagnostic) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    open(d);
  };
  return (
    <li data-group={title}>
      <div className="problem-file">
        {title} <span className="problem-count">{items.length}</span>
      </div>
      <ul>
        {items.map((d, i) => (
          <li key={i} className={`problem problem-${d.severity}`} role="button" tabIndex={0} onClick={() => open(d)} onKeyDown={(e) => onKey(e, d)} title={d.rule}>
            <span className={`sev sev-${d.severity}`}>{d.severity}</span> {d.message}{' '}
            <span className="loc">
              {showPath ? `${d.path}:` : ''}
              {d.span.line}:{d.span.column} {showPath ? '' : d.rule}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
});
