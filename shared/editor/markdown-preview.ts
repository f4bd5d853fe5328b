/**
 * The prose preview: Markdown to HTML for the subset pattern files use
 * (headings, paragraphs, emphasis, code, lists, tables, block quotes with
 * `> [!NOTE]` callouts, links). Every character of the source is escaped;
 * raw HTML in a file shows as text, and only http(s), mailto and in-page
 * links become links. The output is safe to put into the page as is.
 */
import { ATX_HEADING, FENCE_OPEN } from './body-outline';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** A link target we are willing to render: web, mail, or within the page; undefined otherwise. */
export function safeHref(raw: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme (`java\nscript:`); so do we before judging it.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) return ['http', 'https', 'mailto'].includes((scheme[1] as string).toLowerCase()) ? url : undefined;
  // Relative links have no meaning outside the vault; only in-page anchors are kept.
  return url.startsWith('#') ? url : undefined;
}

const CALLOUT = /^\[!([A-Za-z]+)\]([+-]?)[ \t]*(.*)$/;
const CALLOUT_KINDS = new Set(['note', 'tip', 'important', 'warning', 'caution', 'info', 'abstract', 'summary', 'example', 'quote', 'danger', 'bug', 'success', 'question', 'failure']);

// ── inline ──────────────────────────────────────────────────────────────

const PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;

function findClosing(src: string, from: number, marker: string): number {
  for (let i = from; i <= src.length - marker.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(src.slice(i))?.[0] ?? '`';
      const close = src.indexOf(run, i + run.length);
      if (close > 0) i = close + run.length - 1;
      continue;
    }
    if (src.startsWith(marker, i) && src[i - 1] !== ' ' && i > from) {
      // `**` must not be read as the end of a `*` run.
      if (marker.length === 1 && src[i + 1] === marker) {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** The `[text](url)` at `i`: its parts and where it ends, or undefined. */
function readLink(src: string, i: number): { text: string; url: string; end: number } | undefined {
  let depth = 0;
  let j = i;
  for (; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= src.length || src[j + 1] !== '(') return undefined;
  let k = j + 2;
  let parens = 1;
  for (; k < src.length; k++) {
    if (src[k] === '(') parens++;
    else if (src[k] === ')' && --parens === 0) break;
  }
  if (k >= src.length) return undefined;
  const target = src.slice(j + 2, k).trim();
  const url = (/^<([^>]*)>/.exec(target)?.[1] ?? target.split(/\s+/)[0] ?? '').trim();
  return { text: src.slice(i + 1, j), url, end: k + 1 };
}

const BARE_URL = /^https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]/;

export function renderInline(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && i + 1 < src.length && PUNCT.test(src[i + 1] as string)) {
      out += escapeHtml(src[i + 1] as string);
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(src.slice(i))?.[0] ?? '`';
      const close = src.indexOf(run, i + run.length);
      if (close > 0) {
        out += `<code>${escapeHtml(src.slice(i + run.length, close).replace(/^ (.*) $/, '$1'))}</code>`;
        i = close + run.length;
        continue;
      }
      out += escapeHtml(run);
      i += run.length;
      continue;
    }
    if (c === '!' && src[i + 1] === '[') {
      const link = readLink(src, i + 1);
      if (link) {
        // Images are not loaded (nothing leaves the machine); the alt text stands in.
        out += `<span class="md-image" title="${escapeHtml(link.url)}">[image: ${escapeHtml(link.text)}]</span>`;
        i = link.end;
        continue;
      }
    }
    if (c === '[') {
      const link = readLink(src, i);
      if (link) {
        const href = safeHref(link.url);
        const inner = renderInline(link.text);
        out += href ? `<a href="${escapeHtml(href)}"${href.startsWith('#') ? '' : ' target="_blank" rel="noopener noreferrer"'}>${inner}</a>` : inner;
        i = link.end;
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/.exec(src.slice(i));
      if (auto) {
        const href = safeHref(auto[1] as string);
        out += href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(auto[1] as string)}</a>` : escapeHtml(auto[0]);
        i += auto[0].length;
        continue;
      }
    }
    if (c === 'h' && (i === 0 || /[\s(]/.test(src[i - 1] as string))) {
      const bare = BARE_URL.exec(src.slice(i));
      if (bare) {
        out += `<a href="${escapeHtml(bare[0])}" target="_blank" rel="noopener noreferrer">${escapeHtml(bare[0])}</a>`;
        i += bare[0].length;
        continue;
      }
    }
    if (c === '*' || c === '_' || c === '~') {
      const double = src[i + 1] === c;
      const marker = double ? c + c : c;
      const opensWord = src[i + marker.length] !== undefined && src[i + marker.length] !== ' ';
      const intraword = c === '_' && i > 0 && /[A-Za-z0-9]/.test(src[i - 1] as string);
      if (opensWord && !intraword && (c !== '~' || double)) {
        const close = findClosing(src, i + marker.length, marker);
        if (close > 0) {
          const tag = c === '~' ? 's' : double ? 'strong' : 'em';
          out += `<${tag}>${renderInline(src.slice(i + marker.length, close))}</${tag}>`;
          i = close + marker.length;
          continue;
        }
      }
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}

// ── blocks ──────────────────────────────────────────────────────────────

const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const TABLE_RULE = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (s[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += s[i];
  }
  cells.push(cell.trim());
  return cells;
}

function startsBlock(line: string): boolean {
  return ATX_HEADING.test(line) || FENCE_OPEN.test(line) || HR.test(line) || /^ {0,3}>/.test(line) || LIST_ITEM.test(line);
}

interface BlockOptions {
  /** Line number (1-based) of `lines[0]` in the body, for `data-line` on top-level headings; 0 inside containers. */
  firstLine: number;
}

function renderBlocks(lines: readonly string[], opts: BlockOptions): string {
  const out: string[] = [];
  let i = 0;
  const at = (n: number) => (opts.firstLine > 0 ? ` data-line="${opts.firstLine + n}"` : '');
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const marker = fence[1] as string;
      const lang = line.slice(line.indexOf(marker) + marker.length).trim().split(/\s+/)[0] ?? '';
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const l = lines[i] as string;
        const close = FENCE_OPEN.exec(l);
        if (close && (close[1] as string)[0] === marker[0] && (close[1] as string).length >= marker.length && l.trim() === close[1]) {
          i++;
          break;
        }
        body.push(l);
        i++;
      }
      const cls = /^[\w+-]+$/.test(lang) ? ` class="language-${escapeHtml(lang)}"` : '';
      out.push(`<pre><code${cls}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      out.push(`<h${level}${at(i)}>${renderInline((heading[2] ?? '').trim())}</h${level}>`);
      i++;
      continue;
    }
    if (HR.test(line)) {
      out.push('<hr>');
      i++;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i] as string)) {
        inner.push((lines[i] as string).replace(/^ {0,3}> ?/, ''));
        i++;
      }
      out.push(renderQuote(inner));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const r = renderList(lines, i);
      out.push(r.html);
      i = r.next;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1] as string) && (lines[i + 1] as string).includes('-')) {
      const header = splitRow(line);
      const aligns = splitRow(lines[i + 1] as string).map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : ''));
      const cell = (tag: string, text: string, k: number) => `<${tag}${aligns[k] ? ` style="text-align:${aligns[k]}"` : ''}>${renderInline(text)}</${tag}>`;
      const rows: string[] = [];
      i += 2;
      while (i < lines.length && (lines[i] as string).trim() !== '' && (lines[i] as string).includes('|')) {
        const cells = splitRow(lines[i] as string);
        rows.push(`<tr>${header.map((_, k) => cell('td', cells[k] ?? '', k)).join('')}</tr>`);
        i++;
      }
      out.push(`<table><thead><tr>${header.map((h, k) => cell('th', h, k)).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as string;
      if (l.trim() === '' || (para.length > 0 && startsBlock(l))) break;
      para.push(l.trim());
      i++;
    }
    out.push(`<p>${para.map((p) => renderInline(p.replace(/ {2,}$|\\$/, ''))).join(para.length > 1 ? '<br>\n' : '')}</p>`);
  }
  return out.join('\n');
}

function renderQuote(inner: string[]): string {
  const first = CALLOUT.exec(inner[0] ?? '');
  if (!first) return `<blockquote>${renderBlocks(inner, { firstLine: 0 })}</blockquote>`;
  const raw = (first[1] as string).toLowerCase();
  const kind = CALLOUT_KINDS.has(raw) ? raw : 'note';
  const title = (first[3] as string).trim() || raw.charAt(0).toUpperCase() + raw.slice(1);
  const rest = renderBlocks(inner.slice(1), { firstLine: 0 });
  return `<div class="callout callout-${kind}" data-callout="${escapeHtml(raw)}"><div class="callout-title">${renderInline(title)}</div>${rest ? `<div class="callout-body">${rest}</div>` : ''}</div>`;
}

function renderList(lines: readonly string[], start: number): { html: string; next: number } {
  const first = LIST_ITEM.exec(lines[start] as string) as RegExpExecArray;
  const ordered = /\d/.test(first[2] as string);
  const items: string[][] = [];
  let i = start;
  let loose = false;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i] as string);
    if (!m || /\d/.test(m[2] as string) !== ordered) break;
    const contentIndent = (m[1] as string).length + (m[2] as string).length + Math.max(1, Math.min((m[3] as string).length, 4));
    const item = [m[4] as string];
    i++;
    while (i < lines.length) {
      const l = lines[i] as string;
      if (l.trim() === '') {
        const next = lines[i + 1];
        if (next !== undefined && next.trim() !== '' && /^ */.exec(next)![0].length >= contentIndent) {
          item.push('');
          loose = true;
          i++;
          continue;
        }
        break;
      }
      const indent = /^ */.exec(l)![0].length;
      if (indent >= contentIndent) item.push(l.slice(contentIndent));
      else if (LIST_ITEM.test(l) || startsBlock(l)) break;
      else item.push(l.trim()); // a lazy continuation of the item's paragraph
      i++;
    }
    items.push(item);
    // A blank line between items makes the list loose.
    if (i < lines.length && (lines[i] as string).trim() === '' && LIST_ITEM.test((lines[i + 1] ?? '') as string)) {
      loose = true;
      i++;
    }
  }
  const tag = ordered ? 'ol' : 'ul';
  const startAttr = ordered && Number.parseInt(first[2] as string, 10) !== 1 ? ` start="${Number.parseInt(first[2] as string, 10)}"` : '';
  const html = items
    .map((item) => {
      const inner = renderBlocks(item, { firstLine: 0 });
      return `<li>${loose ? inner : inner.replace(/^<p>([\s\S]*?)<\/p>/, '$1')}</li>`;
    })
    .join('');
  return { html: `<${tag}${startAttr}>${html}</${tag}>`, next: i };
}

/** The body's Markdown as safe HTML; top-level headings carry `data-line` (1-based body line) for the outline. */
export function renderMarkdown(body: string): string {
  return renderBlocks(body.split(/\r?\n/), { firstLine: 1 });
}
