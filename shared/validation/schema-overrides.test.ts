/**
 * A vault's `.trellis/schema.yaml` changes what is valid without code
 * changes: vocabularies grow with `key+`, rules are switched off or given
 * another severity, limits move.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA, loadVaultSchema, type PatternSchema } from '../schema/schema';
import type { Diagnostic } from './diagnostic';
import { buildVault, locate, patternText as P, utf8Length, type VaultFiles } from '../../test/builders/pattern-builder';

function schemaFrom(yaml: string): PatternSchema {
  const { schema, errors } = loadVaultSchema(yaml);
  expect(errors).toEqual([]);
  return schema;
}

const found = (files: VaultFiles, schema: PatternSchema = DEFAULT_SCHEMA) =>
  buildVault(files, schema)
    .allDiagnostics()
    .map((d: Diagnostic) => `${d.path}:${d.span.line} ${d.severity} ${d.rule}`);

const application = { 'a.md': P({ slug: 'a', set: { 'lifecycle.usage_stage': 'application' } }) };
const oneSided = { 'a.md': P({ slug: 'a', relationships: { enables: [{ slug: 'b', weight: 0.8 }, { slug: 'ghost', weight: 0.5 }] } }), 'b.md': P({ slug: 'b' }) };
const STAGE = locate(application['a.md'], 'usage_stage: application').line;
const TO_B = locate(oneSided['a.md'], '- slug: b').line;
const TO_GHOST = locate(oneSided['a.md'], '- slug: ghost').line;

describe('.trellis/schema.yaml', () => {
  it('extends a vocabulary with enum+, keeping the template values', () => {
    const schema = schemaFrom('fields:\n  lifecycle.usage_stage:\n    enum+: [application]\n');
    expect(found(application)).toEqual([`a.md:${STAGE} warning enum-value`]);
    expect(found(application, schema)).toEqual([]);
    expect(found({ 'a.md': P({ slug: 'a', set: { 'lifecycle.usage_stage': 'design' } }) }, schema)).toEqual([]);
    expect(found({ 'a.md': P({ slug: 'a', set: { 'lifecycle.usage_stage': 'recognition' } }) }, schema)).toEqual([`a.md:${STAGE} warning enum-value`]);
    const vault = buildVault({ 'a.md': P({ slug: 'a', set: { 'lifecycle.usage_stage': 'recognition' } }) }, schema);
    expect(vault.allDiagnostics()[0]?.message).toBe(
      "lifecycle.usage_stage 'recognition' is not one of: ideation, design, implementation, operation, application (extend the vocabulary in .trellis/schema.yaml if it is intended)",
    );
  });

  it('switches a vault rule off without touching the others', () => {
    expect(found(oneSided)).toEqual([`a.md:${TO_B} info relationship-missing-inverse`, `a.md:${TO_GHOST} error relationship-target-missing`]);
    expect(found(oneSided, schemaFrom('rules:\n  relationship-missing-inverse: off\n'))).toEqual([`a.md:${TO_GHOST} error relationship-target-missing`]);
  });

  it('changes the severity of a file rule and of a vault rule', () => {
    const schema = schemaFrom('rules:\n  enum-value: error\n  relationship-missing-inverse: warning\n');
    expect(found(application, schema)).toEqual([`a.md:${STAGE} error enum-value`]);
    expect(found(oneSided, schema)).toEqual([`a.md:${TO_B} warning relationship-missing-inverse`, `a.md:${TO_GHOST} error relationship-target-missing`]);
  });

  it('moves the size limit', () => {
    const schema = schemaFrom('maxFileBytes: 1000\n');
    const vault = buildVault({ 'a.md': P({ slug: 'a' }) }, schema);
    expect(vault.allDiagnostics().map((d) => d.message)).toEqual([`the file is ${utf8Length(P({ slug: 'a' }))} bytes, more than the limit of 1000`]);
  });

  it('rejects a severity that does not exist and keeps the default', () => {
    const { schema, errors } = loadVaultSchema('rules:\n  enum-value: loud\n');
    expect(errors.map((e) => e.message)).toEqual(["rules.enum-value: 'loud' is not one of error, warning, info, off"]);
    expect(found(application, schema)).toEqual([`a.md:${STAGE} warning enum-value`]);
  });

  it('falls back to the defaults when the file is not valid YAML, and says where', () => {
    const { schema, errors } = loadVaultSchema('rules:\n  enum-value: [off\n');
    expect(schema).toBe(DEFAULT_SCHEMA);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.offset).toBeGreaterThan(0);
  });

  it('cannot pollute Object.prototype', () => {
    loadVaultSchema('__proto__:\n  polluted: yes\nrules:\n  __proto__:\n    polluted: yes\n');
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
