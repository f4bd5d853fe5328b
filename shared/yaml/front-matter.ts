/**
 * Splits a Markdown file into its YAML front-matter and its body, keeping the
 * offsets of each part so that findings and edits can point into the file.
 */

export type FrontMatterSplit =
  | {
      kind: 'ok';
      /** Offset of the first character of the YAML (after the opening fence's line break). */
      yamlStart: number;
      /** Offset of the closing fence line. */
      yamlEnd: number;
      /** Offset of the first body character (after the closing fence's line break). */
      bodyStart: number;
      bom: boolean;
      eol: '\n' | '\r\n';
    }
  | { kind: 'missing'; bom: boolean }
  | { kind: 'unclosed'; yamlStart: number; bom: boolean; eol: '\n' | '\r\n' };

const BOM = 0xfeff;

/** A fence line is `---` with optional trailing spaces or tabs (the template itself has one). */
function fenceLineEnd(text: string, at: number, marker = '---'): number {
  if (!text.startsWith(marker, at)) return -1;
  let j = at + 3;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 32 || c === 9) j++;
    else break;
  }
  if (j === text.length) return j;
  if (text.charCodeAt(j) === 10) return j;
  if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) return j;
  return -1;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const bom = text.charCodeAt(0) === BOM;
  const open = bom ? 1 : 0;
  const openEnd = fenceLineEnd(text, open);
  if (openEnd < 0) return { kind: 'missing', bom };
  const eol: '\n' | '\r\n' = text.charCodeAt(openEnd) === 13 ? '\r\n' : '\n';
  const yamlStart = Math.min(text.length, openEnd + eol.length);
  // The closing fence is the first line after the opening one that is exactly `---`
  // (or `...`, YAML's document end marker, which some tools write).
  let lineStart = yamlStart;
  while (lineStart < text.length) {
    const close = fenceLineEnd(text, lineStart);
    const end = close >= 0 ? close : fenceLineEnd(text, lineStart, '...');
    if (end >= 0) {
      let bodyStart = end;
      if (text.charCodeAt(bodyStart) === 13) bodyStart++;
      if (text.charCodeAt(bodyStart) === 10) bodyStart++;
      return { kind: 'ok', yamlStart, yamlEnd: lineStart, bodyStart, bom, eol };
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return { kind: 'unclosed', yamlStart, bom, eol };
}
