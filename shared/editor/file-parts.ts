/**
 * A pattern file as the editor holds it: the front-matter YAML and the prose
 * body in two editors, and the bytes around them (BOM, fence lines, their line
 * breaks) kept aside untouched. Joining the parts gives back exactly the text
 * that was split, so a save writes what the curator sees and nothing else.
 */
import { splitFrontMatter } from '../yaml/front-matter';

export type FileParts =
  | {
      mode: 'split';
      /** BOM (if any), the opening fence line and its line break. */
      head: string;
      /** The YAML between the fences (the front-matter editor's text). */
      yaml: string;
      /** The closing fence line and its line break (if any). */
      fence: string;
      /** Everything after the closing fence (the prose editor's text). */
      body: string;
    }
  | {
      /** No usable front-matter (missing or unclosed): one editor holds the whole file. */
      mode: 'whole';
      text: string;
      reason: 'missing' | 'unclosed';
    };

export function splitFileParts(text: string): FileParts {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') return { mode: 'whole', text, reason: split.kind };
  const fenceEnd = split.bodyStart;
  return {
    mode: 'split',
    head: text.slice(0, split.yamlStart),
    yaml: text.slice(split.yamlStart, split.yamlEnd),
    fence: text.slice(split.yamlEnd, fenceEnd),
    body: text.slice(fenceEnd),
  };
}

/** The parts with the editors' current texts, joined. */
export function joinFileParts(parts: FileParts): string {
  return parts.mode === 'split' ? parts.head + parts.yaml + parts.fence + parts.body : parts.text;
}

/** Which editor a place in the file belongs to. */
export type PartName = 'yaml' | 'body';

/** Where each editor's text starts in the joined file, for one state of the texts. */
export interface PartLayout {
  mode: 'split' | 'whole';
  /** File offset of the YAML editor's first character (split mode). */
  yamlStart: number;
  yamlLength: number;
  /** File offset of the body editor's first character (0 in whole mode). */
  bodyStart: number;
  bodyLength: number;
}

export function layoutOf(parts: FileParts): PartLayout {
  if (parts.mode === 'whole') return { mode: 'whole', yamlStart: 0, yamlLength: 0, bodyStart: 0, bodyLength: parts.text.length };
  const yamlStart = parts.head.length;
  return {
    mode: 'split',
    yamlStart,
    yamlLength: parts.yaml.length,
    bodyStart: yamlStart + parts.yaml.length + parts.fence.length,
    bodyLength: parts.body.length,
  };
}

/**
 * A file offset as (editor, offset inside that editor's text). Offsets in the
 * fences belong to the YAML editor, clamped to its ends: a finding on the
 * opening fence shows on its first line, one on the closing fence on its last.
 */
export function locateOffset(layout: PartLayout, offset: number): { part: PartName; offset: number } {
  if (layout.mode === 'whole') return { part: 'body', offset: clamp(offset, 0, layout.bodyLength) };
  if (offset >= layout.bodyStart) return { part: 'body', offset: clamp(offset - layout.bodyStart, 0, layout.bodyLength) };
  return { part: 'yaml', offset: clamp(offset - layout.yamlStart, 0, layout.yamlLength) };
}

/** The file offset of an offset inside one editor's text. */
export function fileOffset(layout: PartLayout, part: PartName, offset: number): number {
  if (layout.mode === 'whole' || part === 'body') return layout.bodyStart + offset;
  return layout.yamlStart + offset;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/**
 * Whether Monaco can hold this text without changing it: a model keeps one
 * line-break style, so a file mixing `\n` and `\r\n` (or holding a lone `\r`)
 * would be normalised on open. The editor says so rather than rewrite it silently.
 */
export function lineBreakStyle(text: string): 'lf' | 'crlf' | 'mixed' | 'none' {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  let cr = 0;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) cr++;
  if (cr > 0 || (lf > 0 && crlf > 0)) return 'mixed';
  if (crlf > 0) return 'crlf';
  return lf > 0 ? 'lf' : 'none';
}
