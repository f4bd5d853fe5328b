/**
 * analyzeFile on inputs that are not well-behaved pattern files: broken or
 * hostile YAML, odd encodings and line endings, huge files, legacy files.
 * Whatever the bytes, it must return findings with true positions, quickly,
 * and never throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCHEMA } from '../schema/schema';
import { analyzeFile } from './analyze-file';
import type { Diagnostic } from './diagnostic';
import { RULES_BY_ID } from './rules';
import { analyzeText, buildVault, inferredLink, legacyPatternText, locate, patternText as P } from '../../test/builders/pattern-builder';

const PATH = 'transparent-ledger.md';
const analyze = (text: string) => analyzeText(PATH, text).diagnostics;
const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.span.line}:${d.span.column} ${d.severity} ${d.rule} ${d.message}`);
const spans = (ds: Diagnostic[]) => ds.map((d) => ({ rule: d.rule, message: d.message, line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn }));

/** Several independent defects in one file, each on a known line. */
const MANY_DEFECTS = P({
  relationships: { complementary: ['- ledger-audit'] },
  inferred: [inferredLink('open-books', 'enabler')],
  set: { 'lifecycle.status': 'experimental', 'ontology.commons_assessment.overall_score': '4.5' },
  coreConflict: 'Secrecy vs. Trust',
});

describe('broken YAML', () => {
  it('reports a tab in the indentation on its line', () => {
    const text = P().replace('  status: draft', '\tstatus: draft');
    expect(brief(analyze(text))).toEqual([`${locate(text, '\tstatus').line}:1 error yaml-syntax YAML syntax error: tab characters must not be used in indentation`]);
  });

  it('reports a key indented one space too little where it is', () => {
    const text = P().replace('  status: draft', ' status: draft');
    const at = locate(text, ' status: draft', 'status');
    expect(brief(analyze(text))).toEqual([`${at.line}:${at.column} error yaml-syntax YAML syntax error: bad indentation of a mapping entry`]);
  });

  it('reports every duplicate key, nested ones included, at the second occurrence', () => {
    const text = P()
      .replace('  status: draft\n', '  status: draft\n  status: stable\n')
      .replace('license: CC-BY-SA-4.0\n', 'license: CC-BY-SA-4.0\nlicense: MIT\n');
    const status = locate(text, 'status: stable');
    const license = locate(text, 'license: MIT');
    expect(brief(analyze(text))).toEqual([
      `${status.line}:3 error yaml-duplicate-key key 'status' is already defined on line ${status.line - 1}`,
      `${license.line}:1 error yaml-duplicate-key key 'license' is already defined on line ${license.line - 1}`,
    ]);
  });

  it.each([
    ['a list', '---\n- id\n- slug\n---\n'],
    ['a plain scalar', '---\njust some words\n---\n'],
    ['empty', '---\n---\n'],
  ])('says front-matter that is %s is not a mapping, on its first line', (_name, text) => {
    expect(brief(analyze(text))).toEqual(['2:1 error front-matter-not-mapping the front-matter should be a mapping of fields']);
  });
});

describe('hostile input', () => {
  it('stops at 64 levels of 20,000 nested [ without a stack overflow', () => {
    const text = P().replace('aliases: []', `aliases: ${'['.repeat(20_000)}`);
    const [d, ...rest] = analyze(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: 'yaml-syntax', severity: 'error', message: 'YAML syntax error: nesting exceeded maxDepth (64)' });
    expect(d?.span.line).toBe(locate(text, 'aliases: [').line);
  });

  it.each([
    ['{', '{'.repeat(20_000)],
    ['- (block sequences)', '- '.repeat(20_000)],
  ])('stops deep nesting of %s as a syntax error', (_name, nest) => {
    expect(analyze(`---\n${nest}x\n---\n`).map((d) => [d.rule, d.span.line])).toEqual([['yaml-syntax', 2]]);
  });

  it('refuses an alias bomb (a billion-laughs ladder of nine-alias lists) with one finding', { timeout: 5000 }, () => {
    let bomb = 'lol0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) bomb += `lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const text = P().replace('license: CC-BY-SA-4.0\n', `license: CC-BY-SA-4.0\n${bomb}`);
    expect(brief(analyze(text))).toEqual(['1:1 error yaml-alias-limit the front-matter uses 72 aliases (at most 50 are allowed)']);
  });

  it('counts 100,000 aliases of one anchor without expanding them', { timeout: 5000 }, () => {
    const text = P().replace('license: CC-BY-SA-4.0\n', `license: CC-BY-SA-4.0\nx: &x 1\ny: [${Array(100_000).fill('*x').join(',')}]\n`);
    expect(brief(analyze(text))).toEqual(['1:1 error yaml-alias-limit the front-matter uses 100000 aliases (at most 50 are allowed)']);
  });

  it('does not parse a file over the size limit, however nasty its text', { timeout: 2000 }, () => {
    const text = `---\na: ${'['.repeat(3_000_000)}\n---\n`;
    const result = analyzeFile({ path: PATH, text, byteLength: text.length }, DEFAULT_SCHEMA);
    expect(brief(result.diagnostics)).toEqual(['1:1 error file-too-large the file is 3000012 bytes, more than the limit of 2097152']);
    expect(result.facts.parsed).toBe(false);
  });

  it('never throws, and every finding lies inside the file, whatever the text', () => {
    const pieces = ['---\n', '\n', '\r\n', ' ', '  ', '\t', '-', '- ', ':', ': ', '[', ']', '{', '}', ',', '&a ', '*a', '"', "'", '#', '? ', '|', '>-', 'id', 'slug', 'x', '\uFEFF', '\u0000', '### Section 2: Problem\n', 'The core conflict is'];
    const source = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => `---\n${a.join('')}`),
      fc.tuple(fc.nat(), fc.array(fc.constantFrom(...pieces), { maxLength: 8 })).map(([at, a]) => {
        const base = P();
        const i = at % base.length;
        return base.slice(0, i) + a.join('') + base.slice(i);
      }),
    );
    fc.assert(
      fc.property(source, (text) => {
        const lines = text.split('\n').length;
        for (const d of analyze(text)) {
          expect(RULES_BY_ID.has(d.rule)).toBe(true);
          expect(d.span.line).toBeGreaterThanOrEqual(1);
          expect(d.span.endLine).toBeLessThanOrEqual(lines);
          expect(d.span.column).toBeGreaterThanOrEqual(1);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('line endings and byte order marks', () => {
  it('finds the defects of a file in the places a person sees them', () => {
    const found = analyze(MANY_DEFECTS);
    const where = (near: string, at?: string) => {
      const p = locate(MANY_DEFECTS, near, at);
      return `${p.line}:${p.column}`;
    };
    expect(found.map((d) => `${d.span.line}:${d.span.column} ${d.rule}`).sort()).toEqual(
      [
        `${where('overall_score: 4.5', '4.5')} overall-score`,
        `${where('status: experimental', 'experimental')} enum-value`,
        `${where('- ledger-audit', 'ledger')} relationship-entry-shape`,
        `${where('type: enabler', 'enabler')} inferred-unknown-type`,
        `${where('The core conflict is Secrecy')} body-core-conflict`,
      ].sort(),
    );
    // Spans cover exactly the offending text, for editor squiggles.
    const covered = Object.fromEntries(found.map((d) => [d.rule, MANY_DEFECTS.slice(d.span.start, d.span.end)]));
    expect(covered).toMatchObject({ 'overall-score': '4.5', 'enum-value': 'experimental', 'relationship-entry-shape': 'ledger-audit', 'inferred-unknown-type': 'enabler' });
  });

  it('gives a CRLF file the same findings at the same lines and columns', () => {
    const lf = analyze(MANY_DEFECTS);
    expect(lf.length).toBe(5);
    expect(spans(analyze(MANY_DEFECTS.replace(/\n/g, '\r\n')))).toEqual(spans(lf));
  });

  it('keeps LF and CRLF findings identical, however a pattern is edited', () => {
    const pieces = ['\n', ' ', '  ', '- ', ': ', '[', ']', '{', '}', ',', '"', "'", '# note\n', '|', '>-', 'x', '  - slug: b\n', '    weight: 2\n', '\t', '? '];
    const base = P({ relationships: { enables: [{ slug: 'b', weight: 0.8 }] }, inferred: [inferredLink('c', 'enabler')], set: { summary: '|\nline one\n\nline two' } });
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (at, inserted) => {
        const i = at % base.length;
        const text = base.slice(0, i) + inserted.join('') + base.slice(i);
        expect(spans(analyze(text.replace(/\n/g, '\r\n')))).toEqual(spans(analyze(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing in a valid CRLF file', () => {
    expect(brief(analyze(P().replace(/\n/g, '\r\n')))).toEqual([]);
  });

  it('reports a YAML error in a CRLF file on the right line', () => {
    const text = P().replace('  status: draft', '\tstatus: draft');
    expect(brief(analyze(text.replace(/\n/g, '\r\n')))).toEqual(brief(analyze(text)));
  });

  it('reads a file that starts with a BOM like any other', () => {
    expect(brief(analyze(`\uFEFF${P()}`))).toEqual([]);
    expect(spans(analyze(`\uFEFF${MANY_DEFECTS}`))).toEqual(spans(analyze(MANY_DEFECTS)));
  });

  it('reports an unclosed front-matter after a BOM on line 1', () => {
    expect(analyze('\uFEFF---\nid: pat_01h8x4e1gq7r9d1z2x3c4v5b6n\n').map((d) => [d.rule, d.span.line])).toEqual([['front-matter-unclosed', 1]]);
  });
});

describe('legacy files', () => {
  const legacy = legacyPatternText({ requires: ['pat_01m365d8pxfzp86jc55ts1j0f9', 'pat_nowhere'] });

  it('get exactly one legacy-format finding, on the id', () => {
    const at = locate(legacy, 'id: pat_', 'pat_');
    expect(brief(analyze(legacy))).toEqual([
      `${at.line}:${at.column} warning legacy-format this file uses the legacy layout (classification block, TypeID lists); migrate it to v7.1`,
    ]);
  });

  it('get no flood even when half-migrated, with v7.1 blocks full of defects', () => {
    const messy = legacy.replace(
      'related: []\n',
      'related: [12]\nrelationships:\n  enabler:\n    - ghost\ngraph_garden:\n  last_pruned: yesterday\n  inferred_links:\n    - target: transparent-ledger\n      confidence: 7\nlifecycle:\n  status: experimental\n',
    );
    expect(analyze(messy).map((d) => d.rule)).toEqual(['legacy-format']);
  });

  it('still get their identity checked', () => {
    expect(analyzeText('old-ledger.md', legacy).diagnostics.map((d) => d.rule).sort()).toEqual(['legacy-format', 'slug-mismatch']);
  });

  it('do not send their TypeID lists through the vault link rules', () => {
    const vault = buildVault({ 'transparent-ledger.md': legacy, 'b.md': P({ slug: 'b', relationships: { requires: [{ slug: 'transparent-ledger', weight: 0.8 }] } }) });
    expect(vault.allDiagnostics().map((d) => `${d.path} ${d.rule}`)).toEqual(['transparent-ledger.md legacy-format']);
  });
});
