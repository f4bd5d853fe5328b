/**
 * Re-writes an entry that already exists (a relationship moved to another type
 * list) from its own source text, so its values keep their quoting; values that
 * cannot be copied verbatim into the new context (a plain `a, b` into a flow
 * list, a multi-line text) are written as double-quoted strings or JSON, which
 * YAML reads back identically.
 */
import { toJs, type YNode } from '../yaml/yaml-tree';
import type { EntryRenderer } from './sequence-edits';
import { mapEntryRenderer, scalarEntryRenderer, type EntryField, type EntryShape } from './curated-entry-render';
import { columnOf, reindentTail } from './text-lines';
import { doubleQuoted, isPlainSafe } from './yaml-scalar-format';

function isSingleLine(text: string, node: YNode): boolean {
  return !text.slice(node.start, node.end).includes('\n');
}

/** A JSON rendering, which is valid YAML in both block and flow context. */
function asJson(node: YNode): string {
  const data = toJs(node);
  return typeof data === 'string' ? doubleQuoted(data) : JSON.stringify(data) ?? 'null';
}

/** The value written in flow context. */
function flowText(text: string, node: YNode): string {
  const source = text.slice(node.start, node.end);
  if (node.kind === 'scalar' && isSingleLine(text, node)) {
    if (node.style === 'single' || node.style === 'double') return source;
    if (node.style === 'plain' && (typeof node.value !== 'string' || isPlainSafe(node.text, 'flow'))) return source;
  }
  if (node.kind !== 'scalar' && node.kind !== 'alias' && node.flow && isSingleLine(text, node)) return source;
  return asJson(node);
}

function fieldFromNode(text: string, key: YNode, value: YNode): EntryField {
  const keyText = text.slice(key.start, key.end);
  const oldKeyCol = columnOf(text, key.start);
  const flow = flowText(text, value);
  if (value.kind === 'scalar' && (value.style === 'literal' || value.style === 'folded')) {
    // Block scalars keep their shape: same header, lines shifted with the key.
    const source = text.slice(value.start, value.end);
    return { key: keyText, flow, block: (keyCol) => ' ' + reindentTail(source, keyCol - oldKeyCol) };
  }
  const block = isSingleLine(text, value) ? text.slice(value.start, value.end) : asJson(value);
  return { key: keyText, flow, block: () => ' ' + block };
}

/** A renderer that writes `node` (a mapping or plain-string entry) in a list of `shape`'s style. */
export function existingEntryRenderer(text: string, node: YNode, shape: EntryShape): EntryRenderer {
  if (node.kind === 'map') return mapEntryRenderer(node.pairs.map((p) => fieldFromNode(text, p.key, p.value)), shape);
  const block = node.kind === 'scalar' && isSingleLine(text, node) ? text.slice(node.start, node.end) : asJson(node);
  return scalarEntryRenderer(block, flowText(text, node));
}
