/**
 * What a finding looks like wherever it travels: CLI output, the problems
 * panel, Monaco markers. Plain data, so it crosses worker and IPC boundaries.
 */
import type { Severity } from '../schema/schema';

export type { Severity };

/** A source range with both offsets (for edits) and 1-based positions (for people). */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A mechanical fix the validator can describe; the edit layer carries it out. */
export type FixEdit =
  | { kind: 'remove-inferred-link'; index: number }
  | { kind: 'retype-inferred-link'; index: number; to: string }
  | { kind: 'set-field'; path: string[]; value: string | number }
  | { kind: 'remove-relationship'; type: string; index: number }
  | { kind: 'add-inverse'; inPath: string; type: string; slug: string; weight?: number }
  | { kind: 'migrate-legacy' };

export interface Fix {
  title: string;
  edit: FixEdit;
}

export interface Diagnostic {
  /** Vault-relative path with `/` separators. */
  path: string;
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
