import { describe, expect, it } from 'vitest';
import { extractOutline } from './body-outline';

describe('the outline of the prose', () => {
  it('lists ATX headings with their lines, skipping fenced code', () => {
    const body = ['> summary', '', '### Section 1: Context', 'text', '```', '### not a heading', '```', '## Section 2 ##', '####### too deep', '#nospace'].join('\n');
    expect(extractOutline(body)).toEqual([
      { level: 3, text: 'Section 1: Context', line: 3, offset: body.indexOf('### Section 1') },
      { level: 2, text: 'Section 2', line: 8, offset: body.indexOf('## Section 2') },
    ]);
  });

  it('counts CRLF lines like LF lines', () => {
    expect(extractOutline('a\r\n### B\r\n').map((e) => [e.line, e.text])).toEqual([[2, 'B']]);
  });
});
