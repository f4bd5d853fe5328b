/**
 * A fast path for the YAML that pattern front-matter actually contains: block
 * mappings and sequences, single-line plain and quoted scalars, single-line
 * flow lists of scalars, and `|`/`>` block scalars. It builds the same tree
 * as the js-yaml-based builder, four to five times faster, which is what lets
 * a whole vault validate in less time than a naive `js-yaml.load` loop.
 *
 * It never decides that input is wrong: at the first thing outside its subset
 * (anchors, tags, flow mappings, multi-line scalars, tabs, CRLF, anything odd)
 * it gives up and the caller parses with js-yaml, which also produces the
 * error messages. A test checks that both paths give identical trees over the
 * whole real corpus.
 */
import { resolvePlainScalar, type DuplicateKey, type YMap, type YNode, type YScalar, type YSeq } from './yaml-tree';

/** Thrown to leave the fast path; never escapes this module. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();

function bail(): never {
  throw UNSUPPORTED;
}

const SPACE = 32;
const NL = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

// Characters that may not start a plain scalar (or that start syntax we leave to js-yaml).
const NOT_PLAIN_START = new Set([...'[]{},#&*!|>\'"%@`?'].map((c) => c.charCodeAt(0)));
// eslint-disable-next-line no-control-regex -- these are exactly the characters js-yaml rejects
const ODD_CHARS = /[\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFEFF]/;

export interface FastTree {
  root: YNode;
  duplicates: DuplicateKey[];
}

export function fastParseYamlTree(src: string, base: number): FastTree | undefined {
  if (ODD_CHARS.test(src)) return undefined;
  try {
    return new FastParser(src, base).parse();
  } catch (err) {
    if (err === UNSUPPORTED) return undefined;
    throw err;
  }
}

class FastParser {
  private readonly len: number;
  /** End (relative) of the last token, as the event-based builder tracks it. */
  private lastEnd = 0;
  private readonly duplicates: DuplicateKey[] = [];

  constructor(
    private readonly src: string,
    private readonly base: number,
  ) {
    this.len = src.length;
  }

  parse(): FastTree {
    const first = this.nextContentLine(0);
    if (first >= this.len) bail();
    const ind = this.indent(first);
    if (this.isDocumentMarker(first)) bail();
    const root = this.isSeqItem(first + ind) ? this.blockSeq(first, ind) : this.blockMap(first + ind, ind);
    if (this.nextContentLine(this.afterLine(root.end - this.base)) < this.len) bail();
    return { root, duplicates: this.duplicates };
  }

  // ── lines ────────────────────────────────────────────────────────────

  private lineEnd(p: number): number {
    const nl = this.src.indexOf('\n', p);
    return nl < 0 ? this.len : nl;
  }

  /** Start of the line after the one containing p. */
  private afterLine(p: number): number {
    const nl = this.src.indexOf('\n', p);
    return nl < 0 ? this.len : nl + 1;
  }

  private indent(lineStart: number): number {
    let j = lineStart;
    while (j < this.len && this.src.charCodeAt(j) === SPACE) j++;
    return j - lineStart;
  }

  /** Skips blank and comment-only lines; returns the start of the next content line or len. */
  private nextContentLine(p: number): number {
    while (p < this.len) {
      const ind = this.indent(p);
      const c = this.src.charCodeAt(p + ind);
      if (p + ind >= this.len || c === NL || c === HASH) {
        p = this.afterLine(p + ind);
        continue;
      }
      return p;
    }
    return this.len;
  }

  private isDocumentMarker(lineStart: number): boolean {
    return this.src.startsWith('---', lineStart) || this.src.startsWith('...', lineStart);
  }

  private isSeqItem(p: number): boolean {
    if (this.src.charCodeAt(p) !== DASH) return false;
    const next = this.src.charCodeAt(p + 1);
    return p + 1 >= this.len || next === SPACE || next === NL;
  }

  /** After a value on a line: only spaces and a comment may follow. */
  private expectLineRest(p: number): void {
    let j = p;
    while (j < this.len && this.src.charCodeAt(j) === SPACE) j++;
    if (j >= this.len || this.src.charCodeAt(j) === NL) return;
    if (this.src.charCodeAt(j) === HASH && j > p) return;
    bail();
  }

  // ── block collections ───────────────────────────────────────────────

  /** A block mapping whose first key starts at `k`; every key sits at column `ind`. */
  private blockMap(k: number, ind: number): YMap {
    const map: YMap = { kind: 'map', flow: false, pairs: [], start: this.base + k, end: this.base + k };
    this.lastEnd = k;
    let seen: Map<string, YNode> | undefined;
    let keyAt = k;
    for (;;) {
      const key = this.plainKey(keyAt);
      const value = this.mapValue(key.end - this.base + 1, ind);
      seen ??= new Map();
      const first = seen.get(key.text);
      if (first) this.duplicates.push({ key: key.text, first, duplicate: key });
      else seen.set(key.text, key);
      map.pairs.push({ key, keyText: key.text, value });
      map.end = value.end;
      const next = this.nextContentLine(this.afterLine(Math.max(value.end - this.base - 1, key.end - this.base)));
      if (next >= this.len) break;
      const nind = this.indent(next);
      if (nind < ind) break;
      if (nind > ind || this.isDocumentMarker(next)) bail();
      if (this.isSeqItem(next + nind)) break; // a sequence at the parent key's indentation ends here
      keyAt = next + nind;
    }
    return map;
  }

  private blockSeq(lineStart: number, ind: number): YSeq {
    const start = lineStart + ind;
    const seq: YSeq = { kind: 'seq', flow: false, items: [], start: this.base + start, end: this.base + start };
    this.lastEnd = start + 1;
    let line = lineStart;
    for (;;) {
      const dash = line + ind;
      this.lastEnd = dash + 1;
      let q = dash + 1;
      while (q < this.len && this.src.charCodeAt(q) === SPACE) q++;
      let item: YNode;
      const c = this.src.charCodeAt(q);
      if (q >= this.len || c === NL || (c === HASH && q > dash + 1)) {
        item = this.nestedOrEmpty(q, ind, false);
      } else if (this.isSeqItem(q)) {
        bail(); // `- - x`: compact nested sequences are rare; leave them to js-yaml
      } else if (this.looksLikeKey(q)) {
        item = this.blockMap(q, q - line);
      } else {
        item = this.inlineValue(q, ind);
      }
      seq.items.push(item);
      seq.end = item.end;
      const next = this.nextContentLine(this.afterLine(Math.max(item.end - this.base - 1, dash)));
      if (next >= this.len) break;
      const nind = this.indent(next);
      if (nind < ind) break;
      if (nind > ind || !this.isSeqItem(next + nind)) {
        if (nind === ind) break; // the parent mapping continues
        bail();
      }
      line = next;
    }
    return seq;
  }

  /** The value after `key:`; `p` is just past the colon. */
  private mapValue(p: number, ind: number): YNode {
    let q = p;
    while (q < this.len && this.src.charCodeAt(q) === SPACE) q++;
    const c = this.src.charCodeAt(q);
    if (q >= this.len || c === NL || (c === HASH && q > p)) return this.nestedOrEmpty(q, ind, true);
    if (q === p) bail(); // `key:value` is not a mapping entry in YAML
    return this.inlineValue(q, ind);
  }

  /** A value on the following lines (a nested block), or an absent one. */
  private nestedOrEmpty(p: number, ind: number, seqMayAlign: boolean): YNode {
    const next = this.nextContentLine(this.afterLine(p));
    if (next < this.len) {
      const nind = this.indent(next);
      if (nind > ind) {
        if (this.isDocumentMarker(next)) bail();
        return this.isSeqItem(next + nind) ? this.blockSeq(next, nind) : this.blockMap(next + nind, nind);
      }
      if (seqMayAlign && nind === ind && this.isSeqItem(next + nind)) return this.blockSeq(next, nind);
    }
    const at = this.base + this.lastEnd;
    return { kind: 'scalar', value: null, text: '', style: 'plain', empty: true, start: at, end: at };
  }

  /** A scalar or flow list starting at q on the current line, with nothing but a comment after it. */
  private inlineValue(q: number, ind: number): YNode {
    const c = this.src.charCodeAt(q);
    let node: YNode;
    if (c === 34) node = this.doubleQuoted(q);
    else if (c === 39) node = this.singleQuoted(q);
    else if (c === 91) node = this.flowSeq(q);
    else if (c === 124 || c === 62) return this.blockScalar(q, ind);
    else node = this.plainScalar(q, false);
    this.expectLineRest(node.end - this.base);
    // A following line indented deeper would continue the scalar over several lines.
    const next = this.nextContentLine(this.afterLine(node.end - this.base));
    if (next < this.len && this.indent(next) > ind) bail();
    return node;
  }

  // ── scalars ─────────────────────────────────────────────────────────

  private looksLikeKey(q: number): boolean {
    const c = this.src.charCodeAt(q);
    if (NOT_PLAIN_START.has(c)) return false;
    const end = this.lineEnd(q);
    for (let j = q; j < end; j++) {
      const d = this.src.charCodeAt(j);
      if (d === COLON) {
        const after = this.src.charCodeAt(j + 1);
        if (j + 1 >= this.len || after === SPACE || after === NL) return true;
      } else if (d === HASH && this.src.charCodeAt(j - 1) === SPACE) {
        return false;
      }
    }
    return false;
  }

  private plainKey(k: number): YScalar {
    const c = this.src.charCodeAt(k);
    if (NOT_PLAIN_START.has(c) || (c === DASH && this.isSeqItem(k))) bail();
    const end = this.lineEnd(k);
    for (let j = k; j < end; j++) {
      const d = this.src.charCodeAt(j);
      if (d === COLON) {
        const after = this.src.charCodeAt(j + 1);
        if (j + 1 >= this.len || after === SPACE || after === NL) {
          let e = j;
          while (e > k && this.src.charCodeAt(e - 1) === SPACE) e--;
          if (e === k) bail();
          const text = this.src.slice(k, e);
          // An absent value sits just after the colon, where an edit would write one.
          this.lastEnd = j + 1;
          return { kind: 'scalar', value: resolvePlainScalar(text), text, style: 'plain', empty: false, start: this.base + k, end: this.base + e };
        }
      } else if (d === HASH && this.src.charCodeAt(j - 1) === SPACE) {
        bail();
      }
    }
    return bail();
  }

  /** A single-line plain scalar; in a flow list it also ends at `,` and `]`. */
  private plainScalar(q: number, inFlow: boolean): YScalar {
    const c = this.src.charCodeAt(q);
    if (NOT_PLAIN_START.has(c) || ((c === DASH || c === COLON) && this.isIndicator(q))) bail();
    const end = this.lineEnd(q);
    let j = q;
    let e = q;
    for (; j < end; j++) {
      const d = this.src.charCodeAt(j);
      if (d === HASH && this.src.charCodeAt(j - 1) === SPACE) break;
      if (d === COLON) {
        const after = this.src.charCodeAt(j + 1);
        if (j + 1 >= end || after === SPACE || (inFlow && (after === 44 || after === 93))) bail();
      }
      if (inFlow && (d === 44 || d === 93)) break;
      if (inFlow && (d === 91 || d === 123 || d === 125)) bail();
      if (d !== SPACE) e = j + 1;
    }
    if (e === q) bail();
    const text = this.src.slice(q, e);
    this.lastEnd = e;
    return { kind: 'scalar', value: resolvePlainScalar(text), text, style: 'plain', empty: false, start: this.base + q, end: this.base + e };
  }

  private isIndicator(q: number): boolean {
    const next = this.src.charCodeAt(q + 1);
    return q + 1 >= this.len || next === SPACE || next === NL;
  }

  private doubleQuoted(q: number): YScalar {
    const end = this.lineEnd(q);
    let text = '';
    let chunk = q + 1;
    for (let j = q + 1; j < end; j++) {
      const d = this.src.charCodeAt(j);
      if (d === 34) {
        text += this.src.slice(chunk, j);
        this.lastEnd = j + 1;
        return { kind: 'scalar', value: text, text, style: 'double', empty: false, start: this.base + q, end: this.base + j + 1 };
      }
      if (d === 92) {
        text += this.src.slice(chunk, j);
        const e = this.src[j + 1];
        const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          text += simple;
          j += 1;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.src.slice(j + 2, j + 6))) {
          text += String.fromCharCode(Number.parseInt(this.src.slice(j + 2, j + 6), 16));
          j += 5;
        } else {
          bail();
        }
        chunk = j + 1;
      }
    }
    return bail(); // the string goes on over several lines
  }

  private singleQuoted(q: number): YScalar {
    const end = this.lineEnd(q);
    let text = '';
    let chunk = q + 1;
    for (let j = q + 1; j < end; j++) {
      if (this.src.charCodeAt(j) !== 39) continue;
      if (this.src.charCodeAt(j + 1) === 39) {
        text += this.src.slice(chunk, j + 1);
        j++;
        chunk = j + 1;
        continue;
      }
      text += this.src.slice(chunk, j);
      this.lastEnd = j + 1;
      return { kind: 'scalar', value: text, text, style: 'single', empty: false, start: this.base + q, end: this.base + j + 1 };
    }
    return bail();
  }

  /** `[a, "b", 'c']` on one line; nested collections are left to js-yaml. */
  private flowSeq(q: number): YSeq {
    const seq: YSeq = { kind: 'seq', flow: true, items: [], start: this.base + q, end: this.base + q };
    const end = this.lineEnd(q);
    let j = q + 1;
    this.lastEnd = j;
    for (;;) {
      while (j < end && this.src.charCodeAt(j) === SPACE) j++;
      if (j >= end) bail();
      const c = this.src.charCodeAt(j);
      if (c === 93) break;
      const item = c === 34 ? this.doubleQuoted(j) : c === 39 ? this.singleQuoted(j) : this.plainScalar(j, true);
      seq.items.push(item);
      j = item.end - this.base;
      while (j < end && this.src.charCodeAt(j) === SPACE) j++;
      const d = this.src.charCodeAt(j);
      if (d === 44) {
        j++;
        continue;
      }
      if (d === 93) break;
      bail();
    }
    this.lastEnd = j + 1;
    seq.end = this.base + j + 1;
    return seq;
  }

  /** `|` or `>` with optional chomping, content on the following more-indented lines. */
  private blockScalar(q: number, parentInd: number): YScalar {
    const folded = this.src.charCodeAt(q) === 62;
    let j = q + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const h = this.src.charCodeAt(j);
    if (h === DASH) {
      chomp = 'strip';
      j++;
    } else if (h === 43) {
      bail(); // keep-chomping keeps trailing blank lines; rare enough to leave to js-yaml
    }
    const d = this.src.charCodeAt(j);
    if (d >= 48 && d <= 57) bail(); // explicit indentation indicator
    this.expectLineRest(j);
    const lines: string[] = [];
    let contentInd = -1;
    let p = this.afterLine(q);
    let lastContentEnd = -1;
    while (p < this.len) {
      const le = this.lineEnd(p);
      const ind = this.indent(p);
      const blank = p + ind >= le;
      if (blank) {
        // Spaces beyond the content indentation would be content; leave that to js-yaml.
        if (ind > 0 && (contentInd < 0 || ind > contentInd)) bail();
        lines.push('');
        p = le + 1;
        continue;
      }
      if (contentInd < 0) {
        if (ind <= parentInd) break;
        contentInd = ind;
      }
      if (ind < contentInd) break;
      // More-indented lines fold differently; leave them to js-yaml.
      if (ind > contentInd && folded) bail();
      lines.push(this.src.slice(p + contentInd, le));
      let e = le;
      while (this.src.charCodeAt(e - 1) === SPACE) e--;
      lastContentEnd = e;
      p = le + 1;
    }
    // Leading blank lines are kept as line breaks by YAML; rare, so not handled here.
    if (contentInd < 0 || lastContentEnd < 0 || lines[0] === '') bail();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    let text: string;
    if (folded) {
      text = '';
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (i > 0) text += line === '' || lines[i - 1] === '' ? (line === '' ? '\n' : '') : ' ';
        text += line;
      }
    } else {
      text = lines.join('\n');
    }
    if (chomp === 'clip') text += '\n';
    this.lastEnd = lastContentEnd;
    const style = folded ? 'folded' : 'literal';
    const node: YScalar = { kind: 'scalar', value: text, text, style, empty: false, start: this.base + q, end: this.base + lastContentEnd };
    // A following content line indented deeper than the parent but shallower than the content is an error.
    const next = this.nextContentLine(this.afterLine(lastContentEnd));
    if (next < this.len && this.indent(next) > parentInd) bail();
    return node;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  ' ': ' ',
};
