/**
 * Unsaved editor text kept outside the editor, so that a reload or a crash of
 * the window loses nothing: one record per file, keyed by vault and path,
 * remembering the disk version (hash) the text was based on. Storage is the
 * caller's (localStorage in the renderer); this is the format and its checks.
 */

export interface Draft {
  v: 1;
  vault: string;
  path: string;
  /** The whole file as the editor holds it. */
  text: string;
  /** Hash of the disk text the edits started from. */
  baseHash: string;
  savedAt: number;
}

const PREFIX = 'trellis.draft.v1|';

export function draftKey(vault: string, path: string): string {
  return `${PREFIX}${encodeURIComponent(vault)}|${encodeURIComponent(path)}`;
}

/** Whether a storage key is a draft of this vault. */
export function isDraftKeyOf(key: string, vault: string): boolean {
  return key.startsWith(`${PREFIX}${encodeURIComponent(vault)}|`);
}

export function serializeDraft(d: Draft): string {
  return JSON.stringify(d);
}

/** A stored draft, or undefined when the record is missing, foreign or damaged. */
export function parseDraft(raw: string | null | undefined, vault: string, path?: string): Draft | undefined {
  if (!raw) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.v !== 1 || d.vault !== vault || typeof d.path !== 'string' || typeof d.text !== 'string' || typeof d.baseHash !== 'string' || typeof d.savedAt !== 'number') return undefined;
  if (path !== undefined && d.path !== path) return undefined;
  return { v: 1, vault, path: d.path, text: d.text, baseHash: d.baseHash, savedAt: d.savedAt };
}
