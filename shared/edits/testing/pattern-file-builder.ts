/**
 * TEST SUPPORT ONLY. Generates pattern files in the many ways real vaults write
 * them (indentation 2/4, dashes flush or indented, CRLF, BOM, no final newline,
 * banners, comments inside lists, block/flow/plain entries, quoting styles), as
 * fast-check arbitraries, so edits are checked on layouts the corpus does not
 * happen to contain.
 */
import fc from 'fast-check';

export const TYPES = ['generalizes_from', 'specializes_to', 'enables', 'requires', 'alternatives', 'complementary', 'tools'] as const;
export type RelType = (typeof TYPES)[number];

export type EntryShape = 'block-slug' | 'block-id' | 'block-plain' | 'block-flowmap' | 'flow-maps' | 'flow-strings';
export type Quote = 'plain' | 'single' | 'double';

export interface CuratedSpec {
  shape: EntryShape | 'empty';
  entries: Array<{ slug: string; weight: number }>;
}

export interface InferredSpec {
  target: string;
  type?: string;
  confidence?: number;
  strength?: number;
  /** Written as a folded block scalar holding a `#`, which must not be taken for a comment. */
  blockReason: boolean;
}

export interface FileSpec {
  slug: string;
  step: 2 | 4;
  /** Columns from a key to its list's dashes (0: `key:\n- x`). */
  dashOffset: 0 | 2;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
  banners: boolean;
  comments: boolean;
  slugQuote: Quote;
  lastPrunedQuote: 'plain' | 'single';
  /** Undefined: no `relationships` key at all. */
  curated: Partial<Record<RelType, CuratedSpec>> | undefined;
  inferred: InferredSpec[];
}

export interface BuiltFile {
  text: string;
  spec: FileSpec;
  /** Every comment written into the file; each must survive every edit exactly once. */
  comments: string[];
}

const SLUGS = ['alpha', 'beta-gamma', 'delta2', 'epsilon-zeta', 'eta', 'theta-iota', 'kappa', 'lambda-mu', 'nu', 'xi-omicron'];
const ODD_TYPES = ['enabler', 'enablers', 'specializes', 'complements', 'analogous'];

const weightArb = fc.integer({ min: 40, max: 100 }).map((n) => n / 100);

const curatedArb: fc.Arbitrary<CuratedSpec> = fc.record({
  shape: fc.constantFrom<EntryShape | 'empty'>('empty', 'block-slug', 'block-slug', 'block-id', 'block-plain', 'block-flowmap', 'flow-maps', 'flow-strings'),
  entries: fc.uniqueArray(fc.record({ slug: fc.constantFrom(...SLUGS), weight: weightArb }), { minLength: 1, maxLength: 3, selector: (e) => e.slug }),
});

const inferredArb: fc.Arbitrary<InferredSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ target: fc.constantFrom(...SLUGS), type: fc.constantFrom<string>(...TYPES), confidence: weightArb, blockReason: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ target: fc.constantFrom(...SLUGS), type: fc.constantFrom(...ODD_TYPES), confidence: weightArb, blockReason: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ target: fc.constantFrom(...SLUGS), strength: fc.integer({ min: 1, max: 5 }), blockReason: fc.constant(false) }) },
);

export const fileSpecArb: fc.Arbitrary<FileSpec> = fc.record({
  slug: fc.constantFrom('self-pattern', 'own-slug'),
  step: fc.constantFrom<2 | 4>(2, 4),
  dashOffset: fc.constantFrom<0 | 2>(0, 2),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  banners: fc.boolean(),
  comments: fc.boolean(),
  slugQuote: fc.constantFrom<Quote>('plain', 'single', 'double'),
  lastPrunedQuote: fc.constantFrom<'plain' | 'single'>('plain', 'single'),
  curated: fc.option(
    fc.record(
      Object.fromEntries(TYPES.map((t) => [t, curatedArb])) as Record<RelType, fc.Arbitrary<CuratedSpec>>,
      { requiredKeys: [] },
    ),
    { nil: undefined, freq: 5 },
  ),
  inferred: fc.array(inferredArb, { minLength: 1, maxLength: 6 }),
});

function quote(value: string, q: Quote): string {
  return q === 'plain' ? value : q === 'single' ? `'${value}'` : `"${value}"`;
}

class Writer {
  private lines: string[] = [];
  readonly comments: string[] = [];
  private n = 0;
  constructor(private readonly spec: FileSpec) {}
  line(s: string): void {
    this.lines.push(s);
  }
  /** A unique comment, recorded so tests can check that it survives. */
  comment(): string {
    const c = `# note ${++this.n} - keep me`;
    this.comments.push(c);
    return c;
  }
  inline(s: string): void {
    this.line(this.spec.comments && this.n % 2 === 0 ? `${s}  ${this.comment()}` : s);
  }
  text(eol: string): string {
    return this.lines.join(eol);
  }
}

function writeBanner(w: Writer, spec: FileSpec, title: string): void {
  if (!spec.banners) return;
  w.line('# ═══════════════════════════════════════════════════════════════════');
  w.line(`# ${title}`);
  w.line('# ═══════════════════════════════════════════════════════════════════');
}

function writeCurated(w: Writer, spec: FileSpec, type: RelType, c: CuratedSpec): void {
  const k = ' '.repeat(spec.step);
  const d = ' '.repeat(spec.step + spec.dashOffset);
  const q = spec.slugQuote;
  if (c.shape === 'empty') return w.line(`${k}${type}: []`);
  if (c.shape === 'flow-maps') return w.line(`${k}${type}: [${c.entries.map((e) => `{id: ${quote(e.slug, q)}, weight: ${e.weight}, description: "d, e"}`).join(', ')}]`);
  if (c.shape === 'flow-strings') return w.line(`${k}${type}: [${c.entries.map((e) => quote(e.slug, q === 'plain' ? 'double' : q)).join(', ')}]`);
  w.line(`${k}${type}:`);
  c.entries.forEach((e, i) => {
    if (spec.comments && i === 1) w.line(`${d}${w.comment()}`);
    switch (c.shape) {
      case 'block-slug':
        w.inline(`${d}- slug: ${quote(e.slug, q)}`);
        w.line(`${d}  weight: ${e.weight}`);
        break;
      case 'block-id':
        w.line(`${d}- id: ${quote(e.slug, q)}`);
        w.inline(`${d}  weight: ${e.weight}`);
        w.line(`${d}  description: Plain text, with a comma`);
        break;
      case 'block-plain':
        w.inline(`${d}- ${quote(e.slug, q)}`);
        break;
      case 'block-flowmap':
        w.line(`${d}- {id: ${quote(e.slug, q)}, weight: ${e.weight}}`);
        break;
    }
  });
}

function writeInferred(w: Writer, spec: FileSpec): void {
  const k = ' '.repeat(spec.step);
  const d = ' '.repeat(spec.step + spec.dashOffset);
  w.line(`${k}inferred_links:`);
  spec.inferred.forEach((l, i) => {
    if (spec.comments && i % 2 === 1) w.line(`${d}${w.comment()}`);
    w.line(`${d}- target: ${l.target}`);
    if (l.type !== undefined) w.line(`${d}  type: ${l.type}`);
    if (spec.comments && i === 0) w.line(`${d}  ${w.comment()}`);
    if (l.confidence !== undefined) w.inline(`${d}  confidence: ${l.confidence}`);
    if (l.strength !== undefined) w.line(`${d}  strength: ${l.strength}`);
    if (l.blockReason) {
      w.line(`${d}  reason: >-`);
      w.line(`${d}    Shares #hashtags and a # sign with ${l.target};`);
      w.line(`${d}    a second line.`);
    } else w.line(`${d}  reason: "Shared entities: ${l.target}"`);
  });
}

export function buildPatternFile(spec: FileSpec): BuiltFile {
  const w = new Writer(spec);
  const k = ' '.repeat(spec.step);
  w.line('---');
  writeBanner(w, spec, 'GROUP 1: CORE IDENTITY');
  w.line('id: pat_01khvcxdrzfywabp6z2zv5cj24');
  w.line(`slug: ${quote(spec.slug, spec.slugQuote)}`);
  w.line('title: "A Generated Pattern"');
  w.line('');
  writeBanner(w, spec, 'GROUP 4: LIFECYCLE & CONFIDENCE');
  w.line('lifecycle:');
  w.line(`${k}status: draft`);
  w.line(`${k}version: 1.0`);
  w.line('');
  if (spec.curated) {
    writeBanner(w, spec, 'GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)');
    w.line('relationships:');
    const present = TYPES.filter((t) => spec.curated?.[t]);
    if (present.length === 0) w.line(`${k}${w.comment()}`);
    for (const t of present) writeCurated(w, spec, t, spec.curated[t] as CuratedSpec);
    w.line('');
  }
  writeBanner(w, spec, 'GROUP 6: GRAPH GARDEN (Machine-Written Graph)');
  w.line('graph_garden:');
  w.line(`${k}last_pruned: ${spec.lastPrunedQuote === 'plain' ? '2026-02-19' : "'2026-02-16'"}`);
  w.line(`${k}entities: []`);
  writeInferred(w, spec);
  w.line('contributors: ["higgerix", "cloudsters"]');
  w.line('license: CC-BY-SA-4.0');
  w.line('---');
  w.line('');
  w.line('> A one-line summary.');
  const eol = spec.crlf ? '\r\n' : '\n';
  const text = (spec.bom ? '\ufeff' : '') + w.text(eol) + (spec.finalNewline ? eol : '');
  return { text, spec, comments: w.comments };
}

export const builtFileArb: fc.Arbitrary<BuiltFile> = fileSpecArb.map(buildPatternFile);
