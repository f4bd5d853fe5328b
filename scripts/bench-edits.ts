/**
 * `npm run bench:edits [-- <folder>] [--runs N]`: on a temporary copy of the
 * real corpus, preview and apply "prune every inferred link that is already
 * curated" over the whole vault, then check the result the way a reviewer
 * would: `trellis validate` finds no "already curated" link any more, and
 * `git diff --numstat` shows only removed lines plus one changed `last_pruned`
 * line per file (and `inferred_links: []` where a list empties).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { analyzeVault } from '../electron/vault/analyze-vault';
import { toFsPath } from '../electron/vault/vault-files';
import { applyFileOps } from '../electron/backend/file-batch';
import { planVaultEdit } from '../shared/vault/plan-vault-edit';
import { unifiedDiff } from '../shared/edits/unified-diff';
import { copyCorpus } from './bench/corpus-copy';
import { median, parseBenchArgs, printTable } from './bench/bench-util';

const { folder, runs } = parseBenchArgs(process.argv.slice(2), resolve('../shared/corpus/patterns'));
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

const previewMs: number[] = [];
const applyMs: number[] = [];
let files = 0;
let removedLinks = 0;
let remainingAlreadyCurated = -1;
let unexpectedLines = 0;

for (let run = 0; run < runs; run++) {
  const copy = copyCorpus(folder);
  try {
    git(copy.dir, 'init', '-q');
    git(copy.dir, 'add', '-A');
    git(copy.dir, '-c', 'user.email=bench@trellis', '-c', 'user.name=bench', 'commit', '-qm', 'corpus');
    const vault = await analyzeVault(copy.dir, { useThisThread: true });

    const t0 = performance.now();
    const texts = new Map<string, string>();
    await Promise.all(vault.index.paths().map(async (p) => texts.set(p, await readFile(toFsPath(copy.dir, p), 'utf8'))));
    const plan = planVaultEdit(
      { kind: 'prune', rules: ['already-curated'] },
      { index: vault.index, schema: vault.schema.schema, today: '2026-11-24', texts: { read: (p) => texts.get(p), all: () => texts.entries() } },
    );
    if (!plan.ok) throw new Error(plan.reason);
    const diffs = plan.files.map((f) => unifiedDiff(f.path, f.before ?? '', f.after ?? ''));
    previewMs.push(performance.now() - t0);
    files = plan.files.length;
    removedLinks = Number(/(\d+) inferred link/.exec(plan.summary.join(' '))?.[1] ?? 0);
    if (diffs.length !== files) throw new Error('a diff is missing');

    const t1 = performance.now();
    const outcome = await applyFileOps(copy.dir, plan.files, () => undefined);
    applyMs.push(performance.now() - t1);
    if (!outcome.ok) throw new Error(outcome.message);

    const after = await analyzeVault(copy.dir, { useThisThread: true });
    remainingAlreadyCurated = after.index.allDiagnostics().filter((d) => d.rule === 'inferred-already-curated').length;
    // Every added line must be a last_pruned stamp or an emptied list.
    const added = git(copy.dir, 'diff', '-U0', '--no-color')
      .split('\n')
      .filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    unexpectedLines = added.filter((l) => !/^\+\s+last_pruned: /.test(l) && !/^\+\s+inferred_links: \[\]$/.test(l)).length;
  } finally {
    copy.dispose();
  }
}

printTable(`prune already-curated over ${folder} (temporary copy)`, [
  ['preview (read, plan, diffs)', previewMs],
  ['apply (check, atomic writes)', applyMs],
]);
console.log(`files changed: ${files}   links removed: ${removedLinks}   already-curated left: ${remainingAlreadyCurated}   unexpected added lines: ${unexpectedLines}`);
console.log(
  JSON.stringify({
    runs,
    files_changed: files,
    links_removed: removedLinks,
    already_curated_after: remainingAlreadyCurated,
    unexpected_added_lines: unexpectedLines,
    prune_preview_ms: Math.round(median(previewMs)),
    prune_apply_ms: Math.round(median(applyMs)),
  }),
);
