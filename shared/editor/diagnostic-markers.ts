/**
 * Findings → editor markers: which editor (front-matter or prose) each one
 * belongs in, and where, in that editor's 1-based lines and columns. Also the
 * rule that decides whose findings to show while both the validation worker
 * (instant, this file's own rules) and the backend (a little later, with the
 * cross-file rules and the vault's own schema) are answering.
 */
import type { Diagnostic, Severity } from '../validation/diagnostic';
import { RULES_BY_ID } from '../validation/rules';
import { LineIndex } from '../text/line-index';
import { locateOffset, type PartLayout, type PartName } from './file-parts';

export interface EditorPosition {
  lineNumber: number;
  column: number;
}

export type PositionAt = (offset: number) => EditorPosition;

export interface MarkerData {
  severity: Severity;
  message: string;
  /** The rule id (shown as the marker's code). */
  rule: string;
  /** The finding's file offset, to find it again for a quick fix. */
  start: number;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  fixable: boolean;
}

export type PartMarkers = Record<PartName, MarkerData[]>;

/** Positions in a text, counted the way Monaco counts them (UTF-16 columns). */
export function positionsIn(text: string): PositionAt {
  const index = new LineIndex(text);
  return (offset) => {
    const p = index.position(offset);
    return { lineNumber: p.line, column: p.column };
  };
}

export function diagnosticsToMarkers(diagnostics: readonly Diagnostic[], layout: PartLayout, positionAt: Record<PartName, PositionAt>): PartMarkers {
  const out: PartMarkers = { yaml: [], body: [] };
  for (const d of diagnostics) {
    const from = locateOffset(layout, d.span.start);
    let to = locateOffset(layout, Math.max(d.span.start, d.span.end));
    // A span never crosses from one editor into the other: cut it at the first one's end.
    if (to.part !== from.part) to = { part: from.part, offset: from.part === 'yaml' ? layout.yamlLength : layout.bodyLength };
    const a = positionAt[from.part](from.offset);
    const b = positionAt[from.part](to.offset);
    out[from.part].push({
      severity: d.severity,
      message: d.message,
      rule: d.rule,
      start: d.span.start,
      startLineNumber: a.lineNumber,
      startColumn: a.column,
      endLineNumber: b.lineNumber,
      endColumn: b.column,
      fixable: d.fix !== undefined,
    });
  }
  return out;
}

/** Rules the backend alone can decide: they need the rest of the vault. */
export function isVaultRule(rule: string): boolean {
  return RULES_BY_ID.get(rule)?.scope === 'vault';
}

export interface Findings {
  /** Version of the editor's text the findings describe (already carried to the current text). */
  version: number;
  diagnostics: Diagnostic[];
}

/**
 * What to show: the backend's findings when they are at least as new as the
 * worker's (they apply the vault's schema and include cross-file rules);
 * otherwise the worker's own-file findings plus the backend's cross-file ones.
 */
export function chooseFindings(local: Findings | undefined, remote: Findings | undefined): Diagnostic[] {
  if (!remote) return local ? local.diagnostics : [];
  if (!local || remote.version >= local.version) return remote.diagnostics;
  return [...local.diagnostics.filter((d) => !isVaultRule(d.rule)), ...remote.diagnostics.filter((d) => isVaultRule(d.rule))];
}
