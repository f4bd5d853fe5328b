/**
 * Line arithmetic on raw text. Edits work on whole lines wherever they can, so
 * that a diff of an edit shows exactly the entries that were touched.
 * Works for LF and CRLF: a line's "end" is before its `\r\n` or `\n`.
 */

/** Offset of the first character of the line containing `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the content of the line containing `offset` (before `\r\n` / `\n`). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Offset of the line after the one containing `offset` (text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Number of leading spaces of the line starting at `lineStart`. */
export function indentAt(text: string, lineStart: number): number {
  let j = lineStart;
  while (text.charCodeAt(j) === 32) j++;
  return j - lineStart;
}

/** True for a line holding only spaces/tabs (or nothing). */
export function isBlankLine(text: string, lineStart: number): boolean {
  const end = lineEndOf(text, lineStart);
  for (let j = lineStart; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** True for a line whose first non-blank character starts a comment. */
export function isCommentLine(text: string, lineStart: number): boolean {
  const end = lineEndOf(text, lineStart);
  for (let j = lineStart; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9) continue;
    return c === 35;
  }
  return false;
}

export function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

/**
 * Shifts every line after the first by `delta` columns (negative removes up to
 * that many leading spaces). Moving a block keeps its inner relative indentation,
 * which is what block scalars and nested collections need.
 */
export function reindentTail(block: string, delta: number): string {
  if (delta === 0) return block;
  return block.replace(/\n([ ]*)(?=[^\r\n])/g, (_m, lead: string) => {
    const width = Math.max(0, lead.length + delta);
    return '\n' + spaces(width);
  });
}
