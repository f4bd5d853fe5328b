/**
 * Builds new front-matter text out of pieces of an old one, for migrations:
 * pairs are copied from their source text (same scalars, same quoting, nested
 * lines shifted as a block), so a migration re-arranges a file without
 * re-serialising its values.
 */
import type { YPair } from '../yaml/yaml-tree';
import { colonAfterKey, pairLinesEnd } from './yaml-node-spans';
import { columnOf, lineStartOf, reindentTail, spaces } from './text-lines';

export const BANNER_RULE = '# ═══════════════════════════════════════════════════════════════════';

export function banner(title: string, eol: string): string {
  return BANNER_RULE + eol + '# ' + title + eol + BANNER_RULE + eol;
}

/** The source lines a pair occupies, from the start of its key line. */
export function pairLineRange(text: string, pair: YPair): readonly [number, number] {
  return [lineStartOf(text, pair.key.start), pairLinesEnd(text, pair)];
}

/**
 * `pair` written at column `indent`, optionally under a new key, ending with a
 * line break. Everything after the colon (value, inline comment, nested lines)
 * is the source text, shifted by the change of indentation.
 */
export function copyPair(text: string, pair: YPair, indent: number, eol: string, newKey?: string): string {
  const colon = colonAfterKey(text, pair);
  const end = pairLinesEnd(text, pair);
  let tail = text.slice(colon + 1, end);
  if (tail.endsWith('\n')) tail = tail.slice(0, tail.endsWith('\r\n') ? -2 : -1);
  const key = newKey ?? text.slice(pair.key.start, pair.key.end);
  return spaces(indent) + key + ':' + reindentTail(tail, indent - columnOf(text, pair.key.start)) + eol;
}
