import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA } from '../schema/schema';
import { applyFixToText, findSameFinding, fixRoute, minimalReplacement } from './quick-fixes';
import { analyzeText, buildVault, inferredLink, patternText } from '../../test/builders/pattern-builder';

describe('quick fixes on the editor text', () => {
  it('retypes an inferred link in the text, touching only its value', () => {
    const text = patternText({ inferred: [{ target: 'other', type: 'enablement', confidence: 0.8, reason: 'x' }] });
    const d = analyzeText('transparent-ledger.md', text).diagnostics.find((x) => x.rule === 'inferred-unknown-type');
    expect(d && fixRoute(d)).toBe('buffer');
    const fixed = applyFixToText(text, d!, DEFAULT_SCHEMA, '2026-01-02');
    expect(fixed).toEqual({ ok: true, text: text.replace('type: enablement', 'type: enables') });
  });

  it('sets a field to the computed value', () => {
    const text = patternText({ set: { 'ontology.commons_assessment.overall_score': '1.0' } });
    const d = analyzeText('transparent-ledger.md', text).diagnostics.find((x) => x.rule === 'overall-score');
    const fixed = applyFixToText(text, d!, DEFAULT_SCHEMA, '2026-01-02');
    expect(fixed.ok).toBe(true);
    const change = minimalReplacement(text, fixed.ok ? fixed.text : '');
    const line = text.indexOf('overall_score: 1.0');
    expect(change.start).toBeGreaterThan(line);
    expect(change.end).toBeLessThanOrEqual(line + 'overall_score: 1.0'.length);
  });

  it('routes fixes that touch other files to a vault edit', () => {
    const index = buildVault({
      'a.md': patternText({ slug: 'a', relationships: { enables: [{ slug: 'b', weight: 0.8 }] } }),
      'b.md': patternText({ slug: 'b' }),
    });
    const d = index.diagnostics('a.md').find((x) => x.rule === 'relationship-missing-inverse');
    expect(d && fixRoute(d)).toBe('vault');
    expect(applyFixToText('', d!, DEFAULT_SCHEMA, '2026-01-02').ok).toBe(false);
  });

  it('finds the same finding again after more typing', () => {
    const text = patternText({ inferred: [inferredLink('x', 'enablement'), inferredLink('y', 'complements')] });
    const fresh = analyzeText('transparent-ledger.md', text).diagnostics;
    const second = fresh.filter((d) => d.rule === 'inferred-unknown-type')[1]!;
    expect(findSameFinding(fresh, { rule: 'inferred-unknown-type', start: second.span.start + 3 })).toBe(second);
    expect(findSameFinding(fresh, { rule: 'no-such-rule', start: 0 })).toBeUndefined();
  });
});

describe('the smallest replacement', () => {
  it('keeps the common prefix and suffix', () => {
    expect(minimalReplacement('abcdef', 'abXYef')).toEqual({ start: 2, end: 4, newText: 'XY' });
    expect(minimalReplacement('same', 'same')).toEqual({ start: 4, end: 4, newText: '' });
    expect(minimalReplacement('aaa', 'aaaa')).toEqual({ start: 3, end: 3, newText: 'a' });
  });

  it('never splits a CRLF or a surrogate pair', () => {
    const r = minimalReplacement('a\r\nb', 'a\r\r\nb');
    expect(r.start).toBeLessThanOrEqual(1);
    const s = minimalReplacement('x\uD83D\uDE00', 'x\uD83D\uDE01');
    expect(s.start).toBe(1);
  });
});
