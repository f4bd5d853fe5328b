/**
 * Identity and value rules: required fields, formats, types, vocabularies and
 * score consistency, all driven by the schema's field table.
 */
import type { FieldSpec, PatternSchema } from '../schema/schema';
import { getPath, type YMap, type YNode } from '../yaml/yaml-tree';
import type { PatternFacts } from '../model/pattern-facts';
import type { Reporter } from './reporter';

const TYPEID = /^pat_[0-7][0-9a-hjkmnp-tv-z]{25}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return d <= days;
}

function describe(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'alias') return 'an alias';
  if (node.value === null) return 'empty';
  return typeof node.value === 'string' ? `the text '${node.value}'` : `${typeof node.value} ${String(node.value)}`;
}

const TYPE_WORDS: Record<FieldSpec['type'], string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  list: 'a list',
  map: 'a mapping',
  date: 'a date (YYYY-MM-DD)',
  scalar: 'a single value',
};

function isEmpty(node: YNode): boolean {
  return node.kind === 'scalar' && (node.value === null || node.value === '');
}

function checkType(name: string, spec: FieldSpec, node: YNode, r: Reporter): boolean {
  const v = node.kind === 'scalar' ? node.value : undefined;
  let ok: boolean;
  switch (spec.type) {
    case 'string':
      ok = node.kind === 'scalar' && v !== null;
      break;
    case 'number':
      ok = typeof v === 'number' && Number.isFinite(v);
      break;
    case 'integer':
      ok = typeof v === 'number' && Number.isInteger(v);
      break;
    case 'list':
      ok = node.kind === 'seq';
      break;
    case 'map':
      ok = node.kind === 'map';
      break;
    case 'date':
      if (node.kind === 'scalar' && v !== null && !isValidDate(String(v))) {
        r.report('date-invalid', node, `${name} should be a valid date written YYYY-MM-DD, not '${String(v)}'`);
        return false;
      }
      ok = node.kind === 'scalar';
      break;
    case 'scalar':
      ok = node.kind === 'scalar';
      break;
  }
  if (!ok && !isEmpty(node)) r.report('value-type', node, `${name} should be ${TYPE_WORDS[spec.type]}, not ${describe(node)}`);
  return ok;
}

function checkField(name: string, spec: FieldSpec, node: YNode, r: Reporter): void {
  if (!checkType(name, spec, node, r) || node.kind !== 'scalar') return;
  const v = node.value;
  if (spec.enum && v !== null && !spec.enum.some((e) => e === v || String(e) === String(v))) {
    r.report('enum-value', node, `${name} '${String(v)}' is not one of: ${spec.enum.join(', ')} (extend the vocabulary in .trellis/schema.yaml if it is intended)`);
  }
  if (typeof v === 'number' && ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max))) {
    r.report('score-range', node, `${name} ${v} is outside ${spec.min ?? '-∞'}–${spec.max ?? '∞'}`);
  }
}

interface CompiledField {
  path: string;
  keys: string[];
  parentKeys: string[];
  spec: FieldSpec;
}

const compiled = new WeakMap<PatternSchema, CompiledField[]>();

/** The schema's field table with its paths split once, not once per file. */
function fieldsOf(schema: PatternSchema): CompiledField[] {
  let fields = compiled.get(schema);
  if (!fields) {
    fields = Object.entries(schema.fields).map(([path, spec]) => {
      const keys = path.split('.');
      return { path, keys, parentKeys: keys.slice(0, -1), spec };
    });
    compiled.set(schema, fields);
  }
  return fields;
}

function checkOverallScore(root: YMap, schema: PatternSchema, r: Reporter): void {
  const scores: number[] = [];
  let overallPath: string | undefined;
  for (const { path, keys, spec } of fieldsOf(schema)) {
    if (path.endsWith('.overall_score')) overallPath = path;
    if (!spec.score) continue;
    const node = getPath(root, keys);
    const v = node?.kind === 'scalar' ? node.value : undefined;
    if (typeof v !== 'number') return; // incomplete assessments are reported elsewhere
    scores.push(v);
  }
  if (!overallPath || scores.length === 0) return;
  const node = getPath(root, overallPath.split('.'));
  if (!node || node.kind !== 'scalar' || typeof node.value !== 'number') return;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const rounded = Math.round(mean * 10) / 10;
  if (Math.abs(node.value - mean) > schema.overallScoreTolerance + 1e-9) {
    r.report('overall-score', node, `overall_score ${node.value} is not the mean of the ${scores.length} assessment scores (${rounded})`, {
      title: `Set overall_score to ${rounded}`,
      edit: { kind: 'set-field', path: overallPath.split('.'), value: rounded },
    });
  }
}

/** Required fields, identity formats and per-field value checks. */
export function checkFields(root: YMap, facts: PatternFacts, schema: PatternSchema, r: Reporter): void {
  const legacy = facts.generation === 'legacy';
  for (const { path, keys, parentKeys, spec } of fieldsOf(schema)) {
    // Legacy files get one migration finding instead of a flood: only identity is checked.
    if (legacy && keys.length > 1) continue;
    if (legacy && !['id', 'slug', 'title'].includes(path)) continue;
    const parent = keys.length > 1 ? getPath(root, parentKeys) : root;
    if (!parent || parent.kind !== 'map') continue;
    const node = getPath(root, keys);
    if (!node || isEmpty(node)) {
      if (spec.required) r.report('required-field', node ?? (keys.length > 1 ? parent : facts.headSpan), `required field ${path} is ${node ? 'empty' : 'missing'}`);
      continue;
    }
    checkField(path, spec, node, r);
  }
  if (facts.slug !== undefined && facts.slugSpan) {
    if (!SLUG.test(facts.slug)) r.report('slug-format', facts.slugSpan, `slug '${facts.slug}' should be lowercase words joined by hyphens`);
    if (facts.slug !== facts.name) {
      r.report('slug-mismatch', facts.slugSpan, `slug '${facts.slug}' differs from the file name '${facts.name}'`, {
        title: `Set slug to '${facts.name}'`,
        edit: { kind: 'set-field', path: ['slug'], value: facts.name },
      });
    }
  }
  if (!legacy && facts.id !== undefined && facts.idSpan && !TYPEID.test(facts.id)) {
    r.report('id-format', facts.idSpan, `id '${facts.id}' is not a TypeID (pat_ followed by 26 lowercase base32 characters)`);
  }
  if (!legacy) checkOverallScore(root, schema, r);
}
