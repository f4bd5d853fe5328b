import { describe, expect, it } from 'vitest';
import { parseYamlTree, getPath, toJs, type YNode } from './yaml-tree';

function parse(src: string, base = 0): YNode | undefined {
  const r = parseYamlTree(src, { base });
  if (!r.ok) throw new Error(r.error.message);
  return r.root;
}

describe('parseYamlTree', () => {
  it('keeps dates and 1.1-style booleans as the text the curator wrote', () => {
    const data = toJs(parse('a: 2026-02-19\nb: yes\nc: 0777\nd: 1.0\ne: true\nf: ~\n')) as Record<string, unknown>;
    expect(data).toEqual({ a: '2026-02-19', b: 'yes', c: 777, d: 1, e: true, f: null });
  });

  it('gives exact ranges for quoted, plain, block and flow nodes', () => {
    const src = 'title: "Hello"\nsum: >-\n  one\n  two\n\nlist: [a, "b"]   # c\nmap:\n  - slug: x\n    weight: 0.8\n';
    const root = parse(src, 10);
    const slice = (n: YNode | undefined) => (n ? src.slice(n.start - 10, n.end - 10) : undefined);
    expect(slice(getPath(root, ['title']))).toBe('"Hello"');
    expect(slice(getPath(root, ['sum']))).toBe('>-\n  one\n  two');
    expect(slice(getPath(root, ['list']))).toBe('[a, "b"]');
    expect(slice(getPath(root, ['map']))).toBe('- slug: x\n    weight: 0.8');
  });

  it('reports duplicate keys with both places', () => {
    const r = parseYamlTree('a: 1\nb: 2\na: 3\n');
    expect(r.ok && r.duplicates.map((d) => [d.key, d.first.start, d.duplicate.start])).toEqual([['a', 0, 10]]);
  });

  it('returns syntax errors as values with an offset', () => {
    const r = parseYamlTree('a: [b: c\nd: e]\n', { base: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.offset).toBeGreaterThanOrEqual(4);
  });

  it('refuses deep nesting without a stack overflow', () => {
    const r = parseYamlTree('['.repeat(20000));
    expect(r.ok).toBe(false);
  });

  it('does not expand an alias bomb when walking the tree', () => {
    let src = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) src += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const r = parseYamlTree(src);
    expect(r.ok && r.aliasCount).toBe(81);
    expect(() => toJs(r.ok ? r.root : undefined)).toThrow(/alias/);
  });
});

describe('absent values', () => {
  it('sit just after the colon or the dash, where an edit would write one', () => {
    for (const fast of [true, false]) {
      const src = 'a: 1\nb:\nk:\n  - a\n  -\n  - b\n';
      const r = parseYamlTree(src, { fast });
      if (!r.ok) throw new Error(r.error.message);
      const b = getPath(r.root, ['b']);
      expect(b?.start).toBe(src.indexOf('b:') + 2);
      const k = getPath(r.root, ['k']);
      const empty = k?.kind === 'seq' ? k.items[1] : undefined;
      expect(empty?.start).toBe(src.indexOf('-\n') + 1);
    }
  });

  it('end a brace-less pair inside a flow list with its value', () => {
    const r = parseYamlTree('k: [a: b]\nz: 1\n', { fast: false });
    if (!r.ok) throw new Error(r.error.message);
    const k = getPath(r.root, ['k']);
    expect(k && [k.start, k.end]).toEqual([3, 9]);
    expect(k?.kind === 'seq' && [k.items[0]?.start, k.items[0]?.end]).toEqual([4, 8]);
  });
});
