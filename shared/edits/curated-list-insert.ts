/**
 * Adds an entry to `relationships.<type>`, whatever state that section is in:
 * a block list, a flow list, `[]`, a missing type key (inserted in the
 * canonical order of the seven types) or no `relationships` at all (inserted
 * before `graph_garden`, or at the end of the front-matter).
 */
import { getPair, type YMap, type YPair } from '../yaml/yaml-tree';
import type { PatternSchema } from '../schema/schema';
import type { TextChange } from './edit-result';
import type { PatternDocument } from './pattern-document';
import { appendSeqItem, type ChangesOrReason, type EntryRenderer } from './sequence-edits';
import { dashOffsetFor, mapIndentStep } from './indent-style';
import { colonAfterKey, pairLinesEnd } from './yaml-node-spans';
import { columnOf, isBlankLine, isCommentLine, lineStartOf, nextLineStart, spaces } from './text-lines';
import { readCurated, type CuratedSection } from './relationship-model';
import { DEFAULT_ENTRY_SHAPE, shapeOfList, type EntryShape } from './curated-entry-render';

export interface EntryStyle {
  shape: EntryShape;
  /** Dash column relative to the type key, from the list the shape came from (when it is a block list). */
  dashOffset?: number;
}

/**
 * Entry style for a list: its own last mapping entry, else the first sibling
 * block list with mapping entries, else the corpus norm. The indentation comes
 * from the same list as the shape, because files mix `key:\n- x` plain lists
 * with indented mapping lists.
 */
export function entryStyleFor(doc: PatternDocument, section: CuratedSection, type: string): EntryStyle {
  const own = section.lists.find((l) => l.type === type);
  const candidates = own ? [own, ...section.lists.filter((l) => l !== own)] : section.lists;
  for (const list of candidates) {
    const v = list.pair.value;
    if (v.kind !== 'seq') continue;
    // A flow list's entries say nothing about how a block list is written.
    if (v.flow && list !== own) continue;
    const shape = shapeOfList(doc.text, v.items);
    if (!shape) continue;
    return v.flow ? { shape } : { shape, dashOffset: columnOf(doc.text, v.start) - columnOf(doc.text, list.pair.key.start) };
  }
  return { shape: DEFAULT_ENTRY_SHAPE };
}

/** True when the file uses the legacy layout (a `classification` block and top-level lists). */
export function isLegacyLayout(doc: PatternDocument, schema: PatternSchema): boolean {
  return schema.legacy.markers.some((m) => getPair(doc.root, m) !== undefined);
}

/** `type:` and its one-entry block list, as lines at `keyCol`. */
function typeBlock(type: string, keyCol: number, dashOffset: number, entry: EntryRenderer, eol: string): string {
  return spaces(keyCol) + type + ':' + eol + entry.block(keyCol + dashOffset, eol);
}

/** Where a new type key goes: after the closest preceding type (canonical order), else first. */
function typeKeyInsertion(doc: PatternDocument, relPair: YPair, map: YMap, type: string, schema: PatternSchema): number {
  const order = schema.relationships.types;
  const want = order.indexOf(type);
  let after: YPair | undefined;
  let afterRank = -1;
  for (const p of map.pairs) {
    const rank = order.indexOf(p.keyText);
    if (rank >= 0 && rank < want && rank > afterRank) {
      after = p;
      afterRank = rank;
    }
  }
  return after ? pairLinesEnd(doc.text, after) : nextLineStart(doc.text, colonAfterKey(doc.text, relPair));
}

/**
 * The lines above `graph_garden` that belong to it (its banner and the blank
 * lines before it): a new `relationships` block goes before them.
 */
function leadInStart(text: string, keyLineStart: number, floor: number): number {
  let at = keyLineStart;
  while (at > floor) {
    const prev = lineStartOf(text, at - 1);
    if (!isBlankLine(text, prev) && !isCommentLine(text, prev)) break;
    at = prev;
  }
  return at;
}

const GROUP_5_TITLE = 'GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)';

function insertRelationshipsSection(doc: PatternDocument, type: string, entry: EntryRenderer): ChangesOrReason {
  const text = doc.text;
  const rootCol = columnOf(text, doc.root.start);
  const step = mapIndentStep(text, doc.root);
  const dashOffset = dashOffsetFor(text, doc.root, undefined);
  const block = spaces(rootCol) + 'relationships:' + doc.eol + typeBlock(type, rootCol + step, dashOffset, entry, doc.eol);
  const garden = getPair(doc.root, 'graph_garden');
  if (!garden) return { changes: [{ start: doc.yamlEnd, end: doc.yamlEnd, newText: block }] };
  const keyLine = lineStartOf(text, garden.key.start);
  const at = leadInStart(text, keyLine, doc.yamlStart);
  const leadIn = text.slice(at, keyLine);
  let prefix = '';
  if (/GROUP 6\b/.test(leadIn)) {
    // Files with banners get a GROUP 5 banner in the same style as GROUP 6's:
    // its rules, title and blank lines, never a copy of any other comment.
    prefix = leadIn
      .split(/(?<=\n)/)
      .filter((line) => /^\s*(#\s*[═=─-]{3,}.*|#.*GROUP 6\b.*)?\s*$/.test(line))
      .join('')
      .replace(/GROUP 6\b.*?(?=\r?\n|$)/, GROUP_5_TITLE);
  } else if (at < keyLine && isBlankLine(text, at)) {
    prefix = doc.eol;
  }
  return { changes: [{ start: at, end: at, newText: prefix + block }] };
}

/**
 * Changes that add `entry` to `relationships.<type>`. The caller has checked
 * that the type is one of the schema's and that the entry is not there yet.
 */
export function insertCuratedEntry(
  doc: PatternDocument,
  schema: PatternSchema,
  type: string,
  entry: EntryRenderer,
  preferredDashOffset?: number,
): ChangesOrReason {
  const text = doc.text;
  const section = readCurated(doc);
  const relPair = section.pair;
  if (!relPair) {
    if (isLegacyLayout(doc, schema)) return { reason: 'the file uses the legacy layout (classification block, top-level lists of TypeIDs); migrate it to v7.1 first' };
    return insertRelationshipsSection(doc, type, entry);
  }
  const rel = relPair.value;
  const keyCol = columnOf(text, relPair.key.start);
  const step = rel.kind === 'map' && !rel.flow && rel.pairs.length > 0 ? columnOf(text, rel.start) - keyCol : mapIndentStep(text, doc.root);
  const dashOffset = preferredDashOffset ?? dashOffsetFor(text, doc.root, rel.kind === 'map' ? rel : undefined);
  const colon = colonAfterKey(text, relPair);

  if (rel.kind === 'scalar' && rel.value === null) {
    // `relationships:` with nothing (or `~`) after it.
    const changes: TextChange[] = [];
    if (!rel.empty) changes.push({ start: colon + 1, end: rel.end, newText: '' });
    const at = nextLineStart(text, Math.max(colon, rel.end));
    changes.push({ start: at, end: at, newText: typeBlock(type, keyCol + step, dashOffset, entry, doc.eol) });
    return { changes };
  }
  if (rel.kind !== 'map') return { reason: '`relationships` is not a mapping of relationship types' };

  const list = section.lists.find((l) => l.type === type);
  if (list) return appendSeqItem(doc, list.pair, entry, dashOffset);

  if (rel.flow) {
    const last = rel.pairs[rel.pairs.length - 1];
    if (!last) {
      // `relationships: {}` becomes a block mapping, like `[]` lists do.
      const at = nextLineStart(text, rel.end);
      return {
        changes: [
          { start: colon + 1, end: rel.end, newText: '' },
          { start: at, end: at, newText: typeBlock(type, keyCol + step, dashOffset, entry, doc.eol) },
        ],
      };
    }
    return { changes: [{ start: last.value.end, end: last.value.end, newText: `, ${type}: [${entry.flow()}]` }] };
  }
  const at = typeKeyInsertion(doc, relPair, rel, type, schema);
  return { changes: [{ start: at, end: at, newText: typeBlock(type, columnOf(text, rel.start), dashOffset, entry, doc.eol) }] };
}
