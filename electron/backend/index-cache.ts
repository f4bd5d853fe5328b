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
import { packAnalyses, unpackAnalyses, type PackedAnalyses } from './pack-analyses';

declare const TRELLIS_BUILD_ID: string | undefined;

/** Changes whenever the analysing code changes (the build injects a hash of the sources). */
const BUILD_ID = typeof TRELLIS_BUILD_ID === 'string' ? TRELLIS_BUILD_ID : 'dev';
const FORMAT = 2;

export interface CachedFile {
  size: number;
  mtimeMs: number;
  analysis: FileAnalysis;
}

interface CacheFile {
  format: number;
  build: string;
  schema: string;
  paths: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  packed: PackedAnalyses;
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
  if (!c || typeof c !== 'object' || c.format !== FORMAT) return { ok: false, reason: 'the cache has another format' };
  if (c.build !== BUILD_ID) return { ok: false, reason: 'the cache was written by another build' };
  if (c.schema !== schemaKey(schema)) return { ok: false, reason: 'the vault schema changed' };
  const { paths, sizes, mtimes, packed } = c;
  if (!Array.isArray(paths) || !(sizes instanceof Float64Array) || !(mtimes instanceof Float64Array) || !packed || !Array.isArray(packed.analyses) || !(packed.spans instanceof Int32Array)) {
    return { ok: false, reason: 'the cache is inconsistent' };
  }
  if (sizes.length !== paths.length || mtimes.length !== paths.length || packed.analyses.length !== paths.length) return { ok: false, reason: 'the cache is inconsistent' };
  let analyses: FileAnalysis[];
  try {
    analyses = unpackAnalyses(packed);
  } catch {
    return { ok: false, reason: 'the cache is inconsistent' };
  }
  const files = new Map<string, CachedFile>();
  for (let i = 0; i < paths.length; i++) {
    const analysis = analyses[i] as FileAnalysis;
    if (analysis?.facts?.path !== paths[i]) return { ok: false, reason: 'the cache is inconsistent' };
    files.set(paths[i] as string, { size: sizes[i] as number, mtimeMs: mtimes[i] as number, analysis });
  }
  return { ok: true, files };
}

/** Writes the cache atomically; a failure only costs the next open its speed. */
export async function saveIndexCache(root: string, schema: PatternSchema, files: Map<string, CachedFile>): Promise<void> {
  const dir = cacheDir(root);
  await mkdir(dir, { recursive: true });
  const entries = [...files];
  const data: CacheFile = {
    format: FORMAT,
    build: BUILD_ID,
    schema: schemaKey(schema),
    paths: entries.map(([p]) => p),
    sizes: Float64Array.from(entries, ([, e]) => e.size),
    mtimes: Float64Array.from(entries, ([, e]) => e.mtimeMs),
    packed: packAnalyses(entries.map(([, e]) => e.analysis)),
  };
  const tmp = join(dir, `.trellis-tmp-index-${process.pid}-${Date.now()}`);
  try {
    await writeFile(tmp, serialize(data));
    await rename(tmp, cachePath(root));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
