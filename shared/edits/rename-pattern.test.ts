import { describe, expect, it } from 'vitest';
import { renamePattern } from './rename-pattern';
import { applyChanges } from './edit-result';

function fm(lines: string[]): string {
  return ['---', ...lines, '---', 'Body mentions old-name in prose, which stays.', ''].join('\n');
}

const vault = new Map<string, string>([
  ['old-name.md', fm(["slug: 'old-name'", 'title: Old', 'relationships:', '  enables:', '    - slug: other', '      weight: 0.8', '  complementary: [old-name]'])],
  [
    'other.md',
    fm([
      'slug: other',
      'relationships:',
      '  enables:',
      '    - slug: old-name   # the one',
      '      weight: 0.8',
      '  requires:',
      '    - id: "old-name"',
      '      weight: 0.7',
      '      description: Uses old-name-ish ideas.',
      '    - id: pat_01khvcxdrzfywabp6z2zv5cj24',
      '      slug: old-name',
      '  generalizes_from:',
      '  - old-name',
      '  tools: ["old-name", "old-name-2"]',
      'graph_garden:',
      '  inferred_links:',
      '    - target: old-name',
      '      type: enables',
      '      confidence: 0.8',
      '    - target: old-name-2',
      '      type: enables',
      '      confidence: 0.8',
    ]),
  ],
  ['unrelated.md', fm(['slug: unrelated', 'relationships:', '  enables: []'])],
  ['broken.md', '---\nslug: broken\nrelationships: {enables: [old-name]\n---\n'],
]);

describe('renamePattern', () => {
  it('sets the slug (keeping its quotes) and rewrites every reference shape, nothing else', () => {
    const r = renamePattern(vault, { from: 'old-name', to: 'new-name' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.renamedPath).toBe('old-name.md');
    expect([...r.edits.keys()].sort()).toEqual(['old-name.md', 'other.md']);
    expect(r.edits.get('old-name.md')?.text).toBe(fm(["slug: 'new-name'", 'title: Old', 'relationships:', '  enables:', '    - slug: other', '      weight: 0.8', '  complementary: [new-name]']));
    const other = r.edits.get('other.md');
    expect(other?.text).toBe(
      fm([
        'slug: other',
        'relationships:',
        '  enables:',
        '    - slug: new-name   # the one',
        '      weight: 0.8',
        '  requires:',
        '    - id: "new-name"',
        '      weight: 0.7',
        '      description: Uses old-name-ish ideas.',
        '    - id: pat_01khvcxdrzfywabp6z2zv5cj24',
        '      slug: new-name',
        '  generalizes_from:',
        '  - new-name',
        '  tools: ["new-name", "old-name-2"]',
        'graph_garden:',
        '  inferred_links:',
        '    - target: new-name',
        '      type: enables',
        '      confidence: 0.8',
        '    - target: old-name-2',
        '      type: enables',
        '      confidence: 0.8',
      ]),
    );
    expect(other && applyChanges(vault.get('other.md') as string, other.changes)).toBe(other?.text);
    expect(r.refused.get('broken.md')).toMatch(/not valid YAML/);
  });

  it('refuses a taken slug, an unknown slug and bad names', () => {
    expect(renamePattern(vault, { from: 'old-name', to: 'other' })).toMatchObject({ ok: false, reason: expect.stringMatching(/already the slug/) });
    expect(renamePattern(vault, { from: 'nobody', to: 'x' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no file has the slug/) });
    expect(renamePattern(vault, { from: 'old-name', to: 'a/b' })).toMatchObject({ ok: false });
    expect(renamePattern(vault, { from: 'old-name', to: 'old-name' })).toMatchObject({ ok: false });
  });
});
