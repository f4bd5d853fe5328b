/**
 * What may go where in a pattern's front-matter, from the vault's schema plus
 * the shapes the schema does not spell out (relationship entries, inferred
 * links, graph-garden entities): the one source for completion and hover.
 */
import type { FieldSpec, PatternSchema } from '../schema/schema';
import { inverseOf } from '../schema/schema';
import { ITEM, schemaKey } from './yaml-lines';

export interface KeyInfo {
  key: string;
  /** `map` and `list` open a block below the key; anything else takes a value on its line. */
  type: FieldSpec['type'] | 'relationship-list';
  doc?: string;
  required?: boolean;
  enum?: Array<string | number>;
  min?: number;
  max?: number;
}

/** Mappings inside list items and a few mappings the schema leaves open. */
const STRUCTURE: Record<string, KeyInfo[]> = {
  'relationships[]': [
    { key: 'slug', type: 'string', doc: 'The target pattern: its file name without `.md`.' },
    { key: 'weight', type: 'number', min: 0, max: 1, doc: 'Strength of the relationship, 0-1 (curated weights lie in 0.4-1.0).' },
  ],
  'graph_garden.inferred_links[]': [
    { key: 'target', type: 'string', doc: 'The pattern the link points at: its file name without `.md`.' },
    { key: 'type', type: 'string', doc: 'One of the seven relationship types.' },
    { key: 'confidence', type: 'number', min: 0, max: 1, doc: 'How sure the generator was, 0-1.' },
    { key: 'reason', type: 'string', doc: 'Why the generator proposed the link.' },
  ],
  'graph_garden.entities[]': [
    { key: 'id', type: 'string', doc: 'Entity id (kebab-case).' },
    { key: 'type', type: 'string', doc: 'Kind of entity (concept, organisation, …).' },
    { key: 'label', type: 'string', doc: 'Human-readable name.' },
    { key: 'relevance', type: 'number', min: 0, max: 1, doc: 'Relevance to the pattern, 0-1.' },
  ],
  'graph_garden.communities[]': [
    { key: 'id', type: 'string', doc: 'Community id (kebab-case).' },
    { key: 'label', type: 'string', doc: 'Human-readable name.' },
    { key: 'source', type: 'string', doc: 'Where the membership comes from (e.g. inferred).' },
    { key: 'confidence', type: 'number', min: 0, max: 1, doc: 'Confidence of the membership, 0-1.' },
  ],
  context_labels: [
    { key: 'corporate', type: 'string', doc: "The pattern's name for corporate readers." },
    { key: 'government', type: 'string', doc: "The pattern's name for government readers." },
    { key: 'activist', type: 'string', doc: "The pattern's name for activist readers." },
    { key: 'tech', type: 'string', doc: "The pattern's name for technologists." },
  ],
};

function fromSpec(key: string, spec: FieldSpec): KeyInfo {
  const info: KeyInfo = { key, type: spec.type };
  if (spec.doc !== undefined) info.doc = spec.doc;
  if (spec.required) info.required = true;
  if (spec.enum) info.enum = spec.enum;
  if (spec.min !== undefined) info.min = spec.min;
  if (spec.max !== undefined) info.max = spec.max;
  return info;
}

export function relationshipDoc(schema: PatternSchema, type: string): string {
  const inverse = inverseOf(schema, type);
  const how = schema.relationships.symmetric.includes(type)
    ? 'Symmetric: the target should list this pattern under the same type.'
    : inverse
      ? `Inverse: \`${inverse}\` in the target.`
      : 'No inverse.';
  return `Curated relationship type. ${how} Entries: \`- slug: <pattern>\` with a \`weight\`.`;
}

/** Where a path's structural shape is described: `relationships.enables[]` → `relationships[]`. */
function structureKey(path: readonly string[]): string {
  if (path[0] === 'relationships' && path.length === 3 && path[2] === ITEM) return 'relationships[]';
  return path.map((p) => (p === ITEM ? '[]' : `.${p}`)).join('').replace(/^\./, '').replace(/\.\[\]/g, '[]');
}

/** The keys that belong in the mapping at `parent`. */
export function keysFor(schema: PatternSchema, parent: readonly string[]): KeyInfo[] {
  if (parent.length === 1 && parent[0] === 'relationships') {
    return schema.relationships.types.map((t) => ({ key: t, type: 'relationship-list' as const, doc: relationshipDoc(schema, t) }));
  }
  const structural = STRUCTURE[structureKey(parent)];
  if (structural) return structural;
  const base = schemaKey(parent);
  if (base === undefined) return [];
  const prefix = base === '' ? '' : `${base}.`;
  const out: KeyInfo[] = [];
  for (const [dotted, spec] of Object.entries(schema.fields)) {
    if (!dotted.startsWith(prefix)) continue;
    const rest = dotted.slice(prefix.length);
    if (rest === '' || rest.includes('.')) continue;
    out.push(fromSpec(rest, spec));
  }
  return out;
}

/** What is known about the key at the end of `path`. */
export function keyInfo(schema: PatternSchema, path: readonly string[]): KeyInfo | undefined {
  if (path.length === 0) return undefined;
  const key = path[path.length - 1] as string;
  if (key === ITEM) return undefined;
  return keysFor(schema, path.slice(0, -1)).find((k) => k.key === key);
}

/** What a value at `path` holds: a pattern name, a relationship type, one of a vocabulary, or free text. */
export type ValueKind = { kind: 'pattern' } | { kind: 'relationship-type' } | { kind: 'enum'; values: Array<string | number> } | { kind: 'free' };

export function valueKind(schema: PatternSchema, path: readonly string[]): ValueKind {
  const [a, b, c, d] = path;
  if (a === 'relationships' && b !== undefined && c === ITEM && (d === 'slug' || d === 'id' || d === 'target') && path.length === 4) return { kind: 'pattern' };
  if (a === 'graph_garden' && b === 'inferred_links' && c === ITEM && path.length === 4) {
    if (d === 'target') return { kind: 'pattern' };
    if (d === 'type') return { kind: 'relationship-type' };
  }
  const info = keyInfo(schema, path);
  if (info?.enum) return { kind: 'enum', values: info.enum };
  return { kind: 'free' };
}

/** What the items of the list at `path` hold, when they are scalars. */
export function itemKind(schema: PatternSchema, path: readonly string[]): ValueKind {
  if (path.length === 2 && path[0] === 'relationships' && path[1] !== undefined && path[1] !== ITEM) return { kind: 'pattern' };
  return { kind: 'free' };
}
