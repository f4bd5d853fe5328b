/**
 * What the problems panel lists: the vault's findings at or above a
 * severity, optionally of one rule, grouped by file or by rule, with the
 * count of each rule (for the rule filter). Pure, so it is tested without a
 * browser; the panel memoises it on the store's findings.
 */
import { SEVERITY_RANK, type Diagnostic, type Severity } from '../../shared/validation/diagnostic';
import type { DiagnosticsByPath } from '../store/vault-store';

export type GroupBy = 'file' | 'rule';

export interface ProblemQuery {
  minSeverity: Severity;
  /** One rule id, or '' for every rule. */
  rule: string;
  groupBy: GroupBy;
}

export interface ProblemGroup {
  /** The file's path or the rule's id. */
  key: string;
  items: readonly Diagnostic[];
}

export interface ProblemList {
  groups: ProblemGroup[];
  /** Findings listed (after both filters). */
  total: number;
  /** Every rule with findings at or above the severity, with its count, most frequent first. */
  rules: Array<{ rule: string; count: number }>;
}

const sortedPaths = new WeakMap<DiagnosticsByPath, string[]>();

function pathsOf(byPath: DiagnosticsByPath): string[] {
  let paths = sortedPaths.get(byPath);
  if (!paths) sortedPaths.set(byPath, (paths = [...byPath.keys()].sort()));
  return paths;
}

export function problemGroups(byPath: DiagnosticsByPath, query: ProblemQuery): ProblemList {
  const limit = SEVERITY_RANK[query.minSeverity];
  const ruleCounts = new Map<string, number>();
  const byRule = new Map<string, Diagnostic[]>();
  const groups: ProblemGroup[] = [];
  let total = 0;
  for (const path of pathsOf(byPath)) {
    const list = byPath.get(path) ?? [];
    let kept: Diagnostic[] | undefined;
    let all = true;
    for (const d of list) {
      const passes = SEVERITY_RANK[d.severity] <= limit;
      if (passes) ruleCounts.set(d.rule, (ruleCounts.get(d.rule) ?? 0) + 1);
      if (!passes || (query.rule !== '' && d.rule !== query.rule)) {
        all = false;
        continue;
      }
      total++;
      if (query.groupBy === 'rule') (byRule.get(d.rule) ?? byRule.set(d.rule, []).get(d.rule))?.push(d);
      else (kept ??= []).push(d);
    }
    // A file whose findings all pass keeps its list object, so its rows need not re-render.
    if (query.groupBy === 'file' && kept) groups.push({ key: path, items: all ? list : kept });
  }
  if (query.groupBy === 'rule') {
    for (const [rule, items] of [...byRule].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) groups.push({ key: rule, items });
  }
  const rules = [...ruleCounts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
  return { groups, total, rules };
}
