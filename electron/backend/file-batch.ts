/**
 * Writes a set of file changes as one step: every file is first checked to
 * still hold what the change was computed from; then each is written
 * atomically; if one write fails, the files already written are put back.
 * The same operations, reversed, are the undo of the step.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hashText, writeFileAtomic } from './safe-write';
import { resolveInVault } from './vault-paths';

/** One file's change; `undefined` text means "absent" (create or delete). */
export interface FileOp {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

export type BatchOutcome =
  | { ok: true; written: string[] }
  | { ok: false; kind: 'conflict' | 'error'; message: string; files: string[] };

async function readCurrent(abs: string): Promise<string | undefined> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Not there (or a parent is a file): absent, as far as the batch is concerned.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

export function reverseOps(ops: readonly FileOp[]): FileOp[] {
  return [...ops].reverse().map((op) => ({ path: op.path, before: op.after, after: op.before }));
}

async function writeOne(root: string, op: FileOp): Promise<void> {
  const abs = await resolveInVault(root, op.path);
  if (op.after === undefined) {
    await unlink(abs);
    return;
  }
  // A new file may need its folder (the first `.trellis/pruned.yaml` of a vault).
  if (op.before === undefined) await mkdir(dirname(abs), { recursive: true });
  const result = await writeFileAtomic(abs, op.after, op.before === undefined ? {} : { expectedHash: hashText(op.before) });
  if (!result.ok) throw new Error(result.message);
}

/**
 * Applies the operations. `onWritten` is told each path with the text it now
 * has, before the watcher can see it, so our own writes are recognised.
 */
/** Writes in flight at once: fsync waits overlap, which matters for batches of thousands of files. */
const CONCURRENCY = 8;

/**
 * Applies the operations. `onWritten` is told each path with the text it now
 * has, before the watcher can see it, so our own writes are recognised.
 */
export async function applyFileOps(root: string, ops: readonly FileOp[], onWritten: (path: string, text: string | undefined) => void): Promise<BatchOutcome> {
  const stale: string[] = [];
  await forEachLimited(ops, CONCURRENCY, async (op) => {
    const current = await readCurrent(await resolveInVault(root, op.path));
    if (current !== op.before) stale.push(op.path);
  });
  if (stale.length) {
    stale.sort();
    return { ok: false, kind: 'conflict', message: `changed on disk since the edit was prepared: ${stale.join(', ')}; nothing was written`, files: stale };
  }
  const done: FileOp[] = [];
  let failure: { op: FileOp; err: unknown } | undefined;
  // Deletions go last: a rename writes the new file before removing the old one.
  const ordered = [...ops.filter((o) => o.after !== undefined), ...ops.filter((o) => o.after === undefined)];
  await forEachLimited(ordered, CONCURRENCY, async (op) => {
    if (failure) return;
    try {
      onWritten(op.path, op.after);
      await writeOne(root, op);
      done.push(op);
    } catch (err) {
      failure ??= { op, err };
    }
  });
  if (failure) {
    // Put back what was already written, newest first; the failed file was left intact by the atomic write.
    for (const undo of reverseOps(done)) {
      onWritten(undo.path, undo.after);
      await writeOne(root, undo).catch(() => undefined);
    }
    return { ok: false, kind: 'error', message: `could not write ${failure.op.path}: ${(failure.err as Error).message}; nothing was changed`, files: [failure.op.path] };
  }
  return { ok: true, written: ops.map((o) => o.path) };
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
