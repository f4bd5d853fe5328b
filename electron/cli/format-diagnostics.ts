/**
 * Diagnostics as text: compiler style (`path:line:col: severity rule message`,
 * which editors and CI annotate) or JSON.
 */
import type { Diagnostic, Severity } from '../../shared/validation/diagnostic';

export function formatCompilerStyle(d: Diagnostic, displayPath: string): string {
  return `${displayPath}:${d.span.line}:${d.span.column}: ${d.severity} ${d.rule} ${d.message}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatSummary(files: number, counts: Record<Severity, number>, ms: number): string {
  return `${plural(files, 'file')} checked in ${(ms / 1000).toFixed(2)} s: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
}

export function diagnosticToJson(d: Diagnostic, displayPath: string): Record<string, unknown> {
  return {
    path: displayPath,
    line: d.span.line,
    column: d.span.column,
    endLine: d.span.endLine,
    endColumn: d.span.endColumn,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
  };
}
