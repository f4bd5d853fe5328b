/**
 * The per-vault index cache in `<vault>/.trellis/cache/`: each file's analysis
 * keyed by size and modification time, so reopening a vault re-reads only
 * what changed. A cache from another build, another schema, or one that does
 * not deserialize is ignored and rebuilt, never trusted.
 */
import { mkdir, readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { PatternSchema } from '../../shared/schema/schema';
import type { FileAnalysis } from '../../shared/validation/analyze-file';

declare const TRELLIS_BUILD_ID: string | undefined;

/** Changes whenever the analysing code changes (the build injects a hash of the sources). */
const BUILD_ID = typeof TRELLIS_BUILD_ID === 'string' ? TRELLIS_BUILD_ID : 'dev';
const FORMAT = 1;

export interface CachedFile {
  size: number;
  mtimeMs: number;
  analysis: FileAnalysis;
}

interface CacheFile {
  format: number;
  build: string;
  schema: string;
  files: Record<string, CachedFile>;
}

export function cacheDir(root: string): string {
  return join(root, '.trellis', 'cache');
}

function cachePath(root: string): string {
  return join(cacheDir(root), 'index.v8');
}

export function schemaKey(schema: PatternSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

export type CacheLoad = { ok: true; files: Map<string, CachedFile> } | { ok: false; reason: string };

export async function loadIndexCache(root: string, schema: PatternSchema): Promise<CacheLoad> {
  let bytes: Buffer;
  try {
    bytes = await readFile(cachePath(root));
  } catch {
    return { ok: false, reason: 'no cache' };
  }
  let data: unknown;
  try {
    data = deserialize(bytes);
  } catch {
    return { ok: false, reason: 'the cache is corrupt' };
  }
  const c = data as Partial<CacheFile> | null;
  if (!c || typeof c !== 'object' || c.format !== FORMAT || typeof c.files !== 'object' || c.files === null) return { ok: false, reason: 'the cache has another format' };
  if (c.build !== BUILD_ID) return { ok: false, reason: 'the cache was written by another build' };
  if (c.schema !== schemaKey(schema)) return { ok: false, reason: 'the vault schema changed' };
  const files = new Map<string, CachedFile>();
  for (const [path, entry] of Object.entries(c.files)) {
    const e = entry as Partial<CachedFile> | null;
    if (!e || typeof e.size !== 'number' || typeof e.mtimeMs !== 'number' || !e.analysis || e.analysis.facts?.path !== path) {
      return { ok: false, reason: 'the cache is inconsistent' };
    }
    files.set(path, e as CachedFile);
  }
  return { ok: true, files };
}

/** Writes the cache atomically; a failure only costs the next open its speed. */
export async function saveIndexCache(root: string, schema: PatternSchema, files: Map<string, CachedFile>): Promise<void> {
  const dir = cacheDir(root);
  await mkdir(dir, { recursive: true });
  const data: CacheFile = { format: FORMAT, build: BUILD_ID, schema: schemaKey(schema), files: Object.fromEntries(files) };
  const tmp = join(dir, `.trellis-tmp-index-${process.pid}-${Date.now()}`);
  try {
    await writeFile(tmp, serialize(data));
    await rename(tmp, cachePath(root));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
