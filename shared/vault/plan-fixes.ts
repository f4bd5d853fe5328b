/**
 * Carries out the mechanical fixes the validator describes (`Diagnostic.fix`)
 * as minimal text edits, grouped per file so that several fixes in one file
 * compose: in-place replacements first, then removals by their original
 * index in one go, then inverse relationships added in other files.
 */
import type { Diagnostic, FixEdit } from '../validation/diagnostic';
import { inverseOf } from '../schema/schema';
import { getNode, getPath, type YNode } from '../yaml/yaml-tree';
import { openPatternDocument } from '../edits/pattern-document';
import { succeed, type TextChange } from '../edits/edit-result';
import { formatNumber, formatString, quoteStyleOf } from '../edits/yaml-scalar-format';
import { pruneInferredLinks } from '../edits/prune-inferred-links';
import { removeSeqItems } from '../edits/sequence-edits';
import { addInverse } from '../edits/inverse-edits';
import { migrateLegacy } from '../edits/migrate-legacy';
import type { PlanContext, PlannedFile, VaultEditPlan } from './plan-vault-edit';

type Step = { ok: true; text: string } | { ok: false; reason: string };

function replaceScalar(node: YNode | undefined, value: string | number, flow: boolean): TextChange | string {
  if (!node || node.kind !== 'scalar') return 'the value to replace is not a single value any more';
  const newText = typeof value === 'number' ? formatNumber(value) : formatString(value, quoteStyleOf(node.style), flow ? 'flow' : 'block');
  return { start: node.start, end: node.end, newText };
}

/** Fixes that replace a value where it stands: set-field, retype-inferred-link. */
function inPlace(text: string, edits: FixEdit[]): Step {
  if (edits.length === 0) return { ok: true, text };
  const opened = openPatternDocument(text);
  if (!opened.ok) return opened;
  const root = opened.doc.root;
  const changes: TextChange[] = [];
  for (const e of edits) {
    let change: TextChange | string;
    if (e.kind === 'set-field') change = replaceScalar(getPath(root, e.path), e.value, false);
    else if (e.kind === 'retype-inferred-link') {
      const list = getPath(root, ['graph_garden', 'inferred_links']);
      const item = list?.kind === 'seq' ? list.items[e.index] : undefined;
      change = replaceScalar(getNode(item, 'type'), e.to, item?.kind === 'map' && item.flow);
    } else continue;
    if (typeof change === 'string') return { ok: false, reason: change };
    changes.push(change);
  }
  const result = succeed(text, changes);
  return result.ok ? { ok: true, text: result.text } : result;
}

/** Removes curated entries by (type, original index), all in one splice set. */
function removeRelationships(text: string, edits: Array<Extract<FixEdit, { kind: 'remove-relationship' }>>): Step {
  if (edits.length === 0) return { ok: true, text };
  const opened = openPatternDocument(text);
  if (!opened.ok) return opened;
  const changes: TextChange[] = [];
  const byType = new Map<string, number[]>();
  for (const e of edits) byType.set(e.type, [...(byType.get(e.type) ?? []), e.index]);
  const rels = getNode(opened.doc.root, 'relationships');
  for (const [type, indices] of byType) {
    const pair = rels?.kind === 'map' ? rels.pairs.find((p) => p.keyText === type) : undefined;
    if (!pair) return { ok: false, reason: `relationships.${type} is gone` };
    const removal = removeSeqItems(opened.doc, pair, indices);
    if ('reason' in removal) return { ok: false, reason: removal.reason };
    changes.push(...removal.changes);
  }
  const result = succeed(text, changes);
  return result.ok ? { ok: true, text: result.text } : result;
}

export function planFixes(diagnostics: readonly Diagnostic[], ctx: PlanContext): VaultEditPlan {
  const byPath = new Map<string, FixEdit[]>();
  for (const d of diagnostics) if (d.fix) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d.fix.edit]);
  const after = new Map<string, string>();
  const refused: Array<{ path: string; reason: string }> = [];
  const counts = new Map<string, number>();
  const current = (path: string) => after.get(path) ?? ctx.texts.read(path);
  const inverses: Array<{ from: string; edit: Extract<FixEdit, { kind: 'add-inverse' }> }> = [];

  for (const [path, edits] of byPath) {
    const original = ctx.texts.read(path);
    if (original === undefined) continue;
    let text = original;
    const steps: Array<(t: string) => Step> = [
      (t) => inPlace(t, edits.filter((e) => e.kind === 'set-field' || e.kind === 'retype-inferred-link')),
      (t) => removeRelationships(t, edits.filter((e): e is Extract<FixEdit, { kind: 'remove-relationship' }> => e.kind === 'remove-relationship')),
      (t) => {
        const indices = edits.filter((e) => e.kind === 'remove-inferred-link').map((e) => (e as { index: number }).index);
        if (indices.length === 0) return { ok: true, text: t };
        const r = pruneInferredLinks(t, indices, { today: ctx.today });
        return r.ok ? { ok: true, text: r.text } : r;
      },
      (t) => {
        if (!edits.some((e) => e.kind === 'migrate-legacy')) return { ok: true, text: t };
        const idToSlug = new Map<string, string>();
        for (const f of ctx.index.allFacts()) if (f.id) idToSlug.set(f.id, f.name);
        const r = migrateLegacy(t, { idToSlug, schema: ctx.schema });
        return r.ok ? { ok: true, text: r.text } : r;
      },
    ];
    let failed = false;
    for (const step of steps) {
      const r = step(text);
      if (!r.ok) {
        refused.push({ path, reason: r.reason });
        failed = true;
        break;
      }
      text = r.text;
    }
    if (failed) continue;
    if (text !== original) after.set(path, text);
    for (const e of edits) {
      if (e.kind === 'add-inverse') inverses.push({ from: path, edit: e });
      else counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    }
  }

  for (const { from, edit } of inverses) {
    const target = current(edit.inPath);
    if (target === undefined) {
      refused.push({ path: edit.inPath, reason: 'not in the vault' });
      continue;
    }
    // The fix names the inverse type to add; addInverse wants the forward type it is the inverse of.
    const forward = inverseOf(ctx.schema, edit.type) ?? edit.type;
    const r = addInverse(target, { source: edit.slug, type: forward, weight: edit.weight ?? 0.7 }, ctx.schema);
    if (!r.ok) {
      refused.push({ path: edit.inPath, reason: `inverse for ${from}: ${r.reason}` });
      continue;
    }
    after.set(edit.inPath, r.text);
    counts.set('add-inverse', (counts.get('add-inverse') ?? 0) + 1);
  }

  const files: PlannedFile[] = [...after].map(([path, text]) => ({ path, before: ctx.texts.read(path), after: text }));
  const summary = [`${files.length} file(s) change`, ...[...counts].map(([kind, n]) => `  ${kind}: ${n}`)];
  return { ok: true, title: `Fix ${diagnostics.length} finding(s)`, files, summary, refused };
}
