/**
 * Every rule the validator knows: a stable id (used by filters, config and the
 * problems panel), a default severity and a sentence a curator understands.
 * Severity means something: error when the file is broken or the graph is
 * wrong, warning for drift worth a review, info for hints.
 */
import type { PatternSchema, RuleSetting, Severity } from '../schema/schema';

export type RuleScope = 'file' | 'vault';

export interface RuleMeta {
  id: string;
  severity: Severity;
  scope: RuleScope;
  description: string;
}

const rule = (id: string, severity: Severity, scope: RuleScope, description: string): RuleMeta => ({ id, severity, scope, description });

export const RULES: readonly RuleMeta[] = [
  // file
  rule('file-unreadable', 'error', 'file', 'The file could not be read.'),
  rule('file-not-text', 'error', 'file', 'The file is binary or not UTF-8 text.'),
  rule('file-too-large', 'error', 'file', 'The file is larger than the vault allows (schema `maxFileBytes`).'),
  rule('front-matter-missing', 'error', 'file', 'The file does not start with a `---` front-matter fence.'),
  rule('front-matter-unclosed', 'error', 'file', 'The front-matter has no closing `---` fence.'),
  rule('yaml-syntax', 'error', 'file', 'The front-matter is not valid YAML.'),
  rule('yaml-duplicate-key', 'error', 'file', 'A key appears twice in the same mapping.'),
  rule('yaml-alias-limit', 'error', 'file', 'The front-matter uses more YAML aliases than allowed (alias bomb guard).'),
  rule('front-matter-not-mapping', 'error', 'file', 'The front-matter is not a mapping of fields.'),
  // identity
  rule('required-field', 'error', 'file', 'A required field is missing or empty.'),
  rule('id-format', 'warning', 'file', '`id` is not a TypeID (`pat_` + 26 lowercase base32 characters).'),
  rule('slug-format', 'warning', 'file', '`slug` is not lowercase words joined by hyphens.'),
  rule('slug-mismatch', 'error', 'file', '`slug` differs from the file name, so links by slug miss the file.'),
  rule('duplicate-id', 'error', 'vault', 'Several files share one `id`.'),
  rule('duplicate-slug', 'error', 'vault', 'Several files share one `slug`.'),
  rule('duplicate-title', 'warning', 'vault', 'Several files share one `title`.'),
  // values
  rule('value-type', 'warning', 'file', 'A field has the wrong kind of value for the schema.'),
  rule('enum-value', 'warning', 'file', 'A value is outside the vocabulary of the schema.'),
  rule('score-range', 'warning', 'file', 'An assessment score is outside its range.'),
  rule('overall-score', 'warning', 'file', '`overall_score` is not the mean of the assessment scores.'),
  rule('weight-range', 'warning', 'file', 'A relationship weight or link confidence is outside [0, 1].'),
  rule('date-invalid', 'warning', 'file', 'A date is not a valid YYYY-MM-DD date.'),
  // relationships
  rule('relationship-unknown-type', 'warning', 'file', 'A relationship type outside the vocabulary.'),
  rule('relationship-entry-shape', 'warning', 'file', 'A relationship entry is not `{slug, weight}`.'),
  rule('relationship-target-missing', 'error', 'vault', 'A curated relationship points at a pattern that does not exist.'),
  rule('relationship-self-link', 'warning', 'file', 'A curated relationship points at its own file.'),
  rule('relationship-multiple-types', 'warning', 'file', 'The same target is listed under several relationship types.'),
  rule('relationship-duplicate', 'warning', 'file', 'The same target is listed twice under one type.'),
  rule('relationship-missing-inverse', 'info', 'vault', 'The target does not list the inverse relationship back.'),
  // graph garden
  rule('inferred-target-missing', 'warning', 'vault', 'An inferred link points at a pattern that does not exist.'),
  rule('inferred-unknown-type', 'warning', 'file', 'An inferred link has no type or one outside the seven.'),
  rule('inferred-confidence', 'warning', 'file', 'An inferred link has no confidence or one outside [0, 1].'),
  rule('inferred-already-curated', 'warning', 'file', 'An inferred link repeats a curated relationship (same target and type).'),
  rule('inferred-self-link', 'warning', 'file', 'An inferred link points at its own file.'),
  rule('inferred-previously-pruned', 'warning', 'vault', 'An inferred link that a curator pruned before has come back.'),
  rule('garden-last-pruned', 'warning', 'file', '`graph_garden.last_pruned` is missing or not a valid date.'),
  // body
  rule('body-sections', 'warning', 'file', 'The eight body sections are not all present in order.'),
  rule('body-core-conflict', 'warning', 'file', '"The core conflict is X." does not match `primary_tension`.'),
  rule('legacy-format', 'warning', 'file', 'The file uses the legacy layout; it can be migrated to v7.1.'),
];

export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));

/** The severity a rule has in this vault, or 'off'. */
export function ruleSetting(schema: PatternSchema, id: string): RuleSetting {
  const override = schema.rules[id];
  if (override) return override;
  return RULES_BY_ID.get(id)?.severity ?? 'warning';
}
