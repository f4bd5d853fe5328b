/** Small helpers every `npm run bench:*` script shares: arguments, medians, a table. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

export function parseBenchArgs(argv: string[], defaultFolder: string): { folder: string; runs: number } {
  let folder = defaultFolder;
  let runs = 5;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--runs') runs = Math.max(1, Number(argv[++i]));
    else if (!a.startsWith('-')) folder = a;
  }
  return { folder, runs };
}

export function printTable(title: string, rows: Array<[string, number[]]>): void {
  console.log(title);
  console.log(`${'measure'.padEnd(46)} ${'median ms'.padStart(10)} ${'min'.padStart(8)} ${'max'.padStart(8)}  runs`);
  for (const [name, values] of rows) {
    console.log(
      `${name.padEnd(46)} ${median(values).toFixed(0).padStart(10)} ${Math.min(...values).toFixed(0).padStart(8)} ${Math.max(...values).toFixed(0).padStart(8)}  ${values.length}`,
    );
  }
}
