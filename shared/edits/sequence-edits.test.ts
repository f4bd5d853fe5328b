import { describe, expect, it } from 'vitest';
import { getPair, getPath } from '../yaml/yaml-tree';
import { removeSeqItems, appendSeqItem } from './sequence-edits';
import { scalarEntryRenderer } from './curated-entry-render';
import { succeed } from './edit-result';
import { openOrThrow } from './testing/edit-checks';
import { frontMatterData } from './testing/front-matter-data';

function edit(text: string, path: string[], run: 'remove' | 'append', indices: number[] = []): string {
  const doc = openOrThrow(text);
  const parent = path.length > 1 ? getPath(doc.root, path.slice(0, -1)) : doc.root;
  const pair = getPair(parent, path[path.length - 1] as string);
  if (!pair) throw new Error('no pair');
  const out = run === 'remove' ? removeSeqItems(doc, pair, indices) : appendSeqItem(doc, pair, scalarEntryRenderer('new', 'new'), 2);
  if ('reason' in out) throw new Error(out.reason);
  const r = succeed(text, out.changes);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

describe('list edits', () => {
  it('keep a comment on the key line when a list empties', () => {
    expect(edit('---\nk:   # generated\n  - a\n  - b\n---\n', ['k'], 'remove', [0, 1])).toBe('---\nk: []   # generated\n---\n');
  });

  it('remove entries of a multi-line flow list, keeping its comments', () => {
    const text = '---\nk: [\n    a,  # first\n    b,\n    c  # last\n  ]\nz: 1\n---\n';
    const middle = edit(text, ['k'], 'remove', [1]);
    expect(frontMatterData(middle)).toEqual({ k: ['a', 'c'], z: 1 });
    expect(middle).toContain('# first');
    const last = edit(text, ['k'], 'remove', [2]);
    expect(frontMatterData(last)).toEqual({ k: ['a', 'b'], z: 1 });
    expect(last).toContain('# last');
    const all = edit(text, ['k'], 'remove', [0, 1, 2]);
    expect(frontMatterData(all)).toEqual({ k: [], z: 1 });
    expect(all).toContain('# first');
    expect(all).toContain('# last');
  });

  it('remove runs of entries from flow lists', () => {
    const text = '---\nk: [a, b, c, d, e]\n---\n';
    expect(edit(text, ['k'], 'remove', [0, 1, 3])).toBe('---\nk: [c, e]\n---\n');
    expect(edit(text, ['k'], 'remove', [2, 3, 4])).toBe('---\nk: [a, b]\n---\n');
  });

  it('do not take a `#` inside a block scalar for a comment', () => {
    const text = '---\nk:\n  - |\n    text # not a comment\n  - b\n---\n';
    expect(edit(text, ['k'], 'remove', [0])).toBe('---\nk:\n  - b\n---\n');
  });

  it('append to a key with no value and to `~`', () => {
    expect(edit('---\nk:\nz: 1\n---\n', ['k'], 'append')).toBe('---\nk:\n  - new\nz: 1\n---\n');
    expect(edit('---\nk: ~ # none\nz: 1\n---\n', ['k'], 'append')).toBe('---\nk: # none\n  - new\nz: 1\n---\n');
  });

  it('append to a multi-line flow list with its own separator', () => {
    expect(edit('---\nk: [\n  a,\n  b\n  ]\n---\n', ['k'], 'append')).toBe('---\nk: [\n  a,\n  b,\n  new\n  ]\n---\n');
  });

  it('edit flow lists holding a brace-less pair like any other', () => {
    expect(edit('---\nk: [a: b, c]\nz: 1\n---\n', ['k'], 'remove', [1])).toBe('---\nk: [a: b]\nz: 1\n---\n');
    expect(edit('---\nk: [c, a: b]\nz: 1\n---\n', ['k'], 'remove', [0])).toBe('---\nk: [a: b]\nz: 1\n---\n');
    expect(edit('---\nk: [a: b]\nz: 1\n---\n', ['k'], 'remove', [0])).toBe('---\nk: []\nz: 1\n---\n');
  });

  it('remove nested lists whole, and refuse to append to what is not a list', () => {
    expect(edit('---\nk:\n- - a\n  - b\n- c\n---\n', ['k'], 'remove', [0])).toBe('---\nk:\n- c\n---\n');
    const scalar = getPair(openOrThrow('---\nk: 3\n---\n').root, 'k');
    if (!scalar) throw new Error('no pair');
    expect(appendSeqItem(openOrThrow('---\nk: 3\n---\n'), scalar, scalarEntryRenderer('x', 'x'), 2)).toEqual({ reason: '`k` is not a list' });
  });
});
