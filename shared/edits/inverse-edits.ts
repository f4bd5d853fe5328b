/**
 * The other half of a relationship: when A enables B, B requires A. These
 * helpers compute the edit of the TARGET file; symmetric types mirror
 * themselves and `tools` has no inverse, so it is refused.
 */
import { DEFAULT_SCHEMA, inverseOf, type PatternSchema } from '../schema/schema';
import { refuse, succeed, type EditResult, type EditSuccess } from './edit-result';
import { resolveInput, type EditInput } from './pattern-document';
import { findCuratedList, patternSlug, readCurated } from './relationship-model';
import { addCuratedInDocument, type AddedEntry } from './curated-relationship-edits';
import { checkRelationshipType, checkSlug, checkWeight } from './edit-validation';
import { promoteInferredLink, type PromoteRequest, type Promotion } from './promote-inferred-link';

export interface InverseRequest {
  /** Slug of the file that holds the forward relationship. */
  source: string;
  /** The forward type (source -> target). */
  type: string;
  weight: number;
}

/** The inverse type of a forward type, or a reason why there is none. */
export function inverseTypeOf(schema: PatternSchema, type: string): { ok: true; value: string } | { ok: false; reason: string } {
  const forward = checkRelationshipType(schema, type);
  if (!forward.ok) return forward;
  const inverse = inverseOf(schema, forward.value);
  if (inverse === undefined) return { ok: false, reason: `'${forward.value}' has no inverse relationship type` };
  return { ok: true, value: inverse };
}

/** In the target file, adds `{slug: source, weight}` under the inverse of `type` (nothing when already there). */
export function addInverse(targetInput: EditInput, request: InverseRequest, schema: PatternSchema = DEFAULT_SCHEMA): EditResult<{ added?: AddedEntry }> {
  const opened = resolveInput(targetInput);
  if (!opened.ok) return opened;
  const inverse = inverseTypeOf(schema, request.type);
  if (!inverse.ok) return refuse(inverse.reason);
  const source = checkSlug(request.source, 'source slug');
  if (!source.ok) return refuse(source.reason);
  const weight = checkWeight(request.weight);
  if (!weight.ok) return refuse(weight.reason);
  if (patternSlug(opened.doc) === source.value) return refuse('the source and the target are the same pattern');
  const outcome = addCuratedInDocument(opened.doc, schema, inverse.value, source.value, weight.value);
  if ('reason' in outcome) return refuse(outcome.reason);
  const result = succeed(opened.doc.text, outcome.changes, outcome.note);
  return result.ok && outcome.added ? { ...result, added: outcome.added } : result;
}

/**
 * For a curated `source -[type]-> target` entry, the target-file edit that adds
 * the missing inverse, with the entry's weight unless one is given.
 */
export function addMissingInverse(
  sourceInput: EditInput,
  targetInput: EditInput,
  request: { target: string; type: string; weight?: number },
  schema: PatternSchema = DEFAULT_SCHEMA,
): EditResult<{ added?: AddedEntry }> {
  const opened = resolveInput(sourceInput);
  if (!opened.ok) return refuse(`source file: ${opened.reason}`);
  const source = patternSlug(opened.doc);
  if (source === undefined) return refuse('the source file has no slug');
  const entry = findCuratedList(readCurated(opened.doc), request.type)?.entries.find((e) => e.slug === request.target);
  if (!entry) return refuse(`'${request.target}' is not curated under ${request.type} in '${source}'`);
  const weight = request.weight ?? entry.weight;
  if (weight === undefined) return refuse(`the entry for '${request.target}' has no weight; give one`);
  return addInverse(targetInput, { source, type: request.type, weight }, schema);
}

export type PromoteWithInverseResult =
  | { ok: true; source: EditSuccess & { promotion: Promotion }; target: EditSuccess }
  | { ok: false; reason: string };

/**
 * Promote with `inverse: true`: both files' edits, or neither (a promotion
 * whose inverse cannot be written, such as `tools`, is refused as a whole).
 */
export function promoteInferredLinkWithInverse(
  sourceInput: EditInput,
  targetInput: EditInput,
  request: PromoteRequest,
  schema: PatternSchema = DEFAULT_SCHEMA,
): PromoteWithInverseResult {
  const promoted = promoteInferredLink(sourceInput, request, schema);
  if (!promoted.ok) return promoted;
  const { promotion } = promoted;
  if (promotion.source === undefined) return refuse('the source file has no slug to point back at');
  const inverse = addInverse(targetInput, { source: promotion.source, type: promotion.type, weight: promotion.weight }, schema);
  if (!inverse.ok) return refuse(`inverse in '${request.target}': ${inverse.reason}`);
  return { ok: true, source: promoted, target: inverse };
}
