/**
 * The file's own indentation habits, read from what is already there, so that
 * inserted blocks look like their neighbours (the corpus has both `key:\n  - x`
 * and `key:\n- x`, and nested maps at 2 or 4 spaces).
 */
import type { YMap, YNode } from '../yaml/yaml-tree';
import { columnOf } from './text-lines';

const DEFAULT_STEP = 2;
const DEFAULT_DASH_OFFSET = 2;

function blockMapOf(node: YNode | undefined): YMap | undefined {
  return node && node.kind === 'map' && !node.flow && node.pairs.length > 0 ? node : undefined;
}

/** Columns a nested block mapping is indented by, relative to its parent key. */
export function mapIndentStep(text: string, root: YMap): number {
  const rootCol = columnOf(text, root.start);
  for (const pair of root.pairs) {
    const child = blockMapOf(pair.value);
    if (child) {
      const step = columnOf(text, child.start) - rootCol;
      if (step > 0) return step;
    }
  }
  return DEFAULT_STEP;
}

/** Offset of a block list's dash from its key's column, from the lists in `maps` (first match wins). */
export function seqDashOffset(text: string, maps: ReadonlyArray<YMap | undefined>): number | undefined {
  for (const map of maps) {
    if (!map || map.flow) continue;
    for (const pair of map.pairs) {
      const v = pair.value;
      if (v.kind === 'seq' && !v.flow && v.items.length > 0) return columnOf(text, v.start) - columnOf(text, pair.key.start);
    }
  }
  return undefined;
}

/** The dash offset to use for a new block list inside `preferred`, falling back to the rest of the file. */
export function dashOffsetFor(text: string, root: YMap, preferred: YMap | undefined): number {
  const nested = root.pairs.map((p) => blockMapOf(p.value));
  return seqDashOffset(text, [preferred, ...nested, root]) ?? DEFAULT_DASH_OFFSET;
}
