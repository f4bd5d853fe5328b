/**
 * Rules about the Markdown body of a v7.1 pattern: the eight author-written
 * sections in order, and Section 2's core-conflict sentence agreeing with
 * the front-matter's primary tension.
 */
import type { PatternSchema } from '../schema/schema';
import { getPath, stringValue, type YMap } from '../yaml/yaml-tree';
import type { Reporter } from './reporter';

export interface Heading {
  level: number;
  text: string;
  /** Offset of the heading line in the file. */
  start: number;
  end: number;
}

/** ATX headings of a Markdown text, ignoring fenced code blocks. */
export function findHeadings(text: string, from: number): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  let pos = from;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    // Only lines starting with '#', a fence character or indentation can matter;
    // looking at the first character keeps this cheap over megabytes of prose.
    const c = text.charCodeAt(pos);
    if (c === 35 || c === 96 || c === 126 || c === 32) {
      const lineEnd = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const line = text.slice(pos, lineEnd);
      const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch) {
        const marker = (fenceMatch[1] as string).slice(0, 3);
        if (!fence) fence = marker;
        else if (marker === fence) fence = undefined;
      } else if (!fence && c === 35) {
        const m = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(line);
        if (m) out.push({ level: (m[1] as string).length, text: m[2] as string, start: pos, end: lineEnd });
      }
    }
    pos = nl + 1;
  }
  return out;
}

const SECTION = /^section\s+(\d+)\s*[:.\-–—]\s*(.+)$/i;

function norm(s: string): string {
  return s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().replace(/[.。]+$/, '').toLowerCase();
}

export function checkBody(root: YMap, text: string, bodyStart: number, schema: PatternSchema, r: Reporter): void {
  const expected = schema.body.sections;
  const headings = findHeadings(text, bodyStart);
  const sections = headings
    .map((h) => ({ h, m: SECTION.exec(h.text.replace(/[*_]/g, '').trim()) }))
    .filter((x): x is { h: Heading; m: RegExpExecArray } => x.m !== null)
    .map(({ h, m }) => ({ h, n: Number(m[1]), name: norm(m[2] as string) }));
  const anchor = sections[0]?.h ?? headings[0] ?? { start: bodyStart, end: bodyStart };
  const problems: string[] = [];
  const found = expected.map((name) => sections.findIndex((s) => s.name === norm(name)));
  const missing = expected.filter((_, i) => found[i] === -1);
  if (missing.length === expected.length) {
    problems.push(`none of the eight sections (### Section 1: ${expected[0]} … ### Section ${expected.length}: ${expected[expected.length - 1]}) was found`);
  } else {
    if (missing.length) problems.push(`missing ${missing.map((m) => `'${m}'`).join(', ')}`);
    let last = -1;
    const outOfOrder: string[] = [];
    expected.forEach((name, i) => {
      const at = found[i] as number;
      if (at === -1) return;
      if (at < last) outOfOrder.push(`'${name}'`);
      last = Math.max(last, at);
      const s = sections[at];
      if (s && s.n !== i + 1) problems.push(`'${name}' is numbered ${s.n} instead of ${i + 1}`);
    });
    if (outOfOrder.length) problems.push(`${outOfOrder.join(', ')} out of order`);
  }
  if (problems.length) r.report('body-sections', anchor, `body sections: ${problems.join('; ')}`);
  checkCoreConflict(root, text, sections.find((s) => s.name === norm(expected[schema.body.coreConflictSection - 1] ?? ''))?.h, r);
}

const CORE_CONFLICT = 'the core conflict is';

/** Finds "The core conflict is X." and returns X with its offset; linear, whatever the text. */
function findCoreConflict(text: string, from: number, to: number): { stated: string; start: number; end: number } | undefined {
  const at = text.slice(from, to).toLowerCase().indexOf(CORE_CONFLICT);
  if (at < 0) return undefined;
  const start = from + at;
  const after = start + CORE_CONFLICT.length;
  let lineEnd = text.indexOf('\n', after);
  if (lineEnd < 0) lineEnd = text.length;
  if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  const line = text.slice(after, lineEnd);
  const close = line.indexOf('**');
  const raw = close >= 0 ? line.slice(0, close) : line;
  const stated = raw.trim().replace(/\.$/, '').trim();
  return { stated, start, end: close >= 0 ? after + close + 2 : lineEnd };
}

function checkCoreConflict(root: YMap, text: string, problem: Heading | undefined, r: Reporter): void {
  const tensionNode = getPath(root, ['ontology', 'search_hints', 'primary_tension']);
  const tension = stringValue(tensionNode);
  if (!tension || !problem) return;
  const found = findCoreConflict(text, problem.end, Math.min(text.length, problem.end + 4000));
  if (!found) {
    r.report('body-core-conflict', problem, `the Problem section does not open with "The core conflict is ${tension}."`);
    return;
  }
  if (norm(found.stated) !== norm(tension)) {
    r.report('body-core-conflict', { start: found.start, end: found.end }, `the core conflict "${found.stated}" differs from primary_tension "${tension}"`);
  }
}
