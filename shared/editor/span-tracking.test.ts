import { describe, expect, it } from 'vitest';
import { shiftDiagnostics, shiftRange, SpliceLog } from './span-tracking';
import type { Diagnostic } from '../validation/diagnostic';

describe('carrying findings through edits', () => {
  const span = { start: 10, end: 15 };

  it('leaves a range alone when the edit is after it, or exactly at its end', () => {
    expect(shiftRange(span, [{ offset: 20, removed: 2, inserted: 5 }])).toEqual(span);
    expect(shiftRange(span, [{ offset: 15, removed: 0, inserted: 3 }])).toEqual(span);
  });

  it('shifts a range when the edit is before it, or an insertion at its start', () => {
    expect(shiftRange(span, [{ offset: 2, removed: 1, inserted: 4 }])).toEqual({ start: 13, end: 18 });
    expect(shiftRange(span, [{ offset: 10, removed: 0, inserted: 2 }])).toEqual({ start: 12, end: 17 });
    expect(shiftRange(span, [{ offset: 5, removed: 5, inserted: 0 }])).toEqual({ start: 5, end: 10 });
  });

  it('drops a range an edit landed in', () => {
    expect(shiftRange(span, [{ offset: 12, removed: 0, inserted: 1 }])).toBeUndefined();
    expect(shiftRange(span, [{ offset: 8, removed: 4, inserted: 0 }])).toBeUndefined();
  });

  it('moves points with insertions at them and keeps them at the start of a deletion', () => {
    expect(shiftRange({ start: 4, end: 4 }, [{ offset: 4, removed: 0, inserted: 3 }])).toEqual({ start: 7, end: 7 });
    expect(shiftRange({ start: 4, end: 4 }, [{ offset: 4, removed: 2, inserted: 0 }])).toEqual({ start: 4, end: 4 });
    expect(shiftRange({ start: 4, end: 4 }, [{ offset: 2, removed: 4, inserted: 0 }])).toBeUndefined();
  });

  it('applies several splices in order', () => {
    expect(shiftRange(span, [{ offset: 0, removed: 0, inserted: 1 }, { offset: 0, removed: 0, inserted: 1 }, { offset: 30, removed: 3, inserted: 0 }])).toEqual({ start: 12, end: 17 });
  });

  it('shifts diagnostics and drops the touched ones', () => {
    const d = (start: number, end: number): Diagnostic => ({ path: 'a.md', rule: 'r', severity: 'error', message: 'm', span: { start, end, line: 1, column: 1, endLine: 1, endColumn: 1 } });
    const out = shiftDiagnostics([d(0, 2), d(5, 8), d(20, 22)], [{ offset: 6, removed: 1, inserted: 3 }]);
    expect(out.map((x) => [x.span.start, x.span.end])).toEqual([
      [0, 2],
      [22, 24],
    ]);
  });
});

describe('the splice log', () => {
  it('gives the splices since a version, and forgets old ones', () => {
    const log = new SpliceLog();
    const a = { offset: 1, removed: 0, inserted: 1 };
    const b = { offset: 2, removed: 1, inserted: 0 };
    expect(log.record(a)).toBe(1);
    expect(log.record(b)).toBe(2);
    expect(log.since(0)).toEqual([a, b]);
    expect(log.since(1)).toEqual([b]);
    expect(log.since(2)).toEqual([]);
    log.forgetBefore(1);
    expect(log.since(1)).toEqual([b]);
    expect(log.since(0)).toBeUndefined();
  });
});
