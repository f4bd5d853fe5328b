/**
 * What sits at a position in front-matter YAML: a key being typed (and in
 * which mapping), a value (of which key path), or an item of a list. Works on
 * the text as typed, valid or not, from the line reading in `yaml-lines`.
 * Offsets are relative to the YAML text (the front-matter editor's text).
 */
import { ancestorsOf, lineAt, scanYamlLines, type YamlLine } from './yaml-lines';

export type YamlCursor =
  | {
      kind: 'key';
      /** The mapping the key goes into (ends with ITEM for a list item's mapping). */
      parent: string[];
      prefix: string;
      from: number;
      to: number;
      /** Keys already present in that mapping (the one under the cursor excluded). */
      siblings: string[];
      /** Column where the key starts. */
      col: number;
      /** The line starts a new list item (`- ` before the cursor). */
      newItem: boolean;
    }
  | { kind: 'value'; path: string[]; prefix: string; from: number; to: number; quoted: boolean }
  /** A scalar item of the list at `path` (`- x` or `[a, x]`). */
  | { kind: 'item'; path: string[]; prefix: string; from: number; to: number; flow: boolean }
  | { kind: 'none' };

const PARTIAL_KEY = /^[^\s:#'"[\]{},&*!|>%@`-][^:#]*$|^$/;

/** A flow list's item around `offset`: between the previous `[`/`,` and the next `,`/`]`. */
function flowItem(text: string, valueStart: number, valueEnd: number, offset: number): { from: number; to: number } | undefined {
  let from = -1;
  let depth = 0;
  for (let i = valueStart; i < offset; i++) {
    const c = text[i];
    if (c === '[') {
      depth++;
      from = i + 1;
    } else if (c === ']') depth--;
    else if (c === ',' && depth === 1) from = i + 1;
    else if (c === '{') return undefined;
  }
  if (from < 0 || depth !== 1) return undefined;
  while (from < offset && text[from] === ' ') from++;
  let to = offset;
  while (to < valueEnd && text[to] !== ',' && text[to] !== ']') to++;
  while (to > from && text[to - 1] === ' ') to--;
  return { from, to: Math.max(to, offset) };
}

function unquoted(text: string, from: number, to: number): { from: number; to: number; quoted: boolean } {
  const q = text[from];
  if ((q === '"' || q === "'") && to > from) {
    const end = to - 1 > from && text[to - 1] === q ? to - 1 : to;
    return { from: from + 1, to: end, quoted: true };
  }
  return { from, to, quoted: false };
}

export function cursorContext(yaml: string, offset: number, lines: readonly YamlLine[] = scanYamlLines(yaml)): YamlCursor {
  if (lines.length === 0) return { kind: 'none' };
  const index = lineAt(lines, offset);
  const line = lines[index] as YamlLine;
  if (line.scalarContent || offset > line.end) return { kind: 'none' };
  const before = yaml.slice(line.start, offset);
  // Nothing but a comment from here on: no help.
  const hash = before.search(/(^|\s)#/);
  if (hash >= 0) return { kind: 'none' };

  if (line.key !== undefined && line.valueStart !== undefined && line.valueEnd !== undefined) {
    const keyStart = line.start + line.contentCol;
    const colon = yaml.lastIndexOf(':', line.valueStart - 1);
    if (offset <= colon) {
      const { path, siblings } = ancestorsOf(lines, index, line.contentCol);
      const newItem = line.dashes.length > 0;
      return { kind: 'key', parent: path, prefix: yaml.slice(keyStart, offset), from: keyStart, to: colon, siblings: siblings.filter((k) => k !== line.key), col: line.contentCol, newItem };
    }
    const path = [...ancestorsOf(lines, index, line.contentCol).path, line.key];
    if (offset < line.valueStart) return { kind: 'value', path, prefix: '', from: offset, to: offset, quoted: false };
    if (offset > line.valueEnd) return { kind: 'none' };
    const first = yaml[line.valueStart];
    if (first === '[') {
      const item = flowItem(yaml, line.valueStart, line.valueEnd, offset);
      if (!item) return { kind: 'none' };
      const u = unquoted(yaml, item.from, item.to);
      return { kind: 'item', path, prefix: yaml.slice(u.from, Math.max(u.from, offset)), from: u.from, to: Math.max(u.to, offset), flow: true };
    }
    if (first === '{' || first === '|' || first === '>' || first === '&' || first === '*' || first === '!') return { kind: 'none' };
    const u = unquoted(yaml, line.valueStart, line.valueEnd);
    return { kind: 'value', path, prefix: yaml.slice(u.from, Math.max(u.from, offset)), from: u.from, to: Math.max(u.to, offset), quoted: u.quoted };
  }

  // A line being typed: spaces only, `- ` items, or a key without its colon yet.
  const m = /^( *)((?:- +)*)(.*)$/.exec(before);
  if (!m) return { kind: 'none' };
  const rest = m[3] ?? '';
  const col = (m[1] ?? '').length + (m[2] ?? '').length;
  const newItem = (m[2] ?? '') !== '';
  const lineText = yaml.slice(line.start, line.end);
  const tail = lineText.slice(before.length);
  const { path, siblings } = ancestorsOf(lines, index, col);
  const from = line.start + col;
  if (rest.startsWith('[') || rest.startsWith('"') || rest.startsWith("'")) {
    if (!newItem) return { kind: 'none' };
    const u = unquoted(yaml, from, line.end);
    return { kind: 'item', path: path.slice(0, -1), prefix: yaml.slice(u.from, offset), from: u.from, to: Math.max(u.to, offset), flow: false };
  }
  if (!PARTIAL_KEY.test(rest)) return { kind: 'none' };
  const to = offset + (/^[^\s:#]*/.exec(tail)?.[0].length ?? 0);
  return { kind: 'key', parent: path, prefix: rest, from, to, siblings, col, newItem };
}

export type HoverTarget =
  | { kind: 'key'; path: string[]; from: number; to: number }
  | { kind: 'value'; path: string[]; text: string; from: number; to: number }
  | { kind: 'item'; path: string[]; text: string; from: number; to: number };

/** The key, value or list item under a position, with its full path. */
export function hoverTarget(yaml: string, offset: number, lines: readonly YamlLine[] = scanYamlLines(yaml)): HoverTarget | undefined {
  if (lines.length === 0) return undefined;
  const index = lineAt(lines, offset);
  const line = lines[index] as YamlLine;
  if (line.blank || line.scalarContent || offset > line.end) return undefined;
  if (line.key !== undefined && line.valueStart !== undefined && line.valueEnd !== undefined) {
    const keyStart = line.start + line.contentCol;
    const colon = yaml.lastIndexOf(':', line.valueStart - 1);
    const parent = ancestorsOf(lines, index, line.contentCol).path;
    if (offset >= keyStart && offset <= colon) return { kind: 'key', path: [...parent, line.key], from: keyStart, to: colon };
    if (offset < line.valueStart || offset > line.valueEnd || line.valueStart === line.valueEnd) return undefined;
    const path = [...parent, line.key];
    if (yaml[line.valueStart] === '[') {
      const item = flowItem(yaml, line.valueStart, line.valueEnd, offset);
      if (!item) return undefined;
      const u = unquoted(yaml, item.from, item.to);
      return { kind: 'item', path, text: yaml.slice(u.from, u.to), from: item.from, to: item.to };
    }
    const u = unquoted(yaml, line.valueStart, line.valueEnd);
    return { kind: 'value', path, text: yaml.slice(u.from, u.to), from: line.valueStart, to: line.valueEnd };
  }
  if (line.dashes.length === 0) return undefined;
  const from = line.start + line.contentCol;
  if (offset < from) return undefined;
  const lineText = yaml.slice(from, line.end);
  const cut = lineText.search(/\s#/);
  const to = from + (cut >= 0 ? cut : lineText.length);
  const u = unquoted(yaml, from, to);
  const path = ancestorsOf(lines, index, line.contentCol).path.slice(0, -1);
  return { kind: 'item', path, text: yaml.slice(u.from, u.to), from, to };
}
