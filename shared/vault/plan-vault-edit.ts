/**
 * Turns a vault-level edit request (promote, prune, rename, …) into the exact
 * file changes it makes, without writing anything: the preview the UI shows
 * and the CLI prints, and the operations that apply (and undo) it.
 */
import type { VaultEditRequest } from '../api/vault-api';
import type { PatternSchema } from '../schema/schema';
import { promoteInferredLinkWithInverse } from '../edits/inverse-edits';
import { promoteInferredLink } from '../edits/promote-inferred-link';
import { pruneInferredLinks } from '../edits/prune-inferred-links';
import { previewRulePrune, formatBatchSummary } from '../edits/batch-preview';
import { isPruneRule, PRUNE_RULES, type PruneRule } from '../edits/prune-rules';
import { addRelationship, removeRelationship } from '../edits/curated-relationship-edits';
import { renamePattern } from '../edits/rename-pattern';
import { migrateLegacy } from '../edits/migrate-legacy';
import type { VaultIndex } from './vault-index';
import { planFixes } from './plan-fixes';
import { slugFromTitle } from '../model/typeid';
import { checkSlug } from '../edits/edit-validation';
import { newPatternText } from '../curation/new-pattern';
import { appendPrunedRecords, PRUNED_PATH, type PrunedRecord } from './pruned-links';

export interface PlannedFile {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

export type VaultEditPlan =
  | { ok: true; title: string; files: PlannedFile[]; summary: string[]; refused: Array<{ path: string; reason: string }>; createdPath?: string }
  | { ok: false; reason: string };

/** What the planner may read: the vault's texts, on demand. */
export interface VaultTexts {
  read(path: string): string | undefined;
  /** Every pattern file's text (for vault-wide edits). */
  all(): Iterable<readonly [string, string]>;
}

export interface PlanContext {
  index: VaultIndex;
  schema: PatternSchema;
  texts: VaultTexts;
  /** YYYY-MM-DD, stamped into `last_pruned`. */
  today: string;
  /** A fresh TypeID for a new pattern (the caller owns time and randomness). */
  newId?: () => string;
  /** The vault's record of rejected links; prunes append to it (when given). */
  pruned?: { text: string | undefined; keys: ReadonlySet<string> };
}

/** Adds the record of what a prune removed to the plan, as one more file change (so undo covers it). */
function withPrunedRecords(plan: VaultEditPlan, ctx: PlanContext, records: PrunedRecord[]): VaultEditPlan {
  if (!plan.ok || !ctx.pruned || records.length === 0) return plan;
  return { ...plan, files: [...plan.files, { path: PRUNED_PATH, before: ctx.pruned.text, after: appendPrunedRecords(ctx.pruned.text, records) }] };
}

const fail = (reason: string): VaultEditPlan => ({ ok: false, reason });

function pathOfSlug(index: VaultIndex, slug: string): string | undefined {
  return index.resolve(slug)[0]?.path;
}

export function planVaultEdit(edit: VaultEditRequest, ctx: PlanContext): VaultEditPlan {
  const { index, schema, texts } = ctx;
  const readOrFail = (path: string): string | VaultEditPlan => texts.read(path) ?? fail(`${path} is not in the vault`);
  switch (edit.kind) {
    case 'promote': {
      const text = readOrFail(edit.path);
      if (typeof text !== 'string') return text;
      const targetPath = edit.inverse ? pathOfSlug(index, edit.target) : undefined;
      if (edit.inverse && !targetPath) return fail(`cannot add the inverse: '${edit.target}' is not in the vault`);
      const targetText = targetPath ? texts.read(targetPath) : undefined;
      const request = {
        target: edit.target,
        ...(edit.type !== undefined ? { type: edit.type } : {}),
        ...(edit.weight !== undefined ? { weight: edit.weight } : {}),
        ...(edit.index !== undefined ? { index: edit.index } : {}),
      };
      const files: PlannedFile[] = [];
      let p;
      if (targetPath && targetText !== undefined) {
        const result = promoteInferredLinkWithInverse(text, targetText, request, schema);
        if (!result.ok) return fail(result.reason);
        files.push({ path: edit.path, before: text, after: result.source.text }, { path: targetPath, before: targetText, after: result.target.text });
        p = result.source.promotion;
      } else {
        const result = promoteInferredLink(text, request, schema);
        if (!result.ok) return fail(result.reason);
        files.push({ path: edit.path, before: text, after: result.text });
        p = result.promotion;
      }
      const title = p.alreadyCurated ? `Prune duplicate ${p.type} → ${p.target}` : `Promote ${p.type} → ${p.target}`;
      return { ok: true, title, files: files.filter((f) => f.before !== f.after), summary: [title], refused: [] };
    }
    case 'prune-link': {
      const text = readOrFail(edit.path);
      if (typeof text !== 'string') return text;
      const link = index.facts(edit.path)?.inferred.find((l) => l.target === edit.target && (edit.type === undefined || l.type === edit.type));
      if (!link) return fail(`there is no inferred link to '${edit.target}' in ${edit.path}`);
      const result = pruneInferredLinks(text, [link.index], { today: ctx.today });
      if (!result.ok) return fail(result.reason);
      const title = `Prune inferred ${link.type ?? 'link'} → ${link.target}`;
      const source = index.facts(edit.path)?.name ?? edit.path;
      const record: PrunedRecord = { source, target: link.target, date: ctx.today, rule: 'manual', ...(link.type !== undefined ? { type: link.type } : {}) };
      return withPrunedRecords({ ok: true, title, files: [{ path: edit.path, before: text, after: result.text }], summary: [title], refused: [] }, ctx, [record]);
    }
    case 'prune': {
      const unknown = edit.rules.filter((r) => !isPruneRule(r));
      if (unknown.length) return fail(`unknown prune rule(s): ${unknown.join(', ')} (known: ${PRUNE_RULES.join(', ')})`);
      const only = edit.paths ? new Set(edit.paths) : undefined;
      const existing = new Set<string>();
      for (const f of index.allFacts()) {
        existing.add(f.name);
        if (f.slug) existing.add(f.slug);
      }
      const preview = previewRulePrune(
        [...texts.all()].filter(([p]) => !only || only.has(p)),
        {
          rules: edit.rules as PruneRule[],
          today: ctx.today,
          schema,
          existingSlugs: existing,
          ...(edit.minConfidence !== undefined ? { minConfidence: edit.minConfidence } : {}),
          ...(ctx.pruned ? { previouslyPruned: ctx.pruned.keys } : {}),
        },
        { diffs: false },
      );
      const files = preview.previews.map((p) => ({ path: p.path, before: texts.read(p.path), after: p.result.text }));
      const records: PrunedRecord[] = preview.previews.flatMap((p) =>
        p.removed
          // A link pruned again because it was rejected before is already on record.
          .filter((r) => r.rule !== 'previously-pruned' && r.link.target !== undefined)
          .map((r) => ({ source: index.facts(p.path)?.name ?? p.path, target: r.link.target as string, date: ctx.today, rule: r.rule, ...(r.link.type !== undefined ? { type: r.link.type } : {}) })),
      );
      const plan: VaultEditPlan = { ok: true, title: `Prune ${edit.rules.join(', ')}`, files, summary: formatBatchSummary(preview.summary).split('\n'), refused: preview.refused };
      return withPrunedRecords(plan, ctx, records);
    }
    case 'add-relationship':
    case 'remove-relationship': {
      const text = readOrFail(edit.path);
      if (typeof text !== 'string') return text;
      const result =
        edit.kind === 'add-relationship'
          ? addRelationship(text, { type: edit.type, slug: edit.target, weight: edit.weight }, schema)
          : removeRelationship(text, { type: edit.type, slug: edit.target });
      if (!result.ok) return fail(result.reason);
      const title = `${edit.kind === 'add-relationship' ? 'Add' : 'Remove'} ${edit.type} → ${edit.target}`;
      return { ok: true, title, files: [{ path: edit.path, before: text, after: result.text }], summary: [title], refused: [] };
    }
    case 'rename': {
      const fromPath = pathOfSlug(index, edit.from);
      if (!fromPath) return fail(`there is no pattern '${edit.from}' in the vault`);
      if (index.exists(edit.to)) return fail(`a pattern '${edit.to}' already exists`);
      const all = new Map(texts.all());
      const result = renamePattern(all, { from: edit.from, to: edit.to }, schema);
      if (!result.ok) return fail(result.reason);
      const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/') + 1) : '';
      const newPath = `${dir}${edit.to}.md`;
      const files: PlannedFile[] = [];
      for (const [path, e] of result.edits) {
        if (path === fromPath) continue;
        files.push({ path, before: all.get(path), after: e.text });
      }
      const renamedText = result.edits.get(fromPath)?.text ?? all.get(fromPath);
      files.push({ path: fromPath, before: all.get(fromPath), after: undefined }, { path: newPath, before: undefined, after: renamedText });
      const refused = [...result.refused].map(([path, reason]) => ({ path, reason }));
      return { ok: true, title: `Rename ${edit.from} → ${edit.to}`, files, summary: [`${fromPath} → ${newPath}`, `${files.length - 2} file(s) with references updated`], refused };
    }
    case 'fix': {
      const diagnostics = index
        .diagnostics(edit.path)
        .filter((d) => d.fix && (edit.rule === undefined || d.rule === edit.rule) && (edit.start === undefined || d.span.start === edit.start));
      if (diagnostics.length === 0) return fail(`there is no fixable finding${edit.rule ? ` of ${edit.rule}` : ''} there in ${edit.path}`);
      return planFixes(diagnostics, ctx);
    }
    case 'create': {
      const slug = edit.slug ?? slugFromTitle(edit.title);
      const checked = checkSlug(slug, 'slug');
      if (!checked.ok) return fail(checked.reason);
      if (index.exists(slug)) return fail(`a pattern '${slug}' already exists`);
      if (!ctx.newId) return fail('no id generator was given');
      const path = `${edit.folder ? `${edit.folder}/` : ''}${slug}.md`;
      if (texts.read(path) !== undefined) return fail(`${path} already exists`);
      const text = newPatternText({ id: ctx.newId(), slug, title: edit.title, today: ctx.today });
      return { ok: true, title: `New pattern ${slug}`, files: [{ path, before: undefined, after: text }], summary: [`${path} from the v7.1 template`], refused: [], createdPath: path };
    }
    case 'delete': {
      const text = readOrFail(edit.path);
      if (typeof text !== 'string') return text;
      const facts = index.facts(edit.path);
      const names = new Set([facts?.name, facts?.slug].filter((n): n is string => !!n));
      const referrers = [...new Set([...names].flatMap((n) => index.referrersOf(n)))].filter((p) => p !== edit.path).sort();
      const files: PlannedFile[] = [{ path: edit.path, before: text, after: undefined }];
      const refused: Array<{ path: string; reason: string }> = [];
      const summary = [`${edit.path} is deleted`, referrers.length ? `referenced by ${referrers.length} file(s): ${referrers.join(', ')}` : 'no other file references it'];
      if (edit.removeReferences) {
        for (const path of referrers) {
          const before = texts.read(path);
          const f = index.facts(path);
          if (before === undefined || !f) continue;
          let after = before;
          for (const type of new Set(f.curated.filter((c) => names.has(c.target)).map((c) => c.type))) {
            for (const name of names) {
              const r = removeRelationship(after, { type, slug: name });
              if (r.ok) after = r.text;
            }
          }
          const indices = f.inferred.filter((l) => names.has(l.target)).map((l) => l.index);
          if (indices.length) {
            const r = pruneInferredLinks(after, indices, { today: ctx.today });
            if (!r.ok) {
              refused.push({ path, reason: r.reason });
              continue;
            }
            after = r.text;
          }
          if (after !== before) files.push({ path, before, after });
        }
        summary.push(`references removed from ${files.length - 1} file(s)`);
      } else if (referrers.length) {
        summary.push('references are left in place and will show as missing targets (ghosts)');
      }
      return { ok: true, title: `Delete ${facts?.name ?? edit.path}`, files, summary, refused };
    }
    case 'migrate': {
      const idToSlug = new Map<string, string>();
      for (const f of index.allFacts()) if (f.id) idToSlug.set(f.id, f.name);
      const files: PlannedFile[] = [];
      const refused: Array<{ path: string; reason: string }> = [];
      const summary: string[] = [];
      for (const path of edit.paths) {
        const text = texts.read(path);
        if (text === undefined) {
          refused.push({ path, reason: 'not in the vault' });
          continue;
        }
        const result = migrateLegacy(text, { idToSlug });
        if (!result.ok) {
          refused.push({ path, reason: result.reason });
          continue;
        }
        if (result.text === text) continue;
        files.push({ path, before: text, after: result.text });
        const r = result.report;
        summary.push(`${path}: ${r.mapped.length} field(s) mapped, ${r.unresolved.length} reference(s) unresolved, ${r.kept.length} kept under legacy`);
      }
      return { ok: true, title: `Migrate ${files.length} legacy file(s) to v7.1`, files, summary, refused };
    }
  }
}
