import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticFolder } from '../server/static-files';
import { answerAppRequest, rawPathOf } from './app-protocol';
import { APP_CSP } from './window-security';

describe('trellis:// protocol', () => {
  let dir: string;
  let folder: StaticFolder;
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'trellis-proto-')));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<p>app</p>');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await symlink(join(dir, 'secret.txt'), join(dir, 'renderer', 'leak.txt'));
    folder = await StaticFolder.open(join(dir, 'renderer'), { read: 'plain' });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps the raw path, encodings and all', () => {
    expect(rawPathOf('trellis://app/')).toBe('/');
    expect(rawPathOf('trellis://app')).toBe('/');
    expect(rawPathOf('trellis://app/%2e%2e/x?y')).toBe('/%2e%2e/x');
    expect(rawPathOf('trellis://other/x')).toBeUndefined();
  });

  it('serves the renderer with the CSP', async () => {
    const res = await answerAppRequest(folder, { method: 'GET', url: 'trellis://app/index.html' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>app</p>');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['trellis://app/%2e%2e/secret.txt', 'trellis://app/..%2fsecret.txt', 'trellis://app/%252e%252e/secret.txt', 'trellis://app/leak.txt', 'trellis://app/..\\secret.txt', 'trellis://evil/index.html'])(
    'refuses %s',
    async (url) => {
      const res = await answerAppRequest(folder, { method: 'GET', url });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain('secret');
    },
  );

  it('answers only GET and HEAD', async () => {
    expect((await answerAppRequest(folder, { method: 'POST', url: 'trellis://app/index.html' })).status).toBe(405);
  });
});
