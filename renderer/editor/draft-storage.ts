/**
 * Unsaved buffers in localStorage, so a reload or a crashed window loses
 * nothing. (localStorage is synchronous, which is what a `pagehide` flush
 * needs; drafts are a few files of tens of kilobytes.)
 */
import { draftKey, isDraftKeyOf, parseDraft, serializeDraft, type Draft } from '../../shared/editor/drafts';

export class DraftStorage {
  constructor(
    private readonly vault: string,
    private readonly onError: (message: string) => void,
  ) {}

  write(path: string, text: string, baseHash: string): void {
    const draft: Draft = { v: 1, vault: this.vault, path, text, baseHash, savedAt: Date.now() };
    try {
      localStorage.setItem(draftKey(this.vault, path), serializeDraft(draft));
    } catch (err) {
      this.onError(`Could not keep a backup of unsaved changes to ${path}: ${(err as Error).message}`);
    }
  }

  remove(path: string): void {
    try {
      localStorage.removeItem(draftKey(this.vault, path));
    } catch {
      // Nothing to lose: the draft only existed to be removed.
    }
  }

  /** Every draft of this vault, oldest first. */
  all(): Draft[] {
    const out: Draft[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key || !isDraftKeyOf(key, this.vault)) continue;
        const d = parseDraft(localStorage.getItem(key), this.vault);
        if (d) out.push(d);
      }
    } catch {
      return out;
    }
    return out.sort((a, b) => a.savedAt - b.savedAt);
  }
}
