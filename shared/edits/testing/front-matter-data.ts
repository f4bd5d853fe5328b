/**
 * TEST SUPPORT ONLY. The data a YAML library reads from a file's front-matter
 * (js-yaml, core schema: dates stay strings), used as the independent oracle
 * for "the edit changed exactly this data and nothing else".
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { splitFrontMatter } from '../../yaml/front-matter';

export type Data = Record<string, unknown>;

export function frontMatterData(text: string): Data {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') throw new Error('no front-matter');
  return load(text.slice(split.yamlStart, split.yamlEnd), { schema: CORE_SCHEMA }) as Data;
}

export function bodyOf(text: string): string {
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') throw new Error('no front-matter');
  return text.slice(split.yamlEnd);
}

/** A deep copy that the test can modify into the expected data. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function record(value: unknown): Data {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a mapping');
  return value as Data;
}

export function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('not a list');
  return value;
}
