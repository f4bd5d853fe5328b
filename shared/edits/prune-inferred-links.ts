/**
 * Pruning removes inferred links from `graph_garden.inferred_links` and stamps
 * `graph_garden.last_pruned` with the day, in the quoting the file already uses
 * for it. Removing nothing changes nothing: no stamp either.
 */
import { getPair, type YPair } from '../yaml/yaml-tree';
import { refuse, succeed, type EditResult, type TextChange } from './edit-result';
import { resolveInput, type EditInput, type PatternDocument } from './pattern-document';
import { readInferred, type InferredLink } from './relationship-model';
import { removeSeqItems } from './sequence-edits';
import { checkDay } from './edit-validation';
import { colonAfterKey } from './yaml-node-spans';
import { columnOf, lineStartOf, spaces } from './text-lines';
import { formatString, quoteStyleOf } from './yaml-scalar-format';

/** What a selection predicate sees of a link: the link without its tree nodes. */
export type InferredLinkView = Omit<InferredLink, 'node' | 'targetNode'>;

export function viewOf(link: InferredLink): InferredLinkView {
  const { node: _node, targetNode: _targetNode, ...view } = link;
  return view;
}

/** Indices into `inferred_links`, or a predicate over the links. */
export type LinkSelection = readonly number[] | ((link: InferredLinkView) => boolean);

/** The change that sets `last_pruned` to `day`, keeping the existing value's quoting. */
export function stampLastPruned(doc: PatternDocument, garden: YPair, day: string): TextChange {
  const text = doc.text;
  const existing = getPair(garden.value, 'last_pruned');
  if (existing) {
    const v = existing.value;
    if (v.kind === 'scalar' && !v.empty) return { start: v.start, end: v.end, newText: formatString(day, quoteStyleOf(v.style), 'block') };
    const colon = colonAfterKey(text, existing);
    return { start: colon + 1, end: colon + 1, newText: ' ' + day };
  }
  const map = garden.value;
  if (map.kind === 'map' && map.flow) return { start: map.start + 1, end: map.start + 1, newText: `last_pruned: ${day}, ` };
  // No stamp yet: it goes first, as in the template.
  const first = map.kind === 'map' ? map.pairs[0] : undefined;
  const at = first ? lineStartOf(text, first.key.start) : lineStartOf(text, map.start);
  const col = first ? columnOf(text, first.key.start) : columnOf(text, garden.key.start) + 2;
  return { start: at, end: at, newText: spaces(col) + 'last_pruned: ' + day + doc.eol };
}

export function selectedIndices(links: readonly InferredLink[], selection: LinkSelection): number[] {
  if (typeof selection === 'function') return links.filter((l) => selection(viewOf(l))).map((l) => l.index);
  return [...new Set(selection)].filter((i) => Number.isInteger(i) && i >= 0 && i < links.length).sort((a, b) => a - b);
}

export function pruneInferredLinks(
  input: EditInput,
  selection: LinkSelection,
  options: { today: string },
): EditResult<{ removed: InferredLinkView[] }> {
  const opened = resolveInput(input);
  if (!opened.ok) return opened;
  const day = checkDay(options.today);
  if (!day.ok) return refuse(day.reason);
  const doc = opened.doc;
  const inferred = readInferred(doc);
  const indices = inferred.pair ? selectedIndices(inferred.links, selection) : [];
  if (!inferred.pair || !inferred.graphGarden || indices.length === 0) {
    const result = succeed(doc.text, [], 'no inferred link selected');
    return result.ok ? { ...result, removed: [] } : result;
  }
  const removal = removeSeqItems(doc, inferred.pair, indices);
  if ('reason' in removal) return refuse(removal.reason);
  const result = succeed(doc.text, [...removal.changes, stampLastPruned(doc, inferred.graphGarden, day.value)]);
  return result.ok ? { ...result, removed: indices.map((i) => viewOf(inferred.links[i] as InferredLink)) } : result;
}
