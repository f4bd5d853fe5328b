/**
 * Batch edits over a vault, previewed before anything is written: per-file
 * results and diffs, and a summary the CLI and the UI print. Each file is
 * parsed once; files are independent, so the cost is linear in the vault.
 */
import type { EditRefusal, EditSuccess } from './edit-result';
import { emptyRuleCounts, pruneInferredLinksByRules, PRUNE_RULES, type PruneRule, type RulePruneOptions, type RuleRemoval } from './prune-rules';
import { unifiedDiff } from './unified-diff';

export interface BatchSummary {
  /** Files the batch changes. */
  files: number;
  linksRemovedPerRule: Record<PruneRule, number>;
}

export interface FilePreview {
  path: string;
  result: EditSuccess;
  /** Unified diff of the file (empty when `diffs` was off). */
  diff: string;
  removed: RuleRemoval[];
}

export interface BatchPreview {
  previews: FilePreview[];
  refused: Array<{ path: string; reason: string }>;
  summary: BatchSummary;
}

export function addRuleCounts(into: Record<PruneRule, number>, add: Readonly<Record<PruneRule, number>>): void {
  for (const rule of PRUNE_RULES) into[rule] += add[rule];
}

/** One line per rule with a count, e.g. for the CLI: `already-curated: 812`. */
export function formatBatchSummary(summary: BatchSummary): string {
  const rules = PRUNE_RULES.filter((r) => summary.linksRemovedPerRule[r] > 0).map((r) => `  ${r}: ${summary.linksRemovedPerRule[r]}`);
  const total = PRUNE_RULES.reduce((n, r) => n + summary.linksRemovedPerRule[r], 0);
  return [`${summary.files} file(s) change, ${total} inferred link(s) removed`, ...rules].join('\n');
}

/**
 * Rule-based prune over many files. Files with nothing to remove are left out
 * of `previews`; files that cannot be edited are listed in `refused`.
 */
export function previewRulePrune(
  files: Iterable<readonly [path: string, text: string]>,
  options: RulePruneOptions,
  output: { diffs?: boolean } = {},
): BatchPreview {
  const previews: FilePreview[] = [];
  const refused: BatchPreview['refused'] = [];
  const perRule = emptyRuleCounts();
  for (const [path, text] of files) {
    const result = pruneInferredLinksByRules(text, options);
    if (!result.ok) {
      refused.push({ path, reason: (result as EditRefusal).reason });
      continue;
    }
    if (result.changes.length === 0) continue;
    addRuleCounts(perRule, result.removedPerRule);
    const { removed, removedPerRule: _counts, ...edit } = result;
    previews.push({ path, result: edit, diff: output.diffs === false ? '' : unifiedDiff(path, text, result.text), removed });
  }
  return { previews, refused, summary: { files: previews.length, linksRemovedPerRule: perRule } };
}
