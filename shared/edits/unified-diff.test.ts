import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unifiedDiff } from './unified-diff';

/** Applies a unified diff the way `patch` does, strictly (context must match). */
function applyPatch(before: string, diff: string): string {
  if (diff === '') return before;
  const a = before.split(/(?<=\n)/).filter((l, i, all) => !(l === '' && all.length === 1));
  const out: string[] = [];
  let at = 0;
  const lines = diff.split('\n');
  let i = 2;
  while (i < lines.length && lines[i] !== '') {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(lines[i] as string);
    if (!m) throw new Error(`bad hunk header ${lines[i]}`);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    const start = count === 0 ? Number(m[1]) : Number(m[1]) - 1;
    while (at < start) out.push(a[at++] as string);
    i++;
    while (i < lines.length && /^[ +-]/.test(lines[i] as string)) {
      const line = lines[i] as string;
      const noEol = lines[i + 1] === '\\ No newline at end of file';
      const text = line.slice(1) + (noEol ? '' : '\n');
      if (line[0] === '+') out.push(text);
      else {
        if (a[at] !== text) throw new Error(`context mismatch at line ${at + 1}`);
        if (line[0] === ' ') out.push(a[at] as string);
        at++;
      }
      i += noEol ? 2 : 1;
    }
  }
  while (at < a.length) out.push(a[at++] as string);
  return out.join('');
}

describe('unifiedDiff', () => {
  it('prints git-style hunks with three lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const after = before.replace('e\n', 'E\n');
    expect(unifiedDiff('x.md', before, after)).toBe(['--- a/x.md', '+++ b/x.md', '@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ''].join('\n'));
  });

  it('is empty for equal texts and marks a missing final newline', () => {
    expect(unifiedDiff('x', 'same\n', 'same\n')).toBe('');
    expect(unifiedDiff('x', 'a\n', 'a\nb')).toBe(['--- a/x', '+++ b/x', '@@ -1 +1,2 @@', ' a', '+b', '\\ No newline at end of file', ''].join('\n'));
  });

  it('produces a patch that turns the old text into the new one', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', 'e\n', 'ab\n', 'x\r\n', '\n');
    const textArb = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('', 'z')).map(([ls, tail]) => ls.join('') + tail);
    fc.assert(
      fc.property(textArb, textArb, fc.integer({ min: 0, max: 3 }), (before, after, context) => {
        expect(applyPatch(before, unifiedDiff('f', before, after, { context }))).toBe(after);
      }),
      { numRuns: 1500 },
    );
  });
});
