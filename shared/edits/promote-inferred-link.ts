/**
 * Promotion turns a machine-inferred link into a curated relationship: the
 * entry is added to `relationships.<type>` and the link leaves
 * `graph_garden.inferred_links`, in one change set.
 */
import { DEFAULT_SCHEMA, canonicalRelationshipType, type PatternSchema } from '../schema/schema';
import { refuse, succeed, type EditResult } from './edit-result';
import { resolveInput, type EditInput } from './pattern-document';
import { patternSlug, readInferred, type InferredLink } from './relationship-model';
import { removeSeqItems } from './sequence-edits';
import { checkRelationshipType, checkWeight } from './edit-validation';
import { addCuratedInDocument, type AddedEntry } from './curated-relationship-edits';

export interface PromoteRequest {
  target: string;
  /** The curated type to file it under; defaults to the link's own type, mapped through the schema's aliases. */
  type?: string;
  /** Defaults to the link's confidence. */
  weight?: number;
  /** Which inferred entry, when the same target is listed more than once. */
  index?: number;
}

export interface Promotion {
  /** This file's slug (the source of the relationship), when it has one. */
  source: string | undefined;
  target: string;
  type: string;
  weight: number;
  /** True when the relationship was already curated and only the inferred duplicate was removed. */
  alreadyCurated: boolean;
  removedIndex: number;
  added?: AddedEntry;
}

function pickLink(links: readonly InferredLink[], request: PromoteRequest, schema: PatternSchema): InferredLink | string {
  if (request.index !== undefined) {
    const link = links[request.index];
    if (!link || link.target !== request.target) return `inferred link #${request.index} does not point at '${request.target}'`;
    return link;
  }
  const candidates = links.filter((l) => l.target === request.target);
  if (candidates.length === 0) return `there is no inferred link to '${request.target}'`;
  const wanted = request.type === undefined ? undefined : canonicalRelationshipType(schema, request.type);
  return candidates.find((l) => l.type !== undefined && canonicalRelationshipType(schema, l.type) === wanted) ?? (candidates[0] as InferredLink);
}

export function promoteInferredLink(input: EditInput, request: PromoteRequest, schema: PatternSchema = DEFAULT_SCHEMA): EditResult<{ promotion: Promotion }> {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const doc = opened.doc;
  const inferred = readInferred(doc);
  if (!inferred.pair) return refuse('the file has no graph_garden.inferred_links');
  const link = pickLink(inferred.links, request, schema);
  if (typeof link === 'string') return refuse(link);
  const type = checkRelationshipType(schema, request.type ?? link.type);
  if (!type.ok) return refuse(type.reason);
  const weight = checkWeight(request.weight ?? link.confidence);
  if (!weight.ok) return refuse(link.strength !== undefined && request.weight === undefined ? `${weight.reason} (it has a strength of ${link.strength} on a 1-5 scale; give a weight)` : weight.reason);
  const source = patternSlug(doc);
  if (source === request.target) return refuse(`'${request.target}' is this pattern itself; a self-link cannot be curated`);

  const removal = removeSeqItems(doc, inferred.pair, [link.index]);
  if ('reason' in removal) return refuse(removal.reason);
  const addition = addCuratedInDocument(doc, schema, type.value, request.target, weight.value);
  if ('reason' in addition) return refuse(addition.reason);
  const promotion: Promotion = {
    source,
    target: request.target,
    type: type.value,
    weight: weight.value,
    alreadyCurated: addition.added === undefined,
    removedIndex: link.index,
  };
  if (addition.added) promotion.added = addition.added;
  const result = succeed(doc.text, [...addition.changes, ...removal.changes], addition.note && `${addition.note}; removed the inferred duplicate`);
  return result.ok ? { ...result, promotion } : result;
}
