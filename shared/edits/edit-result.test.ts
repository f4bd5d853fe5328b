import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges, invertChanges, succeed, type TextChange } from './edit-result';

describe('text changes', () => {
  it('apply in position order, insertions before a replacement at the same offset', () => {
    const changes: TextChange[] = [
      { start: 4, end: 5, newText: 'E' },
      { start: 0, end: 0, newText: '>' },
      { start: 4, end: 4, newText: '+' },
    ];
    expect(applyChanges('abcde', changes)).toBe('>abcd+E');
  });

  it('refuse overlapping changes instead of guessing', () => {
    expect(applyChanges('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }])).toBeUndefined();
    expect(succeed('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }])).toMatchObject({ ok: false });
  });

  it('drop splices that change nothing', () => {
    expect(succeed('abc', [{ start: 1, end: 2, newText: 'b' }])).toEqual({ ok: true, text: 'abc', changes: [] });
  });

  it('invert exactly: applying the inverse to the result gives the original back', () => {
    const arb = fc.string({ maxLength: 30 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }).chain((cuts) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const pairs: Array<[number, number]> = [];
          for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] as number, sorted[i + 1] as number]);
          return fc.tuple(...pairs.map(([s, e]) => fc.string({ maxLength: 5 }).map((t): TextChange => ({ start: s, end: e, newText: t }))));
        }),
      ),
    );
    fc.assert(
      fc.property(arb, ([text, changes]) => {
        const r = succeed(text, changes);
        if (!r.ok) throw new Error(r.reason);
        expect(applyChanges(r.text, invertChanges(text, r.changes))).toBe(text);
      }),
    );
  });
});
