/**
 * Every rule of the registry, each with a vault where it fires (rule,
 * severity, 1-based line and column, message, fix) and the same vault with
 * the defect mended, which must be clean. The registry test at the end fails
 * when a rule is added without a case here.
 */
import { describe, expect, it } from 'vitest';
import { loadVaultSchema, type PatternSchema, type Severity } from '../schema/schema';
import type { Diagnostic, FixEdit } from './diagnostic';
import { RULES } from './rules';
import { parsePrunedFile } from '../vault/pruned-links';
import {
  bodyText,
  buildVault,
  frontMatter,
  inferredLink,
  legacyPatternText,
  locate,
  patternText as P,
  utf8Length,
  type CuratedSpec,
  type VaultFiles,
} from '../../test/builders/pattern-builder';

interface RuleCase {
  rule: string;
  name: string;
  severity: Severity;
  /** The vault with the defect; the finding is expected in `file`. */
  bad: VaultFiles;
  /** The same vault mended: no findings at all. */
  good: VaultFiles;
  file: string;
  /** `[near, at]` located in the bad file's text (see `locate`), or an explicit position. */
  at: [string, string?] | { line: number; column: number };
  message: string;
  /** How many findings of the rule the bad vault has in all (default 1). */
  count?: number;
  fix?: FixEdit;
  schema?: PatternSchema;
  /** The vault's `.trellis/pruned.yaml`, for the rule that remembers rejections. */
  pruned?: string;
}

function vaultOf(files: VaultFiles, c: RuleCase) {
  const vault = buildVault(files, c.schema);
  if (c.pruned !== undefined) vault.setPruned(parsePrunedFile(c.pruned).keys);
  return vault;
}

const rel = (slug: string, weight = 0.8): CuratedSpec => ({ slug, weight });
const HEAD = { line: 1, column: 1 };
const LIMIT = 2_097_152;
const SECTIONS = ['Context', 'Problem', 'Solution', 'Implementation', 'Consequences', 'Known Uses', 'Cognitive Era', 'Vitality'];
const numbered = (names: string[]) => names.map((n, i) => `Section ${i + 1}: ${n}`);
const TENSION = 'Information Asymmetry vs. Collective Trust';

/** A clean file that is exactly as large as the vault allows. */
function fileAtLimit(): string {
  const text = P({ slug: 'a' });
  return `${text}\n${'x'.repeat(LIMIT - utf8Length(text) - 2)}\n`;
}

/** A pattern whose body uses `***` rules, so the only `---` lines are fences. */
function withoutRules(closed: boolean): string {
  const body = bodyText({ coreConflict: TENSION }).replace(/^---$/gm, '***');
  return `---\n${frontMatter({ slug: 'a' })}${closed ? '---\n' : ''}\n${body}`;
}

const aliases = (n: number) => P({ slug: 'a', set: { 'ontology.domain': '&d finance', 'ontology.cross_domains': `[${Array(n).fill('*d').join(', ')}]` } });
const dateSchema = loadVaultSchema('fields:\n  reviewed:\n    type: date\n').schema;

const CASES: RuleCase[] = [
  // ── file ──────────────────────────────────────────────────────────────
  {
    rule: 'file-unreadable', name: 'permission denied', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': { byteLength: 0, readError: 'EACCES: permission denied' } },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'the file could not be read: EACCES: permission denied',
  },
  {
    rule: 'file-not-text', name: 'binary', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': { byteLength: 4096, notText: 'binary' } },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'the file looks binary (it contains NUL bytes)',
  },
  {
    rule: 'file-not-text', name: 'not UTF-8', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': { byteLength: 4096, notText: 'encoding' } },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'the file is not valid UTF-8 text (save it as UTF-8)',
  },
  {
    rule: 'file-too-large', name: 'one byte over the limit', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': { byteLength: LIMIT + 1 } },
    good: { 'a.md': fileAtLimit() },
    message: 'the file is 2097153 bytes, more than the limit of 2097152',
  },
  {
    rule: 'front-matter-missing', name: 'no opening fence', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': P({ slug: 'a' }).slice('---\n'.length) },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'the file does not start with a --- front-matter fence',
  },
  {
    rule: 'front-matter-missing', name: 'blank line before the fence', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': `\n${P({ slug: 'a' })}` },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'the file does not start with a --- front-matter fence',
  },
  {
    rule: 'front-matter-unclosed', name: 'no closing fence', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': withoutRules(false) },
    good: { 'a.md': withoutRules(true) },
    message: 'the front-matter is opened with --- but never closed',
  },
  {
    rule: 'yaml-syntax', name: 'block key inside a flow mapping (as in the corpus)', severity: 'error', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', set: { context_labels: '{corporate: "Open Book Management", government: "Public Account Auditing"\nactivist:\n  - "Radical Transparency"}' } }) },
    good: { 'a.md': P({ slug: 'a', set: { context_labels: '{corporate: "Open Book Management", government: "Public Account Auditing", activist: "Radical Transparency"}' } }) },
    at: ['  activist:', 'activist'],
    message: 'YAML syntax error: missed comma between flow collection entries',
  },
  {
    rule: 'yaml-duplicate-key', name: 'title twice', severity: 'error', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a' }).replace('title: "A"\n', 'title: "A"\ntitle: "Another"\n') },
    good: { 'a.md': P({ slug: 'a' }) },
    at: ['title: "Another"', 'title'],
    message: "key 'title' is already defined on line 7",
  },
  {
    rule: 'yaml-alias-limit', name: '51 aliases (50 allowed)', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': aliases(51) },
    good: { 'a.md': aliases(50) },
    message: 'the front-matter uses 51 aliases (at most 50 are allowed)',
  },
  {
    rule: 'front-matter-not-mapping', name: 'a list', severity: 'error', file: 'a.md', at: { line: 2, column: 1 },
    bad: { 'a.md': `---\n- id\n- slug\n---\n\n${bodyText({ coreConflict: TENSION })}` },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'the front-matter should be a mapping of fields',
  },
  // ── identity ──────────────────────────────────────────────────────────
  {
    rule: 'required-field', name: 'empty title', severity: 'error', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', title: '' }) },
    good: { 'a.md': P({ slug: 'a', title: 'A' }) },
    at: ['title: ""', '""'],
    message: 'required field title is empty',
  },
  {
    rule: 'required-field', name: 'summary missing', severity: 'error', file: 'a.md', at: HEAD,
    bad: { 'a.md': P({ slug: 'a', set: { summary: null } }) },
    good: { 'a.md': P({ slug: 'a' }) },
    message: 'required field summary is missing',
  },
  {
    rule: 'id-format', name: 'placeholder id', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', id: 'pat_placeholder' }) },
    good: { 'a.md': P({ slug: 'a', id: 'pat_01h8x4e1gq7r9d1z2x3c4v5b6n' }) },
    at: ['id: pat_placeholder', 'pat_'],
    message: "id 'pat_placeholder' is not a TypeID (pat_ followed by 26 lowercase base32 characters)",
  },
  {
    rule: 'slug-format', name: 'capitals and underscore', severity: 'warning', file: 'Open_Ledger.md',
    bad: { 'Open_Ledger.md': P({ slug: 'Open_Ledger' }) },
    good: { 'open-ledger.md': P({ slug: 'open-ledger' }) },
    at: ['slug: Open_Ledger', 'Open'],
    message: "slug 'Open_Ledger' should be lowercase words joined by hyphens",
  },
  {
    rule: 'slug-mismatch', name: 'renamed file', severity: 'error', file: 'open-ledger.md',
    bad: { 'open-ledger.md': P({ slug: 'transparent-ledger' }) },
    good: { 'transparent-ledger.md': P({ slug: 'transparent-ledger' }) },
    at: ['slug: transparent-ledger', 'transparent'],
    message: "slug 'transparent-ledger' differs from the file name 'open-ledger'",
    fix: { kind: 'set-field', path: ['slug'], value: 'open-ledger' },
  },
  {
    rule: 'duplicate-id', name: 'copied id', severity: 'error', file: 'a.md', count: 2,
    bad: { 'a.md': P({ slug: 'a', id: 'pat_01h8x4e1gq7r9d1z2x3c4v5b6n' }), 'b.md': P({ slug: 'b', id: 'pat_01h8x4e1gq7r9d1z2x3c4v5b6n' }) },
    good: { 'a.md': P({ slug: 'a', id: 'pat_01h8x4e1gq7r9d1z2x3c4v5b6n' }), 'b.md': P({ slug: 'b', id: 'pat_01h8x4e1gq7r9d1z2x3c4v5b6p' }) },
    at: ['id: pat_01h8x4e1gq7r9d1z2x3c4v5b6n', 'pat_'],
    message: "id 'pat_01h8x4e1gq7r9d1z2x3c4v5b6n' is also used by b.md",
  },
  {
    rule: 'duplicate-slug', name: 'same file name in two folders', severity: 'error', file: 'finance/ledger.md', count: 2,
    bad: { 'finance/ledger.md': P({ slug: 'ledger', title: 'Finance Ledger' }), 'civic/ledger.md': P({ slug: 'ledger', id: 'pat_01h8x4e1gq7r9d1z2x3c4v5b6n', title: 'Civic Ledger' }) },
    good: { 'finance/ledger.md': P({ slug: 'ledger', title: 'Finance Ledger' }), 'civic/civic-ledger.md': P({ slug: 'civic-ledger', title: 'Civic Ledger' }) },
    at: ['slug: ledger', 'ledger'],
    message: "slug 'ledger' is also used by civic/ledger.md",
  },
  {
    rule: 'duplicate-title', name: 'same title up to case and spacing', severity: 'warning', file: 'a.md', count: 2,
    bad: { 'a.md': P({ slug: 'a', title: 'Open Ledger' }), 'b.md': P({ slug: 'b', title: 'open  ledger' }) },
    good: { 'a.md': P({ slug: 'a', title: 'Open Ledger' }), 'b.md': P({ slug: 'b', title: 'Open Ledger Audit' }) },
    at: ['title: "Open Ledger"', '"Open'],
    message: "title 'Open Ledger' is also used by b.md",
  },
  // ── values ────────────────────────────────────────────────────────────
  {
    rule: 'value-type', name: 'aliases as text', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', set: { aliases: '"Open Book"' } }) },
    good: { 'a.md': P({ slug: 'a', set: { aliases: '["Open Book"]' } }) },
    at: ['aliases: "Open Book"', '"Open'],
    message: "aliases should be a list, not the text 'Open Book'",
  },
  {
    rule: 'enum-value', name: 'status experimental', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', set: { 'lifecycle.status': 'experimental' } }) },
    good: { 'a.md': P({ slug: 'a', set: { 'lifecycle.status': 'stable' } }) },
    at: ['status: experimental', 'experimental'],
    message: "lifecycle.status 'experimental' is not one of: draft, revised, stable, deprecated (extend the vocabulary in .trellis/schema.yaml if it is intended)",
  },
  {
    rule: 'score-range', name: 'resilience 6 of 5', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', set: { 'ontology.commons_assessment.resilience': '6', 'ontology.commons_assessment.overall_score': '3.3' } }) },
    good: { 'a.md': P({ slug: 'a', set: { 'ontology.commons_assessment.resilience': '5', 'ontology.commons_assessment.overall_score': '3.3' } }) },
    at: ['resilience: 6', '6'],
    message: 'ontology.commons_assessment.resilience 6 is outside 1–5',
  },
  {
    rule: 'overall-score', name: '3.2 where the mean is 3 (tolerance 0.1)', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', set: { 'ontology.commons_assessment.overall_score': '3.2' } }) },
    good: { 'a.md': P({ slug: 'a', set: { 'ontology.commons_assessment.overall_score': '3.1' } }) },
    at: ['overall_score: 3.2', '3.2'],
    message: 'overall_score 3.2 is not the mean of the 8 assessment scores (3)',
    fix: { kind: 'set-field', path: ['ontology', 'commons_assessment', 'overall_score'], value: 3 },
  },
  {
    rule: 'weight-range', name: 'weight 1.5', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b', 1.5)] } }), 'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }) },
    good: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b', 1)] } }), 'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }) },
    at: ['- slug: b', 'slug'],
    message: "weight 1.5 of enables → 'b' is outside [0, 1]",
  },
  {
    // The default schema declares no date field; a vault that adds one gets the check.
    rule: 'date-invalid', name: '30 February in a field the vault declares as a date', severity: 'warning', file: 'a.md', schema: dateSchema,
    bad: { 'a.md': P({ slug: 'a', set: { reviewed: '2026-02-30' } }) },
    good: { 'a.md': P({ slug: 'a', set: { reviewed: '2026-02-28' } }) },
    at: ['reviewed: 2026-02-30', '2026'],
    message: "reviewed should be a valid date written YYYY-MM-DD, not '2026-02-30'",
  },
  // ── relationships ─────────────────────────────────────────────────────
  {
    rule: 'relationship-unknown-type', name: 'enabler', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { enabler: [rel('b')] } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }) },
    at: ['  enabler:', 'enabler'],
    message: "relationship type 'enabler' is not in the vocabulary (did you mean 'enables'?)",
  },
  {
    rule: 'relationship-unknown-type', name: 'analogous, no obvious intent', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { analogous: [rel('b')] } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', relationships: { alternatives: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { alternatives: [rel('a')] } }) },
    at: ['  analogous:', 'analogous'],
    message: "relationship type 'analogous' is not in the vocabulary (expected one of: generalizes_from, specializes_to, enables, requires, alternatives, complementary, tools)",
  },
  {
    rule: 'relationship-entry-shape', name: 'plain string', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { complementary: ['- b'] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    good: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    at: ['\n    - b\n', 'b'],
    message: "the complementary entry for 'b' is a plain string without a weight; write it as {slug, weight}",
  },
  {
    rule: 'relationship-entry-shape', name: '{id, weight, description}', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { complementary: ['- id: b\n  weight: 0.8\n  description: "Shared books."'] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    good: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    at: ['- id: b', 'id'],
    message: "the complementary entry for 'b' holds the slug under `id` instead of `slug`; write it as {slug, weight}",
  },
  {
    rule: 'relationship-entry-shape', name: 'no target at all', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { tools: ['- weight: 0.5'] } }) },
    good: { 'a.md': P({ slug: 'a', relationships: { tools: [] } }) },
    at: ['- weight: 0.5', 'weight'],
    message: 'an entry of relationships.tools has no target slug',
  },
  {
    rule: 'relationship-target-missing', name: 'slug that no file has', severity: 'error', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('ghost')] } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }) },
    at: ['- slug: ghost', 'ghost'],
    message: "enables → 'ghost': no pattern with that slug exists in the vault",
  },
  {
    rule: 'relationship-self-link', name: 'complementary to itself', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('a')] } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    at: ['- slug: a', 'a'],
    message: "complementary → 'a' points at this pattern itself",
    fix: { kind: 'remove-relationship', type: 'complementary', index: 0 },
  },
  {
    rule: 'relationship-multiple-types', name: 'enables and complementary', severity: 'warning', file: 'a.md', count: 2,
    bad: {
      'a.md': P({ slug: 'a', relationships: { enables: [rel('b')], complementary: [rel('b', 0.6)] } }),
      'b.md': P({ slug: 'b', relationships: { requires: [rel('a')], complementary: [rel('a', 0.6)] } }),
    },
    good: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { requires: [rel('a')] } }) },
    at: ['- slug: b\n      weight: 0.6', 'b'],
    message: "'b' is listed under complementary and also under enables",
  },
  {
    rule: 'relationship-duplicate', name: 'twice under complementary', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b'), rel('b', 0.6)] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    good: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    at: ['- slug: b\n      weight: 0.6', 'b'],
    message: "'b' is listed twice under complementary",
    fix: { kind: 'remove-relationship', type: 'complementary', index: 1 },
  },
  {
    rule: 'relationship-missing-inverse', name: 'enables without requires back', severity: 'info', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b', 0.7)] } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', relationships: { enables: [rel('b', 0.7)] } }), 'b.md': P({ slug: 'b', relationships: { requires: [rel('a', 0.7)] } }) },
    at: ['- slug: b', 'b'],
    message: "'b' does not list 'a' under requires",
    fix: { kind: 'add-inverse', inPath: 'b.md', type: 'requires', slug: 'a', weight: 0.7 },
  },
  {
    rule: 'relationship-missing-inverse', name: 'alternatives is symmetric', severity: 'info', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { alternatives: [rel('b')] } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', relationships: { alternatives: [rel('b')] } }), 'b.md': P({ slug: 'b', relationships: { alternatives: [rel('a')] } }) },
    at: ['- slug: b', 'b'],
    message: "'b' does not list 'a' under alternatives",
    fix: { kind: 'add-inverse', inPath: 'b.md', type: 'alternatives', slug: 'a', weight: 0.8 },
  },
  // ── graph garden ──────────────────────────────────────────────────────
  {
    rule: 'inferred-target-missing', name: 'slug that no file has', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [inferredLink('ghost', 'complementary')] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'complementary')] }), 'b.md': P({ slug: 'b' }) },
    at: ['target: ghost', 'ghost'],
    message: "inferred link to 'ghost': no pattern with that slug exists in the vault",
    fix: { kind: 'remove-inferred-link', index: 0 },
  },
  {
    rule: 'inferred-previously-pruned', name: 'rejected link suggested again', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'complementary')] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'enables')] }), 'b.md': P({ slug: 'b' }) },
    pruned: '- {source: a, target: b, type: complementary, date: 2026-11-01, rule: manual}\n',
    at: ['- target: b', 'target'],
    message: "inferred link complementary → 'b' was rejected before (see .trellis/pruned.yaml)",
    fix: { kind: 'remove-inferred-link', index: 0 },
  },
  {
    rule: 'inferred-unknown-type', name: 'enabler', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'enabler')] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'enables')] }), 'b.md': P({ slug: 'b' }) },
    at: ['type: enabler', 'enabler'],
    message: "inferred link type 'enabler' is not in the vocabulary (did you mean 'enables'?)",
    fix: { kind: 'retype-inferred-link', index: 0, to: 'enables' },
  },
  {
    rule: 'inferred-unknown-type', name: 'no type', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [{ target: 'b', confidence: 0.8, reason: 'Shared books.' }] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [{ target: 'b', type: 'complementary', confidence: 0.8, reason: 'Shared books.' }] }), 'b.md': P({ slug: 'b' }) },
    at: ['- target: b', 'target'],
    message: "inferred link to 'b' has no type",
  },
  {
    rule: 'inferred-confidence', name: 'confidence 1.5', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'complementary', 1.5)] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'complementary', 1)] }), 'b.md': P({ slug: 'b' }) },
    at: ['- target: b', 'target'],
    message: "confidence 1.5 of the inferred link to 'b' is outside [0, 1]",
  },
  {
    rule: 'inferred-confidence', name: 'strength instead of confidence', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [{ target: 'b', type: 'complementary', strength: 3, reason: 'Shared books.' }] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [{ target: 'b', type: 'complementary', confidence: 0.6, reason: 'Shared books.' }] }), 'b.md': P({ slug: 'b' }) },
    at: ['- target: b', 'target'],
    message: "inferred link to 'b' uses strength 3 (1–5) instead of a confidence",
  },
  {
    rule: 'inferred-already-curated', name: 'same target and type as a curated link', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b')] }, inferred: [inferredLink('b', 'complementary')] }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    good: { 'a.md': P({ slug: 'a', relationships: { complementary: [rel('b')] }, inferred: [inferredLink('b', 'enables')] }), 'b.md': P({ slug: 'b', relationships: { complementary: [rel('a')] } }) },
    at: ['- target: b', 'target'],
    message: "inferred link complementary → 'b' is already a curated relationship",
    fix: { kind: 'remove-inferred-link', index: 0 },
  },
  {
    rule: 'inferred-self-link', name: 'target is the file itself', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'enables'), inferredLink('a', 'complementary')] }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'enables'), inferredLink('b', 'complementary')] }), 'b.md': P({ slug: 'b' }) },
    at: ['target: a\n', 'a\n'],
    message: "inferred link to 'a' points at this pattern itself",
    fix: { kind: 'remove-inferred-link', index: 1 },
  },
  {
    rule: 'garden-last-pruned', name: '30 February', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', set: { 'graph_garden.last_pruned': '2026-02-30' } }) },
    good: { 'a.md': P({ slug: 'a', set: { 'graph_garden.last_pruned': "'2026-02-16'" } }) },
    at: ['last_pruned: 2026-02-30', '2026'],
    message: 'last_pruned should be a valid date written YYYY-MM-DD',
  },
  {
    rule: 'garden-last-pruned', name: 'missing while there are inferred links', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', inferred: [inferredLink('b', 'enables')], set: { 'graph_garden.last_pruned': null } }), 'b.md': P({ slug: 'b' }) },
    good: { 'a.md': P({ slug: 'a', inferred: [], set: { 'graph_garden.last_pruned': null } }), 'b.md': P({ slug: 'b' }) },
    at: ['  entities: []', 'entities'],
    message: 'graph_garden has inferred links but no last_pruned date',
  },
  // ── body ──────────────────────────────────────────────────────────────
  {
    rule: 'body-sections', name: 'Solution and Implementation swapped', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', sections: ['Section 1: Context', 'Section 2: Problem', 'Section 4: Implementation', 'Section 3: Solution', ...numbered(SECTIONS).slice(4)] }) },
    good: { 'a.md': P({ slug: 'a', sections: numbered(SECTIONS) }) },
    at: ['### Section 1: Context'],
    message: "body sections: 'Implementation' out of order",
  },
  {
    rule: 'body-sections', name: 'Cognitive Era missing', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', sections: numbered(SECTIONS).filter((s) => !s.includes('Cognitive Era')) }) },
    good: { 'a.md': P({ slug: 'a' }) },
    at: ['### Section 1: Context'],
    message: "body sections: missing 'Cognitive Era'",
  },
  {
    rule: 'body-sections', name: 'numbered 9', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', sections: [...numbered(SECTIONS).slice(0, 7), 'Section 9: Vitality'] }) },
    good: { 'a.md': P({ slug: 'a' }) },
    at: ['### Section 1: Context'],
    message: "body sections: 'Vitality' is numbered 9 instead of 8",
  },
  {
    rule: 'body-sections', name: 'legacy-style headings in a v7.1 file', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', sections: ['1. Overview', '2. Problem', '8. References'] }) },
    good: { 'a.md': P({ slug: 'a' }) },
    at: ['### 1. Overview'],
    message: 'body sections: none of the eight sections (### Section 1: Context … ### Section 8: Vitality) was found',
  },
  {
    rule: 'body-core-conflict', name: 'different tension', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a', coreConflict: 'Secrecy vs. Trust' }) },
    good: { 'a.md': P({ slug: 'a', coreConflict: 'information asymmetry vs. collective trust' }) },
    at: ['> **The core conflict is Secrecy', 'The core'],
    message: `the core conflict "Secrecy vs. Trust" differs from primary_tension "${TENSION}"`,
  },
  {
    rule: 'body-core-conflict', name: 'sentence missing', severity: 'warning', file: 'a.md',
    bad: { 'a.md': P({ slug: 'a' }).replace(`> **The core conflict is ${TENSION}.**\n`, '') },
    good: { 'a.md': P({ slug: 'a' }) },
    at: ['### Section 2: Problem'],
    message: `the Problem section does not open with "The core conflict is ${TENSION}."`,
  },
  {
    rule: 'legacy-format', name: 'classification block and TypeID lists', severity: 'warning', file: 'a.md',
    bad: { 'a.md': legacyPatternText({ slug: 'a' }) },
    good: { 'a.md': P({ slug: 'a' }) },
    at: ['id: pat_', 'pat_'],
    message: 'this file uses the legacy layout (classification block, TypeID lists); migrate it to v7.1',
    fix: { kind: 'migrate-legacy' },
  },
];

const show = (ds: Diagnostic[]) => ds.map((d) => `${d.path}:${d.span.line}:${d.span.column}: ${d.severity} ${d.rule} ${d.message}`);

describe.each(CASES)('$rule ($name)', (c) => {
  it('fires where the defect is, with its severity and a plain message', () => {
    const all = vaultOf(c.bad, c).allDiagnostics();
    // Nothing else fires: the bad vault differs from the good one only by the defect.
    expect(all.map((d) => d.rule)).toEqual(Array<string>(c.count ?? 1).fill(c.rule));
    const mine = all.filter((d) => d.rule === c.rule && d.path === c.file);
    expect(mine).toHaveLength(1);
    const d = mine[0] as Diagnostic;
    const text = c.bad[c.file];
    const where = Array.isArray(c.at) ? locate(typeof text === 'string' ? text : '', c.at[0], c.at[1]) : c.at;
    expect({ severity: d.severity, line: d.span.line, column: d.span.column, message: d.message }).toEqual({ severity: c.severity, ...where, message: c.message });
    if (c.fix) expect(d.fix?.edit).toEqual(c.fix);
  });

  it('stays silent on the mended vault', () => {
    expect(show(vaultOf(c.good, c).allDiagnostics())).toEqual([]);
  });
});

describe('the rule registry', () => {
  it('has a firing and a passing case above for every rule', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it('does not ask for an inverse of tools, which has none', () => {
    const vault = buildVault({ 'a.md': P({ slug: 'a', relationships: { tools: [rel('b')] } }), 'b.md': P({ slug: 'b' }) });
    expect(show(vault.allDiagnostics())).toEqual([]);
  });

  it('ignores headings inside fenced code blocks', () => {
    // Read as a heading, this would be a Context section numbered 9 before the real one.
    const body = bodyText({ coreConflict: TENSION }).replace('> solution to the stated problem.\n', '> solution to the stated problem.\n\n```markdown\n### Section 9: Context\n```\n');
    expect(body).toContain('```markdown\n### Section 9: Context\n```');
    expect(show(buildVault({ 'a.md': P({ slug: 'a', body }) }).allDiagnostics())).toEqual([]);
  });
});
