/**
 * The editing commands, run as a curator runs them: on a temporary copy of
 * the sample vault, previewing by default, writing only with --write, and
 * touching nothing that has nothing to change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tempVault, type TempVault } from '../helpers/temp-vault';
import { runCli } from '../helpers/run-cli';

const TODAY = { TRELLIS_TODAY: '2026-11-24' };
let vault: TempVault;

beforeEach(() => {
  vault = tempVault();
});
afterEach(() => vault.dispose());

function snapshot(): Map<string, { text: string; mtimeMs: number }> {
  return new Map(readdirSync(vault.dir).filter((n) => n.endsWith('.md')).map((n) => [n, { text: readFileSync(vault.path(n), 'utf8'), mtimeMs: statSync(vault.path(n)).mtimeMs }]));
}

function changedFiles(before: Map<string, { text: string; mtimeMs: number }>): string[] {
  const after = snapshot();
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n)?.text !== after.get(n)?.text || before.get(n)?.mtimeMs !== after.get(n)?.mtimeMs).sort();
}

const rules = (run: { stdout: string }) => run.stdout.split('\n').map((l) => /: (?:error|warning|info) (\S+)/.exec(l)?.[1]).filter(Boolean);

describe('trellis prune', () => {
  it('previews by default and writes nothing', () => {
    const before = snapshot();
    const run = runCli(['prune', '.'], vault.dir, TODAY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- a/feature-flags.md');
    expect(run.stdout).toContain('-    - target: dark-launch');
    // Three patterns, plus the vault's record of pruned links.
    expect(run.stdout).toContain('--- a/.trellis/pruned.yaml');
    expect(run.stdout).toContain('4 file(s) would change');
    expect(changedFiles(before)).toEqual([]);
  });

  it('with --write changes exactly the files it previewed, by exactly the removed lines and the stamp', () => {
    const before = snapshot();
    const run = runCli(['prune', '.', '--write', '--quiet'], vault.dir, TODAY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote 4 file(s)');
    expect(changedFiles(before)).toEqual(['feature-flags.md', 'on-call-handoff.md', 'pairing-sessions.md']);
    const oldLines = (before.get('pairing-sessions.md')?.text ?? '').split('\n');
    const newLines = readFileSync(vault.path('pairing-sessions.md'), 'utf8').split('\n');
    expect(oldLines.length - newLines.length).toBe(4);
    expect(newLines).toContain('  last_pruned: 2026-11-24');
    expect(readFileSync(vault.path('feature-flags.md'), 'utf8')).toContain("  last_pruned: '2026-11-24'");
    const after = runCli(['validate', '.'], vault.dir);
    expect(rules(after)).not.toContain('inferred-already-curated');
    expect(rules(after)).not.toContain('inferred-target-missing');
  });

  it('refuses an unknown rule as a usage error', () => {
    const run = runCli(['prune', '.', '--rule', 'stale'], vault.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown prune rule 'stale'/);
  });

  it('never rewrites a file whose YAML does not parse, and says so', () => {
    const broken = readFileSync(vault.path('retrospective.md'), 'utf8').replace('graph_garden:', 'graph_garden: [oops');
    writeFileSync(vault.path('retrospective.md'), broken);
    const run = runCli(['prune', '.', '--rule', 'unknown-type', '--write'], vault.dir, TODAY);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused retrospective\.md: the front-matter is not valid YAML \(line \d+/);
    expect(readFileSync(vault.path('retrospective.md'), 'utf8')).toBe(broken);
  });
});

describe('trellis promote', () => {
  it('turns an inferred link into a curated one, with the inverse in the target file', () => {
    const before = snapshot();
    const run = runCli(['promote', '.', 'continuous-integration', 'small-pull-requests', '--inverse', '--write'], vault.dir, TODAY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Promote enables → small-pull-requests');
    expect(changedFiles(before)).toEqual(['continuous-integration.md', 'small-pull-requests.md']);
    const ci = readFileSync(vault.path('continuous-integration.md'), 'utf8');
    expect(ci).not.toContain('type: enabler');
    expect(ci).toMatch(/enables:\n(?:.*\n)*?\s+- slug: small-pull-requests\n\s+weight: 0\.\d+/);
    expect(readFileSync(vault.path('small-pull-requests.md'), 'utf8')).toMatch(/requires:\n(?:.*\n)*?\s+- slug: continuous-integration/);
  });

  it('refuses a link that does not exist, with the reason, and writes nothing', () => {
    const before = snapshot();
    const run = runCli(['promote', '.', 'retrospective', 'no-such-pattern', '--write'], vault.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused: there is no inferred link to 'no-such-pattern'/);
    expect(changedFiles(before)).toEqual([]);
  });
});

describe('trellis rename, migrate and fix', () => {
  it('renames a pattern and every reference to it', () => {
    const run = runCli(['rename', '.', 'dark-launch', 'dark-release', '--write', '--quiet'], vault.dir);
    expect(run.code).toBe(0);
    expect(existsSync(vault.path('dark-launch.md'))).toBe(false);
    expect(readFileSync(vault.path('dark-release.md'), 'utf8')).toContain('slug: dark-release');
    // References live in the front-matter; prose that uses "dark-launch" as a verb is left alone.
    const frontMatter = (t: string) => t.slice(0, t.indexOf('\n---', 4));
    for (const n of readdirSync(vault.dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
      expect(frontMatter(readFileSync(vault.path(n), 'utf8'))).not.toMatch(/\bdark-launch\b/);
    }
    expect(rules(runCli(['validate', '.'], vault.dir)).filter((r) => r === 'relationship-target-missing')).toHaveLength(1);
  });

  it('migrates the legacy files to v7.1, keeping their bodies', () => {
    const body = (t: string) => t.slice(t.indexOf('\n---', 4));
    const before = readFileSync(vault.path('tech-debt-budget.md'), 'utf8');
    const run = runCli(['migrate', '.', '--write', '--quiet'], vault.dir);
    expect(run.code).toBe(0);
    const after = readFileSync(vault.path('tech-debt-budget.md'), 'utf8');
    expect(body(after)).toBe(body(before));
    expect(after).toMatch(/relationships:\n(?:.*\n)*?\s+- slug: retrospective/);
    expect(rules(runCli(['validate', '.'], vault.dir))).not.toContain('legacy-format');
  });

  it('applies the mechanical fix of one rule', () => {
    const run = runCli(['fix', '.', '--rule', 'overall-score', '--write'], vault.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-    overall_score: 4.3\n+    overall_score: 3.4');
    expect(readFileSync(vault.path('focus-time-blocks.md'), 'utf8')).toContain('    overall_score: 3.4');
    expect(rules(runCli(['validate', '.'], vault.dir))).not.toContain('overall-score');
  });

  it('adds every missing inverse with fix', () => {
    const run = runCli(['fix', '.', '--rule', 'relationship-missing-inverse', '--write', '--quiet'], vault.dir);
    expect(run.code).toBe(0);
    expect(rules(runCli(['validate', '.'], vault.dir))).not.toContain('relationship-missing-inverse');
  });
});

describe('rejections remembered', () => {
  it('records every pruned link, flags one that comes back, and prunes it again', () => {
    const original = readFileSync(vault.path('pairing-sessions.md'), 'utf8');
    expect(runCli(['prune', '.', '--rule', 'already-curated', '--write', '--quiet'], vault.dir, TODAY).code).toBe(0);
    const record = readFileSync(vault.path('.trellis/pruned.yaml'), 'utf8');
    expect(record).toContain('- {source: pairing-sessions, target: mob-programming, type: alternatives, date: 2026-11-24, rule: already-curated}\n');
    expect(record).toContain('- {source: feature-flags, target: dark-launch, type: enables, date: 2026-11-24, rule: already-curated}\n');

    // A later machine run writes the same suggestion again.
    writeFileSync(vault.path('pairing-sessions.md'), original);
    const flagged = runCli(['validate', '.'], vault.dir);
    expect(flagged.stdout).toMatch(/pairing-sessions\.md:99:7: warning inferred-previously-pruned inferred link alternatives → 'mob-programming' was rejected before/);

    const again = runCli(['prune', '.', '--rule', 'previously-pruned', '--write', '--quiet'], vault.dir, TODAY);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('previously-pruned: 1');
    expect(readFileSync(vault.path('pairing-sessions.md'), 'utf8')).not.toContain('target: mob-programming');
    // Already on record: not written twice.
    expect(readFileSync(vault.path('.trellis/pruned.yaml'), 'utf8')).toBe(record);
    expect(runCli(['validate', '.'], vault.dir).stdout).not.toContain('inferred-previously-pruned');
  });
});
