/**
 * `trellis validate <folder>`: every rule over every file, one finding per
 * line, then a summary. Exit 0 without errors, 1 with errors.
 */
import { parseArgs } from 'node:util';
import { join, relative, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { RULES_BY_ID } from '../../shared/validation/rules';
import { SEVERITY_RANK, type Diagnostic, type Severity } from '../../shared/validation/diagnostic';
import { vaultStats } from '../../shared/vault/vault-stats';
import { VAULT_SCHEMA_PATH } from '../../shared/schema/schema';
import { analyzeVault } from '../vault/analyze-vault';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from './cli-io';
import { countBySeverity, diagnosticToJson, formatCompilerStyle, formatSummary } from './format-diagnostics';

export const VALIDATE_USAGE = `Usage: trellis validate <folder> [options]

Checks every pattern file of a vault against every rule.

Options:
  --format text|json     output style (default: text, compiler style)
  --rule <id>            only this rule (repeatable); see 'trellis rules'
  --severity <level>     only findings at least this severe: error, warning or info
  --stats                print graph statistics after the findings
  --quiet                print only the summary (and statistics)
  --threads <n>          threads to validate on (default: one per core)`;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Resolves the vault folder argument, failing with a usage error when it is no folder. */
export async function resolveVaultFolder(arg: string | undefined, io: CliIo): Promise<string> {
  if (!arg) throw new UsageError('missing <folder>');
  const root = resolve(io.cwd, arg);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new UsageError(`no such folder: ${arg}`);
  if (!info.isDirectory()) throw new UsageError(`not a folder: ${arg}`);
  return root;
}

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      rule: { type: 'string', multiple: true },
      severity: { type: 'string' },
      stats: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      threads: { type: 'string' },
    },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not '${values.format}'`);
  for (const r of values.rule ?? []) if (!RULES_BY_ID.has(r)) throw new UsageError(`unknown rule '${r}' (see 'trellis rules')`);
  const minSeverity = values.severity as Severity | undefined;
  if (minSeverity !== undefined && !SEVERITIES.includes(minSeverity)) throw new UsageError(`--severity must be error, warning or info, not '${minSeverity}'`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError('--threads takes a whole number from 1');

  const folderArg = positionals[0];
  const root = await resolveVaultFolder(folderArg, io);
  const started = performance.now();
  const vault = await analyzeVault(root, { useThisThread: true, ...(threads === undefined ? {} : { threads }) });
  const rules = values.rule && values.rule.length ? new Set(values.rule) : undefined;
  const diagnostics = vault.index
    .allDiagnostics()
    .filter((d) => (!rules || rules.has(d.rule)) && (!minSeverity || SEVERITY_RANK[d.severity] <= SEVERITY_RANK[minSeverity]));
  const ms = performance.now() - started;
  const display = (p: string) => relative(io.cwd, join(root, p)) || p;
  const schemaPath = display(VAULT_SCHEMA_PATH);
  const counts = countBySeverity(diagnostics);
  const schemaErrors = vault.schema.errors.map((e) => `${schemaPath}:1:1: error schema-config ${e.message}`);
  if (vault.prunedError) schemaErrors.push(`${display('.trellis/pruned.yaml')}:1:1: error pruned-config ${vault.prunedError}`);

  if (values.format === 'json') {
    const payload: Record<string, unknown> = {
      folder: display('.'),
      files: vault.index.size,
      summary: counts,
      schemaErrors: vault.schema.errors,
      diagnostics: diagnostics.map((d) => diagnosticToJson(d, display(d.path))),
    };
    if (values.stats) payload.stats = vaultStats(vault.index);
    io.out(JSON.stringify(payload, null, 2));
  } else {
    for (const line of schemaErrors) io.err(line);
    if (!values.quiet) for (const d of diagnostics) io.out(formatCompilerStyle(d, display(d.path)));
    io.out(formatSummary(vault.index.size, counts, ms));
    if (values.stats) io.out(formatStats(vault.index));
  }
  return counts.error > 0 || schemaErrors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function formatStats(index: Parameters<typeof vaultStats>[0]): string {
  const s = vaultStats(index);
  const rows = (rec: Record<string, number>) =>
    Object.entries(rec)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `    ${k.padEnd(20)} ${String(v).padStart(7)}`)
      .join('\n');
  return [
    'Graph statistics',
    `  files                  ${s.files} (${Object.entries(s.generations).map(([k, v]) => `${v} ${k}`).join(', ')}; ${s.unparsed} not parsed)`,
    `  curated relationships  ${s.curatedTotal}`,
    rows(s.curatedByType),
    `  inferred links         ${s.inferredTotal} (${s.inferredAlreadyCurated} already curated)`,
    rows(s.inferredByType),
    `  missing targets        ${s.danglingCurated} curated, ${s.danglingInferred} inferred (${s.ghostTargets} distinct ghosts)`,
    `  orphans                ${s.orphans}`,
  ].join('\n');
}

export type { Diagnostic };
