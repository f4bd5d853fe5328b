/**
 * Removing and appending list entries by splicing lines, for block lists
 * (`- …` lines) and flow lists (`[…]`). Comments never disappear: a whole-line
 * comment inside a removed entry stays where it was, and an inline comment on a
 * removed line is kept as a whole-line comment in the entry's place.
 */
import type { YNode, YPair, YSeq } from '../yaml/yaml-tree';
import type { TextChange } from './edit-result';
import type { PatternDocument } from './pattern-document';
import { blockItemLines, colonAfterKey, findComments, scalarMasks, type Span } from './yaml-node-spans';
import { columnOf, lineEndOf, lineStartOf, nextLineStart, spaces } from './text-lines';

export type ChangesOrReason = { changes: TextChange[] } | { reason: string };

/** How a new entry is written: as lines of a block list, or inline in a flow list. */
export interface EntryRenderer {
  /** Full lines (each ending with `eol`) for a block list whose dashes sit in `dashCol`. */
  block(dashCol: number, eol: string): string;
  /** One flow node, e.g. `{slug: x, weight: 0.8}`. */
  flow(): string;
}

function isEmptyValue(node: YNode): boolean {
  return node.kind === 'scalar' && node.style === 'plain' && node.value === null;
}

/** Where ` []` goes on a key line: after its last non-comment character. */
function emptyListInsertion(doc: PatternDocument, pair: YPair): TextChange {
  const text = doc.text;
  const colon = colonAfterKey(text, pair);
  const lineEnd = lineEndOf(text, colon);
  const comments = findComments(text, colon + 1, lineEnd, []);
  let at = comments[0] ? comments[0].start : lineEnd;
  while (at > colon + 1 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) at--;
  return { start: at, end: at, newText: ' []' };
}

/** The text that must survive when the lines [from, to) of `item` are removed. */
function survivingComments(doc: PatternDocument, item: YNode, from: number, to: number, indent: number): string {
  const text = doc.text;
  const masks = scalarMasks(text, item);
  let kept = '';
  for (const c of findComments(text, from, to, masks)) {
    const eol = text.slice(lineEndOf(text, c.start), nextLineStart(text, c.start));
    kept += c.wholeLine ? text.slice(lineStartOf(text, c.start), lineEndOf(text, c.start)) + eol : spaces(indent) + text.slice(c.start, c.end) + eol;
  }
  return kept;
}

function removeBlockItems(doc: PatternDocument, pair: YPair, seq: YSeq, remove: ReadonlySet<number>): ChangesOrReason {
  const lines = blockItemLines(doc.text, seq);
  if (!lines) return { reason: `the list \`${pair.keyText}\` has a layout this editor does not change safely` };
  const changes: TextChange[] = [];
  lines.forEach((span, i) => {
    if (!remove.has(i)) return;
    const item = seq.items[i] as YNode;
    const kept = survivingComments(doc, item, span.lineStart, span.linesEnd, columnOf(doc.text, span.dash));
    changes.push({ start: span.lineStart, end: span.linesEnd, newText: kept });
  });
  if (remove.size >= seq.items.length) changes.push(emptyListInsertion(doc, pair));
  return { changes };
}

/** Comments in [from, to), each followed by a line break and `indent`, to keep them inside a flow list. */
function flowGapComments(doc: PatternDocument, from: number, to: number, indent: string): string {
  const text = doc.text;
  return findComments(text, from, to, [])
    .map((c) => ' ' + text.slice(c.start, c.end) + doc.eol + indent)
    .join('');
}

function removeFlowItems(doc: PatternDocument, seq: YSeq, remove: ReadonlySet<number>): ChangesOrReason {
  const text = doc.text;
  const items = seq.items;
  if (remove.size >= items.length) {
    const masks: Span[] = [];
    for (const it of items) scalarMasks(text, it, masks);
    const comments = findComments(text, seq.start, seq.end, masks);
    if (comments.length === 0) return { changes: [{ start: seq.start, end: seq.end, newText: '[]' }] };
    const indent = spaces(columnOf(text, seq.start));
    const body = comments.map((c) => indent + '  ' + text.slice(c.start, c.end) + doc.eol).join('');
    return { changes: [{ start: seq.start, end: seq.end, newText: '[' + doc.eol + body + indent + ']' }] };
  }
  const changes: TextChange[] = [];
  let i = 0;
  while (i < items.length) {
    if (!remove.has(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < items.length && remove.has(j + 1)) j++;
    const first = items[i] as YNode;
    const last = items[j] as YNode;
    const next = items[j + 1];
    const prev = items[i - 1];
    // A run before a kept entry goes with the separator after it; a run at the
    // end goes with the separator before it. Either way the commas stay balanced.
    const [from, to] = next ? [first.start, next.start] : [(prev as YNode).end, last.end];
    const masks: Span[] = [];
    for (let k = i; k <= j; k++) scalarMasks(text, items[k] as YNode, masks);
    const comments = findComments(text, from, to, masks);
    const keep = comments.length ? flowGapComments(doc, from, to, spaces(columnOf(text, next ? next.start : last.end))) : '';
    changes.push({ start: from, end: to, newText: keep });
    i = j + 1;
  }
  return { changes };
}

/**
 * A defensive check before splicing a flow list: it must end with its `]` and
 * hold its items. (An implicit pair `[a: b]` once got a range past the list.)
 */
function flowRangesSane(text: string, seq: YSeq): boolean {
  return text.charCodeAt(seq.end - 1) === 93 && seq.items.every((it) => it.start >= seq.start && it.end <= seq.end);
}

const UNSAFE_FLOW = 'the flow list holds a `key: value` pair without braces, which this editor does not change safely';

/** Removes the entries at `indices` from the list under `pair`; an emptied list becomes `key: []`. */
export function removeSeqItems(doc: PatternDocument, pair: YPair, indices: Iterable<number>): ChangesOrReason {
  const seq = pair.value;
  if (seq.kind !== 'seq') return { reason: `\`${pair.keyText}\` is not a list` };
  const remove = new Set([...indices].filter((i) => i >= 0 && i < seq.items.length));
  if (remove.size === 0) return { changes: [] };
  if (seq.flow && !flowRangesSane(doc.text, seq)) return { reason: UNSAFE_FLOW };
  return seq.flow ? removeFlowItems(doc, seq, remove) : removeBlockItems(doc, pair, seq, remove);
}

/** The separator the flow list already uses between its last two entries (`, ` by default). */
function flowSeparator(doc: PatternDocument, seq: YSeq): string {
  const n = seq.items.length;
  if (n < 2) return ', ';
  const gap = doc.text.slice((seq.items[n - 2] as YNode).end, (seq.items[n - 1] as YNode).start);
  return gap.includes(',') && !gap.includes('#') ? gap : ', ';
}

/**
 * Appends one entry to the list under `pair`. A block list grows by lines after
 * its last entry; a flow list with entries grows inline; an empty list (`[]`,
 * or a key with no value) becomes a block list indented `dashOffset` from its key.
 */
export function appendSeqItem(doc: PatternDocument, pair: YPair, entry: EntryRenderer, dashOffset: number): ChangesOrReason {
  const text = doc.text;
  const value = pair.value;
  if (value.kind === 'seq' && value.items.length > 0) {
    if (value.flow) {
      if (!flowRangesSane(text, value)) return { reason: UNSAFE_FLOW };
      const last = value.items[value.items.length - 1] as YNode;
      return { changes: [{ start: last.end, end: last.end, newText: flowSeparator(doc, value) + entry.flow() }] };
    }
    const lines = blockItemLines(text, value);
    const lastLines = lines?.[lines.length - 1];
    if (!lastLines) return { reason: `the list \`${pair.keyText}\` has a layout this editor does not change safely` };
    const dashCol = columnOf(text, lastLines.dash);
    return { changes: [{ start: lastLines.linesEnd, end: lastLines.linesEnd, newText: entry.block(dashCol, doc.eol) }] };
  }
  const dashCol = columnOf(text, pair.key.start) + dashOffset;
  const colon = colonAfterKey(text, pair);
  if (value.kind === 'seq' && value.flow) {
    // `key: []` -> `key:` followed by a block list.
    return {
      changes: [
        { start: colon + 1, end: value.end, newText: '' },
        { start: nextLineStart(text, value.end), end: nextLineStart(text, value.end), newText: entry.block(dashCol, doc.eol) },
      ],
    };
  }
  if (value.kind === 'scalar' && isEmptyValue(value)) {
    const changes: TextChange[] = [];
    if (!value.empty) changes.push({ start: colon + 1, end: value.end, newText: '' });
    const at = nextLineStart(text, Math.max(colon, value.end));
    changes.push({ start: at, end: at, newText: entry.block(dashCol, doc.eol) });
    return { changes };
  }
  return { reason: `\`${pair.keyText}\` is not a list` };
}
