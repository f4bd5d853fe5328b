/**
 * Finding and reading a vault's pattern files on disk. Reading never throws
 * for bad content: binary, non-UTF-8 and oversized files become FileInputs
 * that the validator reports on.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { isIgnoredPath, type PatternSchema } from '../../shared/schema/schema';
import type { FileInput } from '../../shared/validation/analyze-file';

/** Folders that are never part of a vault's content. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.trellis', '.obsidian']);

/**
 * Vault-relative paths (`/` separators, sorted) of every Markdown file.
 * Symbolic links are not followed, so nothing outside the vault is read.
 */
export async function listVaultFiles(root: string, schema: PatternSchema): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
        await walk(join(dir, e.name), relPath);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.md') && !e.name.startsWith('.')) {
        if (!isIgnoredPath(schema, relPath)) out.push(relPath);
      }
    }
  };
  await walk(root, '');
  return out.sort();
}

export function toFsPath(root: string, relPath: string): string {
  return join(root, ...relPath.split('/'));
}

export function toVaultPath(relFsPath: string): string {
  return relFsPath.split(sep).join('/');
}

/** Turns a file's bytes into what the validator needs. */
export function decodeFile(path: string, bytes: Buffer): FileInput {
  // NUL bytes never occur in text files; a quick look at the head is enough to call it binary.
  // A UTF-16 byte order mark: text, but not in an encoding we read.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return { path, byteLength: bytes.length, notText: 'utf16' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { path, byteLength: bytes.length, notText: 'binary' };
  // isUtf8 validates natively; toString keeps a BOM as U+FEFF, so a save can keep it too.
  if (!isUtf8(bytes)) return { path, byteLength: bytes.length, notText: 'encoding' };
  return { path, byteLength: bytes.length, text: bytes.toString('utf8') };
}

/** Reads one file, without loading files over the vault's size limit into memory. */
export async function readFileInput(root: string, path: string, schema: PatternSchema): Promise<FileInput> {
  const fsPath = toFsPath(root, path);
  const info = await stat(fsPath);
  if (info.size > schema.maxFileBytes) return { path, byteLength: info.size };
  return decodeFile(path, await readFile(fsPath));
}
