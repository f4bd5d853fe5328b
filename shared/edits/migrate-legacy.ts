/**
 * Migrates a legacy pattern file (a `classification` block, top-level lists of
 * TypeIDs) to the v7.1 layout with the spec's group banners. Unlike every other
 * edit this one writes a new front-matter, but values are copied from their
 * source text, TypeIDs become slugs through `idToSlug`, and nothing is dropped:
 * what has no v7.1 place goes under `legacy:`, unresolvable TypeIDs under
 * `relationships_unresolved:`, stray comments at the end. The body is kept
 * byte for byte.
 */
import { DEFAULT_SCHEMA, type PatternSchema } from '../schema/schema';
import { getPair, type YMap, type YNode, type YPair } from '../yaml/yaml-tree';
import { refuse, succeed, type EditResult } from './edit-result';
import { resolveInput, type EditInput, type PatternDocument } from './pattern-document';
import { isTypeId } from './relationship-model';
import { banner, copyPair, pairLineRange } from './front-matter-writer';
import { findComments, scalarMasks, type Span } from './yaml-node-spans';
import { formatString } from './yaml-scalar-format';
import { spaces } from './text-lines';

export interface MigrationReport {
  /** Values moved to a v7.1 place: `classification.domain -> ontology.domain`, `related[0] -> relationships.complementary`. */
  mapped: Array<{ from: string; to: string }>;
  /** TypeIDs with no known slug, kept under `relationships_unresolved.<list>`. */
  unresolved: Array<{ list: string; id: string }>;
  /** Paths under `legacy:` (and `legacy comments`) that hold what had no v7.1 place. */
  kept: string[];
}

export interface MigrateOptions {
  idToSlug: ReadonlyMap<string, string>;
  schema?: PatternSchema;
}

const IDENTITY = ['id', 'slug', 'title', 'aliases', 'summary'];
const PROVENANCE = ['contributors', 'sources', 'license', 'attribution'];
/** Where obvious classification fields go. */
const CLASSIFICATION_TARGETS: Record<string, readonly [group: 'ontology' | 'lifecycle', key: string]> = {
  domain: ['ontology', 'domain'],
  commons_domain: ['ontology', 'commons_domain'],
  status: ['lifecycle', 'status'],
};
/** Legacy `related` is what v7.1 calls `complementary`; the other lists keep their names. */
const LIST_TARGETS: Record<string, string> = { related: 'complementary' };

interface Builder {
  doc: PatternDocument;
  step: number;
  report: MigrationReport;
  /** Source line ranges copied verbatim (their comments travel with them). */
  copied: Array<readonly [number, number]>;
}

function copy(b: Builder, pair: YPair, indent: number, newKey?: string): string {
  b.copied.push(pairLineRange(b.doc.text, pair));
  return copyPair(b.doc.text, pair, indent, b.doc.eol, newKey);
}

function isLegacyDocument(doc: PatternDocument, schema: PatternSchema): boolean {
  if (getPair(doc.root, 'relationships')) return false;
  return schema.legacy.markers.some((m) => getPair(doc.root, m)) || schema.legacy.relationshipLists.some((k) => getPair(doc.root, k));
}

interface ResolvedLists {
  byType: Map<string, string[]>;
  unresolved: Map<string, string[]>;
  /** List items that are not strings (kept under legacy). */
  odd: YPair[];
}

function resolveLists(b: Builder, lists: readonly YPair[], ids: ReadonlyMap<string, string>): ResolvedLists {
  const byType = new Map<string, string[]>();
  const unresolved = new Map<string, string[]>();
  const odd: YPair[] = [];
  for (const pair of lists) {
    const type = LIST_TARGETS[pair.keyText] ?? pair.keyText;
    const seq = pair.value;
    const items: YNode[] = seq.kind === 'seq' ? seq.items : [];
    const strings = items.map((n) => (n.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined));
    if (seq.kind !== 'seq' && !(seq.kind === 'scalar' && seq.value === null)) {
      odd.push(pair);
      continue;
    }
    if (strings.some((s) => s === undefined)) {
      odd.push(pair);
      continue;
    }
    strings.forEach((ref, i) => {
      const value = ref as string;
      const slug = ids.get(value) ?? (isTypeId(value) ? undefined : value);
      if (slug === undefined) {
        unresolved.set(pair.keyText, [...(unresolved.get(pair.keyText) ?? []), value]);
        b.report.unresolved.push({ list: pair.keyText, id: value });
      } else {
        byType.set(type, [...(byType.get(type) ?? []), slug]);
        b.report.mapped.push({ from: `${pair.keyText}[${i}] ${value}`, to: `relationships.${type}: ${slug}` });
      }
    });
  }
  return { byType, unresolved, odd };
}

function listBlock(b: Builder, key: string, values: readonly string[], indent: number, asSlugEntries: boolean): string {
  const eol = b.doc.eol;
  if (values.length === 0) return spaces(indent) + key + ': []' + eol;
  const dash = spaces(indent + b.step);
  const lines = values.map((v) => dash + '- ' + (asSlugEntries ? 'slug: ' : '') + formatString(v, 'plain', 'block') + eol);
  return spaces(indent) + key + ':' + eol + lines.join('');
}

function relationshipsGroup(b: Builder, resolved: ResolvedLists, schema: PatternSchema): string {
  const eol = b.doc.eol;
  let out = 'relationships:' + eol;
  for (const type of schema.relationships.types) out += listBlock(b, type, resolved.byType.get(type) ?? [], b.step, true);
  // Lists a vault's schema adds beyond the seven are carried over under their own names.
  for (const [type, slugs] of resolved.byType) if (!schema.relationships.types.includes(type)) out += listBlock(b, type, slugs, b.step, true);
  if (resolved.unresolved.size > 0) {
    out += 'relationships_unresolved:' + eol;
    for (const [list, ids] of resolved.unresolved) out += listBlock(b, list, ids, b.step, false);
  }
  return out;
}

/** Comments of the old front-matter that no copied pair carried along. */
function strayComments(b: Builder): string[] {
  const { text, yamlStart, yamlEnd, root } = b.doc;
  const masks = scalarMasks(text, root).sort((x, y) => x[0] - y[0]) as Span[];
  return findComments(text, yamlStart, yamlEnd, masks)
    .filter((c) => !b.copied.some(([s, e]) => c.start >= s && c.start < e))
    .map((c) => text.slice(c.start, c.end));
}

export function migrateLegacy(input: EditInput, options: MigrateOptions): EditResult<{ report: MigrationReport }> {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const doc = opened.doc;
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (doc.root.flow) return refuse('the front-matter is a flow mapping; migrate it by hand');
  if (!isLegacyDocument(doc, schema)) return refuse('the file is not in the legacy layout (it has `relationships` or no `classification`)');
  const b: Builder = { doc, step: 2, report: { mapped: [], unresolved: [], kept: [] }, copied: [] };
  const eol = doc.eol;
  const pairs = doc.root.pairs;
  const has = (k: string): boolean => pairs.some((p) => p.keyText === k);
  const take = (k: string): YPair | undefined => pairs.find((p) => p.keyText === k);

  const handled = new Set<YPair>();
  /** Copies the pairs named `keys` (those present) at the top level. */
  const section = (keys: readonly string[]): string => {
    let out = '';
    for (const k of keys) {
      const p = take(k);
      if (!p) continue;
      handled.add(p);
      out += copy(b, p, 0);
    }
    return out;
  };

  // GROUP 1, with a legacy `description` as the summary when there is none.
  let identity = section(IDENTITY);
  const description = take('description');
  if (description && !has('summary')) {
    identity += copy(b, description, 0, 'summary');
    handled.add(description);
    b.report.mapped.push({ from: 'description', to: 'summary' });
  }

  // GROUPS 3 and 4: classification fields with an obvious place, and `version`.
  const classification = take('classification');
  const classMap: YMap | undefined = classification && classification.value.kind === 'map' && !classification.value.flow ? classification.value : undefined;
  const moved: Record<'ontology' | 'lifecycle', string> = { ontology: '', lifecycle: '' };
  const classLeft: YPair[] = [];
  for (const p of classMap?.pairs ?? []) {
    const target = CLASSIFICATION_TARGETS[p.keyText];
    if (target && !has(target[0])) {
      moved[target[0]] += copy(b, p, b.step, target[1]);
      b.report.mapped.push({ from: `classification.${p.keyText}`, to: `${target[0]}.${target[1]}` });
    } else classLeft.push(p);
  }
  const version = take('version');
  if (version && !has('lifecycle')) {
    moved.lifecycle += copy(b, version, b.step);
    handled.add(version);
    b.report.mapped.push({ from: 'version', to: 'lifecycle.version' });
  }
  // A classification that is not a block mapping is kept whole under `legacy:`.
  if (classification && classMap) handled.add(classification);

  const lists = schema.legacy.relationshipLists.map((k) => take(k)).filter((p): p is YPair => p !== undefined);
  const resolved = resolveLists(b, lists, options.idToSlug);
  for (const p of lists) if (!resolved.odd.includes(p)) handled.add(p);

  const groups: Array<[string, string]> = [['GROUP 1: CORE IDENTITY', identity]];
  groups.push(['GROUP 2: CONTEXTUAL TRANSLATION (The Navigator Engine)', section(['context_labels'])]);
  const ontology = section(['ontology']) || (moved.ontology && 'ontology:' + eol + moved.ontology);
  groups.push(['GROUP 3: ONTOLOGY & SEARCH OPTIMIZATION (The RAG Fuel)', ontology]);
  const lifecycle = section(['lifecycle']) || (moved.lifecycle && 'lifecycle:' + eol + moved.lifecycle);
  groups.push(['GROUP 4: LIFECYCLE & CONFIDENCE', lifecycle]);
  groups.push(['GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)', relationshipsGroup(b, resolved, schema)]);
  groups.push(['GROUP 6: GRAPH GARDEN (Machine-Written Graph)', section(['graph_garden'])]);
  groups.push(['GROUP 7: PROVENANCE', section(PROVENANCE)]);

  // Everything else, in file order, under `legacy:`.
  let legacy = '';
  if (classLeft.length > 0) {
    legacy += spaces(b.step) + 'classification:' + eol + classLeft.map((p) => copy(b, p, 2 * b.step)).join('');
    for (const p of classLeft) b.report.kept.push(`legacy.classification.${p.keyText}`);
  }
  for (const p of pairs) {
    if (handled.has(p)) continue;
    legacy += copy(b, p, b.step);
    b.report.kept.push(`legacy.${p.keyText}`);
  }
  const comments = strayComments(b);
  if (comments.length > 0) b.report.kept.push('legacy comments');
  const legacyGroup =
    (legacy && 'legacy:' + eol + legacy) + (comments.length > 0 ? '# Comments kept from the legacy front-matter:' + eol + comments.map((c) => c + eol).join('') : '');
  groups.push(['LEGACY FIELDS (no v7.1 place; kept by the migration)', legacyGroup]);

  const yaml = groups
    .filter(([, body]) => body !== '')
    .map(([title, body]) => banner(title, eol) + body)
    .join(eol);
  return migrationResult(doc, yaml, b.report);
}

function migrationResult(doc: PatternDocument, yaml: string, report: MigrationReport): EditResult<{ report: MigrationReport }> {
  const result = succeed(doc.text, [{ start: doc.yamlStart, end: doc.yamlEnd, newText: yaml }]);
  return result.ok ? { ...result, report } : result;
}
