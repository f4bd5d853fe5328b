import { describe, expect, it } from 'vitest';
import type { Diagnostic, Severity } from '../../shared/validation/diagnostic';
import { problemGroups } from './problem-groups';

const d = (path: string, rule: string, severity: Severity, start: number): Diagnostic => ({
  path,
  rule,
  severity,
  message: `${rule} in ${path}`,
  span: { start, end: start + 1, line: start, column: 1, endLine: start, endColumn: 2 },
});

const vault = new Map<string, Diagnostic[]>([
  ['b.md', [d('b.md', 'missing-inverse', 'warning', 1), d('b.md', 'legacy-format', 'info', 2)]],
  ['a.md', [d('a.md', 'yaml-syntax', 'error', 1), d('a.md', 'missing-inverse', 'warning', 5)]],
  ['c.md', [d('c.md', 'missing-inverse', 'warning', 3)]],
]);

describe('the problems panel lists', () => {
  it('errors and warnings by file, files in path order', () => {
    const list = problemGroups(vault, { minSeverity: 'warning', rule: '', groupBy: 'file' });
    expect(list.groups.map((g) => [g.key, g.items.map((i) => i.rule)])).toEqual([
      ['a.md', ['yaml-syntax', 'missing-inverse']],
      ['b.md', ['missing-inverse']],
      ['c.md', ['missing-inverse']],
    ]);
    expect(list.total).toBe(4);
    // The rule filter offers the rules at this severity, most frequent first; info-only rules are not offered.
    expect(list.rules).toEqual([
      { rule: 'missing-inverse', count: 3 },
      { rule: 'yaml-syntax', count: 1 },
    ]);
  });

  it('by rule, the most frequent first, each rule across files', () => {
    const list = problemGroups(vault, { minSeverity: 'info', rule: '', groupBy: 'rule' });
    expect(list.groups.map((g) => [g.key, g.items.map((i) => i.path)])).toEqual([
      ['missing-inverse', ['a.md', 'b.md', 'c.md']],
      ['legacy-format', ['b.md']],
      ['yaml-syntax', ['a.md']],
    ]);
    expect(list.total).toBe(5);
  });

  it('one rule only, and errors only', () => {
    expect(problemGroups(vault, { minSeverity: 'info', rule: 'missing-inverse', groupBy: 'file' }).groups.map((g) => g.key)).toEqual(['a.md', 'b.md', 'c.md']);
    const errors = problemGroups(vault, { minSeverity: 'error', rule: '', groupBy: 'file' });
    expect(errors.total).toBe(1);
    expect(errors.groups.map((g) => g.key)).toEqual(['a.md']);
  });

  it('keeps a file’s own list when every finding in it is listed (its rows need not re-render)', () => {
    const list = problemGroups(vault, { minSeverity: 'info', rule: '', groupBy: 'file' });
    expect(list.groups.find((g) => g.key === 'c.md')?.items).toBe(vault.get('c.md'));
  });
});
