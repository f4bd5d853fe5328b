import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYamlTree, type YNode } from './yaml-tree';
import { fastParseYamlTree } from './fast-yaml-tree';
import { splitFrontMatter } from './front-matter';

const CORPUS = resolve(process.cwd(), '../shared/corpus/patterns');
const VAULT = resolve(process.cwd(), 'vault');

/** Drops alias back-references so trees compare structurally. */
function plain(node: YNode | undefined): unknown {
  return JSON.parse(JSON.stringify(node ?? null, (k, v) => (k === 'target' ? undefined : v)));
}

function compareBothPaths(text: string): 'fast' | 'fallback' {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return 'fallback';
  const yaml = text.slice(split.yamlStart, split.yamlEnd);
  const slow = parseYamlTree(yaml, { base: split.yamlStart, fast: false });
  const fast = fastParseYamlTree(yaml, split.yamlStart);
  if (!fast) return 'fallback';
  expect(slow.ok).toBe(true);
  if (!slow.ok) return 'fast';
  expect(plain(fast.root)).toEqual(plain(slow.root));
  expect(fast.duplicates.map((d) => [d.key, d.first.start, d.duplicate.start])).toEqual(slow.duplicates.map((d) => [d.key, d.first.start, d.duplicate.start]));
  return 'fast';
}

describe('fast YAML path', () => {
  it.each([
    ['plain map', 'a: 1\nb: two\nc: "three"\nd: \'it\'\'s\'\n'],
    ['nested', 'a:\n  b:\n    - x\n    - y: 1\n      z: 2\n  c: []\n'],
    ['aligned sequence', 'list:\n- a\n- b\nnext: 1\n'],
    ['empty values', 'a:\nb:   # comment\nc: 1\n'],
    ['block scalars', 'f: >-\n  one\n  two\n\n  three\nl: |\n  x\n    y\n  z\nk: 1\n'],
    ['flow list', 'a: ["x", y, \'z\']   # c\nb: []\n'],
    ['comments and banners', '# ═══\n# GROUP 1\n# ═══\nid: pat_x   # REQUIRED\n\n# trailing\n'],
    ['escapes', 'a: "tab\\there \\"q\\" \\u00e9"\n'],
  ])('matches js-yaml on %s', (_name, yaml) => {
    expect(compareBothPaths(`---\n${yaml}---\nbody\n`)).toBe('fast');
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['multi-line plain', 'a: one\n  two\n'],
    ['flow map', 'a: {b: c}\n'],
    ['tabs', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['broken', 'a: [b: c\nd: e]\n'],
    ['multi-line quoted', 'a: "one\n  two"\n'],
  ])('leaves %s to js-yaml', (_name, yaml) => {
    expect(compareBothPaths(`---\n${yaml}---\n`)).toBe('fallback');
  });

  it('gives the same tree as js-yaml for every sample-vault file', () => {
    for (const name of readdirSync(VAULT).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      compareBothPaths(readFileSync(resolve(VAULT, name), 'utf8'));
    }
  });

  it.skipIf(!existsSync(CORPUS) && !process.env.CI)('gives the same tree as js-yaml for every corpus file, and takes most of them', () => {
    const names = readdirSync(CORPUS).filter((n) => n.endsWith('.md'));
    let fast = 0;
    for (const name of names) if (compareBothPaths(readFileSync(resolve(CORPUS, name), 'utf8')) === 'fast') fast++;
    expect(names.length).toBe(3616);
    // The fast path exists for speed: it must handle the bulk of real files.
    expect(fast / names.length).toBeGreaterThan(0.9);
  });
});
