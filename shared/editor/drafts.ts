/**
 * Unsaved editor text kept outside the editor, so that a reload or a crash of
 * the window loses nothing: one record per file, keyed by vault and path,
 * remembering the disk version (hash) the text was based on. Storage is the
 * caller's (localStorage in the renderer, mirrored to the vault's view state);
 * this is the format, its checks and how two copies merge.
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
  return toDraft(data, vault, path);
}

function toDraft(data: unknown, vault: string, path?: string): Draft | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.v !== 1 || d.vault !== vault || typeof d.path !== 'string' || typeof d.text !== 'string' || typeof d.baseHash !== 'string' || typeof d.savedAt !== 'number') return undefined;
  if (path !== undefined && d.path !== path) return undefined;
  return { v: 1, vault, path: d.path, text: d.text, baseHash: d.baseHash, savedAt: d.savedAt };
}

// ── the backend's copy ────────────────────────────────────────────────────
// localStorage belongs to the page's origin, and browser mode's origin changes
// with its port at every launch; so the vault keeps a second copy of all its
// drafts in one view-state blob, read back at start-up and merged with the local one.

/** The view-state key of the backend's copy. */
export const DRAFT_SET_KEY = 'drafts';

export function serializeDraftSet(drafts: readonly Draft[]): string {
  return JSON.stringify(drafts);
}

/**
 * The backend's copy read back: the valid drafts of this vault, one per path.
 * A damaged record is dropped rather than failing the rest; a damaged blob is no drafts.
 */
export function parseDraftSet(raw: string | null | undefined, vault: string): Draft[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const drafts: Draft[] = [];
  for (const item of data) {
    const d = toDraft(item, vault);
    if (d) drafts.push(d);
  }
  return mergeDrafts(drafts);
}

/**
 * The union of several copies: one draft per path, the most recently saved
 * (the earlier copy on a tie), oldest first (the order tabs are restored in).
 */
export function mergeDrafts(...copies: ReadonlyArray<readonly Draft[]>): Draft[] {
  const byPath = new Map<string, Draft>();
  for (const copy of copies) {
    for (const d of copy) {
      const had = byPath.get(d.path);
      if (!had || d.savedAt > had.savedAt) byPath.set(d.path, d);
    }
  }
  return [...byPath.values()].sort((a, b) => a.savedAt - b.savedAt || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
