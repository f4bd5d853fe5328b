import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../edits/testing/corpus-files';
import { parseYamlTree, type YNode } from '../yaml/yaml-tree';
import { splitFileParts } from './file-parts';
import { hoverTarget } from './yaml-cursor';
import { ITEM, scanYamlLines } from './yaml-lines';

const corpus = openCorpus({ existsSync, readdirSync, readFileSync }, process.cwd(), process.env.CI);

/** Every block-mapping key of a parsed tree with its path: the parser's answer to compare the line reading with. */
function keyPaths(node: YNode | undefined, path: string[], out: Array<{ start: number; path: string[] }>): void {
  if (!node || node.kind === 'scalar' || node.kind === 'alias' || node.flow) return;
  if (node.kind === 'seq') {
    for (const item of node.items) keyPaths(item, [...path, ITEM], out);
    return;
  }
  for (const pair of node.pairs) {
    if (pair.key.kind === 'scalar' && pair.key.style === 'plain') out.push({ start: pair.key.start, path: [...path, pair.keyText] });
    keyPaths(pair.value, [...path, pair.keyText], out);
  }
}

describe('reading YAML line by line', () => {
  it('skips block scalar content and reads dashes and keys', () => {
    const lines = scanYamlLines('a: |\n  b: c\n  - d\nlist:\n  - x: 1\n    y: 2\n');
    expect(lines.map((l) => [l.key ?? null, l.dashes, l.scalarContent])).toEqual([
      ['a', [], false],
      [null, [], true],
      [null, [], true],
      ['list', [], false],
      ['x', [2], false],
      ['y', [], false],
      [null, [], false],
    ]);
  });

  it.skipIf(!corpus.available)('finds the same key paths as the YAML parser over the real corpus', () => {
    let checked = 0;
    for (const name of corpus.names.filter((_, i) => i % 7 === 0)) {
      const parts = splitFileParts(corpus.read(name));
      if (parts.mode !== 'split') continue;
      const parsed = parseYamlTree(parts.yaml);
      if (!parsed.ok) continue;
      const keys: Array<{ start: number; path: string[] }> = [];
      keyPaths(parsed.root, [], keys);
      const lines = scanYamlLines(parts.yaml);
      for (const k of keys) {
        const t = hoverTarget(parts.yaml, k.start + 1, lines);
        expect({ name, path: t?.kind === 'key' ? t.path : t }).toEqual({ name, path: k.path });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
