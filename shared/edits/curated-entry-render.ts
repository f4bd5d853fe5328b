/**
 * Writes a relationship entry the way its neighbours are written: block
 * (`- slug: x` / `  weight: 0.8`) or flow (`- {id: x, weight: 0.8}`), with the
 * same key for the slug (`slug` or a slug held in `id`), the same quoting and
 * the same gap between dash and key.
 */
import type { YMap, YNode } from '../yaml/yaml-tree';
import { getPair } from '../yaml/yaml-tree';
import type { EntryRenderer } from './sequence-edits';
import { columnOf, lineStartOf, spaces } from './text-lines';
import { formatNumber, formatString, quoteStyleOf, type QuoteStyle } from './yaml-scalar-format';

export interface EntryShape {
  /** Entries written as flow mappings (`{slug: x, weight: 0.8}`). */
  flowItem: boolean;
  holder: 'slug' | 'id';
  slugStyle: QuoteStyle;
  /** Columns from the dash to the first key of a block entry (2 for `- slug`). */
  keyOffset: number;
  /** `{ slug: x }` rather than `{slug: x}`. */
  braceSpace: boolean;
}

export const DEFAULT_ENTRY_SHAPE: EntryShape = { flowItem: false, holder: 'slug', slugStyle: 'plain', keyOffset: 2, braceSpace: false };

/** The shape of a mapping entry as it is written in the file. */
export function shapeOfEntry(text: string, item: YMap): EntryShape {
  const slugPair = getPair(item, 'slug');
  const idPair = getPair(item, 'id');
  const holderPair = slugPair ?? idPair;
  const holder = slugPair || !idPair ? 'slug' : 'id';
  const slugStyle = holderPair && holderPair.value.kind === 'scalar' ? quoteStyleOf(holderPair.value.style) : 'plain';
  let keyOffset = 2;
  if (!item.flow) {
    // The dash is the last non-blank character before the entry's first key on its line.
    const ls = lineStartOf(text, item.start);
    let j = item.start - 1;
    while (j >= ls && text.charCodeAt(j) === 32) j--;
    if (j >= ls && text.charCodeAt(j) === 45) keyOffset = columnOf(text, item.start) - columnOf(text, j);
  }
  return { flowItem: item.flow, holder, slugStyle, keyOffset, braceSpace: item.flow && text.charCodeAt(item.start + 1) === 32 };
}

/** The shape of the last mapping entry among `items`, if any. */
export function shapeOfList(text: string, items: readonly YNode[]): EntryShape | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i] as YNode;
    if (it.kind === 'map' && it.pairs.length > 0) return shapeOfEntry(text, it);
  }
  return undefined;
}

/** One key of an entry with its value written for block and for flow context. */
export interface EntryField {
  key: string;
  /** What follows `key:` in a block mapping whose keys sit in column `keyCol`: ` value`, or a line break and indented lines. */
  block(keyCol: number, eol: string): string;
  /** The value inside a flow mapping. */
  flow: string;
}

export function scalarField(key: string, block: string, flow: string = block): EntryField {
  return { key, block: () => ' ' + block, flow };
}

export function stringField(key: string, value: string, style: QuoteStyle): EntryField {
  return scalarField(key, formatString(value, style, 'block'), formatString(value, style, 'flow'));
}

export function numberField(key: string, value: number): EntryField {
  return scalarField(key, formatNumber(value));
}

/** A mapping entry, in the shape's style. */
export function mapEntryRenderer(fields: readonly EntryField[], shape: EntryShape): EntryRenderer {
  const flowMap = (): string => {
    const pad = shape.braceSpace ? ' ' : '';
    return '{' + pad + fields.map((f) => `${f.key}: ${f.flow}`).join(', ') + pad + '}';
  };
  return {
    flow: flowMap,
    block(dashCol, eol) {
      if (shape.flowItem) return spaces(dashCol) + '- ' + flowMap() + eol;
      const keyCol = dashCol + Math.max(2, shape.keyOffset);
      return fields
        .map((f, i) => (i === 0 ? spaces(dashCol) + '-' + spaces(keyCol - dashCol - 1) : spaces(keyCol)) + f.key + ':' + f.block(keyCol, eol) + eol)
        .join('');
    },
  };
}

/** A plain-string entry (`- x`), the third shape seen in the corpus. */
export function scalarEntryRenderer(block: string, flow: string): EntryRenderer {
  return { flow: () => flow, block: (dashCol, eol) => spaces(dashCol) + '- ' + block + eol };
}

/** A new curated entry `{slug, weight}` (or `{id, weight}` where the list keeps slugs in `id`). */
export function newCuratedEntry(slug: string, weight: number, shape: EntryShape): { renderer: EntryRenderer; data: Record<string, string | number> } {
  const fields = [stringField(shape.holder, slug, shape.slugStyle), numberField('weight', weight)];
  return { renderer: mapEntryRenderer(fields, shape), data: { [shape.holder]: slug, weight } };
}
