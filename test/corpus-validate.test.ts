/**
 * Validation over the whole real corpus (read-only), checking facts a person
 * can confirm by opening the files. Each fact is also established a second
 * way that does not go through the code under test: grepping the files, or
 * parsing them with another YAML library (`yaml`, not the js-yaml events the
 * validator uses).
 *
 * The corpus lives beside the repository. Without it the test is skipped on a
 * developer machine and fails on CI.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeVault, type AnalyzedVault } from '../electron/vault/analyze-vault';
import type { Diagnostic } from '../shared/validation/diagnostic';
import { vaultStats, type VaultStats } from '../shared/vault/vault-stats';

const CORPUS = resolve(process.cwd(), '../shared/corpus/patterns');
const exists = existsSync(CORPUS);

interface Independent {
  files: string[];
  text: Map<string, string>;
  legacy: Set<string>;
  /** v7.1 files the `yaml` library cannot parse, with the 1-based file line of its error. */
  unparsable: Map<string, number>;
  curated: number;
  inferred: number;
  inferredAlreadyCurated: number;
}

/** Reads every file and counts links with the `yaml` library. */
function readIndependently(): Independent {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
  const out: Independent = { files, text: new Map(), legacy: new Set(), unparsable: new Map(), curated: 0, inferred: 0, inferredAlreadyCurated: 0 };
  for (const f of files) {
    const text = readFileSync(join(CORPUS, f), 'utf8');
    out.text.set(f, text);
    const end = text.indexOf('\n---', 3);
    const yamlText = text.slice(text.indexOf('\n') + 1, end + 1);
    if (/^classification:/m.test(yamlText)) {
      out.legacy.add(f);
      continue;
    }
    let data: { relationships?: Record<string, unknown>; graph_garden?: { inferred_links?: unknown } };
    try {
      data = parse(yamlText, { uniqueKeys: false });
    } catch (err) {
      const line = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 0;
      out.unparsable.set(f, line + 1); // + the opening fence
      continue;
    }
    const curated = new Set<string>();
    for (const [type, list] of Object.entries(data.relationships ?? {})) {
      if (!Array.isArray(list)) continue;
      out.curated += list.length;
      for (const e of list as Array<string | Record<string, string>>) curated.add(`${type} ${typeof e === 'string' ? e : (e.slug ?? e.id ?? e.target)}`);
    }
    const inferred = data.graph_garden?.inferred_links;
    if (Array.isArray(inferred)) {
      out.inferred += inferred.length;
      for (const l of inferred as Array<Record<string, string>>) if (curated.has(`${l.type} ${l.target}`)) out.inferredAlreadyCurated++;
    }
  }
  return out;
}

const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.rule === rule);
const pathsWithLine = (text: Map<string, string>, line: RegExp) => [...text].filter(([, t]) => line.test(t)).map(([f]) => f).sort();

describe.skipIf(!exists && !process.env.CI)('validating the real corpus', () => {
  let vault: AnalyzedVault;
  let all: Diagnostic[];
  let stats: VaultStats;
  let independent: Independent;

  beforeAll(async () => {
    if (!exists) return;
    vault = await analyzeVault(CORPUS, { threads: 1, useThisThread: true });
    all = vault.index.allDiagnostics();
    stats = vaultStats(vault.index);
    independent = readIndependently();
  }, 60_000);

  it('finds the corpus (CI must have it)', () => {
    expect(exists, `no corpus at ${CORPUS}`).toBe(true);
  });

  it('reads 3,616 files: 2,072 v7.1, 1,542 legacy and the 2 that do not parse', () => {
    expect(independent.files).toHaveLength(3616);
    expect(vault.index.size).toBe(3616);
    expect(stats.generations).toEqual({ 'v7.1': 2072, legacy: 1542, unknown: 2 });
    expect(stats.unparsed).toBe(2);
    expect(independent.legacy.size).toBe(1542);
    expect(vault.index.allFacts().filter((f) => f.generation === 'legacy').map((f) => f.path).sort()).toEqual([...independent.legacy].sort());
  });

  it('fails to parse exactly two files, each at the block key inside a flow mapping', () => {
    const syntax = byRule(all, 'yaml-syntax').map((d) => `${d.path}:${d.span.line}:${d.span.column} ${d.message}`);
    expect(syntax).toEqual([
      'animal-communication-practice.md:12:3 YAML syntax error: missed comma between flow collection entries',
      'animal-relationship-ethics.md:13:3 YAML syntax error: missed comma between flow collection entries',
    ]);
    for (const [file, line] of [['animal-communication-practice.md', 12], ['animal-relationship-ethics.md', 13]] as const) {
      const lines = (independent.text.get(file) as string).split('\n');
      // The line before opens `ontology: {` and does not close it; this line is a block key.
      expect(lines[line - 2]).toMatch(/^ontology: \{[^}]*$/);
      expect(lines[line - 1]).toMatch(/^ {2}commons_domain:$/);
    }
    // Another YAML library rejects the same two files, at the same lines.
    expect(Object.fromEntries(independent.unparsable)).toEqual({ 'animal-communication-practice.md': 12, 'animal-relationship-ethics.md': 13 });
  });

  it('reports the ids shared by several files, and only those', () => {
    const placeholder = ['lean-canvas-ash-mauryas-adaptation.md', 'precious-plastic-distributed-recycling.md', 'value-disciplines-treacy-wiersema.md', 'vertical-integration-model.md'];
    const shared65 = ['enable-personalization-with-independent-providers.md', 'platform-bundling.md'];
    expect(pathsWithLine(independent.text, /^id: pat_placeholder\s*$/m)).toEqual(placeholder);
    expect(pathsWithLine(independent.text, /^id: pat_65c7a1b1e6b3b1e6b3b1e6b3\s*$/m)).toEqual(shared65);
    const dup = byRule(all, 'duplicate-id');
    expect(dup.map((d) => d.path).sort()).toEqual([...placeholder, ...shared65].sort());
    expect(dup.find((d) => d.path === 'platform-bundling.md')?.message).toBe(
      "id 'pat_65c7a1b1e6b3b1e6b3b1e6b3' is also used by enable-personalization-with-independent-providers.md",
    );
    expect(dup.find((d) => d.path === 'vertical-integration-model.md')?.message).toBe(
      "id 'pat_placeholder' is also used by lean-canvas-ash-mauryas-adaptation.md, precious-plastic-distributed-recycling.md, value-disciplines-treacy-wiersema.md",
    );
  });

  it('counts 14,940 curated and 18,508 inferred links, about half of the inferred already curated', () => {
    expect([stats.curatedTotal, stats.inferredTotal, stats.inferredAlreadyCurated]).toEqual([14_940, 18_508, 9_826]);
    expect([independent.curated, independent.inferred, independent.inferredAlreadyCurated]).toEqual([14_940, 18_508, 9_826]);
    expect(byRule(all, 'inferred-already-curated')).toHaveLength(9_826);
    expect(stats.inferredAlreadyCurated / stats.inferredTotal).toBeGreaterThan(0.45);
    expect(stats.inferredAlreadyCurated / stats.inferredTotal).toBeLessThan(0.6);
  });

  it('gives every legacy file exactly one legacy-format finding and no flood', () => {
    const perFile = new Map<string, number>();
    for (const d of byRule(all, 'legacy-format')) perFile.set(d.path, (perFile.get(d.path) ?? 0) + 1);
    expect([...perFile.keys()].sort()).toEqual([...independent.legacy].sort());
    expect([...perFile.values()].every((n) => n === 1)).toBe(true);
    // Besides the migration hint, a legacy file only hears about its identity.
    const rulesInLegacy = new Set(all.filter((d) => independent.legacy.has(d.path)).map((d) => d.rule));
    expect([...rulesInLegacy].filter((r) => !['legacy-format', 'duplicate-id', 'duplicate-slug', 'duplicate-title', 'slug-mismatch', 'slug-format', 'required-field'].includes(r))).toEqual([]);
  });
});
