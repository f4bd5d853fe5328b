/**
 * Serving the built renderer from one folder, for both the browser-mode
 * server and Electron's trellis:// protocol. A request path is judged as
 * text first (decoded exactly once; traversal in any encoding, backslashes,
 * NUL, absolute forms and hidden files refused) and only then touches the
 * disk, where the real path must still lie inside the folder, so a symbolic
 * link cannot lead out of it.
 */
import { constants } from 'node:fs';
import { open, readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

export type StaticPath = { ok: true; segments: string[] } | { ok: false; status: 400 | 404 | 414; reason: string };

const MAX_PATH_LENGTH = 2048;

// eslint-disable-next-line no-control-regex -- control characters are what we refuse
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * Judges the path part of a request URL (no query, no fragment), exactly as
 * it arrived. Returns the file's segments under the static folder; `/` is
 * `index.html`.
 */
export function parseStaticPath(rawPath: string): StaticPath {
  if (rawPath.length > MAX_PATH_LENGTH) return { ok: false, status: 414, reason: 'path too long' };
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return { ok: false, status: 400, reason: 'only origin-relative paths are served' };
  // Checked before decoding too: an encoded backslash or NUL has no business in a URL of ours.
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return { ok: false, status: 400, reason: 'backslash in path' };
  if (/%00/.test(rawPath) || CONTROL.test(rawPath)) return { ok: false, status: 400, reason: 'control character in path' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  // Decoded once only: a `%` left over means double encoding (`%252e%252e`), a classic traversal disguise.
  if (decoded.includes('%')) return { ok: false, status: 400, reason: 'encoded characters after decoding' };
  if (decoded.includes('\\') || CONTROL.test(decoded)) return { ok: false, status: 400, reason: 'forbidden character in path' };
  if (decoded.startsWith('//')) return { ok: false, status: 400, reason: 'only origin-relative paths are served' };
  const rest = decoded.slice(1);
  if (rest === '') return { ok: true, segments: ['index.html'] };
  const segments = rest.split('/');
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return { ok: false, status: 400, reason: 'path traversal' };
    if (segment === '') return { ok: false, status: 404, reason: 'not found' };
    // `:` would name a drive or an alternate data stream on Windows.
    if (segment.includes(':')) return { ok: false, status: 400, reason: 'forbidden character in path' };
    if (segment.startsWith('.')) return { ok: false, status: 404, reason: 'not found' };
  }
  return { ok: true, segments };
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticFile = { ok: true; body: Buffer; contentType: string } | { ok: false; status: 403 | 404; reason: string };

// Not on Windows, where the real-path check alone has to do.
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

export interface StaticFolderOptions {
  /**
   * `handle` (default): open with O_NOFOLLOW and read from the handle, so a
   * link swapped in after the check is not followed. `plain`: `readFile`,
   * for a folder inside Electron's app.asar, which is read-only and where
   * only the plain calls read from the archive itself (a file handle would
   * first copy the file out to a temp folder).
   */
  read?: 'handle' | 'plain';
}

/** A static folder, its real path taken once: everything served must really lie under it. */
export class StaticFolder {
  private constructor(
    readonly realRoot: string,
    private readonly mode: 'handle' | 'plain',
  ) {}

  static async open(dir: string, options: StaticFolderOptions = {}): Promise<StaticFolder> {
    return new StaticFolder(await realpath(dir), options.read ?? 'handle');
  }

  /** Reads the file a checked path names; refuses anything whose real path leaves the folder. */
  async read(segments: readonly string[]): Promise<StaticFile> {
    const candidate = join(this.realRoot, ...segments);
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return { ok: false, status: 404, reason: 'not found' };
    }
    if (!isInside(this.realRoot, real)) return { ok: false, status: 403, reason: 'outside the served folder' };
    if (this.mode === 'plain') return this.readPlain(real);
    let handle;
    try {
      // O_NOFOLLOW: should the last component be swapped for a link after the check, the open fails.
      handle = await open(real, constants.O_RDONLY | O_NOFOLLOW);
    } catch {
      return { ok: false, status: 404, reason: 'not found' };
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { ok: false, status: 404, reason: 'not found' };
      return { ok: true, body: await handle.readFile(), contentType: contentTypeFor(real) };
    } finally {
      await handle.close();
    }
  }

  private async readPlain(real: string): Promise<StaticFile> {
    try {
      if (!(await stat(real)).isFile()) return { ok: false, status: 404, reason: 'not found' };
      return { ok: true, body: await readFile(real), contentType: contentTypeFor(real) };
    } catch {
      return { ok: false, status: 404, reason: 'not found' };
    }
  }

  /** Parses a raw request path and reads it: the whole path from URL to bytes. */
  async serve(rawPath: string): Promise<StaticFile | Extract<StaticPath, { ok: false }>> {
    const parsed = parseStaticPath(rawPath);
    if (!parsed.ok) return parsed;
    return this.read(parsed.segments);
  }
}
