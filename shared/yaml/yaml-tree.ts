/**
 * A YAML syntax tree with exact source ranges, built from js-yaml's event
 * stream (`parseEvents`), which is fast enough for bulk loading a whole vault
 * and still tells where every scalar and collection sits in the text.
 *
 * Scalars resolve with YAML 1.2 core-schema rules and never to dates: an
 * unquoted `2026-02-19` stays the text the curator wrote.
 */
import {
  parseEvents,
  getScalarValue,
  EVENT_ID,
  SCALAR_STYLE,
  COLLECTION_STYLE,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { fastParseYamlTree } from './fast-yaml-tree';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';
export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Absolute offset in the file where the node's text starts (quotes and block indicators included). */
  start: number;
  /** Absolute offset just past the node's text. */
  end: number;
  anchor?: string;
}

export interface YScalar extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
  /** The decoded string, before type resolution. */
  text: string;
  style: ScalarStyle;
  /** True when the scalar is absent from the text (`key:` with nothing after it). */
  empty: boolean;
  tag?: string;
}

export interface YPair {
  key: YNode;
  /** The key as a string (non-scalar keys get their source text). */
  keyText: string;
  value: YNode;
}

export interface YMap extends NodeBase {
  kind: 'map';
  flow: boolean;
  pairs: YPair[];
}

export interface YSeq extends NodeBase {
  kind: 'seq';
  flow: boolean;
  items: YNode[];
}

export interface YAlias extends NodeBase {
  kind: 'alias';
  name: string;
  target: YNode | undefined;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export interface DuplicateKey {
  key: string;
  first: YNode;
  duplicate: YNode;
}

export interface YamlSyntaxError {
  message: string;
  /** Absolute offset of the problem. */
  offset: number;
}

export type YamlParseResult =
  | { ok: true; root: YNode | undefined; duplicates: DuplicateKey[]; aliasCount: number }
  | { ok: false; error: YamlSyntaxError };

export interface YamlParseOptions {
  /** Offset of the YAML text inside the file, added to every range. */
  base?: number;
  /** Collections nested deeper than this are a syntax error, never a stack overflow. */
  maxDepth?: number;
  /** Try the fast path for common front-matter first (default true). */
  fast?: boolean;
}

const STYLE_NAMES: Record<number, ScalarStyle> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded',
};

const INT_DEC = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** YAML 1.2 core schema resolution of a plain scalar. No timestamps, no 1.1 booleans. */
export function resolvePlainScalar(text: string): ScalarValue {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  const c = text.charCodeAt(0);
  // Fast exit: most plain scalars are words, and words cannot be numbers or booleans.
  const maybeSpecial = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybeSpecial) return text;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (INT_DEC.test(text)) return Number.parseInt(text, 10);
  if (INT_OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (INT_HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return Number.parseFloat(text);
  if (INF.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(text)) return Number.NaN;
  return text;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Builds the tree. Every error (syntax, depth, or anything js-yaml throws,
 * RangeError included) comes back as a value with an offset.
 */
export function parseYamlTree(source: string, options: YamlParseOptions = {}): YamlParseResult {
  const base = options.base ?? 0;
  if (options.fast !== false) {
    const fast = fastParseYamlTree(source, base);
    if (fast) return { ok: true, root: fast.root, duplicates: fast.duplicates, aliasCount: 0 };
  }
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: options.maxDepth ?? 64 });
  } catch (err) {
    return { ok: false, error: toSyntaxError(err, base) };
  }
  try {
    return new TreeBuilder(source, base, events).build();
  } catch (err) {
    return { ok: false, error: toSyntaxError(err, base) };
  }
}

function toSyntaxError(err: unknown, base: number): YamlSyntaxError {
  if (err && typeof err === 'object') {
    const e = err as { reason?: unknown; message?: unknown; mark?: { position?: unknown } };
    const reason = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : String(err);
    const position = typeof e.mark?.position === 'number' ? e.mark.position : 0;
    return { message: reason.split('\n')[0] ?? reason, offset: base + position };
  }
  return { message: String(err), offset: base };
}

class TreeBuilder {
  private i = 0;
  /** End (relative) of the last token consumed; block-scalar indicators and empty values are searched after it. */
  private lastEnd = 0;
  private readonly anchors = new Map<string, YNode>();
  private readonly duplicates: DuplicateKey[] = [];
  private aliasCount = 0;

  constructor(
    private readonly src: string,
    private readonly base: number,
    private readonly events: Event[],
  ) {}

  build(): YamlParseResult {
    let root: YNode | undefined;
    const first = this.events[this.i];
    if (first && first.type === EVENT_ID.DOCUMENT) {
      this.i++;
      const next = this.events[this.i];
      if (next && next.type !== EVENT_ID.POP) root = this.node();
      // A second document inside front-matter is not something we model; ignore it.
    }
    return { ok: true, root, duplicates: this.duplicates, aliasCount: this.aliasCount };
  }

  private node(): YNode {
    const ev = this.events[this.i++];
    if (!ev) throw new Error('unexpected end of YAML events');
    switch (ev.type) {
      case EVENT_ID.SCALAR:
        return this.register(ev.anchorStart, this.scalar(ev));
      case EVENT_ID.MAPPING:
        return this.mapping(ev.start, ev.style === COLLECTION_STYLE.FLOW, ev.anchorStart, ev.anchorEnd);
      case EVENT_ID.SEQUENCE:
        return this.sequence(ev.start, ev.style === COLLECTION_STYLE.FLOW, ev.anchorStart, ev.anchorEnd);
      case EVENT_ID.ALIAS: {
        this.aliasCount++;
        const name = this.src.slice(ev.anchorStart, ev.anchorEnd);
        // anchorStart points past the '*'.
        const start = ev.anchorStart - 1;
        this.lastEnd = ev.anchorEnd;
        return { kind: 'alias', name, target: this.anchors.get(name), start: this.base + start, end: this.base + ev.anchorEnd };
      }
      default:
        throw new Error(`unexpected YAML event ${ev.type}`);
    }
  }

  private register<T extends YNode>(anchorStart: number, node: T, anchorEnd = -1): T {
    if (anchorStart >= 0) {
      const end = anchorEnd >= 0 ? anchorEnd : this.anchorEnd(anchorStart);
      const name = this.src.slice(anchorStart, end);
      node.anchor = name;
      this.anchors.set(name, node);
    }
    return node;
  }

  private anchorEnd(anchorStart: number): number {
    let j = anchorStart;
    while (j < this.src.length && !isSpace(this.src.charCodeAt(j))) j++;
    return j;
  }

  private scalar(ev: ScalarEvent): YScalar {
    const style = STYLE_NAMES[ev.style] ?? 'plain';
    const tag = ev.tagStart >= 0 ? this.src.slice(ev.tagStart, ev.tagEnd) : undefined;
    if (ev.valueStart < 0) {
      // An absent value (`key:`): place it just after the preceding token so an
      // edit can insert text there.
      const at = this.base + this.lastEnd;
      const node: YScalar = { kind: 'scalar', value: null, text: '', style: 'plain', empty: true, start: at, end: at };
      if (tag) {
        node.tag = tag;
        node.value = tag === '!!str' || tag === '!' ? '' : null;
      }
      return node;
    }
    const text = ev.fast ? this.src.slice(ev.valueStart, ev.valueEnd) : getScalarValue(this.src, ev);
    let start = ev.valueStart;
    let end = ev.valueEnd;
    if (style === 'single' || style === 'double') {
      start -= 1;
      end += 1;
    } else if (style === 'literal' || style === 'folded') {
      start = this.blockIndicator(ev.valueStart);
      end = this.trimBlockEnd(start, ev.valueEnd);
    }
    this.lastEnd = end;
    let value: ScalarValue = style === 'plain' && !tag ? resolvePlainScalar(text) : text;
    if (tag && tag !== '!!str' && tag !== '!') value = style === 'plain' ? resolvePlainScalar(text) : text;
    const node: YScalar = { kind: 'scalar', value, text, style, empty: false, start: this.base + start, end: this.base + end };
    if (tag) node.tag = tag;
    return node;
  }

  /** The `|` or `>` that opens a block scalar: the first one after the previous token. */
  private blockIndicator(valueStart: number): number {
    for (let j = this.lastEnd; j < valueStart; j++) {
      const c = this.src.charCodeAt(j);
      if (c === 124 || c === 62) return j;
    }
    return valueStart;
  }

  /** A block scalar's content ends at its last non-blank character, not in the blank lines after it. */
  private trimBlockEnd(start: number, end: number): number {
    let j = end;
    while (j > start && isSpace(this.src.charCodeAt(j - 1))) j--;
    return j;
  }

  private mapping(start: number, flow: boolean, anchorStart: number, anchorEnd: number): YMap {
    const map: YMap = { kind: 'map', flow, pairs: [], start: this.base + start, end: this.base + start };
    this.register(anchorStart, map, anchorEnd);
    this.lastEnd = flow ? start + 1 : start;
    let seen: Map<string, YNode> | undefined;
    for (;;) {
      const ev = this.events[this.i];
      if (!ev) throw new Error('unterminated mapping');
      if (ev.type === EVENT_ID.POP) {
        this.i++;
        break;
      }
      const key = this.node();
      // An absent value sits just after the colon, where an edit would write one.
      this.lastEnd = this.afterIndicator(this.lastEnd, 58);
      const value = this.node();
      const keyText = key.kind === 'scalar' ? key.text : this.src.slice(key.start - this.base, key.end - this.base);
      seen ??= new Map();
      const first = seen.get(keyText);
      if (first) this.duplicates.push({ key: keyText, first, duplicate: key });
      else seen.set(keyText, key);
      map.pairs.push({ key, keyText, value });
    }
    // `[a: b]` holds a single-pair mapping with no braces: it ends with its value.
    const braced = flow && this.src.charCodeAt(start) === 123;
    map.end = braced ? this.base + this.closeFlow(125) : this.lastEndOf(map.pairs.length ? (map.pairs[map.pairs.length - 1] as YPair).value : undefined, map.start);
    return map;
  }

  private sequence(start: number, flow: boolean, anchorStart: number, anchorEnd: number): YSeq {
    const seq: YSeq = { kind: 'seq', flow, items: [], start: this.base + start, end: this.base + start };
    this.register(anchorStart, seq, anchorEnd);
    this.lastEnd = start + 1;
    for (;;) {
      const ev = this.events[this.i];
      if (!ev) throw new Error('unterminated sequence');
      if (ev.type === EVENT_ID.POP) {
        this.i++;
        break;
      }
      if (!flow) this.lastEnd = this.afterIndicator(this.lastEnd, 45);
      seq.items.push(this.node());
    }
    seq.end = flow ? this.base + this.closeFlow(93) : this.lastEndOf(seq.items[seq.items.length - 1], seq.start + 1);
    return seq;
  }

  private lastEndOf(node: YNode | undefined, fallback: number): number {
    return node ? node.end : fallback;
  }

  /**
   * Just past the indicator (`:` of a pair, `-` of a block item) that follows
   * `from`, skipping spaces and comments; `from` itself when there is none.
   */
  private afterIndicator(from: number, indicator: number): number {
    const src = this.src;
    let j = from;
    while (j < src.length) {
      const c = src.charCodeAt(j);
      if (c === indicator) return j + 1;
      if (c === 35) {
        while (j < src.length && src.charCodeAt(j) !== 10) j++;
        continue;
      }
      if (!isSpace(c)) return from;
      j++;
    }
    return from;
  }

  /** Finds the bracket that closes a flow collection, skipping spaces, commas and comments. */
  private closeFlow(bracket: number): number {
    const src = this.src;
    let j = this.lastEnd;
    while (j < src.length) {
      const c = src.charCodeAt(j);
      if (c === bracket) {
        this.lastEnd = j + 1;
        return j + 1;
      }
      if (c === 35) {
        while (j < src.length && src.charCodeAt(j) !== 10) j++;
        continue;
      }
      j++;
    }
    this.lastEnd = src.length;
    return src.length;
  }
}

/** Looks up a key in a mapping node. */
export function getPair(map: YNode | undefined, key: string): YPair | undefined {
  if (!map || map.kind !== 'map') return undefined;
  for (const pair of map.pairs) if (pair.keyText === key) return pair;
  return undefined;
}

export function getNode(map: YNode | undefined, key: string): YNode | undefined {
  return getPair(map, key)?.value;
}

/** Follows a path of keys through nested mappings. */
export function getPath(root: YNode | undefined, path: readonly string[]): YNode | undefined {
  let node = root;
  for (const key of path) {
    node = getNode(node, key);
    if (!node) return undefined;
  }
  return node;
}

export function scalarValue(node: YNode | undefined): ScalarValue | undefined {
  return node && node.kind === 'scalar' ? node.value : undefined;
}

/** A scalar's value as a string when it is a non-empty string, else undefined. */
export function stringValue(node: YNode | undefined): string | undefined {
  const v = scalarValue(node);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export interface ToJsOptions {
  /** Aliases expanded beyond this many make the conversion fail: an alias bomb never explodes. */
  maxAliasExpansions?: number;
}

/** Converts a tree to plain data (for tests and for tools that want values, not ranges). */
export function toJs(node: YNode | undefined, options: ToJsOptions = {}): unknown {
  let budget = options.maxAliasExpansions ?? 100;
  const convert = (n: YNode | undefined): unknown => {
    if (!n) return null;
    switch (n.kind) {
      case 'scalar':
        return n.value;
      case 'seq':
        return n.items.map(convert);
      case 'map': {
        const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        for (const p of n.pairs) out[p.keyText] = convert(p.value);
        return out;
      }
      case 'alias':
        if (--budget < 0) throw new Error('too many alias expansions');
        return convert(n.target);
    }
  };
  return convert(node);
}
