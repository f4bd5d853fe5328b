/**
 * Quick fixes for findings the validator knows how to fix (`Diagnostic.fix`).
 *
 * A fix that only changes the open file is carried out on the editor's text,
 * not on disk: the file may hold unsaved edits, the finding's offsets describe
 * that text, and the fix then lands in the editor's own undo history and is
 * saved like any typing. A fix that needs the rest of the vault (adding the
 * inverse link in another file, migrating a legacy file with the vault's ids)
 * goes through the backend's previewed edit instead.
 */
import type { PatternSchema } from '../schema/schema';
import type { Diagnostic, FixEdit } from '../validation/diagnostic';
import { VaultIndex } from '../vault/vault-index';
import { planFixes } from '../vault/plan-fixes';

export type FixRoute = 'buffer' | 'vault';

const BUFFER_FIXES: ReadonlySet<FixEdit['kind']> = new Set(['set-field', 'retype-inferred-link', 'remove-relationship', 'remove-inferred-link']);

export function fixRoute(d: Diagnostic): FixRoute | undefined {
  if (!d.fix) return undefined;
  return BUFFER_FIXES.has(d.fix.edit.kind) ? 'buffer' : 'vault';
}

export type TextFix = { ok: true; text: string } | { ok: false; reason: string };

/** The open file's text with one finding's fix applied (the finding must describe this very text). */
export function applyFixToText(text: string, d: Diagnostic, schema: PatternSchema, today: string): TextFix {
  if (fixRoute(d) !== 'buffer') return { ok: false, reason: 'this fix changes other files; it goes through a vault edit' };
  const plan = planFixes([d], {
    // Buffer fixes never consult the vault; an empty index keeps the planner honest about that.
    index: new VaultIndex(schema),
    schema,
    today,
    texts: { read: (p) => (p === d.path ? text : undefined), all: () => [[d.path, text] as const] },
  });
  if (!plan.ok) return { ok: false, reason: plan.reason };
  const refused = plan.refused[0];
  if (refused) return { ok: false, reason: refused.reason };
  const file = plan.files.find((f) => f.path === d.path);
  return { ok: true, text: file?.after ?? text };
}

/**
 * Among fresh findings for the current text, the one that is the same finding
 * as `wanted` (which may have been computed a few keystrokes ago): same rule
 * and fix kind, nearest in position.
 */
export function findSameFinding(fresh: readonly Diagnostic[], wanted: { rule: string; start: number; fixKind?: FixEdit['kind'] }): Diagnostic | undefined {
  let best: Diagnostic | undefined;
  for (const d of fresh) {
    if (d.rule !== wanted.rule || !d.fix) continue;
    if (wanted.fixKind !== undefined && d.fix.edit.kind !== wanted.fixKind) continue;
    if (!best || Math.abs(d.span.start - wanted.start) < Math.abs(best.span.start - wanted.start)) best = d;
  }
  return best;
}

/** The smallest single replacement that turns `before` into `after` (common prefix and suffix kept). */
export function minimalReplacement(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never cut a `\r\n` or a surrogate pair in two: editors cannot place a position inside either.
  const splits = (t: string, i: number) => i > 0 && i < t.length && ((t.charCodeAt(i - 1) === 13 && t.charCodeAt(i) === 10) || (t.charCodeAt(i - 1) >= 0xd800 && t.charCodeAt(i - 1) <= 0xdbff));
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while ((splits(before, endB) || splits(after, endA)) && endB < before.length && endA < after.length) {
    endB++;
    endA++;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}
