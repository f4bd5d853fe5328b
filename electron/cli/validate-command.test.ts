/**
 * `trellis validate` as a user runs it: the bundled CLI in a child process,
 * on the sample vault whose deliberate problems vault/README.md lists, and on
 * temporary vaults. Asserts what a user sees: lines, JSON, exit codes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternText } from '../../test/builders/pattern-builder';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(REPO, 'dist/node/trellis.mjs');
const VAULT = join(REPO, 'vault');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; paths in its output are relative to `cwd`, as in a terminal. */
function trellis(args: string[], cwd = REPO): Run {
  const env = { ...process.env };
  delete env.INIT_CWD; // set when tests run under npm; a terminal user has none
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const findingLines = (stdout: string) => stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
/** `path:line:col: severity rule`, without the message. */
const heads = (lines: string[]) => lines.map((l) => l.split(' ').slice(0, 3).join(' ')).sort();

/**
 * The deliberate problems of vault/README.md ("Deliberate problems" table),
 * each with the text the finding's line holds; the column is where `at`
 * starts on that line.
 */
const DELIBERATE = [
  { n: '1', file: 'incident-commander-rotation.md', line: 71, holds: '- slug: chaos-engineering-gameday', at: 'chaos', severity: 'error', rule: 'relationship-target-missing' },
  { n: '2a', file: 'pairing-sessions.md', line: 99, holds: '- target: mob-programming', at: 'target', severity: 'warning', rule: 'inferred-already-curated' },
  { n: '2b', file: 'feature-flags.md', line: 92, holds: '- target: dark-launch', at: 'target', severity: 'warning', rule: 'inferred-already-curated' },
  { n: '3a', file: 'continuous-integration.md', line: 98, holds: 'type: enabler', at: 'enabler', severity: 'warning', rule: 'inferred-unknown-type' },
  { n: '3b', file: 'retrospective.md', line: 100, holds: 'type: complements', at: 'complements', severity: 'warning', rule: 'inferred-unknown-type' },
  { n: '4a', file: 'runbook-as-code.md', line: 64, holds: '- slug: on-call-handoff', at: 'on-call', severity: 'info', rule: 'relationship-missing-inverse' },
  { n: '4b', file: 'retrospective.md', line: 66, holds: '- slug: working-agreement', at: 'working', severity: 'info', rule: 'relationship-missing-inverse' },
  { n: '5', file: 'on-call-handoff.md', line: 103, holds: '- target: pager-fatigue-survey', at: 'pager', severity: 'warning', rule: 'inferred-target-missing' },
  { n: '6', file: 'focus-time-blocks.md', line: 45, holds: 'overall_score: 4.3', at: '4.3', severity: 'warning', rule: 'overall-score' },
  { n: '7', file: 'async-standup.md', line: 53, holds: 'status: experimental', at: 'experimental', severity: 'warning', rule: 'enum-value' },
  // README: "whole file"; the finding sits on the id, the file's first field.
  { n: '8', file: 'tech-debt-budget.md', line: 2, holds: 'id: pat_', at: 'pat_', severity: 'warning', rule: 'legacy-format' },
  { n: '8', file: 'documentation-sprint.md', line: 2, holds: 'id: pat_', at: 'pat_', severity: 'warning', rule: 'legacy-format' },
] as const;

const lineOf = (file: string, line: number) => readFileSync(join(VAULT, file), 'utf8').split('\n')[line - 1] ?? '';
const expectedHead = (p: (typeof DELIBERATE)[number], prefix = 'vault/') => `${prefix}${p.file}:${p.line}:${lineOf(p.file, p.line).indexOf(p.at) + 1}: ${p.severity} ${p.rule}`;
const EXPECTED = DELIBERATE.map((p) => expectedHead(p)).sort();

let tmp: string;

beforeAll(() => {
  // The CLI bundle is built once for all tests by test/global-setup.ts.
  tmp = mkdtempSync(join(tmpdir(), 'trellis-cli-'));
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function copyOfVault(name: string): string {
  const dir = join(tmp, name);
  cpSync(VAULT, dir, { recursive: true });
  return dir;
}

describe('the sample vault', () => {
  it('is described truthfully: each deliberate problem is where README.md says, on the line we expect', () => {
    const readme = readFileSync(join(VAULT, 'README.md'), 'utf8');
    for (const p of DELIBERATE) {
      expect(lineOf(p.file, p.line), `${p.file}:${p.line}`).toContain(p.holds);
      const row = readme.split('\n').find((l) => l.startsWith(`| ${p.n} |`));
      expect(row, `README row ${p.n}`).toContain(`\`${p.file}\``);
      if (p.rule !== 'legacy-format') expect(row).toContain(String(p.line));
    }
  });

  it('gets exactly the deliberate problems, and exit code 1 for the one error', () => {
    const r = trellis(['validate', 'vault']);
    expect(r.stderr).toBe('');
    expect(heads(findingLines(r.stdout))).toEqual(EXPECTED);
    expect(r.stdout).toMatch(/^28 files checked in \d+\.\d\d s: 1 error, 9 warnings, 2 infos$/m);
    expect(r.status).toBe(1);
  });

  it('prints messages a curator understands', () => {
    const lines = findingLines(trellis(['validate', 'vault']).stdout);
    expect(lines).toContain(
      "vault/incident-commander-rotation.md:71:13: error relationship-target-missing complementary → 'chaos-engineering-gameday': no pattern with that slug exists in the vault",
    );
    expect(lines).toContain("vault/focus-time-blocks.md:45:20: warning overall-score overall_score 4.3 is not the mean of the 8 assessment scores (3.4)");
    expect(lines).toContain("vault/runbook-as-code.md:64:13: info relationship-missing-inverse 'on-call-handoff' does not list 'runbook-as-code' under requires");
  });

  it('exits 0 once the missing target is fixed, and the other findings stay', () => {
    const dir = copyOfVault('fixed');
    const file = join(dir, 'incident-commander-rotation.md');
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(70, 72)).toEqual(['    - slug: chaos-engineering-gameday', '      weight: 0.6']);
    lines.splice(70, 2);
    writeFileSync(file, lines.join('\n'));
    const r = trellis(['validate', '.'], dir);
    expect(heads(findingLines(r.stdout))).toEqual(DELIBERATE.filter((p) => p.n !== '1').map((p) => expectedHead(p, '')).sort());
    expect(r.status).toBe(0);
  });

  it('honours the vault schema: a vocabulary extension and a rule switched off', () => {
    const dir = copyOfVault('schema');
    mkdirSync(join(dir, '.trellis'));
    writeFileSync(join(dir, '.trellis/schema.yaml'), 'fields:\n  lifecycle.status:\n    enum+: [experimental]\nrules:\n  relationship-missing-inverse: off\n  overall-score: error\n');
    const r = trellis(['validate', '.'], dir);
    const kept = DELIBERATE.filter((p) => !['7', '4a', '4b', '6'].includes(p.n)).map((p) => expectedHead(p, ''));
    expect(heads(findingLines(r.stdout))).toEqual([...kept, 'focus-time-blocks.md:45:20: error overall-score'].sort());
    expect(r.status).toBe(1);
  });
});

describe('output formats and filters', () => {
  it('--format json carries the same findings, counts and fixes', () => {
    const r = trellis(['validate', 'vault', '--format', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      files: number;
      summary: Record<string, number>;
      diagnostics: Array<{ path: string; line: number; column: number; severity: string; rule: string; message: string; fix?: { edit: { kind: string } } }>;
    };
    expect(out.files).toBe(28);
    expect(out.summary).toEqual({ error: 1, warning: 9, info: 2 });
    expect(out.diagnostics.map((d) => `${d.path}:${d.line}:${d.column}: ${d.severity} ${d.rule}`).sort()).toEqual(EXPECTED);
    const unknownType = out.diagnostics.find((d) => d.rule === 'inferred-unknown-type' && d.path.endsWith('continuous-integration.md'));
    expect(unknownType?.fix?.edit).toEqual({ kind: 'retype-inferred-link', index: 0, to: 'enables' });
  });

  it('--rule keeps only the named rules (repeatable); no error left means exit 0', () => {
    const r = trellis(['validate', 'vault', '--rule', 'inferred-already-curated']);
    expect(heads(findingLines(r.stdout))).toEqual(EXPECTED.filter((l) => l.endsWith(' inferred-already-curated')));
    expect(r.stdout).toMatch(/: 0 errors, 2 warnings, 0 infos$/m);
    expect(r.status).toBe(0);
    const two = trellis(['validate', 'vault', '--rule', 'legacy-format', '--rule', 'relationship-target-missing']);
    expect(heads(findingLines(two.stdout))).toEqual(EXPECTED.filter((l) => / (legacy-format|relationship-target-missing)$/.test(l)));
    expect(two.status).toBe(1);
  });

  it('--severity keeps findings at least that severe', () => {
    const errors = trellis(['validate', 'vault', '--severity', 'error']);
    expect(heads(findingLines(errors.stdout))).toEqual(['vault/incident-commander-rotation.md:71:13: error relationship-target-missing']);
    expect(errors.status).toBe(1);
    const warnings = trellis(['validate', 'vault', '--severity', 'warning']);
    expect(heads(findingLines(warnings.stdout))).toEqual(EXPECTED.filter((l) => !/: info /.test(l)));
  });

  it('--quiet prints the summary only', () => {
    const r = trellis(['validate', 'vault', '--quiet']);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^28 files checked in .*: 1 error, 9 warnings, 2 infos$/)]);
    expect(r.status).toBe(1);
  });

  it('--stats prints the figures of the graph, which agree with the files', () => {
    const texts = readVaultTexts();
    const curated = texts.reduce((n, t) => n + (t.match(/^ {4}- slug: /gm) ?? []).length, 0);
    const inferred = texts.reduce((n, t) => n + (t.match(/^ {4}- target: /gm) ?? []).length, 0);
    const r = trellis(['validate', 'vault', '--stats', '--quiet']);
    expect(r.stdout).toContain('  files                  28 (26 v7.1, 2 legacy; 0 not parsed)');
    expect(r.stdout).toContain(`  curated relationships  ${curated}\n`);
    // README problems 2a and 2b are the two inferred links already curated.
    expect(r.stdout).toContain(`  inferred links         ${inferred} (2 already curated)`);
    // Problems 1 and 5: one curated and one inferred link to a pattern that does not exist.
    expect(r.stdout).toContain('  missing targets        1 curated, 1 inferred (2 distinct ghosts)');
    // "The curated graph is connected."
    expect(r.stdout).toContain('  orphans                0');
    expect([curated, inferred]).toEqual([74, 56]);
  });
});

/** Every pattern file of the sample vault sits at its top level. */
function readVaultTexts(): string[] {
  return readdirSync(VAULT)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => readFileSync(join(VAULT, f), 'utf8'));
}

describe('files that are not patterns', () => {
  it('reports binary, non-UTF-8 and oversized files, and skips what is not vault content', () => {
    const dir = join(tmp, 'odd');
    mkdirSync(join(dir, '.trellis'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
    mkdirSync(join(dir, '_templates'), { recursive: true });
    writeFileSync(join(dir, '.trellis/schema.yaml'), 'maxFileBytes: 20000\n');
    writeFileSync(join(dir, 'transparent-ledger.md'), patternText());
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'));
    writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: Café\n---\n', 'utf16le')]));
    writeFileSync(join(dir, 'big.md'), `${patternText({ slug: 'big' })}\n${'x'.repeat(30_000)}\n`);
    writeFileSync(join(dir, 'README.md'), '# Not a pattern\n');
    writeFileSync(join(dir, 'node_modules/pkg/readme.md'), '# Not a pattern\n');
    writeFileSync(join(dir, '_templates/pattern.md'), '---\nid: pat_{TYPEID}\n---\n');
    const r = trellis(['validate', '.'], dir);
    const size = readFileSync(join(dir, 'big.md')).length;
    expect(findingLines(r.stdout).sort()).toEqual([
      `big.md:1:1: error file-too-large the file is ${size} bytes, more than the limit of 20000`,
      'binary.md:1:1: error file-not-text the file looks binary (it contains NUL bytes)',
      'latin1.md:1:1: error file-not-text the file is not valid UTF-8 text (save it as UTF-8)',
      'utf16.md:1:1: error file-not-text the file is UTF-16 text; Trellis reads UTF-8 (save it as UTF-8)',
    ]);
    expect(r.stdout).toMatch(/^5 files checked in .*: 4 errors, 0 warnings, 0 infos$/m);
    expect(r.status).toBe(1);
  });

  it('fails on a broken vault schema, naming the file, and falls back to the defaults', () => {
    const dir = join(tmp, 'bad-schema');
    mkdirSync(join(dir, '.trellis'), { recursive: true });
    writeFileSync(join(dir, '.trellis/schema.yaml'), 'rules:\n  enum-value: loud\n');
    writeFileSync(join(dir, 'transparent-ledger.md'), patternText());
    const r = trellis(['validate', '.'], dir);
    expect(r.stderr.trim()).toBe(".trellis/schema.yaml:1:1: error schema-config rules.enum-value: 'loud' is not one of error, warning, info, off");
    expect(findingLines(r.stdout)).toEqual([]);
    expect(r.status).toBe(1);
  });
});

describe('usage errors exit 2 with a clear message and nothing on stdout', () => {
  it.each([
    ['an unknown rule', ['validate', 'vault', '--rule', 'no-such-rule'], "trellis validate: unknown rule 'no-such-rule' (see 'trellis rules')"],
    ['a missing folder', ['validate'], 'trellis validate: missing <folder>'],
    ['a folder that does not exist', ['validate', 'no/such/folder'], 'trellis validate: no such folder: no/such/folder'],
    ['a file instead of a folder', ['validate', 'vault/README.md'], 'trellis validate: not a folder: vault/README.md'],
    ['a bad --format', ['validate', 'vault', '--format', 'xml'], "trellis validate: --format must be text or json, not 'xml'"],
    ['a bad --severity', ['validate', 'vault', '--severity', 'fatal'], "trellis validate: --severity must be error, warning or info, not 'fatal'"],
    ['an unknown option', ['validate', 'vault', '--colour'], "trellis validate: Unknown option '--colour'"],
    ['an unknown command', ['valdiate', 'vault'], "trellis: unknown command 'valdiate'"],
  ])('%s', (_what, args, message) => {
    const r = trellis(args);
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(r.stderr).toContain('Usage: trellis');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});
