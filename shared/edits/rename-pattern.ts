/**
 * Renaming a pattern: its own `slug:` changes, and every reference to the old
 * slug in the vault follows: curated entries (`slug: x`, a slug held in
 * `id: x`, plain `- x`, flow lists `["x", "y"]`), inferred `target:` values and
 * slug-valued legacy lists. Values keep their quoting. Moving the file is the
 * caller's job.
 */
import { DEFAULT_SCHEMA, type PatternSchema } from '../schema/schema';
import { getPair, type YNode, type YScalar } from '../yaml/yaml-tree';
import { refuse, succeed, type EditResult, type EditSuccess, type TextChange } from './edit-result';
import { openPatternDocument, type PatternDocument } from './pattern-document';
import { patternSlug, readCurated, readCuratedEntry, readInferred } from './relationship-model';
import { checkSlug } from './edit-validation';
import { formatString, quoteStyleOf, type ScalarContext } from './yaml-scalar-format';

export interface RenameRequest {
  from: string;
  to: string;
}

export type RenameResult =
  | {
      ok: true;
      /** The file whose `slug:` was changed. */
      renamedPath: string;
      /** Every file that changes, with its new text and changes. */
      edits: Map<string, EditSuccess>;
      /** Files that mention the old slug but could not be edited (invalid YAML…), with the reason. */
      refused: Map<string, string>;
    }
  | { ok: false; reason: string };

function rewrite(doc: PatternDocument, node: YScalar, to: string, context: ScalarContext): TextChange {
  return { start: node.start, end: node.end, newText: formatString(to, quoteStyleOf(node.style), context) };
}

/** Changes that point this file's references to `from` at `to`. */
function referenceChanges(doc: PatternDocument, request: RenameRequest, schema: PatternSchema): TextChange[] {
  const changes: TextChange[] = [];
  for (const list of readCurated(doc).lists) {
    const seq = list.pair.value;
    const context: ScalarContext = seq.kind === 'seq' && seq.flow ? 'flow' : 'block';
    for (const entry of list.entries) {
      if (entry.slug !== request.from || !entry.slugNode) continue;
      const inFlowMap = entry.node.kind === 'map' && entry.node.flow;
      changes.push(rewrite(doc, entry.slugNode, request.to, inFlowMap ? 'flow' : context));
    }
  }
  for (const link of readInferred(doc).links) {
    if (link.target !== request.from || !link.targetNode) continue;
    const inFlow = link.node.kind === 'map' && link.node.flow;
    changes.push(rewrite(doc, link.targetNode, request.to, inFlow ? 'flow' : 'block'));
  }
  // Legacy lists hold TypeIDs, which a rename does not touch; a slug found there is a reference all the same.
  for (const key of schema.legacy.relationshipLists) {
    const seq = getPair(doc.root, key)?.value;
    if (!seq || seq.kind !== 'seq' || getPair(doc.root, 'relationships')) continue;
    seq.items.forEach((item: YNode, i) => {
      const entry = readCuratedEntry(key, i, item);
      if (entry.slug === request.from && entry.slugNode) changes.push(rewrite(doc, entry.slugNode, request.to, seq.flow ? 'flow' : 'block'));
    });
  }
  return changes;
}

/**
 * Computes the rename over a vault given as path -> text. Files that do not
 * contain the old slug as text are skipped without parsing, which keeps a
 * rename in a large vault cheap.
 */
export function renamePattern(files: ReadonlyMap<string, string>, request: RenameRequest, schema: PatternSchema = DEFAULT_SCHEMA): RenameResult {
  const from = checkSlug(request.from, 'old slug');
  if (!from.ok) return refuse(from.reason);
  const to = checkSlug(request.to, 'new slug');
  if (!to.ok) return refuse(to.reason);
  if (from.value === to.value) return refuse('the new slug is the same as the old one');

  const docs = new Map<string, PatternDocument>();
  const refused = new Map<string, string>();
  let renamedPath: string | undefined;
  for (const [path, text] of files) {
    if (!text.includes(from.value) && !text.includes(to.value)) continue;
    const opened = openPatternDocument(text);
    if (!opened.ok) {
      if (text.includes(from.value)) refused.set(path, opened.reason);
      continue;
    }
    const slug = patternSlug(opened.doc);
    if (slug === to.value) return refuse(`'${to.value}' is already the slug of ${path}`);
    if (slug === from.value) {
      if (renamedPath !== undefined) return refuse(`'${from.value}' is the slug of both ${renamedPath} and ${path}`);
      renamedPath = path;
    }
    if (text.includes(from.value)) docs.set(path, opened.doc);
  }
  if (renamedPath === undefined) return refuse(`no file has the slug '${from.value}'`);

  const edits = new Map<string, EditSuccess>();
  for (const [path, doc] of docs) {
    const changes = referenceChanges(doc, { from: from.value, to: to.value }, schema);
    if (path === renamedPath) {
      const slugNode = getPair(doc.root, 'slug')?.value;
      if (slugNode && slugNode.kind === 'scalar') changes.push(rewrite(doc, slugNode, to.value, 'block'));
    }
    const result: EditResult = succeed(doc.text, changes);
    if (!result.ok) refused.set(path, result.reason);
    else if (result.changes.length > 0) edits.set(path, result);
  }
  return { ok: true, renamedPath, edits, refused };
}
