/**
 * The headings of a pattern's prose (`### Section 1: Context` …), to jump to.
 * ATX headings only, outside fenced code; the same rule the preview uses, so
 * an outline entry and a preview heading always correspond.
 */

export interface OutlineEntry {
  level: number;
  text: string;
  /** 1-based line in the body. */
  line: number;
  /** Offset of the heading line in the body. */
  offset: number;
}

export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

export function extractOutline(body: string): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  let fence: string | undefined;
  let offset = 0;
  let line = 0;
  while (offset <= body.length) {
    const nl = body.indexOf('\n', offset);
    const end = nl < 0 ? body.length : nl;
    const text = body.slice(offset, end).replace(/\r$/, '');
    line++;
    const f = FENCE_OPEN.exec(text);
    if (fence) {
      if (f && (f[1] as string)[0] === fence[0] && (f[1] as string).length >= fence.length && text.trim() === f[1]) fence = undefined;
    } else if (f) fence = f[1];
    else {
      const h = ATX_HEADING.exec(text);
      if (h) out.push({ level: (h[1] as string).length, text: (h[2] ?? '').trim(), line, offset });
    }
    if (nl < 0) break;
    offset = nl + 1;
  }
  return out;
}
