/**
 * Where YAML nodes sit in terms of whole lines, dashes, colons and comments.
 * The tree gives node ranges; edits need the lines around them (an entry's
 * dash, a key's colon, the comments that must survive a removal).
 */
import type { YNode, YPair, YSeq } from '../yaml/yaml-tree';
import { lineEndOf, lineStartOf, nextLineStart, columnOf } from './text-lines';

export type Span = readonly [start: number, end: number];

/**
 * Ranges inside `node` where a `#` is text, not a comment: every scalar. A block
 * scalar's header line is left out because it may carry a real comment
 * (`reason: >- # note`).
 */
export function scalarMasks(text: string, node: YNode, out: Array<Span> = []): Array<Span> {
  switch (node.kind) {
    case 'scalar':
      if (node.empty) break;
      if (node.style === 'literal' || node.style === 'folded') out.push([lineEndOf(text, node.start), node.end]);
      else out.push([node.start, node.end]);
      break;
    case 'map':
      for (const p of node.pairs) {
        scalarMasks(text, p.key, out);
        scalarMasks(text, p.value, out);
      }
      break;
    case 'seq':
      for (const it of node.items) scalarMasks(text, it, out);
      break;
    case 'alias':
      break;
  }
  return out;
}

export interface CommentSpan {
  start: number;
  /** End of the comment's line content (before the line break). */
  end: number;
  /** True when nothing but blanks precedes the `#` on its line. */
  wholeLine: boolean;
}

/** Comments that start inside [from, to). `masks` must be sorted by start (as `scalarMasks` returns them). */
export function findComments(text: string, from: number, to: number, masks: ReadonlyArray<Span>): CommentSpan[] {
  const out: CommentSpan[] = [];
  let m = 0;
  let j = from;
  while (j < to) {
    while (m < masks.length && (masks[m] as Span)[1] <= j) m++;
    const mask = masks[m];
    if (mask && mask[0] <= j) {
      j = mask[1];
      continue;
    }
    if (text.charCodeAt(j) === 35) {
      const prev = j > 0 ? text.charCodeAt(j - 1) : 10;
      if (prev === 32 || prev === 9 || prev === 10 || prev === 13 || j === from) {
        const end = lineEndOf(text, j);
        const ls = lineStartOf(text, j);
        out.push({ start: j, end, wholeLine: text.slice(ls, j).trim() === '' });
        j = end;
        continue;
      }
    }
    j++;
  }
  return out;
}

/** The `:` that ends a block or flow mapping key. */
export function colonAfterKey(text: string, pair: YPair): number {
  return text.indexOf(':', pair.key.end);
}

/**
 * Offset just past the last line a pair occupies (its value's last line, or the
 * key line for an empty value; the tree places empty values oddly, so the key
 * line is taken as the floor).
 */
export function pairLinesEnd(text: string, pair: YPair): number {
  const floor = colonAfterKey(text, pair);
  const last = pair.value.kind === 'scalar' && pair.value.empty ? floor : Math.max(floor, pair.value.end);
  return nextLineStart(text, last);
}

export interface BlockItemLines {
  /** Offset of the item's `-`. */
  dash: number;
  /** Start of the dash line. */
  lineStart: number;
  /** Just past the item's own last line (comment and blank lines that follow are not included). */
  linesEnd: number;
}

/**
 * The dash and the lines of every item of a block sequence. Items start on lines
 * whose first character is a `-` in the sequence's dash column; anything deeper
 * (block scalar text, nested lists) is indented further, and comment lines start
 * with `#`. Returns undefined when the lines do not match the items (an unusual
 * layout such as `- - x`), so callers refuse rather than guess.
 */
export function blockItemLines(text: string, seq: YSeq): BlockItemLines[] | undefined {
  if (seq.flow || seq.items.length === 0 || text.charCodeAt(seq.start) !== 45) return undefined;
  const dashCol = columnOf(text, seq.start);
  const dashes: number[] = [];
  let ls = lineStartOf(text, seq.start);
  while (ls < seq.end) {
    const at = ls + dashCol;
    let onlySpaces = true;
    for (let j = ls; j < at; j++) if (text.charCodeAt(j) !== 32) onlySpaces = false;
    if (onlySpaces && text.charCodeAt(at) === 45) {
      const after = text.charCodeAt(at + 1);
      if (Number.isNaN(after) || after === 32 || after === 10 || after === 13 || after === 9) dashes.push(at);
    }
    ls = nextLineStart(text, ls);
    if (ls === text.length) break;
  }
  if (dashes.length !== seq.items.length) return undefined;
  return seq.items.map((item, i) => {
    const dash = dashes[i] as number;
    const last = item.kind === 'scalar' && item.empty ? dash : Math.max(dash, item.end);
    return { dash, lineStart: lineStartOf(text, dash), linesEnd: nextLineStart(text, last) };
  });
}
