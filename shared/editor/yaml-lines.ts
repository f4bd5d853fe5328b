/**
 * A line-by-line reading of front-matter YAML that works on half-typed text.
 * Completion and hover run while the YAML is mid-edit and often invalid, so
 * they cannot wait for a parser: this reads each line's indentation, list
 * dashes and `key:`, skips block-scalar content, and from that alone tells
 * which mapping a position sits in. It understands the block style pattern
 * files are written in; flow mappings and multi-line quoted strings are only
 * skimmed.
 */

export interface YamlLine {
  /** Offset of the line's first character in the YAML text. */
  start: number;
  /** Offset just past its content (before `\r\n` or `\n`). */
  end: number;
  /** Leading spaces. */
  indent: number;
  /** Columns (0-based) of the `-` list indicators on the line, left to right. */
  dashes: number[];
  /** Column where the line's node starts after its dashes (the key, or an item's scalar). */
  contentCol: number;
  key?: string;
  /** Offset of the value's first character (after `key: `), when there is a key. */
  valueStart?: number;
  /** Offset just past the value, before a comment or trailing spaces. */
  valueEnd?: number;
  /** Nothing but spaces or a comment. */
  blank: boolean;
  /** Inside a block scalar (`|`, `>`) opened above: text, not structure. */
  scalarContent: boolean;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#:'"[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)):(?=\s|$)/;

/** Where a trailing ` # comment` starts on a line, outside quotes; the line's end when none. */
function commentStart(s: string, from: number): number {
  let quote = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i++;
    } else if (c === 34 || c === 39) {
      if (i === from || s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 91 || s.charCodeAt(i - 1) === 44) quote = c;
    } else if (c === 35 && (i === from || s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 9)) return i;
  }
  return s.length;
}

function readLine(text: string, start: number, end: number): YamlLine {
  const s = text.slice(start, end);
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  const indent = i;
  const line: YamlLine = { start, end, indent, dashes: [], contentCol: indent, blank: false, scalarContent: false };
  if (i >= s.length || s.charCodeAt(i) === 35) {
    line.blank = true;
    return line;
  }
  while (s.charCodeAt(i) === 45 && (i + 1 >= s.length || s.charCodeAt(i + 1) === 32)) {
    line.dashes.push(i);
    i++;
    while (i < s.length && s.charCodeAt(i) === 32) i++;
  }
  line.contentCol = i;
  const m = KEY.exec(s.slice(i));
  if (m) {
    line.key = m[1] !== undefined ? m[1] : m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? '').trimEnd();
    let v = i + m[0].length;
    while (v < s.length && s.charCodeAt(v) === 32) v++;
    let e = commentStart(s, v);
    while (e > v && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
    line.valueStart = start + v;
    line.valueEnd = start + e;
  }
  return line;
}

/** Reads every line; block-scalar bodies are marked as content, not structure. */
export function scanYamlLines(text: string): YamlLine[] {
  const lines: YamlLine[] = [];
  let start = 0;
  /** While inside a block scalar: lines indented more than this belong to it. */
  let scalarParent = -1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 ? text.length : nl;
    const end = lineEnd > start && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = readLine(text, start, end);
    if (scalarParent >= 0) {
      if (line.blank || line.indent > scalarParent) {
        const content: YamlLine = { start: line.start, end: line.end, indent: line.indent, dashes: [], contentCol: line.indent, blank: line.blank, scalarContent: !line.blank };
        lines.push(content);
        if (nl < 0) break;
        start = nl + 1;
        continue;
      }
      scalarParent = -1;
    }
    lines.push(line);
    if (line.key !== undefined && line.valueStart !== undefined && line.valueEnd !== undefined) {
      const value = text.slice(line.valueStart, line.valueEnd);
      if (/^[|>][-+0-9]*$/.test(value)) scalarParent = line.contentCol;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

/** Index of the line holding `offset`. */
export function lineAt(lines: readonly YamlLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid] as YamlLine).start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Marks a list item in a path: `relationships.enables[].slug` is `['relationships', 'enables', ITEM, 'slug']`. */
export const ITEM = '[]';

/**
 * The path of mappings and list items that contain a node starting at column
 * `col` on line `index` (the line's own dashes left of `col` included), with
 * the other keys of the mapping it belongs to.
 */
export function ancestorsOf(lines: readonly YamlLine[], index: number, col: number): { path: string[]; siblings: string[] } {
  const reversed: string[] = [];
  const siblings: string[] = [];
  let limit = col;
  /** Just stepped out of a list item: a `key:` at the dash's own column owns the list (`key:\n- a`). */
  let afterItem = false;
  const enterItems = (line: YamlLine) => {
    for (let d = line.dashes.length - 1; d >= 0; d--) {
      const dash = line.dashes[d] as number;
      if (dash < limit) {
        reversed.push(ITEM);
        limit = dash;
        afterItem = true;
      }
    }
  };
  const here = lines[index];
  if (here && !here.blank && !here.scalarContent) enterItems(here);
  const ownLevel = limit === col;
  for (let i = index - 1; i >= 0 && (limit > 0 || afterItem || (ownLevel && reversed.length === 0)); i--) {
    const line = lines[i] as YamlLine;
    if (line.blank || line.scalarContent) continue;
    const atLevel = line.contentCol === limit;
    if (line.key !== undefined && atLevel && ownLevel && reversed.length === 0) siblings.push(line.key);
    const ownsList = afterItem && atLevel && line.dashes.length === 0 && line.valueStart === line.valueEnd;
    if (line.key !== undefined && (line.contentCol < limit || ownsList)) {
      reversed.push(line.key);
      limit = line.contentCol;
      afterItem = false;
    } else if (line.contentCol < limit && line.key === undefined && line.dashes.length === 0) {
      // A less indented bare scalar: we are inside its continuation lines; structure stops here.
      break;
    }
    if (line.dashes.length && (line.dashes[0] as number) < limit) {
      // Our mapping is this list item; its first key (on the dash line) is one of ours.
      if (line.key !== undefined && line.contentCol === limit && ownLevel && reversed.length === 0 && !siblings.includes(line.key)) siblings.push(line.key);
      enterItems(line);
    }
  }
  // Keys of the same mapping after the position.
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i] as YamlLine;
    if (line.blank || line.scalarContent) continue;
    const first = line.dashes.length ? (line.dashes[0] as number) : line.contentCol;
    if (first < col) break;
    if (first === col && line.key !== undefined && line.dashes.length === 0) siblings.push(line.key);
  }
  return { path: reversed.reverse(), siblings };
}

/** The dotted schema key of a path (`ontology.commons_assessment.vitality`), or undefined when it runs through a list. */
export function schemaKey(path: readonly string[]): string | undefined {
  return path.includes(ITEM) ? undefined : path.join('.');
}
