/**
 * Keeps findings on the text they describe while the curator types. A result
 * (from the validation worker or the backend) describes the text as it was
 * when the request left; by the time it arrives, more keystrokes may have
 * landed. Each keystroke is logged as a splice, and a result is carried
 * through the splices made since its text: findings before an edit stay,
 * those after it shift, and those the edit touched are dropped (a fresh
 * result for the new text is already on its way).
 */
import type { Diagnostic } from '../validation/diagnostic';

/** One edit, in file offsets of the text before it. */
export interface Splice {
  offset: number;
  removed: number;
  inserted: number;
}

/** One range through one splice: unchanged, shifted, or undefined when the edit landed inside it. */
function shiftOnce(start: number, end: number, s: Splice): { start: number; end: number } | undefined {
  const editEnd = s.offset + s.removed;
  const delta = s.inserted - s.removed;
  if (start === end) {
    // A point: text inserted at it pushes it right; a deletion starting at it leaves it in place.
    if (start < s.offset) return { start, end };
    if (start >= editEnd) return { start: start + delta, end: end + delta };
    return start === s.offset ? { start, end } : undefined;
  }
  // Text inserted at a range's end stays outside it; at its start it pushes the range right.
  if (end <= s.offset) return { start, end };
  if (start >= editEnd) return { start: start + delta, end: end + delta };
  return undefined;
}

/** A range carried through splices in order, or undefined when an edit landed inside it. */
export function shiftRange(range: { start: number; end: number }, splices: readonly Splice[]): { start: number; end: number } | undefined {
  let r: { start: number; end: number } | undefined = { start: range.start, end: range.end };
  for (const s of splices) {
    r = shiftOnce(r.start, r.end, s);
    if (!r) return undefined;
  }
  return r;
}

/** Diagnostics carried through splices; line/column fields are left as they were (markers use offsets). */
export function shiftDiagnostics(diagnostics: readonly Diagnostic[], splices: readonly Splice[]): Diagnostic[] {
  if (splices.length === 0) return diagnostics.slice();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const r = shiftRange(d.span, splices);
    if (r) out.push(r.start === d.span.start && r.end === d.span.end ? d : { ...d, span: { ...d.span, start: r.start, end: r.end } });
  }
  return out;
}

/**
 * The splices made since a numbered version of a text. Versions count up by
 * one per splice; old entries are dropped once no pending result needs them.
 */
export class SpliceLog {
  private entries: Array<{ version: number; splice: Splice }> = [];
  private current = 0;

  get version(): number {
    return this.current;
  }

  record(splice: Splice): number {
    this.current++;
    this.entries.push({ version: this.current, splice });
    return this.current;
  }

  /** Splices that turn the text of `version` into the current one; undefined when they are no longer known. */
  since(version: number): Splice[] | undefined {
    if (version === this.current) return [];
    const first = this.entries[0];
    if (!first || first.version > version + 1) return undefined;
    return this.entries.filter((e) => e.version > version).map((e) => e.splice);
  }

  /** Forgets splices no result older than `version` will ask about. */
  forgetBefore(version: number): void {
    let i = 0;
    while (i < this.entries.length && (this.entries[i] as { version: number }).version <= version) i++;
    if (i > 0) this.entries = this.entries.slice(i);
  }
}
