/**
 * TEST SUPPORT ONLY. Finds the real pattern corpus for tests beside the edit
 * code. The file system comes in as a port from the test file (which may
 * import `node:fs`), so this helper stays as pure as the rest of `shared/`.
 */

export interface CorpusFs {
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
  readFileSync(path: string, encoding: 'utf8'): string;
}

export interface Corpus {
  /** Folder of the pattern files: `../shared/corpus/patterns` from the repository root. */
  dir: string;
  available: boolean;
  /** True under CI, where a missing corpus must fail the run instead of skipping. */
  required: boolean;
  /** File names (`x.md`), sorted. */
  names: string[];
  read(name: string): string;
}

/** `cwd` is the repository root (where vitest runs); `ci` is `process.env.CI`. */
export function openCorpus(fs: CorpusFs, cwd: string, ci: string | undefined): Corpus {
  const dir = `${cwd}/../shared/corpus/patterns`;
  const available = fs.existsSync(dir);
  const names = available ? fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort() : [];
  return {
    dir,
    available,
    required: Boolean(ci),
    names,
    read: (name) => fs.readFileSync(`${dir}/${name}`, 'utf8'),
  };
}
