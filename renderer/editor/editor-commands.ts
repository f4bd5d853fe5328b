/**
 * What the rest of the app may ask of the editor, without loading Monaco:
 * open a pattern at a finding's place (the problems panel, the graph). If the
 * editor is not loaded yet, the request waits for it; the pattern is selected
 * at once either way.
 */
import { useTrellis } from '../store/vault-store';

type RevealHandler = (path: string, offset?: number) => void;

let handler: RevealHandler | undefined;
let pending: { path: string; offset?: number } | undefined;

/** Opens `path` in the editor with the cursor at file offset `offset` (a finding's `span.start`). */
export function revealInEditor(path: string, offset?: number): void {
  if (handler) return handler(path, offset);
  pending = offset === undefined ? { path } : { path, offset };
  useTrellis.getState().select(path);
}

/** For the editor workspace: who carries out reveals (undefined when it goes away). */
export function setRevealHandler(h: RevealHandler | undefined): void {
  handler = h;
  if (h && pending) {
    const p = pending;
    pending = undefined;
    h(p.path, p.offset);
  }
}
