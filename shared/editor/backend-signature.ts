/**
 * What the backend would learn from a new copy of the editor's text: the
 * file's facts that other files' findings depend on (identity, links; not
 * where they sit), and its own findings with their lines. When a keystroke
 * leaves this unchanged (most typing in the prose does), the backend's
 * findings would not change either, and the editor need not send the text:
 * no round trip, and no vault-wide refresh for the rest of the app.
 */
import type { FileAnalysis } from '../validation/analyze-file';

const POSITION_KEYS = new Set(['span', 'headSpan', 'idSpan', 'slugSpan', 'titleSpan', 'targetSpan', 'typeSpan']);

export function backendSignature(analysis: FileAnalysis): string {
  const facts = JSON.stringify(analysis.facts, (key, value: unknown) => (POSITION_KEYS.has(key) ? undefined : value));
  const own = analysis.diagnostics.map((d) => `${d.rule}|${d.severity}|${d.span.line}:${d.span.column}|${d.message}`).join('\n');
  return `${facts}\n${own}`;
}
