/**
 * Crash-safe, conflict-checked file writes: the new content goes to a temp
 * file in the same folder (`.trellis-tmp-…`, which the watcher ignores), is
 * fsynced, renamed over the original (atomic on one file system) and the
 * folder is fsynced so the rename itself survives a crash. The original keeps
 * its mode. Every failure comes back as a value and leaves the original intact
 * and no temp file behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_PREFIX = '.trellis-tmp-';

/** sha256 hex of the text's UTF-8 bytes: the identity of a file version. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type WriteFailureKind = 'deleted' | 'permission' | 'no-space' | 'not-found' | 'io';

export type WriteResult =
  | { ok: true; hash: string; bytes: number }
  /** The file changed on disk since the content was based on it: nothing was written. */
  | { ok: false; kind: 'conflict'; message: string; diskText: string; diskHash: string }
  | { ok: false; kind: WriteFailureKind; message: string; code?: string };

export interface WriteOptions {
  /** sha256 hex (see `hashText`) of the content this write was based on; the write is refused when the disk differs. */
  expectedHash?: string;
}

/** The file operations the writer needs: the real ones, or a test's with injected failures. */
export interface AtomicFs {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ mode: number; uid: number; gid: number; isDirectory(): boolean }>;
  realpath(path: string): Promise<string>;
  open(path: string, flags: string, mode: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** fsync of a folder, so a rename in it is durable. */
  syncFolder(path: string): Promise<void>;
}

export interface WritableHandle {
  writeFile(data: Uint8Array): Promise<void>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeAtomicFs: AtomicFs = {
  readFile: (p) => fsp.readFile(p),
  stat: (p) => fsp.stat(p),
  realpath: (p) => fsp.realpath(p),
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  async syncFolder(p) {
    const handle = await fsp.open(p, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

function codeOf(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

function failure(err: unknown, path: string): WriteResult {
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return { ok: false, kind: 'permission', code, message: `cannot write ${path}: permission denied (is the folder read-only?); the file is unchanged` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { ok: false, kind: 'no-space', code, message: `cannot write ${path}: the disk is full; the file is unchanged` };
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, kind: 'not-found', code, message: `cannot write ${path}: its folder does not exist (${detail})` };
    default:
      return code === undefined
        ? { ok: false, kind: 'io', message: `cannot write ${path}: ${detail}; the file is unchanged` }
        : { ok: false, kind: 'io', code, message: `cannot write ${path}: ${detail}; the file is unchanged` };
  }
}

/** undefined when the disk holds the expected version; otherwise why not (as the result to return). */
async function checkDisk(fs: AtomicFs, target: string, path: string, expectedHash: string): Promise<WriteResult | undefined> {
  let disk: Uint8Array;
  try {
    disk = await fs.readFile(target);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return { ok: false, kind: 'deleted', code: 'ENOENT', message: `${path} was deleted since it was opened; nothing was written` };
    return failure(err, path);
  }
  const diskHash = hashBytes(disk);
  if (diskHash === expectedHash) return undefined;
  // ignoreBOM keeps a BOM in the text (the default decoder would silently drop it).
  const diskText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(disk);
  return { ok: false, kind: 'conflict', message: `${path} changed on disk since it was opened; nothing was written`, diskText, diskHash };
}

async function statOrUndefined(fs: AtomicFs, path: string): Promise<Awaited<ReturnType<AtomicFs['stat']>> | undefined> {
  try {
    return await fs.stat(path);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return undefined;
    throw err;
  }
}

export type AtomicWriter = (path: string, data: string | Uint8Array, options?: WriteOptions) => Promise<WriteResult>;

/** A writer over `fs`; `writeFileAtomic` is the one over the real file system. */
export function createAtomicWriter(fs: AtomicFs): AtomicWriter {
  return async function writeAtomic(path, data, options = {}) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    let target = path;
    let existing: Awaited<ReturnType<typeof statOrUndefined>>;
    try {
      // Through a symlink, the file it points at is replaced and the link stays a link.
      target = await fs.realpath(path).catch((err: unknown) => {
        if (codeOf(err) === 'ENOENT') return path;
        throw err;
      });
      existing = await statOrUndefined(fs, target);
    } catch (err) {
      return failure(err, path);
    }
    if (existing?.isDirectory()) return { ok: false, kind: 'io', code: 'EISDIR', message: `cannot write ${path}: it is a folder` };
    if (options.expectedHash !== undefined) {
      const stale = await checkDisk(fs, target, path, options.expectedHash);
      if (stale) return stale;
    }

    const folder = dirname(target);
    const temp = join(folder, `${TEMP_PREFIX}${basename(target)}-${randomBytes(6).toString('hex')}`);
    const mode = existing ? existing.mode & 0o7777 : 0o666;
    let handle: WritableHandle | undefined;
    let tempExists = false;
    try {
      handle = await fs.open(temp, 'wx', mode);
      tempExists = true;
      await handle.writeFile(bytes);
      if (existing) {
        // `open`'s mode passes through the umask; set the original's exactly.
        await handle.chmod(mode);
        await handle.chown(existing.uid, existing.gid).catch(() => undefined); // only root may give files away
      }
      await handle.sync();
      await handle.close();
      handle = undefined;
      if (options.expectedHash !== undefined) {
        // A last look: a change that landed while we were writing wins.
        const stale = await checkDisk(fs, target, path, options.expectedHash);
        if (stale) {
          await fs.unlink(temp).catch(() => undefined);
          tempExists = false;
          return stale;
        }
      }
      await fs.rename(temp, target);
      tempExists = false;
    } catch (err) {
      if (handle) await handle.close().catch(() => undefined);
      if (tempExists) await fs.unlink(temp).catch(() => undefined);
      return failure(err, path);
    }
    // The content is in place; a folder that cannot be fsynced (some platforms refuse) only weakens durability.
    await fs.syncFolder(folder).catch(() => undefined);
    return { ok: true, hash: hashBytes(bytes), bytes: bytes.length };
  };
}

export const writeFileAtomic = createAtomicWriter(nodeAtomicFs);
