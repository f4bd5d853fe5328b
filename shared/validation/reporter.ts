/**
 * Collects one file's findings, turning offsets into spans and applying the
 * vault's severity settings (a rule set to 'off' reports nothing).
 */
import type { PatternSchema } from '../schema/schema';
import { LineIndex } from '../text/line-index';
import type { Diagnostic, Fix, Span } from './diagnostic';
import { ruleSetting } from './rules';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines: LineIndex;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly schema: PatternSchema,
  ) {
    this.lines = new LineIndex(text);
  }

  span(start: number, end: number = start): Span {
    const a = this.lines.position(start);
    const b = end === start ? a : this.lines.position(end);
    return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  enabled(rule: string): boolean {
    return ruleSetting(this.schema, rule) !== 'off';
  }

  report(rule: string, range: { start: number; end: number }, message: string, fix?: Fix): void {
    const setting = ruleSetting(this.schema, rule);
    if (setting === 'off') return;
    const d: Diagnostic = { path: this.path, rule, severity: setting, message, span: this.span(range.start, range.end) };
    if (fix) d.fix = fix;
    this.diagnostics.push(d);
  }
}
