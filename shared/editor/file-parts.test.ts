import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileOffset, joinFileParts, layoutOf, lineBreakStyle, locateOffset, splitFileParts } from './file-parts';
import { openCorpus } from '../edits/testing/corpus-files';

const corpus = openCorpus({ existsSync, readdirSync, readFileSync }, process.cwd(), process.env.CI);

describe('splitting a file between the two editors', () => {
  it('gives the YAML between the fences and the body after them', () => {
    const parts = splitFileParts('---\nslug: a\n---\n# Body\n');
    expect(parts).toEqual({ mode: 'split', head: '---\n', yaml: 'slug: a\n', fence: '---\n', body: '# Body\n' });
  });

  it.each([
    ['BOM', '\uFEFF---\nslug: a\n---\nbody'],
    ['CRLF', '---\r\nslug: a\r\n---\r\nbody\r\n'],
    ['fence with trailing spaces', '---  \nslug: a\n---\t\nbody'],
    ['YAML document end marker', '---\nslug: a\n...\nbody'],
    ['empty front-matter', '---\n---\nbody'],
    ['no body, no final newline', '---\nslug: a\n---'],
    ['no front-matter', '# Just prose\n'],
    ['unclosed front-matter', '---\nslug: a\n'],
    ['empty file', ''],
  ])('joins back byte for byte (%s)', (_name, text) => {
    expect(joinFileParts(splitFileParts(text))).toBe(text);
  });

  it('keeps the BOM and fences out of the editors', () => {
    const parts = splitFileParts('\uFEFF---\r\nslug: a\r\n---\r\nbody');
    if (parts.mode !== 'split') throw new Error('expected split');
    expect(parts.head).toBe('\uFEFF---\r\n');
    expect(parts.yaml).toBe('slug: a\r\n');
    expect(parts.fence).toBe('---\r\n');
    expect(parts.body).toBe('body');
  });

  it('falls back to one editor when the front-matter is missing or unclosed', () => {
    expect(splitFileParts('prose').mode).toBe('whole');
    expect(splitFileParts('---\nslug: a\n')).toMatchObject({ mode: 'whole', reason: 'unclosed' });
  });

  it.skipIf(!corpus.available)('round-trips every file of the real corpus', () => {
    let split = 0;
    for (const name of corpus.names) {
      const text = corpus.read(name);
      const parts = splitFileParts(text);
      if (parts.mode === 'split') split++;
      expect(joinFileParts(parts), name).toBe(text);
    }
    expect(split).toBeGreaterThan(corpus.names.length * 0.99);
  });
});

describe('offsets between the file and the editors', () => {
  const text = '---\nslug: a\ntitle: b\n---\nline 1\nline 2\n';
  const layout = layoutOf(splitFileParts(text));

  it('puts YAML offsets in the front-matter editor and body offsets in the prose editor', () => {
    const slug = text.indexOf('slug');
    expect(locateOffset(layout, slug)).toEqual({ part: 'yaml', offset: 0 });
    const line2 = text.indexOf('line 2');
    expect(locateOffset(layout, line2)).toEqual({ part: 'body', offset: 7 });
    expect(fileOffset(layout, 'body', 7)).toBe(line2);
    expect(fileOffset(layout, 'yaml', 0)).toBe(slug);
  });

  it('clamps the fences into the front-matter editor', () => {
    expect(locateOffset(layout, 0)).toEqual({ part: 'yaml', offset: 0 });
    expect(locateOffset(layout, text.indexOf('---', 4))).toEqual({ part: 'yaml', offset: layout.yamlLength });
  });

  it('in whole-file mode maps everything to the one editor', () => {
    const whole = layoutOf(splitFileParts('prose only'));
    expect(locateOffset(whole, 3)).toEqual({ part: 'body', offset: 3 });
  });
});

describe('line-break styles', () => {
  it('tells which files Monaco would normalise', () => {
    expect(lineBreakStyle('a\nb\n')).toBe('lf');
    expect(lineBreakStyle('a\r\nb\r\n')).toBe('crlf');
    expect(lineBreakStyle('a\r\nb\n')).toBe('mixed');
    expect(lineBreakStyle('a\rb')).toBe('mixed');
    expect(lineBreakStyle('abc')).toBe('none');
  });
});
