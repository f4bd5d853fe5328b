import { describe, expect, it } from 'vitest';
import { draftKey, isDraftKeyOf, parseDraft, serializeDraft, type Draft } from './drafts';
import { isValidSlug, readTopLevelValue, replaceTopLevelValue } from './slug-edit';

describe('drafts of unsaved text', () => {
  const draft: Draft = { v: 1, vault: '/v', path: 'a|b.md', text: 'x', baseHash: 'h', savedAt: 1 };

  it('round-trip, keyed by vault and path', () => {
    expect(parseDraft(serializeDraft(draft), '/v', 'a|b.md')).toEqual(draft);
    expect(isDraftKeyOf(draftKey('/v', 'a|b.md'), '/v')).toBe(true);
    expect(isDraftKeyOf(draftKey('/v2', 'a.md'), '/v')).toBe(false);
    expect(draftKey('/v', 'a.md')).not.toBe(draftKey('/v|a.md', ''));
  });

  it('ignore damaged or foreign records', () => {
    expect(parseDraft('{', '/v')).toBeUndefined();
    expect(parseDraft(serializeDraft(draft), '/other')).toBeUndefined();
    expect(parseDraft(JSON.stringify({ ...draft, text: 3 }), '/v')).toBeUndefined();
    expect(parseDraft(null, '/v')).toBeUndefined();
  });
});

describe("the pattern's own slug", () => {
  it('is read and replaced at the top level only, keeping quotes', () => {
    const yaml = "id: x\nslug: 'old-name'\nrelationships:\n  enables:\n    - slug: other\n";
    expect(readTopLevelValue(yaml, 'slug')?.value).toBe('old-name');
    expect(replaceTopLevelValue(yaml, 'slug', 'new-name')).toBe(yaml.replace("'old-name'", "'new-name'"));
    expect(replaceTopLevelValue('id: x\n', 'slug', 'a')).toBe('id: x\n');
    expect(isValidSlug('a-b-2')).toBe(true);
    expect(isValidSlug('A b')).toBe(false);
  });
});
