/**
 * Reads the two link sections of a pattern file (curated `relationships` and
 * machine-written `graph_garden.inferred_links`) into plain records that keep a
 * pointer to their nodes, in every entry shape the corpus holds.
 */
import { getPair, type YMap, type YNode, type YPair, type YScalar } from '../yaml/yaml-tree';
import type { PatternDocument } from './pattern-document';

/** Legacy files and some curated entries hold TypeIDs (`pat_…`), never slugs, in `id`. */
export function isTypeId(value: string): boolean {
  return value.startsWith('pat_');
}

function scalarNode(node: YNode | undefined): YScalar | undefined {
  return node && node.kind === 'scalar' && !node.empty ? node : undefined;
}

function stringOf(node: YNode | undefined): string | undefined {
  const s = scalarNode(node);
  if (!s || s.value === null) return undefined;
  return typeof s.value === 'string' ? s.value : s.text;
}

function numberOf(node: YNode | undefined): number | undefined {
  const s = scalarNode(node);
  return s && typeof s.value === 'number' && Number.isFinite(s.value) ? s.value : undefined;
}

/** Where an entry keeps its target: `slug:`, a slug held in `id:`, or the item itself (`- x`). */
export type SlugHolder = 'slug' | 'id' | 'item';

export interface CuratedEntry {
  type: string;
  index: number;
  node: YNode;
  slug?: string;
  slugNode?: YScalar;
  holder?: SlugHolder;
  weight?: number;
  weightNode?: YScalar;
}

export function readCuratedEntry(type: string, index: number, node: YNode): CuratedEntry {
  const entry: CuratedEntry = { type, index, node };
  if (node.kind === 'scalar') {
    const s = stringOf(node);
    if (s !== undefined && !isTypeId(s)) {
      entry.slug = s;
      entry.slugNode = node;
      entry.holder = 'item';
    }
    return entry;
  }
  if (node.kind !== 'map') return entry;
  const slugPair = getPair(node, 'slug');
  const idPair = getPair(node, 'id');
  const fromSlug = stringOf(slugPair?.value);
  const fromId = stringOf(idPair?.value);
  if (fromSlug !== undefined && slugPair) {
    entry.slug = fromSlug;
    entry.slugNode = scalarNode(slugPair.value);
    entry.holder = 'slug';
  } else if (fromId !== undefined && idPair && !isTypeId(fromId)) {
    entry.slug = fromId;
    entry.slugNode = scalarNode(idPair.value);
    entry.holder = 'id';
  }
  const weightPair = getPair(node, 'weight');
  const weight = numberOf(weightPair?.value);
  if (weight !== undefined) {
    entry.weight = weight;
    entry.weightNode = scalarNode(weightPair?.value);
  }
  return entry;
}

export interface CuratedList {
  type: string;
  pair: YPair;
  entries: CuratedEntry[];
}

export interface CuratedSection {
  /** The `relationships` pair, absent in legacy files and files without curated links. */
  pair: YPair | undefined;
  map: YMap | undefined;
  /** Every list under `relationships`, in file order, including non-standard keys. */
  lists: CuratedList[];
}

export function readCurated(doc: PatternDocument): CuratedSection {
  const pair = getPair(doc.root, 'relationships');
  const map = pair && pair.value.kind === 'map' ? pair.value : undefined;
  const lists: CuratedList[] = [];
  for (const p of map?.pairs ?? []) {
    const items = p.value.kind === 'seq' ? p.value.items : [];
    lists.push({ type: p.keyText, pair: p, entries: items.map((n, i) => readCuratedEntry(p.keyText, i, n)) });
  }
  return { pair, map, lists };
}

export function findCuratedList(section: CuratedSection, type: string): CuratedList | undefined {
  return section.lists.find((l) => l.type === type);
}

export interface InferredLink {
  index: number;
  target?: string;
  type?: string;
  confidence?: number;
  reason?: string;
  /** The older `{target, reason, strength}` shape scores 1-5 instead of a confidence. */
  strength?: number;
  node: YNode;
  targetNode?: YScalar;
}

export interface InferredSection {
  graphGarden: YPair | undefined;
  /** The `inferred_links` pair inside `graph_garden`. */
  pair: YPair | undefined;
  links: InferredLink[];
}

export function readInferred(doc: PatternDocument): InferredSection {
  const graphGarden = getPair(doc.root, 'graph_garden');
  const pair = graphGarden ? getPair(graphGarden.value, 'inferred_links') : undefined;
  const items = pair && pair.value.kind === 'seq' ? pair.value.items : [];
  const links = items.map((node, index): InferredLink => {
    const link: InferredLink = { index, node };
    if (node.kind !== 'map') return link;
    const targetNode = scalarNode(getPair(node, 'target')?.value);
    const target = stringOf(targetNode);
    if (target !== undefined && targetNode) {
      link.target = target;
      link.targetNode = targetNode;
    }
    const type = stringOf(getPair(node, 'type')?.value);
    if (type !== undefined) link.type = type;
    const confidence = numberOf(getPair(node, 'confidence')?.value);
    if (confidence !== undefined) link.confidence = confidence;
    const reason = stringOf(getPair(node, 'reason')?.value);
    if (reason !== undefined) link.reason = reason;
    const strength = numberOf(getPair(node, 'strength')?.value);
    if (strength !== undefined) link.strength = strength;
    return link;
  });
  return { graphGarden, pair, links };
}

/** The file's own slug, from its `slug:` key. */
export function patternSlug(doc: PatternDocument): string | undefined {
  return stringOf(getPair(doc.root, 'slug')?.value);
}
