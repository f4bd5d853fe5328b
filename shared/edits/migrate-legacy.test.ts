import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { migrateLegacy } from './migrate-legacy';
import { openPatternDocument } from './pattern-document';
import { patternSlug } from './relationship-model';
import { getPair } from '../yaml/yaml-tree';
import { openCorpus } from './testing/corpus-files';
import { bodyOf, frontMatterData, record, type Data } from './testing/front-matter-data';

const LEGACY = [
  '---',
  'id: pat_aaaaaaaaaaaaaaaaaaaaaaaaaa',
  'title: Legacy Thing',
  'slug: legacy-thing',
  'aliases: []',
  '# a comment between keys',
  'classification:',
  '  universality: domain',
  '  domain: startup',
  '  category:',
  '  - team',
  '  status: draft # still',
  '  commons_alignment: 4',
  'generalizes_from: []',
  'enables:',
  '- pat_bbbbbbbbbbbbbbbbbbbbbbbbbb',
  '- pat_cccccccccccccccccccccccccc',
  'requires: [already-a-slug]',
  'related:',
  '- pat_dddddddddddddddddddddddddd',
  'version: 1.0.0',
  'created: 2026-02-01',
  'page_url: https://example.org/legacy-thing/',
  'contributors:',
  '- name: Commons OS',
  '  role: author',
  'license: CC-BY-SA-4.0',
  '---',
  '',
  '# Legacy Thing',
  '',
  '### 1. Overview',
  'Body  stays\tbyte for byte.',
].join('\n');

const IDS = new Map([
  ['pat_bbbbbbbbbbbbbbbbbbbbbbbbbb', 'bee'],
  ['pat_dddddddddddddddddddddddddd', 'dee'],
]);

describe('migrateLegacy', () => {
  it('maps a legacy file to the v7.1 groups and keeps everything else under `legacy:`', () => {
    const r = migrateLegacy(LEGACY, { idToSlug: IDS });
    if (!r.ok) throw new Error(r.reason);
    expect(bodyOf(r.text)).toBe(bodyOf(LEGACY));
    const data = frontMatterData(r.text);
    expect(data).toEqual({
      id: 'pat_aaaaaaaaaaaaaaaaaaaaaaaaaa',
      slug: 'legacy-thing',
      title: 'Legacy Thing',
      aliases: [],
      ontology: { domain: 'startup' },
      lifecycle: { status: 'draft', version: '1.0.0' },
      relationships: {
        generalizes_from: [],
        specializes_to: [],
        enables: [{ slug: 'bee' }],
        requires: [{ slug: 'already-a-slug' }],
        alternatives: [],
        complementary: [{ slug: 'dee' }],
        tools: [],
      },
      relationships_unresolved: { enables: ['pat_cccccccccccccccccccccccccc'] },
      contributors: [{ name: 'Commons OS', role: 'author' }],
      license: 'CC-BY-SA-4.0',
      legacy: {
        classification: { universality: 'domain', category: ['team'], commons_alignment: 4 },
        created: '2026-02-01',
        page_url: 'https://example.org/legacy-thing/',
      },
    });
    expect(r.report.unresolved).toEqual([{ list: 'enables', id: 'pat_cccccccccccccccccccccccccc' }]);
    expect(r.report.mapped).toContainEqual({ from: 'classification.domain', to: 'ontology.domain' });
    expect(r.report.mapped).toContainEqual({ from: 'related[0] pat_dddddddddddddddddddddddddd', to: 'relationships.complementary: dee' });
    expect(r.report.kept).toEqual(['legacy.classification.universality', 'legacy.classification.category', 'legacy.classification.commons_alignment', 'legacy.created', 'legacy.page_url', 'legacy comments']);
    // Banners as in the spec; comments are never dropped.
    expect(r.text).toContain('# ═══════════════════════════════════════════════════════════════════\n# GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)\n');
    expect(r.text).toContain('  status: draft # still\n');
    expect(r.text).toContain('# a comment between keys\n');
    expect(r.text).toContain('  version: 1.0.0\n');
  });

  it('keeps CRLF and the BOM, and refuses v7.1 and broken files', () => {
    const crlf = '\ufeff' + LEGACY.replace(/\n/g, '\r\n');
    const r = migrateLegacy(crlf, { idToSlug: IDS });
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.startsWith('\ufeff---\r\n# ═══')).toBe(true);
    expect(/[^\r]\n/.test(r.text)).toBe(false);
    expect(migrateLegacy('---\nslug: x\nrelationships: {}\n---\n', { idToSlug: IDS })).toMatchObject({ ok: false, reason: expect.stringMatching(/not in the legacy layout/) });
    expect(migrateLegacy('---\nclassification: [\n---\n', { idToSlug: IDS })).toMatchObject({ ok: false, reason: expect.stringMatching(/not valid YAML/) });
  });
});

/** Every scalar in a value, as `JSON` strings (with repetitions). */
function leaves(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  else out.push(JSON.stringify(value));
  return out;
}

const corpus = openCorpus(fs, process.cwd(), process.env['CI']);

describe('migrating every legacy file of the real corpus', () => {
  it.skipIf(!corpus.available && !corpus.required)('keeps the body byte for byte and every value somewhere, with resolved slugs', () => {
    const texts = corpus.names.map((n) => corpus.read(n));
    const idToSlug = new Map<string, string>();
    for (const text of texts) {
      const opened = openPatternDocument(text);
      if (!opened.ok) continue;
      const id = getPair(opened.doc.root, 'id')?.value;
      const slug = patternSlug(opened.doc);
      if (id && id.kind === 'scalar' && typeof id.value === 'string' && slug) idToSlug.set(id.value, slug);
    }
    let migrated = 0;
    for (const text of texts) {
      if (!/^classification:/m.test(text)) continue;
      const r = migrateLegacy(text, { idToSlug });
      if (!r.ok) throw new Error(r.reason);
      migrated++;
      expect(bodyOf(r.text)).toBe(bodyOf(text));
      const before = frontMatterData(text);
      const after = frontMatterData(r.text);
      const rel = record(after['relationships']);
      // Relationship lists: each TypeID is either a resolved slug or listed as unresolved, in order.
      const lists: Array<[string, string]> = [['generalizes_from', 'generalizes_from'], ['specializes_to', 'specializes_to'], ['enables', 'enables'], ['requires', 'requires'], ['related', 'complementary']];
      for (const [from, to] of lists) {
        const ids = (before[from] ?? []) as string[];
        const resolved = ids.filter((id) => idToSlug.has(id)).map((id) => ({ slug: idToSlug.get(id) }));
        expect(rel[to]).toEqual(resolved);
        const unresolved = ids.filter((id) => !idToSlug.has(id));
        expect((record(after['relationships_unresolved'] ?? {}) as Data)[from] ?? []).toEqual(unresolved);
      }
      // Every other value survives (the leaves of the old front-matter minus the TypeIDs).
      const rest: Data = { ...before };
      for (const [from] of lists) delete rest[from];
      const kept = leaves(after);
      const counts = new Map<string, number>();
      for (const l of kept) counts.set(l, (counts.get(l) ?? 0) + 1);
      for (const l of leaves(rest)) {
        const n = counts.get(l) ?? 0;
        expect(n, `${l} lost in ${String(before['slug'])}`).toBeGreaterThan(0);
        counts.set(l, n - 1);
      }
    }
    expect(migrated).toBeGreaterThan(corpus.required ? 1500 : 0);
  });
});
