/**
 * Builds pattern files for tests: a complete, valid v7.1 pattern modelled on
 * the corpus template (seven commented groups, eight body sections), with any
 * piece overridable, plus an in-memory vault made of several such texts.
 *
 * Pure TypeScript (no Node types): shared/ tests import it and shared/ is
 * type-checked without Node.
 */
import { analyzeFile, type FileAnalysis, type FileInput } from '../../shared/validation/analyze-file';
import { DEFAULT_SCHEMA, type PatternSchema } from '../../shared/schema/schema';
import { VaultIndex } from '../../shared/vault/vault-index';

export const RELATIONSHIP_TYPES = ['generalizes_from', 'specializes_to', 'enables', 'requires', 'alternatives', 'complementary', 'tools'] as const;
export const SECTION_NAMES = ['Context', 'Problem', 'Solution', 'Implementation', 'Consequences', 'Known Uses', 'Cognitive Era', 'Vitality'] as const;

/** A curated relationship in the normal `{slug, weight}` shape. */
export interface CuratedSpec {
  slug: string;
  weight?: number;
}

/** A graph-garden link; only the keys given are written, in this order. */
export interface InferredSpec {
  target: string;
  type?: string;
  confidence?: number;
  strength?: number;
  reason?: string;
}

export interface PatternOptions {
  /** Default `transparent-ledger`; put the file at `<slug>.md` to keep it valid. */
  slug?: string;
  /** Default: a valid TypeID derived from the slug, so files of one vault never share an id. */
  id?: string;
  /** Default: the slug in title case. */
  title?: string;
  primaryTension?: string;
  /**
   * Curated relationships by type. A string is a raw YAML sequence item
   * (`'- b'`, or several lines); an unknown type adds a key to the block.
   */
  relationships?: Partial<Record<string, ReadonlyArray<CuratedSpec | string>>>;
  /** `graph_garden.inferred_links`; a string is a raw YAML sequence item. */
  inferred?: ReadonlyArray<InferredSpec | string>;
  /**
   * Raw YAML values by dotted path (`'lifecycle.status': 'experimental'`).
   * `null` removes the key with everything under it; a value for a mapping
   * replaces its nested lines; an unknown path adds the key after its last
   * sibling. A value with line breaks continues on lines indented under the key.
   */
  set?: Record<string, string | null>;
  /** Body heading texts, default `Section N: Name` for the eight sections. */
  sections?: readonly string[];
  /** What follows "The core conflict is" in Section 2; default: the primary tension. */
  coreConflict?: string;
  /** Replaces the whole body. */
  body?: string;
}

const BANNER = `# ${'═'.repeat(67)}`;
const GROUPS: Record<string, string> = {
  id: 'GROUP 1: CORE IDENTITY',
  context_labels: 'GROUP 2: CONTEXTUAL TRANSLATION (The Navigator Engine)',
  ontology: 'GROUP 3: ONTOLOGY & SEARCH OPTIMIZATION (The RAG Fuel)',
  lifecycle: 'GROUP 4: LIFECYCLE & CONFIDENCE',
  relationships: 'GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)',
  graph_garden: 'GROUP 6: GRAPH GARDEN (Machine-Written Graph)',
  contributors: 'GROUP 7: PROVENANCE',
};

const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';

/** A deterministic, well-formed TypeID for a name: `pat_0` + 25 base32 characters. */
export function typeIdFor(name: string): string {
  let h = 2166136261;
  let out = 'pat_0';
  for (let i = 0; out.length < 30; i++) {
    h = Math.imul(h ^ (name.charCodeAt(i % Math.max(1, name.length)) + i), 16777619) >>> 0;
    out += BASE32[h % 32];
  }
  return out;
}

export function titleFor(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function curatedItem(entry: CuratedSpec | string): string {
  if (typeof entry === 'string') return entry;
  return entry.weight === undefined ? `- slug: ${entry.slug}` : `- slug: ${entry.slug}\n  weight: ${entry.weight}`;
}

function inferredItem(entry: InferredSpec | string): string {
  if (typeof entry === 'string') return entry;
  const lines: string[] = [`target: ${entry.target}`];
  if (entry.type !== undefined) lines.push(`type: ${entry.type}`);
  if (entry.confidence !== undefined) lines.push(`confidence: ${entry.confidence}`);
  if (entry.strength !== undefined) lines.push(`strength: ${entry.strength}`);
  if (entry.reason !== undefined) lines.push(`reason: "${entry.reason}"`);
  return `- ${lines.join('\n  ')}`;
}

/** A block sequence value: an empty first line, then the items. */
function blockList(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `\n${items.join('\n')}`;
}

/** An inferred link in the garden's normal shape. */
export function inferredLink(target: string, type: string, confidence = 0.78): InferredSpec {
  return { target, type, confidence, reason: `Shares vocabulary with ${target}.` };
}

export function bodyText(options: { summary?: string; sections?: readonly string[]; coreConflict: string }): string {
  const headings = options.sections ?? SECTION_NAMES.map((name, i) => `Section ${i + 1}: ${name}`);
  const parts = [
    `> ${options.summary ?? 'A pattern for making shared records open to everyone they affect.'}`,
    '',
    '> [!NOTE] Confidence Rating: ★★☆ (Medium)',
    '> This rating reflects our confidence that this pattern is a good and correct',
    '> solution to the stated problem.',
  ];
  for (const heading of headings) {
    parts.push('', '---', '', `### ${heading}`, '');
    if (/problem/i.test(heading)) parts.push(`> **The core conflict is ${options.coreConflict}.**`, '');
    parts.push(`Prose under ${heading}.`);
  }
  return `${parts.join('\n')}\n`;
}

/** Front-matter lines in template order: [dotted path, raw value]; a value of undefined opens a mapping. */
function defaultFields(o: Required<Pick<PatternOptions, 'slug' | 'id' | 'title' | 'primaryTension'>>): Array<[string, string | undefined]> {
  const score = (name: string, value = '3'): [string, string] => [`ontology.commons_assessment.${name}`, value];
  return [
    ['id', o.id],
    ['slug', o.slug],
    ['title', `"${o.title}"`],
    ['aliases', '[]'],
    ['summary', '>-\nA pattern for making shared records open to everyone they affect.'],
    ['context_labels', undefined],
    ['context_labels.corporate', '"Open Book Management"'],
    ['context_labels.government', '"Public Account Auditing"'],
    ['context_labels.activist', '"Radical Transparency"'],
    ['context_labels.tech', '"Public Ledger"'],
    ['ontology', undefined],
    ['ontology.domain', 'finance'],
    ['ontology.cross_domains', '[governance]'],
    ['ontology.search_hints', undefined],
    ['ontology.search_hints.primary_tension', `"${o.primaryTension}"`],
    ['ontology.search_hints.vector_keywords', '["ledger", "transparency"]'],
    ['ontology.commons_assessment', undefined],
    score('stakeholder_architecture'),
    score('value_creation'),
    score('resilience'),
    score('ownership'),
    score('autonomy'),
    score('composability'),
    score('fractal_value'),
    score('vitality', '3.0'),
    score('vitality_reasoning', '>-\nKeeps feedback loops open. Weakness: rigid when governance is central.'),
    score('overall_score', '3.0'),
    ['lifecycle', undefined],
    ['lifecycle.usage_stage', 'design'],
    ['lifecycle.adoption_stage', 'emerging'],
    ['lifecycle.status', 'draft'],
    ['lifecycle.version', '1.0'],
    ['lifecycle.confidence', '2'],
    ['relationships', undefined],
    ...RELATIONSHIP_TYPES.map((t): [string, string] => [`relationships.${t}`, '[]']),
    ['graph_garden', undefined],
    ['graph_garden.last_pruned', '2026-02-17'],
    ['graph_garden.entities', '[]'],
    ['graph_garden.communities', '[]'],
    ['graph_garden.inferred_links', '[]'],
    ['contributors', '["higgerix", "cloudsters"]'],
    ['sources', '[]'],
    ['license', 'CC-BY-SA-4.0'],
    ['attribution', '"commons.engineering by cloudsters, https://cloudsters.net"'],
  ];
}

function applySet(fields: Array<[string, string | undefined]>, set: Record<string, string | null>): Array<[string, string | undefined]> {
  let out = fields;
  for (const [path, value] of Object.entries(set)) {
    if (value === null) {
      out = out.filter(([p]) => p !== path && !p.startsWith(`${path}.`));
      continue;
    }
    const at = out.findIndex(([p]) => p === path);
    if (at >= 0) {
      // A value written inline replaces the mapping's own lines too.
      out = out.filter(([p]) => !p.startsWith(`${path}.`)).map((f): [string, string | undefined] => (f[0] === path ? [path, value] : f));
      continue;
    }
    const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    let insertAt = out.length;
    if (parent) {
      const last = out.reduce((acc, [p], i) => (p === parent || p.startsWith(`${parent}.`) ? i : acc), -1);
      if (last < 0) throw new Error(`pattern builder: no parent '${parent}' for '${path}'`);
      insertAt = last + 1;
    }
    out = [...out.slice(0, insertAt), [path, value], ...out.slice(insertAt)];
  }
  return out;
}

function renderField(path: string, value: string | undefined): string[] {
  const depth = path.split('.').length - 1;
  const indent = '  '.repeat(depth);
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (value === undefined) return [`${indent}${key}:`];
  const [first, ...rest] = value.split('\n');
  return [first ? `${indent}${key}: ${first}` : `${indent}${key}:`, ...rest.map((l) => `${indent}  ${l}`)];
}

/** The front-matter (without fences) of a valid v7.1 pattern, with overrides. */
export function frontMatter(options: PatternOptions = {}): string {
  const slug = options.slug ?? 'transparent-ledger';
  const base = {
    slug,
    id: options.id ?? typeIdFor(slug),
    title: options.title ?? titleFor(slug),
    primaryTension: options.primaryTension ?? 'Information Asymmetry vs. Collective Trust',
  };
  const set: Record<string, string | null> = {};
  for (const [type, entries] of Object.entries(options.relationships ?? {})) {
    set[`relationships.${type}`] = blockList((entries ?? []).map(curatedItem));
  }
  if (options.inferred) set['graph_garden.inferred_links'] = blockList(options.inferred.map(inferredItem));
  Object.assign(set, options.set);
  const lines: string[] = [];
  for (const [path, value] of applySet(defaultFields(base), set)) {
    const group = GROUPS[path];
    if (group) lines.push(...(lines.length ? [''] : []), BANNER, `# ${group}`, BANNER);
    lines.push(...renderField(path, value));
  }
  return `${lines.join('\n')}\n`;
}

/** A complete pattern file: `---`, front-matter, `---`, body. */
export function patternText(options: PatternOptions = {}): string {
  const tension = options.primaryTension ?? 'Information Asymmetry vs. Collective Trust';
  const body = options.body ?? bodyText({ coreConflict: options.coreConflict ?? tension, ...(options.sections ? { sections: options.sections } : {}) });
  return `---\n${frontMatter(options)}---\n\n${body}`;
}

/** A legacy-layout pattern (classification block, TypeID lists, numbered body headings). */
export function legacyPatternText(options: { slug?: string; id?: string; title?: string; requires?: string[] } = {}): string {
  const slug = options.slug ?? 'transparent-ledger';
  const requires = options.requires ?? [];
  return [
    '---',
    `id: ${options.id ?? typeIdFor(slug)}`,
    `title: ${options.title ?? titleFor(slug)}`,
    `slug: ${slug}`,
    'classification:',
    '  universality: domain',
    '  domain: finance',
    '  status: draft',
    '  commons_alignment: 4',
    'generalizes_from: []',
    'specializes_to: []',
    'enables: []',
    `requires:${requires.length ? requires.map((r) => `\n- ${r}`).join('') : ' []'}`,
    'related: []',
    'version: 1.0.0',
    'page_url: https://example.org/patterns/legacy/',
    'created: 2025-03-14',
    'modified: 2025-08-21',
    '---',
    '',
    `# ${titleFor(slug)}`,
    '',
    '### 1. Overview',
    '',
    'Overview prose.',
    '',
    '### 8. References',
    '',
    '- A book.',
    '',
  ].join('\n');
}

/** UTF-8 byte length without TextEncoder (shared/ has no DOM or Node types). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** File texts by vault path; an object stands for what the I/O side reports about an unreadable, binary or huge file. */
export type VaultFiles = Record<string, string | Omit<FileInput, 'path'>>;

function toInput(path: string, file: string | Omit<FileInput, 'path'>): FileInput {
  return typeof file === 'string' ? { path, text: file, byteLength: utf8Length(file) } : { ...file, path };
}

export function analyzeText(path: string, text: string, schema: PatternSchema = DEFAULT_SCHEMA): FileAnalysis {
  return analyzeFile(toInput(path, text), schema);
}

/** Analyses every file and loads the results into a fresh index, as opening a vault does. */
export function buildVault(files: VaultFiles, schema: PatternSchema = DEFAULT_SCHEMA): VaultIndex {
  const index = new VaultIndex(schema);
  index.load(Object.entries(files).map(([path, file]) => analyzeFile(toInput(path, file), schema)));
  return index;
}

/**
 * Where a finding should point, worked out from the text alone (not with the
 * code under test): `near` must occur exactly once in the text and `at`
 * exactly once inside `near`; the position is that of `at` (default: `near`'s start).
 */
export function locate(text: string, near: string, at: string = near): { line: number; column: number } {
  const first = text.indexOf(near);
  if (first < 0) throw new Error(`locate: '${near}' is not in the text`);
  if (text.indexOf(near, first + 1) >= 0) throw new Error(`locate: '${near}' occurs more than once`);
  const inner = near.indexOf(at);
  if (inner < 0) throw new Error(`locate: '${at}' is not inside '${near}'`);
  if (near.indexOf(at, inner + 1) >= 0) throw new Error(`locate: '${at}' occurs more than once inside '${near}'`);
  const offset = first + inner;
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
