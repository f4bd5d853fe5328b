/**
 * The editing commands: prune, promote, rename, migrate, fix. Each computes
 * its changes with the same planner the app uses, prints a unified diff per
 * file and a summary, and writes only with --write. A file with nothing to
 * change is never touched.
 */
import { localDay } from '../../shared/model/local-day';
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import type { VaultEditRequest } from '../../shared/api/vault-api';
import { planVaultEdit, type VaultEditPlan } from '../../shared/vault/plan-vault-edit';
import { planFixes } from '../../shared/vault/plan-fixes';
import { PRUNE_RULES, isPruneRule } from '../../shared/edits/prune-rules';
import { unifiedDiff } from '../../shared/edits/unified-diff';
import { RULES_BY_ID } from '../../shared/validation/rules';
import { analyzeVault, type AnalyzedVault } from '../vault/analyze-vault';
import { toFsPath } from '../vault/vault-files';
import { applyFileOps } from '../backend/file-batch';
import { PRUNED_PATH } from '../../shared/vault/pruned-links';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './cli-io';
import { resolveVaultFolder } from './validate-command';

const COMMON = `  --write                write the changes (default: preview only)
  --quiet                print only the summary, not the diffs`;

export const PRUNE_USAGE = `Usage: trellis prune <folder> [--rule R …] [--min-confidence N] [--write]

Removes inferred links from the graph gardens of a vault, by rule:
  missing-target    the target pattern does not exist
  already-curated   the same target and type is already a curated relationship
  unknown-type      no type, or one outside the seven
  below-confidence  confidence below --min-confidence
  self-link         the link points at its own file
  previously-pruned a curator pruned the same link before (.trellis/pruned.yaml)
Default rules: missing-target, already-curated, self-link (and below-confidence
when --min-confidence is given). Touched files get graph_garden.last_pruned set
to today, in the quoting style the file already uses, and every pruned link is
recorded in .trellis/pruned.yaml (commit it with the vault).

Options:
  --rule <name>          a rule to apply (repeatable)
  --min-confidence <n>   threshold for below-confidence, 0 to 1
${COMMON}`;

export const PROMOTE_USAGE = `Usage: trellis promote <folder> <slug> <target> [--type T] [--weight W] [--inverse] [--write]

Turns the inferred link from <slug> to <target> into a curated relationship
({slug, weight}) and removes it from the graph garden.

Options:
  --type <type>          the relationship type (default: the link's, e.g. enabler → enables)
  --weight <w>           the weight, 0 to 1 (default: the link's confidence)
  --inverse              also add the inverse relationship in the target's file
${COMMON}`;

export const RENAME_USAGE = `Usage: trellis rename <folder> <old-slug> <new-slug> [--write]

Renames a pattern: its slug, its file, and every reference in the vault
(curated relationships of every shape and inferred link targets).

Options:
${COMMON}`;

export const MIGRATE_USAGE = `Usage: trellis migrate <folder> [files…] [--write]

Migrates legacy-format files (classification block, TypeID lists) to the v7.1
layout. Without files, every legacy file of the vault. TypeIDs become slugs;
anything without a v7.1 place is kept under 'legacy:' and reported.

Options:
${COMMON}`;

export const FIX_USAGE = `Usage: trellis fix <folder> [--rule R …] [--write]

Applies the mechanical fixes the validator offers (e.g. prune an inferred
link already curated, set overall_score to the mean, add a missing inverse).
Without --rule, every fixable finding except legacy migration.

Options:
  --rule <id>            only findings of this rule (repeatable); see 'trellis rules'
${COMMON}`;

interface Loaded {
  vault: AnalyzedVault;
  texts: Map<string, string>;
  prunedText: string | undefined;
}

async function loadVault(root: string): Promise<Loaded> {
  const vault = await analyzeVault(root, { useThisThread: true });
  const texts = new Map<string, string>();
  await Promise.all(vault.index.paths().map(async (p) => texts.set(p, await readFile(toFsPath(root, p), 'utf8'))));
  if (vault.prunedError) throw new Error(vault.prunedError);
  const prunedText = await readFile(toFsPath(root, PRUNED_PATH), 'utf8').catch(() => undefined);
  return { vault, texts, prunedText };
}

function planEdit(loaded: Loaded, edit: VaultEditRequest): VaultEditPlan {
  return planVaultEdit(edit, {
    pruned: { text: loaded.prunedText, keys: loaded.vault.index.pruned },
    index: loaded.vault.index,
    schema: loaded.vault.schema.schema,
    today: process.env.TRELLIS_TODAY ?? localDay(),
    texts: { read: (p) => loaded.texts.get(p), all: () => loaded.texts.entries() },
  });
}

/** Prints the plan, writes it with --write, and returns the exit code. */
async function finish(root: string, plan: VaultEditPlan, options: { write: boolean; quiet: boolean }, io: CliIo): Promise<number> {
  if (!plan.ok) {
    io.err(`refused: ${plan.reason}`);
    return EXIT_FINDINGS;
  }
  const changed = plan.files.filter((f) => f.before !== f.after);
  if (!options.quiet) for (const f of changed) io.out(unifiedDiff(f.path, f.before ?? '', f.after ?? '').trimEnd());
  for (const r of plan.refused) io.err(`refused ${r.path}: ${r.reason}`);
  for (const line of plan.summary) io.out(line);
  if (changed.length === 0) {
    io.out('nothing to change');
    return EXIT_OK;
  }
  if (!options.write) {
    io.out(`${changed.length} file(s) would change; run again with --write to write them`);
    return EXIT_OK;
  }
  const outcome = await applyFileOps(root, changed, () => undefined);
  if (!outcome.ok) {
    io.err(`${outcome.kind}: ${outcome.message}`);
    return EXIT_FINDINGS;
  }
  io.out(`wrote ${outcome.written.length} file(s)`);
  return plan.refused.length ? EXIT_FINDINGS : EXIT_OK;
}

const commonOptions = {
  write: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
} as const;

function positionalsExactly(positionals: string[], n: number, names: string): void {
  if (positionals.length < n) throw new UsageError(`missing ${names}`);
  if (positionals.length > n) throw new UsageError(`unexpected argument: ${positionals[n]}`);
}

export async function pruneCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptions, rule: { type: 'string', multiple: true }, 'min-confidence': { type: 'string' } } });
  positionalsExactly(positionals, 1, '<folder>');
  const minConfidence = values['min-confidence'] === undefined ? undefined : Number(values['min-confidence']);
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) throw new UsageError('--min-confidence takes a number from 0 to 1');
  const rules = values.rule?.length ? values.rule : ['missing-target', 'already-curated', 'self-link', ...(minConfidence !== undefined ? ['below-confidence'] : [])];
  for (const r of rules) if (!isPruneRule(r)) throw new UsageError(`unknown prune rule '${r}' (known: ${PRUNE_RULES.join(', ')})`);
  if (rules.includes('below-confidence') && minConfidence === undefined) throw new UsageError('the below-confidence rule needs --min-confidence');
  const root = await resolveVaultFolder(positionals[0], io);
  const loaded = await loadVault(root);
  const plan = planEdit(loaded, { kind: 'prune', rules, ...(minConfidence !== undefined ? { minConfidence } : {}) });
  return finish(root, plan, values, io);
}

export async function promoteCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptions, type: { type: 'string' }, weight: { type: 'string' }, inverse: { type: 'boolean', default: false } } });
  positionalsExactly(positionals, 3, '<folder> <slug> <target>');
  const weight = values.weight === undefined ? undefined : Number(values.weight);
  if (weight !== undefined && !(weight >= 0 && weight <= 1)) throw new UsageError('--weight takes a number from 0 to 1');
  const root = await resolveVaultFolder(positionals[0], io);
  const loaded = await loadVault(root);
  const source = loaded.vault.index.resolve(positionals[1] as string)[0];
  if (!source) {
    io.err(`refused: there is no pattern '${positionals[1]}' in the vault`);
    return EXIT_FINDINGS;
  }
  const edit: VaultEditRequest = { kind: 'promote', path: source.path, target: positionals[2] as string, inverse: values.inverse };
  if (values.type !== undefined) edit.type = values.type;
  if (weight !== undefined) edit.weight = weight;
  return finish(root, planEdit(loaded, edit), values, io);
}

export async function renameCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: commonOptions });
  positionalsExactly(positionals, 3, '<folder> <old-slug> <new-slug>');
  const root = await resolveVaultFolder(positionals[0], io);
  const loaded = await loadVault(root);
  return finish(root, planEdit(loaded, { kind: 'rename', from: positionals[1] as string, to: positionals[2] as string }), values, io);
}

export async function migrateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: commonOptions });
  if (positionals.length < 1) throw new UsageError('missing <folder>');
  const root = await resolveVaultFolder(positionals[0], io);
  const loaded = await loadVault(root);
  const named = positionals.slice(1).map((p) => p.replace(/\\/g, '/').replace(/^\.\//, ''));
  const paths = named.length ? named : loaded.vault.index.allFacts().filter((f) => f.generation === 'legacy').map((f) => f.path);
  return finish(root, planEdit(loaded, { kind: 'migrate', paths }), values, io);
}

export async function fixCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...commonOptions, rule: { type: 'string', multiple: true } } });
  positionalsExactly(positionals, 1, '<folder>');
  for (const r of values.rule ?? []) if (!RULES_BY_ID.has(r)) throw new UsageError(`unknown rule '${r}' (see 'trellis rules')`);
  const root = await resolveVaultFolder(positionals[0], io);
  const loaded = await loadVault(root);
  const rules = values.rule?.length ? new Set(values.rule) : undefined;
  const plan = planFixes(loaded.vault.index.allDiagnostics().filter((d) => d.fix && (rules ? rules.has(d.rule) : d.fix.edit.kind !== 'migrate-legacy')), {
    index: loaded.vault.index,
    schema: loaded.vault.schema.schema,
    today: process.env.TRELLIS_TODAY ?? localDay(),
    texts: { read: (p) => loaded.texts.get(p), all: () => loaded.texts.entries() },
  });
  return finish(root, plan, values, io);
}
