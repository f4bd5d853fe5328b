import { describe, expect, it } from 'vitest';
import { backendSignature } from './backend-signature';
import { analyzeText, patternText } from '../../test/builders/pattern-builder';

const sig = (text: string) => backendSignature(analyzeText('transparent-ledger.md', text));

describe('what the backend would learn from a keystroke', () => {
  const text = patternText({ relationships: { enables: [{ slug: 'other', weight: 0.8 }] } });

  it('is unchanged by prose typing that moves no finding', () => {
    expect(sig(text.replace('Prose under Section 8: Vitality.', 'Prose under Section 8: Vitality, and more words.'))).toBe(sig(text));
  });

  it('changes with a link target, a title or a new finding', () => {
    expect(sig(text.replace('slug: other', 'slug: another'))).not.toBe(sig(text));
    expect(sig(text.replace('title: "Transparent Ledger"', 'title: "Other Title"'))).not.toBe(sig(text));
    expect(sig(text.replace('### Section 8: Vitality', '### Section 8: Vitalityy'))).not.toBe(sig(text));
  });
});
