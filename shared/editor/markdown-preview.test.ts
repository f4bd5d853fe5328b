import { describe, expect, it } from 'vitest';
import { renderInline, renderMarkdown, safeHref } from './markdown-preview';
import { extractOutline } from './body-outline';

describe('the prose preview', () => {
  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<table><tr><td onclick="x">a</td></tr></table>\n<iframe src="https://evil">');
    expect(html).not.toMatch(/<script|<table|<iframe|<td/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('styles NOTE callouts with their title and body', () => {
    const html = renderMarkdown('> [!NOTE] Confidence Rating: ★★★ (High)\n> Widely *practised*.');
    expect(html).toBe('<div class="callout callout-note" data-callout="note"><div class="callout-title">Confidence Rating: ★★★ (High)</div><div class="callout-body"><p>Widely <em>practised</em>.</p></div></div>');
  });

  it('keeps plain block quotes as quotes', () => {
    expect(renderMarkdown('> **The core conflict is A vs. B.**')).toBe('<blockquote><p><strong>The core conflict is A vs. B.</strong></p></blockquote>');
  });

  it('renders headings with the body line the outline knows them by', () => {
    const body = 'intro\n\n### Section 1: Context\n\ntext\n';
    const [entry] = extractOutline(body);
    expect(renderMarkdown(body)).toContain(`<h3 data-line="${entry?.line}">Section 1: Context</h3>`);
  });

  it('renders lists, nested lists, tables and code', () => {
    expect(renderMarkdown('- a\n- b\n  - c')).toBe('<ul><li>a</li><li>b\n<ul><li>c</li></ul></li></ul>');
    expect(renderMarkdown('1. one\n2. two')).toBe('<ol><li>one</li><li>two</li></ol>');
    expect(renderMarkdown('| a | b |\n|---|--:|\n| 1 | 2 |')).toBe('<table><thead><tr><th>a</th><th style="text-align:right">b</th></tr></thead><tbody><tr><td>1</td><td style="text-align:right">2</td></tr></tbody></table>');
    expect(renderMarkdown('```js\nif (a < b) {}\n```')).toBe('<pre><code class="language-js">if (a &lt; b) {}</code></pre>');
    expect(renderMarkdown('---')).toBe('<hr>');
  });

  it('makes links only of safe targets', () => {
    expect(renderInline('[ok](https://example.org/a?b=1&c=2)')).toBe('<a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(renderInline('[x](javascript:alert(1))')).toBe('x');
    expect(renderInline('[x](java\nscript:alert(1))')).toBe('x');
    expect(renderInline('[x]( JAVASCRIPT:alert(1))')).toBe('x');
    expect(renderInline('[x](data:text/html,hi)')).toBe('x');
    expect(renderInline('see https://example.org/x.')).toBe('see <a href="https://example.org/x" target="_blank" rel="noopener noreferrer">https://example.org/x</a>.');
    expect(renderInline('![alt](https://tracker/pixel.png)')).toContain('[image: alt]');
    expect(safeHref('#section')).toBe('#section');
    expect(safeHref('other.md')).toBeUndefined();
  });

  it('renders emphasis, code and escapes', () => {
    expect(renderInline('**bold** and *em* and `a<b` and \\*not\\* and snake_case_word')).toBe('<strong>bold</strong> and <em>em</em> and <code>a&lt;b</code> and *not* and snake_case_word');
    expect(renderInline('"quotes" & \'apostrophes\'')).toBe('&quot;quotes&quot; &amp; &#39;apostrophes&#39;');
  });
});
