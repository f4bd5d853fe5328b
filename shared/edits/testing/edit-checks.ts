/**
 * TEST SUPPORT ONLY. The checks every edit must pass, shared by the example and
 * property tests: the changes replay to the result, nothing outside the allowed
 * regions moved, the file's own style (BOM, line breaks, body) is kept, and the
 * comments are all still there.
 */
import { expect } from 'vitest';
import { applyChanges, type TextChange } from '../edit-result';
import { openPatternDocument, type PatternDocument } from '../pattern-document';
import { getPair, getPath, type YPair } from '../../yaml/yaml-tree';
import { pairLinesEnd } from '../yaml-node-spans';
import { lineStartOf } from '../text-lines';
import { bodyOf } from './front-matter-data';
import type { Span } from '../yaml-node-spans';

export function openOrThrow(text: string): PatternDocument {
  const opened = openPatternDocument(text);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.doc;
}

/** Lines of a top-level pair, or of `graph_garden.<key>`. */
export function pairRegion(doc: PatternDocument, pair: YPair | undefined): Span | undefined {
  return pair ? [lineStartOf(doc.text, pair.key.start), pairLinesEnd(doc.text, pair)] : undefined;
}

export function topRegion(doc: PatternDocument, key: string): Span | undefined {
  return pairRegion(doc, getPair(doc.root, key));
}

export function gardenRegion(doc: PatternDocument, key: string): Span | undefined {
  return pairRegion(doc, getPair(getPath(doc.root, ['graph_garden']), key));
}

/** Where a missing `relationships` block may be inserted: between the end of the previous key and `graph_garden`. */
export function relationshipsInsertionRegion(doc: PatternDocument): Span {
  const garden = getPair(doc.root, 'graph_garden');
  const gardenLine = garden ? lineStartOf(doc.text, garden.key.start) : doc.yamlEnd;
  let from = doc.yamlStart;
  for (const p of doc.root.pairs) {
    const line = lineStartOf(doc.text, p.key.start);
    if (line < gardenLine) from = Math.max(from, pairLinesEnd(doc.text, p));
  }
  return [from, gardenLine];
}

export function expectReplays(original: string, result: { text: string; changes: readonly TextChange[] }): void {
  expect(applyChanges(original, result.changes)).toBe(result.text);
  for (let i = 1; i < result.changes.length; i++) expect((result.changes[i] as TextChange).start).toBeGreaterThanOrEqual((result.changes[i - 1] as TextChange).end);
}

/** Every change lies inside one of `regions` (zero-width insertions may sit on a boundary). */
export function expectWithin(changes: readonly TextChange[], regions: ReadonlyArray<Span | undefined>): void {
  for (const c of changes) {
    const inside = regions.some((r) => r !== undefined && r[0] <= c.start && c.end <= r[1]);
    expect(inside, `change [${c.start}, ${c.end}) -> ${JSON.stringify(c.newText)} is outside the allowed regions ${JSON.stringify(regions)}`).toBe(true);
  }
}

/** BOM, line-break style, final newline and body are the original's. */
export function expectStyleKept(original: string, edited: string): void {
  expect(edited.startsWith('\ufeff')).toBe(original.startsWith('\ufeff'));
  const crlf = /\r\n/.test(original);
  if (crlf) expect(/(^|[^\r])\n/.test(edited), 'a bare LF in a CRLF file').toBe(false);
  else expect(edited.includes('\r'), 'a CR in an LF file').toBe(false);
  expect(bodyOf(edited)).toBe(bodyOf(original));
}

/** Each comment occurs exactly as often as before (they are unique in generated files). */
export function expectCommentsKept(original: string, edited: string, comments: readonly string[]): void {
  for (const c of comments) expect(edited.split(c).length, `comment '${c}'`).toBe(original.split(c).length);
}

/** Whole-line comments (banners included) of a real file: the same lines, in the same order. */
export function commentLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => /^\s*#/.test(l)).map((l) => l.trim());
}
