import { describe, expect, it } from 'vitest';
import { encodeTypeIdSuffix, newPatternId, slugFromTitle } from './typeid';

describe('TypeIDs', () => {
  it('encode the TypeID spec example', () => {
    // From the TypeID specification: 01890a5d-ac96-774b-bcce-b302099a8057 -> 01h455vb4pex5vsknk084sn02q
    const hex = '01890a5dac96774bbcceb302099a8057';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
    expect(encodeTypeIdSuffix(bytes)).toBe('01h455vb4pex5vsknk084sn02q');
  });

  it('make ids the validator accepts, ordered by time', () => {
    const random = new Uint8Array(10).fill(7);
    const a = newPatternId(Date.UTC(2026, 10, 24), random);
    const b = newPatternId(Date.UTC(2026, 10, 25), random);
    expect(a).toMatch(/^pat_[0-7][0-9a-hjkmnp-tv-z]{25}$/);
    expect(a < b).toBe(true);
  });
});

describe('slugFromTitle', () => {
  it('turns a title into lowercase words joined by hyphens', () => {
    expect(slugFromTitle('Blameless Post-Mortems & Learning Reviews')).toBe('blameless-post-mortems-and-learning-reviews');
    expect(slugFromTitle('  Café Culture (v2)!  ')).toBe('cafe-culture-v2');
  });
});
