/**
 * Validates every request that crosses into the backend (IPC or WebSocket):
 * right method, right shape, and paths that cannot leave the vault. Whatever
 * a hostile page sends, the backend only ever sees requests that pass here.
 */
import { METHOD_NAMES, type MethodName, type RequestOf, type VaultEditRequest } from './vault-api';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX_TEXT = 8 * 1024 * 1024;
const MAX_PATH = 1024;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

/**
 * A vault-relative path: `/` separators, no `.` or `..` segments, not absolute,
 * no backslashes, drive letters, NUL or control characters. Decoded forms
 * (`%2e%2e`) are not decoded here: they are simply odd file names, and the
 * backend's real-path check confines them again.
 */
export function checkVaultPath(value: unknown, what = 'path'): string {
  if (typeof value !== 'string' || value === '') fail(`${what} must be a non-empty string`);
  if (value.length > MAX_PATH) fail(`${what} is too long`);
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\x00-\x1f\\]/.test(value)) fail(`${what} contains a forbidden character`);
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value)) fail(`${what} must be relative to the vault`);
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') fail(`${what} '${value}' has an empty, '.' or '..' segment`);
  }
  return value;
}

function checkMarkdownPath(value: unknown, what = 'path'): string {
  const path = checkVaultPath(value, what);
  if (!path.toLowerCase().endsWith('.md')) fail(`${what} must name a Markdown file`);
  return path;
}

function str(v: unknown, what: string, max = 512): string {
  if (typeof v !== 'string' || v === '' || v.length > max) fail(`${what} must be a non-empty string`);
  return v;
}

function optStr(v: unknown, what: string): string | undefined {
  return v === undefined ? undefined : str(v, what);
}

function num(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(`${what} must be a number from ${min} to ${max}`);
  return v;
}

function strList(v: unknown, what: string, each: (x: unknown, what: string) => string): string[] {
  if (!Array.isArray(v) || v.length > 100_000) fail(`${what} must be a list`);
  return v.map((x, i) => each(x, `${what}[${i}]`));
}

function noExtraKeys(r: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(r)) if (!allowed.includes(k)) fail(`unexpected field '${k}'`);
}

function checkEdit(v: unknown): VaultEditRequest {
  if (!isRecord(v)) fail('edit must be an object');
  switch (v.kind) {
    case 'promote': {
      noExtraKeys(v, ['kind', 'path', 'target', 'type', 'weight', 'inverse', 'index']);
      const edit: VaultEditRequest = { kind: 'promote', path: checkMarkdownPath(v.path), target: str(v.target, 'target') };
      const type = optStr(v.type, 'type');
      if (type !== undefined) edit.type = type;
      if (v.weight !== undefined) edit.weight = num(v.weight, 'weight', 0, 1);
      if (v.index !== undefined) {
        if (!Number.isInteger(v.index) || (v.index as number) < 0) fail('index must be a whole number');
        edit.index = v.index as number;
      }
      if (v.inverse !== undefined) {
        if (typeof v.inverse !== 'boolean') fail('inverse must be true or false');
        edit.inverse = v.inverse;
      }
      return edit;
    }
    case 'prune-link': {
      noExtraKeys(v, ['kind', 'path', 'target', 'type']);
      const edit: VaultEditRequest = { kind: 'prune-link', path: checkMarkdownPath(v.path), target: str(v.target, 'target') };
      const type = optStr(v.type, 'type');
      if (type !== undefined) edit.type = type;
      return edit;
    }
    case 'prune': {
      noExtraKeys(v, ['kind', 'rules', 'minConfidence', 'paths']);
      const edit: VaultEditRequest = { kind: 'prune', rules: strList(v.rules, 'rules', (x, w) => str(x, w, 64)) };
      if (v.minConfidence !== undefined) edit.minConfidence = num(v.minConfidence, 'minConfidence', 0, 1);
      if (v.paths !== undefined) edit.paths = strList(v.paths, 'paths', checkMarkdownPath);
      return edit;
    }
    case 'add-relationship':
      noExtraKeys(v, ['kind', 'path', 'type', 'target', 'weight']);
      return { kind: 'add-relationship', path: checkMarkdownPath(v.path), type: str(v.type, 'type'), target: str(v.target, 'target'), weight: num(v.weight, 'weight', 0, 1) };
    case 'remove-relationship':
      noExtraKeys(v, ['kind', 'path', 'type', 'target']);
      return { kind: 'remove-relationship', path: checkMarkdownPath(v.path), type: str(v.type, 'type'), target: str(v.target, 'target') };
    case 'rename':
      noExtraKeys(v, ['kind', 'from', 'to']);
      return { kind: 'rename', from: str(v.from, 'from'), to: str(v.to, 'to') };
    case 'migrate':
      noExtraKeys(v, ['kind', 'paths']);
      return { kind: 'migrate', paths: strList(v.paths, 'paths', checkMarkdownPath) };
    case 'fix': {
      noExtraKeys(v, ['kind', 'path', 'rule', 'start']);
      const edit: VaultEditRequest = { kind: 'fix', path: checkMarkdownPath(v.path) };
      const rule = optStr(v.rule, 'rule');
      if (rule !== undefined) edit.rule = rule;
      if (v.start !== undefined) edit.start = num(v.start, 'start', 0, MAX_TEXT);
      return edit;
    }
    case 'create': {
      noExtraKeys(v, ['kind', 'title', 'slug', 'folder']);
      const edit: VaultEditRequest = { kind: 'create', title: str(v.title, 'title', 300) };
      const slug = optStr(v.slug, 'slug');
      if (slug !== undefined) edit.slug = slug;
      if (v.folder !== undefined && v.folder !== '') edit.folder = checkVaultPath(v.folder, 'folder');
      return edit;
    }
    case 'delete':
      noExtraKeys(v, ['kind', 'path', 'removeReferences']);
      if (typeof v.removeReferences !== 'boolean') fail('removeReferences must be true or false');
      return { kind: 'delete', path: checkMarkdownPath(v.path), removeReferences: v.removeReferences };
    default:
      return fail(`unknown edit kind '${String(v.kind)}'`);
  }
}

function checkScope(v: unknown): unknown {
  if (!isRecord(v)) fail('scope must be an object');
  switch (v.kind) {
    case 'vault':
      noExtraKeys(v, ['kind']);
      return { kind: 'vault' };
    case 'folder':
      noExtraKeys(v, ['kind', 'folder']);
      return { kind: 'folder', folder: checkVaultPath(v.folder, 'folder') };
    case 'pattern':
      noExtraKeys(v, ['kind', 'path']);
      return { kind: 'pattern', path: checkMarkdownPath(v.path) };
    case 'paths':
      noExtraKeys(v, ['kind', 'paths']);
      return { kind: 'paths', paths: strList(v.paths, 'paths', checkMarkdownPath) };
    default:
      return fail(`unknown scope kind '${String(v.kind)}'`);
  }
}

/** A view-state key becomes a file name: keep it to a safe alphabet. */
function viewKey(v: unknown): string {
  if (typeof v !== 'string' || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(v)) fail('key must be 1-40 lowercase letters, digits or hyphens');
  return v;
}

const EMPTY: Record<string, never> = {};

function checkBody<M extends MethodName>(method: M, params: Record<string, unknown>): RequestOf<M> {
  const done = (v: unknown) => v as RequestOf<M>;
  switch (method) {
    case 'getVault':
    case 'listFiles':
    case 'getGraph':
    case 'getSchema':
    case 'undo':
    case 'redo':
      noExtraKeys(params, []);
      return done(EMPTY);
    case 'readFile':
      noExtraKeys(params, ['path']);
      return done({ path: checkMarkdownPath(params.path) });
    case 'getGraphUpdate':
      noExtraKeys(params, ['since']);
      if (params.since === undefined) return done({});
      if (typeof params.since !== 'number' || !Number.isSafeInteger(params.since) || params.since < 0) fail('since must be a graph version (a whole number)');
      return done({ since: params.since });
    case 'getDiagnostics':
      noExtraKeys(params, ['path']);
      return done(params.path === undefined ? {} : { path: checkMarkdownPath(params.path) });
    case 'saveFile': {
      noExtraKeys(params, ['path', 'text', 'baseHash']);
      if (typeof params.text !== 'string' || params.text.length > MAX_TEXT) fail('text must be a string of at most 8 MiB');
      if (typeof params.baseHash !== 'string' || !/^[0-9a-f]{64}$|^$/.test(params.baseHash)) fail('baseHash must be a sha256 hex digest, or empty for a new file');
      return done({ path: checkMarkdownPath(params.path), text: params.text, baseHash: params.baseHash });
    }
    case 'setBuffer': {
      noExtraKeys(params, ['path', 'text']);
      if (params.text !== null && (typeof params.text !== 'string' || params.text.length > MAX_TEXT)) fail('text must be a string of at most 8 MiB, or null');
      return done({ path: checkMarkdownPath(params.path), text: params.text });
    }
    case 'previewEdit':
      noExtraKeys(params, ['edit']);
      return done({ edit: checkEdit(params.edit) });
    case 'getInbox': {
      noExtraKeys(params, ['scope', 'sort']);
      const out: Record<string, unknown> = {};
      if (params.sort !== undefined) {
        if (params.sort !== 'confidence' && params.sort !== 'source') fail("sort must be 'confidence' or 'source'");
        out.sort = params.sort;
      }
      if (params.scope !== undefined) out.scope = checkScope(params.scope);
      return done(out);
    }
    case 'loadViewState':
      noExtraKeys(params, ['key']);
      return done({ key: viewKey(params.key) });
    case 'saveViewState':
      noExtraKeys(params, ['key', 'value']);
      if (typeof params.value !== 'string' || params.value.length > MAX_TEXT) fail('value must be a string of at most 8 MiB');
      return done({ key: viewKey(params.key), value: params.value });
    case 'getGardenHealth':
      noExtraKeys(params, ['minConfidence']);
      return done(params.minConfidence === undefined ? {} : { minConfidence: num(params.minConfidence, 'minConfidence', 0, 1) });
    case 'applyEdit':
      noExtraKeys(params, ['previewId']);
      return done({ previewId: str(params.previewId, 'previewId', 64) });
  }
  return fail(`unknown method '${String(method)}'`);
}

/** Checks a method name and its parameters as they arrive from the wire. */
export function checkRequest(method: unknown, params: unknown): Checked<{ method: MethodName; request: RequestOf<MethodName> }> {
  try {
    if (typeof method !== 'string' || !(METHOD_NAMES as readonly string[]).includes(method)) fail(`unknown method '${String(method)}'`);
    const body = params === undefined ? {} : params;
    if (!isRecord(body)) fail('parameters must be an object');
    const name = method as MethodName;
    return { ok: true, value: { method: name, request: checkBody(name, body) } };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.message };
    throw err;
  }
}
