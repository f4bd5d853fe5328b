/**
 * Checks on edit arguments that every relationship edit shares, phrased for the
 * person who asked for the edit.
 */
import { canonicalRelationshipType, type PatternSchema } from '../schema/schema';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A standard relationship type, mapping known aliases (`enabler` -> `enables`). */
export function checkRelationshipType(schema: PatternSchema, type: string | undefined): Checked<string> {
  if (type === undefined || type.trim() === '') return { ok: false, reason: 'no relationship type was given and the link has none' };
  const canonical = canonicalRelationshipType(schema, type);
  if (canonical === undefined || !schema.relationships.types.includes(canonical)) {
    return { ok: false, reason: `'${type}' is not a relationship type (expected one of ${schema.relationships.types.join(', ')})` };
  }
  return { ok: true, value: canonical };
}

export function checkWeight(weight: number | undefined): Checked<number> {
  if (weight === undefined) return { ok: false, reason: 'no weight was given and the link has no confidence to use' };
  if (!Number.isFinite(weight) || weight < 0 || weight > 1) return { ok: false, reason: `weight ${weight} is outside 0-1` };
  return { ok: true, value: weight };
}

/** Slugs are file names without `.md`: no blanks, no path separators. */
export function checkSlug(slug: string | undefined, what = 'slug'): Checked<string> {
  if (slug === undefined || slug === '') return { ok: false, reason: `the ${what} is empty` };
  // eslint-disable-next-line no-control-regex
  if (/[\s/\\\x00-\x1f]/.test(slug)) return { ok: false, reason: `the ${what} '${slug}' contains blanks or path separators` };
  return { ok: true, value: slug };
}

/** A date written YYYY-MM-DD that exists on the calendar. */
export function checkDay(day: string): Checked<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return { ok: false, reason: `'${day}' is not a date written YYYY-MM-DD` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return { ok: false, reason: `'${day}' is not a calendar date` };
  return { ok: true, value: day };
}
