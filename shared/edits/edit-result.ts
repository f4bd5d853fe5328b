/**
 * The currency of every edit: splices against the original text. An edit never
 * re-serialises a document, so its whole effect is this list, which also makes
 * undo (`invertChanges`) and previews exact.
 */

/** Replace `original.slice(start, end)` with `newText`. Offsets refer to the ORIGINAL text. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

export interface EditSuccess {
  ok: true;
  /** The edited text (equal to the input when `changes` is empty). */
  text: string;
  /** Sorted, non-overlapping splices against the input text. */
  changes: TextChange[];
  /** Why nothing changed, or what was done instead of the request (e.g. "already curated"). */
  note?: string;
}

export interface EditRefusal {
  ok: false;
  reason: string;
}

/** Extra fields (`Extra`) ride along on success only. */
export type EditResult<Extra extends object = object> = (EditSuccess & Extra) | EditRefusal;

export function refuse(reason: string): EditRefusal {
  return { ok: false, reason };
}

/**
 * Orders changes by position. Zero-width insertions sort before a change that
 * starts at the same offset, and equal changes keep their given order, so that
 * "insert here, then replace what follows" composes as written.
 */
export function sortChanges(changes: readonly TextChange[]): TextChange[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.start - b.c.start || a.c.end - b.c.end || a.i - b.i)
    .map((x) => x.c);
}

/** Applies splices; returns undefined when two of them overlap (a bug in the caller, never silently merged). */
export function applyChanges(text: string, changes: readonly TextChange[]): string | undefined {
  if (changes.length === 0) return text;
  const sorted = sortChanges(changes);
  const parts: string[] = [];
  let at = 0;
  for (const c of sorted) {
    if (c.start < at || c.end < c.start || c.end > text.length) return undefined;
    parts.push(text.slice(at, c.start), c.newText);
    at = c.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Builds the success value, dropping splices that change nothing. */
export function succeed(text: string, changes: readonly TextChange[], note?: string): EditSuccess | EditRefusal {
  const effective = sortChanges(changes.filter((c) => c.newText !== text.slice(c.start, c.end)));
  const out = applyChanges(text, effective);
  if (out === undefined) return refuse('internal error: the edit produced overlapping changes');
  const result: EditSuccess = { ok: true, text: out, changes: effective };
  if (note !== undefined) result.note = note;
  return result;
}

/**
 * The changes that turn the edited text back into the original: undo as a
 * property of the edit. `changes` must be the sorted list an edit returned.
 */
export function invertChanges(original: string, changes: readonly TextChange[]): TextChange[] {
  const out: TextChange[] = [];
  let shift = 0;
  for (const c of sortChanges(changes)) {
    const start = c.start + shift;
    out.push({ start, end: start + c.newText.length, newText: original.slice(c.start, c.end) });
    shift += c.newText.length - (c.end - c.start);
  }
  return out;
}
