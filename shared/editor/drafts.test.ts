import { describe, expect, it } from 'vitest';
import { draftKey, isDraftKeyOf, mergeDrafts, parseDraft, parseDraftSet, serializeDraft, serializeDraftSet, type Draft } from './drafts';
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

describe("the backend's copy of every draft", () => {
  const at = (path: string, savedAt: number, text = path): Draft => ({ v: 1, vault: '/v', path, text, baseHash: 'h', savedAt });

  it('round-trips the whole set, oldest first', () => {
    const set = [at('b.md', 1), at('a.md', 2)];
    expect(parseDraftSet(serializeDraftSet(set), '/v')).toEqual(set);
    expect(parseDraftSet(serializeDraftSet([]), '/v')).toEqual([]);
  });

  it('keeps the valid records of this vault and drops the rest, one per path', () => {
    const raw = JSON.stringify([at('a.md', 1), { ...at('b.md', 2), vault: '/other' }, { ...at('c.md', 3), savedAt: 'late' }, null, 7, at('a.md', 4, 'newer')]);
    expect(parseDraftSet(raw, '/v')).toEqual([at('a.md', 4, 'newer')]);
  });

  it('reads a missing, damaged or non-array blob as no drafts', () => {
    expect(parseDraftSet(null, '/v')).toEqual([]);
    expect(parseDraftSet('', '/v')).toEqual([]);
    expect(parseDraftSet('[{', '/v')).toEqual([]);
    expect(parseDraftSet(serializeDraft(at('a.md', 1)), '/v')).toEqual([]);
  });

  it('merge into the union by path, the newer save winning whichever copy holds it', () => {
    const local = [at('a.md', 5, 'local a'), at('b.md', 1, 'local b')];
    const backend = [at('a.md', 3, 'backend a'), at('b.md', 2, 'backend b'), at('c.md', 4, 'backend c')];
    expect(mergeDrafts(local, backend).map((d) => d.text)).toEqual(['backend b', 'backend c', 'local a']);
    expect(mergeDrafts(backend, local)).toEqual(mergeDrafts(local, backend));
    // A tie keeps the first copy's text.
    expect(mergeDrafts([at('a.md', 1, 'first')], [at('a.md', 1, 'second')])[0]?.text).toBe('first');
    expect(mergeDrafts()).toEqual([]);
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
