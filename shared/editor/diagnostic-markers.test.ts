import { describe, expect, it } from 'vitest';
import { chooseFindings, diagnosticsToMarkers, isVaultRule, positionsIn } from './diagnostic-markers';
import { joinFileParts, layoutOf, splitFileParts } from './file-parts';
import { analyzeText, patternText } from '../../test/builders/pattern-builder';
import type { Diagnostic } from '../validation/diagnostic';

function markersFor(text: string) {
  const parts = splitFileParts(text);
  if (parts.mode !== 'split') throw new Error('expected split');
  const { diagnostics } = analyzeText('transparent-ledger.md', text);
  return { diagnostics, markers: diagnosticsToMarkers(diagnostics, layoutOf(parts), { yaml: positionsIn(parts.yaml), body: positionsIn(parts.body) }), parts };
}

describe('findings as editor markers', () => {
  it('puts a YAML syntax error in the front-matter editor on the broken line', () => {
    const good = patternText();
    const broken = good.replace('\nslug: transparent-ledger\n', '\nslug: [transparent-ledger\n');
    const { markers, parts } = markersFor(broken);
    if (parts.mode !== 'split') throw new Error('expected split');
    expect(markers.body).toEqual([]);
    const syntax = markers.yaml.find((m) => m.rule === 'yaml-syntax');
    expect(syntax).toBeDefined();
    // The error is reported where the parser gave up: at or after the slug line.
    const slugLine = parts.yaml.split('\n').findIndex((l) => l.startsWith('slug:')) + 1;
    expect(syntax?.startLineNumber).toBeGreaterThanOrEqual(slugLine);
  });

  it('puts a body finding in the prose editor, at the body line', () => {
    const text = patternText({ coreConflict: 'Something Else' });
    const { markers, parts } = markersFor(text);
    if (parts.mode !== 'split') throw new Error('expected split');
    const m = markers.body.find((x) => x.rule === 'body-core-conflict');
    expect(m).toBeDefined();
    const bodyLine = parts.body.split('\n').findIndex((l) => l.includes('The core conflict is')) + 1;
    expect(m?.startLineNumber).toBe(bodyLine);
  });

  it('marks a field finding at the value, in editor coordinates', () => {
    const text = patternText({ set: { 'lifecycle.status': 'experimental' } });
    const { markers, parts } = markersFor(text);
    if (parts.mode !== 'split') throw new Error('expected split');
    const m = markers.yaml.find((x) => x.rule === 'enum-value');
    const lines = parts.yaml.split('\n');
    const line = lines.findIndex((l) => l.includes('status: experimental')) + 1;
    expect(m).toMatchObject({ startLineNumber: line, startColumn: (lines[line - 1] as string).indexOf('experimental') + 1, endLineNumber: line });
    expect(m?.endColumn).toBe((m?.startColumn ?? 0) + 'experimental'.length);
    expect(joinFileParts(parts)).toBe(text);
  });

  it('maps file-wide findings (offset 0) to the first line of the front-matter', () => {
    const text = patternText({ set: { title: null } });
    const { markers } = markersFor(text);
    const req = markers.yaml.find((x) => x.rule === 'required-field');
    expect(req?.startLineNumber).toBeGreaterThanOrEqual(1);
  });
});

describe('choosing between the worker and the backend', () => {
  const d = (rule: string, start = 0): Diagnostic => ({ path: 'a.md', rule, severity: 'warning', message: rule, span: { start, end: start, line: 1, column: 1, endLine: 1, endColumn: 1 } });

  it('knows which rules need the vault', () => {
    expect(isVaultRule('relationship-target-missing')).toBe(true);
    expect(isVaultRule('yaml-syntax')).toBe(false);
  });

  it("shows the backend's findings when they are as new as the worker's", () => {
    const local = { version: 3, diagnostics: [d('enum-value')] };
    const remote = { version: 3, diagnostics: [d('relationship-target-missing')] };
    expect(chooseFindings(local, remote).map((x) => x.rule)).toEqual(['relationship-target-missing']);
  });

  it("otherwise the worker's own-file findings plus the backend's cross-file ones", () => {
    const local = { version: 4, diagnostics: [d('enum-value'), d('yaml-syntax')] };
    const remote = { version: 3, diagnostics: [d('slug-format'), d('relationship-target-missing')] };
    expect(chooseFindings(local, remote).map((x) => x.rule)).toEqual(['enum-value', 'yaml-syntax', 'relationship-target-missing']);
    expect(chooseFindings(local, undefined)).toEqual(local.diagnostics);
    expect(chooseFindings(undefined, undefined)).toEqual([]);
  });
});
