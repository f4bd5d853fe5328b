/**
 * A compact unified diff (as `git diff` prints it) for previews of batch edits.
 * Myers' O(ND) algorithm on the lines between the common prefix and suffix:
 * edits touch a few lines of large files, so D is small and the diff is cheap.
 */

export interface DiffOptions {
  /** Unchanged lines shown around each change (3, like git). */
  context?: number;
}

const MAX_MYERS_LINES = 4000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their line breaks, so a missing final newline shows up. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** Shortest edit script between `a` and `b` (Myers 1986, greedy forward pass with a trace to backtrack). */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  // The trace costs O(D * (n + m)) memory; past this size a valid but non-minimal
  // diff (all removals, then all additions) is the better deal.
  if (max > MAX_MYERS_LINES) return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const at = (arr: Int32Array, k: number): number => arr[offset + k] as number;
  const trace: Int32Array[] = [];
  search: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && at(v, k - 1) < at(v, k + 1)) ? at(v, k + 1) : at(v, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break search;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(vd, k - 1) < at(vd, k + 1)) ? k + 1 : k - 1;
    const prevX = at(vd, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] as string });
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[prevY] as string });
    else ops.push({ kind: '-', line: a[prevX] as string });
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** Like git, a CR before the line break stays part of the line's content. */
function lineText(op: Op): string {
  const hasEol = op.line.endsWith('\n');
  return op.kind + (hasEol ? op.line.slice(0, -1) : op.line) + (hasEol ? '' : '\n\\ No newline at end of file');
}

function range(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** The head ends at a line start, so its lines are its line breaks. */
function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The last `n` lines of a text that ends at a line start. */
function lastLines(text: string, n: number): string[] {
  let at = text.length;
  for (let k = 0; k < n && at > 0; k++) at = at < 2 ? 0 : text.lastIndexOf('\n', at - 2) + 1;
  return splitLines(text.slice(at));
}

function firstLines(text: string, n: number): string[] {
  let at = 0;
  for (let k = 0; k < n && at < text.length; k++) {
    const nl = text.indexOf('\n', at);
    at = nl < 0 ? text.length : nl + 1;
  }
  return splitLines(text.slice(0, at));
}

/**
 * The texts split into an equal head, the differing middle lines and an equal
 * tail, cut at line starts. Found on characters first: an edit touches a few
 * lines of a 24 KB file, and splitting whole files into lines would dominate a
 * vault-wide preview.
 */
function trimEqualEnds(before: string, after: string): { head: string; a: string[]; b: string[]; tail: string } {
  const limit = Math.min(before.length, after.length);
  let p = 0;
  while (p < limit && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // (`lastIndexOf` with a negative start still looks at index 0, hence the guard.)
  const headEnd = p === 0 ? 0 : before.lastIndexOf('\n', p - 1) + 1;
  let q = 0;
  while (q < limit - headEnd && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  let tail = before.slice(before.length - q);
  const atLineStart = (t: string, at: number): boolean => at === 0 || t.charCodeAt(at - 1) === 10;
  if (!(atLineStart(before, before.length - q) && atLineStart(after, after.length - q))) {
    const nl = tail.indexOf('\n');
    tail = nl < 0 ? '' : tail.slice(nl + 1);
  }
  return {
    head: before.slice(0, headEnd),
    a: splitLines(before.slice(headEnd, before.length - tail.length)),
    b: splitLines(after.slice(headEnd, after.length - tail.length)),
    tail,
  };
}

/** `--- a/path`, `+++ b/path` and `@@` hunks; an empty string when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string, options: DiffOptions = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const { head, a, b, tail } = trimEqualEnds(before, after);
  const lead = lastLines(head, context);
  const trail = firstLines(tail, context);
  const ops: Op[] = [
    ...lead.map((line): Op => ({ kind: ' ', line })),
    ...myers(a, b),
    ...trail.map((line): Op => ({ kind: ' ', line })),
  ];
  const base = countLines(head) - lead.length;

  // Line numbers before each op, then hunks: changes closer than 2*context lines share one.
  const aAt: number[] = [];
  const bAt: number[] = [];
  let na = base;
  let nb = base;
  for (const op of ops) {
    aAt.push(na);
    bAt.push(nb);
    if (op.kind !== '+') na++;
    if (op.kind !== '-') nb++;
  }
  const changed: number[] = [];
  ops.forEach((op, i) => {
    if (op.kind !== ' ') changed.push(i);
  });
  const out: string[] = [`--- a/${path}`, `+++ b/${path}`];
  let h = 0;
  while (h < changed.length) {
    let last = h;
    while (last + 1 < changed.length && (changed[last + 1] as number) - (changed[last] as number) <= 2 * context + 1) last++;
    const from = Math.max(0, (changed[h] as number) - context);
    const to = Math.min(ops.length, (changed[last] as number) + context + 1);
    const slice = ops.slice(from, to);
    const countA = slice.filter((op) => op.kind !== '+').length;
    const countB = slice.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(aAt[from] as number, countA)} +${range(bAt[from] as number, countB)} @@`, ...slice.map(lineText));
    h = last + 1;
  }
  return out.join('\n') + '\n';
}
