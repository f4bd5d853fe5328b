/**
 * The vault as a whole: every file's analysis plus the lookups that
 * cross-file rules need. Updating one file re-validates only the files whose
 * findings can depend on it (same id, slug or title; files linking to it),
 * never the whole vault.
 */
import type { PatternSchema } from '../schema/schema';
import type { FileAnalysis } from '../validation/analyze-file';
import { compareDiagnostics, type Diagnostic } from '../validation/diagnostic';
import type { PatternFacts } from '../model/pattern-facts';
import { crossFileDiagnostics } from '../validation/vault-rules';

type MultiMap = Map<string, Set<string>>;

function add(map: MultiMap, key: string | undefined, path: string): void {
  if (key === undefined || key === '') return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(path);
}

function remove(map: MultiMap, key: string | undefined, path: string): void {
  if (key === undefined || key === '') return;
  const set = map.get(key);
  if (!set) return;
  set.delete(path);
  if (set.size === 0) map.delete(key);
}

export function titleKey(title: string | undefined): string | undefined {
  return title === undefined ? undefined : title.trim().replace(/\s+/g, ' ').toLowerCase();
}

export class VaultIndex {
  private readonly files = new Map<string, FileAnalysis>();
  private readonly byName: MultiMap = new Map();
  private readonly bySlug: MultiMap = new Map();
  private readonly byId: MultiMap = new Map();
  private readonly byTitle: MultiMap = new Map();
  /** Link target → files whose curated or inferred links name it. */
  private readonly referrers: MultiMap = new Map();
  /** Cached cross-file findings; a missing entry means "recompute". */
  private readonly cross = new Map<string, Diagnostic[]>();

  /** The vault's record of rejected links (`prunedKey`s), from `.trellis/pruned.yaml`. */
  private prunedValue: ReadonlySet<string> = new Set();

  constructor(private schemaValue: PatternSchema) {}

  get pruned(): ReadonlySet<string> {
    return this.prunedValue;
  }

  /** Replaces the record of rejected links; the files named in what changed are re-validated. */
  setPruned(keys: ReadonlySet<string>): void {
    const before = this.prunedValue;
    this.prunedValue = keys;
    for (const key of [...before, ...keys]) {
      if (before.has(key) && keys.has(key)) continue;
      const source = key.slice(0, key.indexOf('\u0000'));
      for (const f of this.resolve(source)) this.cross.delete(f.path);
    }
  }

  get schema(): PatternSchema {
    return this.schemaValue;
  }

  setSchema(schema: PatternSchema): void {
    this.schemaValue = schema;
    this.cross.clear();
  }

  get size(): number {
    return this.files.size;
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  get(path: string): FileAnalysis | undefined {
    return this.files.get(path);
  }

  facts(path: string): PatternFacts | undefined {
    return this.files.get(path)?.facts;
  }

  allFacts(): PatternFacts[] {
    return [...this.files.values()].map((f) => f.facts);
  }

  /**
   * Files named or slugged `target` (a link resolves by file name first, then
   * slug), in path order, so that the answer never depends on the order in
   * which files were loaded or updated.
   */
  resolve(target: string): PatternFacts[] {
    const paths = this.byName.get(target) ?? this.bySlug.get(target);
    if (!paths) return [];
    const out: PatternFacts[] = [];
    for (const p of [...paths].sort()) {
      const f = this.files.get(p);
      if (f) out.push(f.facts);
    }
    return out;
  }

  exists(target: string): boolean {
    return this.byName.has(target) || this.bySlug.has(target);
  }

  pathsWithId(id: string): string[] {
    return [...(this.byId.get(id) ?? [])];
  }

  pathsWithSlug(slug: string): string[] {
    return [...(this.bySlug.get(slug) ?? [])];
  }

  pathsWithTitle(title: string): string[] {
    return [...(this.byTitle.get(titleKey(title) ?? '') ?? [])];
  }

  referrersOf(target: string): string[] {
    return [...(this.referrers.get(target) ?? [])];
  }

  /** Loads many files at once (opening a vault): no per-file impact analysis. */
  load(analyses: Iterable<FileAnalysis>): void {
    for (const a of analyses) {
      const old = this.files.get(a.facts.path);
      if (old) this.unindex(old.facts);
      this.files.set(a.facts.path, a);
      this.index(a.facts);
    }
    this.cross.clear();
  }

  /** Adds or replaces one file; returns every path whose findings may have changed. */
  update(analysis: FileAnalysis): string[] {
    const path = analysis.facts.path;
    const old = this.files.get(path);
    const affected = new Set<string>([path]);
    if (old) {
      this.collectAffected(old.facts, affected);
      this.unindex(old.facts);
    }
    this.files.set(path, analysis);
    this.index(analysis.facts);
    this.collectAffected(analysis.facts, affected);
    for (const p of affected) this.cross.delete(p);
    return [...affected].sort();
  }

  /** Removes a file; returns every path whose findings may have changed (the removed one included). */
  delete(path: string): string[] {
    const old = this.files.get(path);
    if (!old) return [];
    const affected = new Set<string>([path]);
    this.collectAffected(old.facts, affected);
    this.unindex(old.facts);
    this.files.delete(path);
    for (const p of affected) this.cross.delete(p);
    return [...affected].sort();
  }

  private collectAffected(f: PatternFacts, into: Set<string>): void {
    const addAll = (set: Set<string> | undefined) => set?.forEach((p) => into.add(p));
    addAll(this.byName.get(f.name));
    addAll(this.referrers.get(f.name));
    if (f.slug !== undefined) {
      addAll(this.bySlug.get(f.slug));
      addAll(this.referrers.get(f.slug));
    }
    if (f.id !== undefined) addAll(this.byId.get(f.id));
    const t = titleKey(f.title);
    if (t !== undefined) addAll(this.byTitle.get(t));
    // Legacy TypeID lists are not validated across files (one migration finding instead), so they add nothing here.
  }

  private index(f: PatternFacts): void {
    add(this.byName, f.name, f.path);
    add(this.bySlug, f.slug, f.path);
    add(this.byId, f.id, f.path);
    add(this.byTitle, titleKey(f.title), f.path);
    for (const l of f.curated) add(this.referrers, l.target, f.path);
    for (const l of f.inferred) add(this.referrers, l.target, f.path);
  }

  private unindex(f: PatternFacts): void {
    remove(this.byName, f.name, f.path);
    remove(this.bySlug, f.slug, f.path);
    remove(this.byId, f.id, f.path);
    remove(this.byTitle, titleKey(f.title), f.path);
    for (const l of f.curated) remove(this.referrers, l.target, f.path);
    for (const l of f.inferred) remove(this.referrers, l.target, f.path);
  }

  crossDiagnostics(path: string): Diagnostic[] {
    let cached = this.cross.get(path);
    if (!cached) {
      const f = this.files.get(path);
      cached = f ? crossFileDiagnostics(f.facts, this) : [];
      this.cross.set(path, cached);
    }
    return cached;
  }

  /** Every finding of one file, its own and the cross-file ones, in source order. */
  diagnostics(path: string): Diagnostic[] {
    const f = this.files.get(path);
    if (!f) return [];
    return [...f.diagnostics, ...this.crossDiagnostics(path)].sort(compareDiagnostics);
  }

  /** Findings per severity over the whole vault, without building the sorted list. */
  severityCounts(): Record<'error' | 'warning' | 'info', number> {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const [path, f] of this.files) {
      for (const d of f.diagnostics) counts[d.severity]++;
      for (const d of this.crossDiagnostics(path)) counts[d.severity]++;
    }
    return counts;
  }

  allDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const path of this.paths()) out.push(...this.diagnostics(path));
    return out;
  }
}
