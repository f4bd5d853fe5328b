import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStaticPath, StaticFolder } from './static-files';

describe('parseStaticPath', () => {
  it.each([
    ['/', ['index.html']],
    ['/index.html', ['index.html']],
    ['/assets/index-abc.js', ['assets', 'index-abc.js']],
    ['/assets/%61pp.js', ['assets', 'app.js']],
    ['/fonts/a%20b.woff2', ['fonts', 'a b.woff2']],
  ])('accepts %s', (raw, segments) => {
    expect(parseStaticPath(raw)).toEqual({ ok: true, segments });
  });

  it.each([
    '/../x',
    '/a/../../x',
    '/..%2fx',
    '/%2e%2e/x',
    '/%2E%2e%2Fx',
    '/.%2e/x',
    '/%252e%252e/x',
    '/%25',
    '/a\\..\\x',
    '/a%5c..%5cx',
    '//etc/passwd',
    '/%2f%2fetc',
    '/x%00.js',
    '/x\u0000.js',
    '/%c0%ae%c0%ae/x',
    '/%',
    'relative',
    '',
    'http://127.0.0.1:1/x',
    '/C:/x',
    '/a/./b',
    `/${'a'.repeat(3000)}`,
  ].map((raw) => [JSON.stringify(raw).slice(0, 60), raw]))('refuses %s', (_label, raw) => {
    const result = parseStaticPath(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).not.toBe(200);
  });

  it('treats hidden files and empty segments as missing', () => {
    expect(parseStaticPath('/.env')).toMatchObject({ ok: false, status: 404 });
    expect(parseStaticPath('/assets/')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('StaticFolder', () => {
  let dir: string;
  let folder: StaticFolder;
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'trellis-static-')));
    await mkdir(join(dir, 'www', 'assets'), { recursive: true });
    await writeFile(join(dir, 'www', 'index.html'), '<p>hi</p>');
    await writeFile(join(dir, 'www', 'assets', 'a.css'), 'p{}');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await symlink(join(dir, 'secret.txt'), join(dir, 'www', 'out.txt'));
    await symlink(join(dir, 'www', 'assets', 'a.css'), join(dir, 'www', 'in.css'));
    folder = await StaticFolder.open(join(dir, 'www'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves files with their content type', async () => {
    expect(await folder.serve('/')).toMatchObject({ ok: true, contentType: 'text/html; charset=utf-8' });
    const css = await folder.serve('/assets/a.css');
    expect(css.ok && css.body.toString()).toBe('p{}');
  });

  it('refuses a symbolic link that leads outside, and follows one that stays inside', async () => {
    expect(await folder.serve('/out.txt')).toMatchObject({ ok: false, status: 403 });
    expect(await folder.serve('/in.css')).toMatchObject({ ok: true });
  });

  it('answers 404 for folders and missing files', async () => {
    expect(await folder.serve('/assets')).toMatchObject({ ok: false, status: 404 });
    expect(await folder.serve('/missing.js')).toMatchObject({ ok: false, status: 404 });
  });

  it('confines plain reads (the app.asar mode) just the same', async () => {
    const plain = await StaticFolder.open(join(dir, 'www'), { read: 'plain' });
    expect(await plain.serve('/assets/a.css')).toMatchObject({ ok: true });
    expect(await plain.serve('/out.txt')).toMatchObject({ ok: false, status: 403 });
    expect(await plain.serve('/assets')).toMatchObject({ ok: false, status: 404 });
    expect(await plain.serve('/%2e%2e/secret.txt')).toMatchObject({ ok: false, status: 400 });
  });
});
