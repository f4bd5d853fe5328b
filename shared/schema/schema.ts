/**
 * The vocabulary a vault is validated against. It is data: the defaults live in
 * `pattern-schema.json`, and a vault adjusts them in `.trellis/schema.yaml`
 * without any code change (real libraries use lifecycle values outside the
 * template's lists).
 */
import defaultSchemaJson from './pattern-schema.json';
import { parseYamlTree, toJs } from '../yaml/yaml-tree';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';

export type FieldType = 'string' | 'number' | 'integer' | 'list' | 'map' | 'date' | 'scalar';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  enum?: Array<string | number>;
  min?: number;
  max?: number;
  /** Counts towards `overall_score`. */
  score?: boolean;
  format?: 'typeid' | 'slug';
  doc?: string;
}

export interface PatternSchema {
  version: number;
  maxFileBytes: number;
  /** Vault-relative paths that are not patterns: exact names (any folder) or `folder/**`. */
  ignore: string[];
  fields: Record<string, FieldSpec>;
  overallScoreTolerance: number;
  relationships: {
    types: string[];
    inverses: Record<string, string>;
    symmetric: string[];
    directed: string[];
    typeAliases: Record<string, string>;
  };
  legacy: {
    markers: string[];
    relationshipLists: string[];
    fields: string[];
  };
  body: {
    sections: string[];
    coreConflictSection: number;
  };
  /** Per-rule severity overrides, or 'off'. */
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_SCHEMA: PatternSchema = defaultSchemaJson as unknown as PatternSchema;

/** Where a vault keeps its own vocabulary, relative to the vault root. */
export const VAULT_SCHEMA_PATH = '.trellis/schema.yaml';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deep-merges an override into a base: objects merge key by key, anything else
 * replaces, and a key written `name+` appends its list to the base's `name`.
 */
export function mergeSchemaData(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [rawKey, value] of Object.entries(override)) {
    if (FORBIDDEN_KEYS.has(rawKey)) continue;
    if (rawKey.endsWith('+')) {
      const key = rawKey.slice(0, -1);
      const existing = out[key];
      const extra = Array.isArray(value) ? value : [value];
      out[key] = Array.isArray(existing) ? [...existing, ...extra.filter((v) => !existing.includes(v))] : extra;
    } else {
      out[rawKey] = mergeSchemaData(out[rawKey], value);
    }
  }
  return out;
}

export interface SchemaLoadResult {
  schema: PatternSchema;
  /** Problems in the vault's schema file; the defaults are used where it is unreadable. */
  errors: Array<{ message: string; offset: number }>;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Reads a vault's `.trellis/schema.yaml` text on top of the defaults. */
export function loadVaultSchema(text: string | undefined, base: PatternSchema = DEFAULT_SCHEMA): SchemaLoadResult {
  if (text === undefined || text.trim() === '') return { schema: base, errors: [] };
  const parsed = parseYamlTree(text);
  if (!parsed.ok) return { schema: base, errors: [{ message: parsed.error.message, offset: parsed.error.offset }] };
  let data: unknown;
  try {
    data = toJs(parsed.root);
  } catch (err) {
    return { schema: base, errors: [{ message: String(err), offset: 0 }] };
  }
  if (data === null || data === undefined) return { schema: base, errors: [] };
  if (!isPlainObject(data)) return { schema: base, errors: [{ message: 'the schema file must be a mapping', offset: 0 }] };
  const merged = mergeSchemaData(base, data) as PatternSchema;
  const errors: SchemaLoadResult['errors'] = [];
  for (const [rule, setting] of Object.entries(merged.rules ?? {})) {
    if (!SEVERITIES.has(String(setting))) {
      errors.push({ message: `rules.${rule}: '${String(setting)}' is not one of error, warning, info, off`, offset: 0 });
      delete merged.rules[rule];
    }
  }
  return { schema: merged, errors };
}

/** The intended standard type for a non-standard relationship type, when it is obvious. */
export function canonicalRelationshipType(schema: PatternSchema, type: string): string | undefined {
  if (schema.relationships.types.includes(type)) return type;
  return schema.relationships.typeAliases[type] ?? schema.relationships.typeAliases[type.toLowerCase()];
}

export function inverseOf(schema: PatternSchema, type: string): string | undefined {
  if (schema.relationships.symmetric.includes(type)) return type;
  return schema.relationships.inverses[type];
}

/** Whether a vault-relative path is excluded by the schema's `ignore` list. */
export function isIgnoredPath(schema: PatternSchema, path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return schema.ignore.some((pattern) =>
    pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : pattern.includes('/') ? path === pattern : base === pattern,
  );
}
