/**
 * Edits of the human-curated graph (`relationships`): add, remove, reweight and
 * retype (move an entry to another type list). Each one is a splice of the
 * entry's own lines; the rest of the file is untouched.
 */
import { DEFAULT_SCHEMA, type PatternSchema } from '../schema/schema';
import { getPair, type YMap, type YNode } from '../yaml/yaml-tree';
import { refuse, succeed, type EditResult, type TextChange } from './edit-result';
import { resolveInput, type EditInput, type PatternDocument } from './pattern-document';
import { findCuratedList, readCurated, type CuratedEntry, type CuratedList } from './relationship-model';
import { insertCuratedEntry, entryStyleFor } from './curated-list-insert';
import { newCuratedEntry } from './curated-entry-render';
import { existingEntryRenderer } from './existing-entry-render';
import { removeSeqItems } from './sequence-edits';
import { checkRelationshipType, checkSlug, checkWeight } from './edit-validation';
import { pairLinesEnd } from './yaml-node-spans';
import { columnOf, spaces } from './text-lines';
import { formatNumber } from './yaml-scalar-format';

export interface CuratedLinkRequest {
  type: string;
  slug: string;
}

export interface AddedEntry {
  /** The standard type the entry was filed under. */
  type: string;
  /** The entry's data as it reads back (`{slug, weight}` or `{id, weight}`). */
  data: Record<string, string | number>;
}

function entriesFor(list: CuratedList | undefined, slug: string): CuratedEntry[] {
  return list ? list.entries.filter((e) => e.slug === slug) : [];
}

/** Shared by promote and the inverse helpers: add `{slug, weight}` unless that relationship is already curated. */
export function addCuratedInDocument(
  doc: PatternDocument,
  schema: PatternSchema,
  type: string,
  slug: string,
  weight: number,
): { changes: TextChange[]; added?: AddedEntry; note?: string } | { reason: string } {
  const section = readCurated(doc);
  if (entriesFor(findCuratedList(section, type), slug).length > 0) return { changes: [], note: `'${slug}' is already curated under ${type}` };
  const style = entryStyleFor(doc, section, type);
  const { renderer, data } = newCuratedEntry(slug, weight, style.shape);
  const inserted = insertCuratedEntry(doc, schema, type, renderer, style.dashOffset);
  if ('reason' in inserted) return inserted;
  return { changes: inserted.changes, added: { type, data } };
}

export function addRelationship(
  input: EditInput,
  request: CuratedLinkRequest & { weight: number },
  schema: PatternSchema = DEFAULT_SCHEMA,
): EditResult<{ added?: AddedEntry }> {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const type = checkRelationshipType(schema, request.type);
  if (!type.ok) return refuse(type.reason);
  const slug = checkSlug(request.slug);
  if (!slug.ok) return refuse(slug.reason);
  const weight = checkWeight(request.weight);
  if (!weight.ok) return refuse(weight.reason);
  const outcome = addCuratedInDocument(opened.doc, schema, type.value, slug.value, weight.value);
  if ('reason' in outcome) return refuse(outcome.reason);
  const result = succeed(opened.doc.text, outcome.changes, outcome.note);
  return result.ok && outcome.added ? { ...result, added: outcome.added } : result;
}

export function removeRelationship(input: EditInput, request: CuratedLinkRequest): EditResult {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const doc = opened.doc;
  const list = findCuratedList(readCurated(doc), request.type);
  const matches = entriesFor(list, request.slug);
  if (!list || matches.length === 0) return refuse(`'${request.slug}' is not curated under ${request.type}`);
  const removal = removeSeqItems(doc, list.pair, matches.map((e) => e.index));
  if ('reason' in removal) return refuse(removal.reason);
  return succeed(doc.text, removal.changes);
}

/** Sets the weight of one entry: its value in place, a new `weight` key, or a plain `- x` turned into a mapping. */
function reweightEntry(doc: PatternDocument, entry: CuratedEntry, inFlowList: boolean, weight: number): TextChange | string {
  const text = doc.text;
  const node: YNode = entry.node;
  const written = formatNumber(weight);
  if (node.kind === 'scalar') {
    const source = text.slice(node.start, node.end);
    if (inFlowList) return { start: node.start, end: node.end, newText: `{slug: ${source}, weight: ${written}}` };
    const col = columnOf(text, node.start);
    return { start: node.start, end: node.end, newText: `slug: ${source}${doc.eol}${spaces(col)}weight: ${written}` };
  }
  if (node.kind !== 'map') return 'the entry is neither a mapping nor a plain slug';
  const existing = getPair(node, 'weight');
  if (existing && existing.value.kind === 'scalar' && !existing.value.empty) return { start: existing.value.start, end: existing.value.end, newText: written };
  if (existing) return 'the entry has a `weight` key whose value cannot be replaced in place';
  return addWeightKey(doc, node, written);
}

function addWeightKey(doc: PatternDocument, map: YMap, written: string): TextChange | string {
  const last = map.pairs[map.pairs.length - 1];
  if (!last) return 'the entry is an empty mapping';
  if (map.flow) return { start: last.value.end, end: last.value.end, newText: `, weight: ${written}` };
  const at = pairLinesEnd(doc.text, last);
  return { start: at, end: at, newText: spaces(columnOf(doc.text, map.start)) + 'weight: ' + written + doc.eol };
}

export function reweightRelationship(input: EditInput, request: CuratedLinkRequest & { weight: number }): EditResult {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const doc = opened.doc;
  const weight = checkWeight(request.weight);
  if (!weight.ok) return refuse(weight.reason);
  const list = findCuratedList(readCurated(doc), request.type);
  const matches = entriesFor(list, request.slug);
  if (!list || matches.length === 0) return refuse(`'${request.slug}' is not curated under ${request.type}`);
  const inFlow = list.pair.value.kind === 'seq' && list.pair.value.flow;
  const changes: TextChange[] = [];
  for (const entry of matches) {
    const change = reweightEntry(doc, entry, inFlow, weight.value);
    if (typeof change === 'string') return refuse(change);
    changes.push(change);
  }
  return succeed(doc.text, changes);
}

/**
 * Moves an entry from one type list to another, keeping its data (id,
 * description, weight). When the target list already holds the slug, the
 * entry is only removed from the source list.
 */
export function retypeRelationship(
  input: EditInput,
  request: { slug: string; from: string; to: string },
  schema: PatternSchema = DEFAULT_SCHEMA,
): EditResult<{ moved?: { from: string; to: string } }> {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const doc = opened.doc;
  const to = checkRelationshipType(schema, request.to);
  if (!to.ok) return refuse(to.reason);
  const section = readCurated(doc);
  const fromList = findCuratedList(section, request.from);
  const matches = entriesFor(fromList, request.slug);
  const first = matches[0];
  if (!fromList || !first) return refuse(`'${request.slug}' is not curated under ${request.from}`);
  if (to.value === request.from) return succeed(doc.text, [], `'${request.slug}' is already under ${to.value}`);
  const removal = removeSeqItems(doc, fromList.pair, matches.map((e) => e.index));
  if ('reason' in removal) return refuse(removal.reason);
  if (entriesFor(findCuratedList(section, to.value), request.slug).length > 0) {
    return succeed(doc.text, removal.changes, `'${request.slug}' was already under ${to.value}; removed it from ${request.from}`);
  }
  const style = entryStyleFor(doc, section, to.value);
  const renderer = existingEntryRenderer(doc.text, first.node, style.shape);
  const inserted = insertCuratedEntry(doc, schema, to.value, renderer, style.dashOffset);
  if ('reason' in inserted) return refuse(inserted.reason);
  const result = succeed(doc.text, [...removal.changes, ...inserted.changes]);
  return result.ok ? { ...result, moved: { from: request.from, to: to.value } } : result;
}
