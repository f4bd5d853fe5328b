import { describe, expect, it } from 'vitest';
import { SchemaCalibration } from './schema-calibration';
import { analyzeText, patternText } from '../../test/builders/pattern-builder';
import { DEFAULT_SCHEMA, loadVaultSchema } from '../schema/schema';

describe("learning the vault's schema from the backend's findings", () => {
  const text = patternText({ set: { 'lifecycle.status': 'experimental', 'ontology.commons_assessment.overall_score': '1.0' } });
  const local = analyzeText('transparent-ledger.md', text, DEFAULT_SCHEMA).diagnostics;
  const vault = loadVaultSchema('fields:\n  lifecycle.status:\n    type: string\n    enum: [draft, revised, stable, deprecated, experimental]\nrules:\n  overall-score: info\n').schema;
  const remote = analyzeText('transparent-ledger.md', text, vault).diagnostics;

  it('hides what the backend does not report and takes its severities', () => {
    expect(local.map((d) => d.rule).sort()).toEqual(['enum-value', 'overall-score']);
    const c = new SchemaCalibration();
    expect(c.apply(local)).toEqual(local);
    c.learn(local, remote);
    expect(c.apply(local).map((d) => [d.rule, d.severity])).toEqual([['overall-score', 'info']]);
  });

  it('keeps showing new findings until the backend has judged them', () => {
    const c = new SchemaCalibration();
    c.learn(local, remote);
    const other = analyzeText('transparent-ledger.md', patternText({ set: { 'lifecycle.status': 'bogus' } }), DEFAULT_SCHEMA).diagnostics;
    expect(c.apply(other).map((d) => d.rule)).toEqual(['enum-value']);
  });
});
