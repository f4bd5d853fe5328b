/**
 * The inbox's pure rules (renderer/curation/inbox-model.ts): what a curator
 * sees on a row, which type an accept uses, where the cursor goes, and that a
 * partial refresh keeps the backend's order. (These sit in test/ rather than
 * beside the code because only test/'s tsconfig type-checks test files.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InboxItem } from '../../shared/curation/inbox';
import {
  affectedPaths,
  compareItems,
  cycleType,
  decisionEdit,
  defaultAcceptType,
  linkKey,
  mergeItems,
  narrowScope,
  nextOpenIndex,
  signalChips,
  STANDARD_TYPES,
} from '../../renderer/curation/inbox-model';

function item(over: Partial<InboxItem> & { path: string; index?: number; target?: string }): InboxItem {
  const source = over.path.replace(/\.md$/, '');
  const index = over.index ?? 0;
  return {
    id: `${over.path}#${index}`,
    index,
    source,
    target: 'b',
    type: 'complementary',
    confidence: 0.8,
    signals: { targetExists: true, curatedSameType: false, curatedOtherTypes: [], inverseExists: false, previouslyPruned: false, selfLink: false },
    ...over,
  };
}

describe('inbox model', () => {
  it('shows each signal as a chip, the alarming ones first', () => {
    const chips = signalChips(
      item({
        path: 'a.md',
        type: 'analogous',
        signals: { targetExists: false, curatedSameType: true, curatedOtherTypes: ['enables'], inverseExists: true, previouslyPruned: true, selfLink: true },
      }),
    );
    expect(chips.map((c) => c.label)).toEqual(['target missing', 'self-link', 'previously pruned', 'already curated', 'curated as enables', 'inverse exists', 'type outside vocabulary']);
    expect(signalChips(item({ path: 'a.md' }))).toEqual([]);
    // A non-standard type with a standard equivalent is not a problem: the row shows the mapping.
    expect(signalChips(item({ path: 'a.md', type: 'enabler', suggestedType: 'enables' }))).toEqual([]);
  });

  it('accepts under the suggested type, the link’s own standard type, or none', () => {
    expect(defaultAcceptType(item({ path: 'a.md', type: 'enabler', suggestedType: 'enables' }))).toBe('enables');
    expect(defaultAcceptType(item({ path: 'a.md', type: 'requires' }))).toBe('requires');
    expect(defaultAcceptType(item({ path: 'a.md', type: 'analogous' }))).toBeUndefined();
    expect(defaultAcceptType(item({ path: 'a.md', type: undefined }))).toBeUndefined();
  });

  it('cycles through the vocabulary both ways, starting from no type', () => {
    expect(cycleType('complementary', 1)).toBe('tools');
    expect(cycleType('tools', 1)).toBe(STANDARD_TYPES[0]);
    expect(cycleType(STANDARD_TYPES[0], -1)).toBe('tools');
    expect(cycleType(undefined, 1)).toBe(STANDARD_TYPES[0]);
    expect(cycleType('analogous', -1)).toBe('tools');
  });

  it('turns a decision into the edit the backend knows', () => {
    const i = item({ path: 'a.md', target: 'b', type: 'enabler', suggestedType: 'enables' });
    expect(decisionEdit(i, 'accept', { type: 'enables' })).toEqual({ kind: 'promote', path: 'a.md', target: 'b', type: 'enables' });
    expect(decisionEdit(i, 'accept', { type: 'tools', weight: 0.5 })).toEqual({ kind: 'promote', path: 'a.md', target: 'b', type: 'tools', weight: 0.5 });
    // A reject names the type as written, so the right entry goes when a target is listed twice.
    expect(decisionEdit(i, 'reject')).toEqual({ kind: 'prune-link', path: 'a.md', target: 'b', type: 'enabler' });
    expect(decisionEdit(item({ path: 'a.md', type: undefined }), 'reject')).toEqual({ kind: 'prune-link', path: 'a.md', target: 'b' });
  });

  it('keys a link by what it says, not by its index (which shifts as links above it go)', () => {
    expect(linkKey(item({ path: 'a.md', index: 0 }))).toBe(linkKey(item({ path: 'a.md', index: 3 })));
    expect(linkKey(item({ path: 'a.md', type: 'enables' }))).not.toBe(linkKey(item({ path: 'a.md', type: 'requires' })));
  });

  it('moves the cursor to the next open item, else the nearest before', () => {
    const open = (skipped: number[]) => (i: number) => !skipped.includes(i);
    expect(nextOpenIndex(5, 2, open([]))).toBe(2);
    expect(nextOpenIndex(5, 2, open([2, 3]))).toBe(4);
    expect(nextOpenIndex(5, 3, open([3, 4]))).toBe(2);
    expect(nextOpenIndex(5, 0, open([0, 1, 2, 3, 4]))).toBeUndefined();
  });

  it('refreshes a changed file and the files that point at it', () => {
    const items = [item({ path: 'a.md', target: 'c' }), item({ path: 'b.md', target: 'd' }), item({ path: 'x/e.md', target: 'c' })];
    expect([...affectedPaths(items, ['c.md'])].sort()).toEqual(['a.md', 'c.md', 'x/e.md']);
    expect(narrowScope({ kind: 'folder', folder: 'x' }, ['a.md', 'x/e.md'])).toEqual({ kind: 'paths', paths: ['x/e.md'] });
    expect(narrowScope({ kind: 'pattern', path: 'a.md' }, ['b.md'])).toBeUndefined();
  });

  it('merges a partial refresh into the same order a full sort gives', () => {
    const arb = fc.array(
      fc.record({ file: fc.integer({ min: 0, max: 6 }), index: fc.integer({ min: 0, max: 4 }), confidence: fc.option(fc.constantFrom(0.7, 0.75, 0.8, 0.9), { nil: undefined }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, arb, fc.integer({ min: 0, max: 6 }), fc.constantFrom('confidence' as const, 'source' as const), (before, after, changed, sort) => {
        const make = (r: { file: number; index: number; confidence: number | undefined }) => item({ path: `p${r.file}.md`, index: r.index, confidence: r.confidence });
        const dedupe = (xs: InboxItem[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
        const old = dedupe(before.map(make)).sort(compareItems(sort));
        const fresh = dedupe(after.map(make).filter((x) => x.path === `p${changed}.md`));
        const expected = [...old.filter((x) => x.path !== `p${changed}.md`), ...fresh].sort(compareItems(sort));
        expect(mergeItems(old, new Set([`p${changed}.md`]), fresh, sort).map((x) => x.id)).toEqual(expected.map((x) => x.id));
      }),
    );
  });
});
