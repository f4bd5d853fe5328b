/**
 * Reads the facts of a pattern out of its parsed front-matter, in either
 * generation of the format, and recording where each came from.
 */
import type { PatternSchema } from '../schema/schema';
import { getNode, getPath, stringValue, type YMap, type YNode } from '../yaml/yaml-tree';
import type { Reporter } from '../validation/reporter';
import type { CuratedLink, EntryShape, Generation, InferredLink, PatternFacts } from './pattern-facts';
import { patternName } from './pattern-facts';

export function detectGeneration(root: YMap, schema: PatternSchema): Generation {
  if (schema.legacy.markers.some((k) => getNode(root, k))) return 'legacy';
  if (getNode(root, 'relationships') || getNode(root, 'ontology') || getNode(root, 'graph_garden')) return 'v7.1';
  // Top-level relationship lists without a `relationships` block are the older layout too.
  if (schema.legacy.relationshipLists.some((k) => getNode(root, k))) return 'legacy';
  return 'unknown';
}

export function emptyFacts(path: string, headSpan: PatternFacts['headSpan']): PatternFacts {
  return { path, name: patternName(path), generation: 'unknown', parsed: false, aliases: [], curated: [], inferred: [], legacyLinks: [], headSpan };
}

function numberValue(node: YNode | undefined): number | undefined {
  return node && node.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined;
}

/** A scalar rendered as text (numbers and booleans included), for targets like `- 42`. */
function scalarText(node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function curatedEntry(type: string, index: number, item: YNode, r: Reporter): CuratedLink | undefined {
  let target: string | undefined;
  let targetNode: YNode = item;
  let weight: number | undefined;
  let shape: EntryShape = 'other';
  if (item.kind === 'scalar') {
    target = scalarText(item);
    shape = 'string';
  } else if (item.kind === 'map') {
    const slugNode = getNode(item, 'slug');
    const idNode = getNode(item, 'id');
    const node = slugNode ?? idNode ?? getNode(item, 'target');
    target = scalarText(node);
    if (node) targetNode = node;
    weight = numberValue(getNode(item, 'weight'));
    const keys = item.pairs.map((p) => p.keyText);
    if (slugNode) {
      const onlyKnown = keys.every((k) => k === 'slug' || k === 'weight');
      shape = !onlyKnown ? 'other' : keys.includes('weight') ? 'slug-weight' : 'slug-only';
    }
    else if (idNode) shape = 'id-weight';
  }
  if (target === undefined) return undefined;
  const link: CuratedLink = { type, index, target, shape, span: r.span(item.start, item.end), targetSpan: r.span(targetNode.start, targetNode.end) };
  if (weight !== undefined) link.weight = weight;
  return link;
}

function inferredEntry(index: number, item: YNode, r: Reporter): InferredLink | undefined {
  if (item.kind !== 'map') return undefined;
  const targetNode = getNode(item, 'target');
  const target = scalarText(targetNode);
  if (target === undefined || !targetNode) return undefined;
  const link: InferredLink = { index, target, span: r.span(item.start, item.end), targetSpan: r.span(targetNode.start, targetNode.end) };
  const typeNode = getNode(item, 'type');
  const type = scalarText(typeNode);
  if (type !== undefined && typeNode) {
    link.type = type;
    link.typeSpan = r.span(typeNode.start, typeNode.end);
  }
  const confidence = numberValue(getNode(item, 'confidence'));
  if (confidence !== undefined) link.confidence = confidence;
  const strength = numberValue(getNode(item, 'strength'));
  if (strength !== undefined) link.strength = strength;
  const reason = stringValue(getNode(item, 'reason'));
  if (reason !== undefined) link.reason = reason;
  return link;
}

export function extractFacts(path: string, root: YMap, schema: PatternSchema, r: Reporter): PatternFacts {
  const facts = emptyFacts(path, r.span(0, 0));
  facts.parsed = true;
  facts.generation = detectGeneration(root, schema);
  const idNode = getNode(root, 'id');
  const slugNode = getNode(root, 'slug');
  const titleNode = getNode(root, 'title');
  const id = scalarText(idNode);
  if (id !== undefined && idNode) {
    facts.id = id;
    facts.idSpan = r.span(idNode.start, idNode.end);
  }
  const slug = scalarText(slugNode);
  if (slug !== undefined && slugNode) {
    facts.slug = slug;
    facts.slugSpan = r.span(slugNode.start, slugNode.end);
  }
  const title = scalarText(titleNode);
  if (title !== undefined && titleNode) {
    facts.title = title;
    facts.titleSpan = r.span(titleNode.start, titleNode.end);
  }
  const aliases = getNode(root, 'aliases');
  if (aliases?.kind === 'seq') for (const a of aliases.items) { const s = stringValue(a); if (s) facts.aliases.push(s); }
  const summary = stringValue(getNode(root, 'summary'));
  if (summary) facts.summary = summary;
  const legacy = facts.generation === 'legacy';
  const domain = stringValue(legacy ? getPath(root, ['classification', 'domain']) : getPath(root, ['ontology', 'domain']));
  if (domain) facts.domain = domain;
  const status = stringValue(legacy ? getPath(root, ['classification', 'status']) : getPath(root, ['lifecycle', 'status']));
  if (status) facts.status = status;

  const rels = getNode(root, 'relationships');
  if (rels?.kind === 'map') {
    for (const pair of rels.pairs) {
      const list = pair.value;
      if (list.kind !== 'seq') continue;
      list.items.forEach((item, index) => {
        const link = curatedEntry(pair.keyText, index, item, r);
        if (link) facts.curated.push(link);
      });
    }
  }
  const garden = getNode(root, 'graph_garden');
  const lastPruned = scalarText(getNode(garden, 'last_pruned'));
  if (lastPruned) facts.lastPruned = lastPruned;
  const inferred = getNode(garden, 'inferred_links');
  if (inferred?.kind === 'seq') {
    inferred.items.forEach((item, index) => {
      const link = inferredEntry(index, item, r);
      if (link) facts.inferred.push(link);
    });
  }
  if (legacy) {
    for (const type of schema.legacy.relationshipLists) {
      const list = getNode(root, type);
      if (list?.kind !== 'seq') continue;
      for (const item of list.items) {
        const ref = scalarText(item.kind === 'map' ? getNode(item, 'id') : item);
        if (ref) facts.legacyLinks.push({ type, id: ref, span: r.span(item.start, item.end) });
      }
    }
  }
  return facts;
}
