import { once } from 'node:events';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_NOTICE, launchTrellis } from './launch';

describe('npm start', () => {
  let appDir: string;
  beforeAll(async () => {
    appDir = await mkdtemp(join(tmpdir(), 'trellis-launch-'));
    await cp(resolve(import.meta.dirname, '../../vault'), join(appDir, 'vault'), { recursive: true });
    await mkdir(join(appDir, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(appDir, 'dist', 'renderer', 'index.html'), '<p>placeholder</p>');
    // Stands in for the app Electron would load: prints what it was given.
    await writeFile(join(appDir, 'package.json'), JSON.stringify({ main: 'main.cjs' }));
    await writeFile(join(appDir, 'main.cjs'), 'process.stdout.write(JSON.stringify(process.argv.slice(2)));');
  });
  afterAll(() => rm(appDir, { recursive: true, force: true }));

  it('serves browser mode, saying why in one line, when the Electron binary is missing', async () => {
    const lines: string[] = [];
    const launched = await launchTrellis({ appDir, argv: [], findBinary: () => undefined, out: (l) => lines.push(l) });
    try {
      expect(launched.mode).toBe('browser');
      expect(lines[0]).toBe(FALLBACK_NOTICE);
      const url = lines.find((l) => l.startsWith('Open '))?.slice('Open '.length) ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
      const res = await new Promise<import('node:http').IncomingMessage>((done) => get(url, done));
      expect(res.statusCode).toBe(303);
      res.resume();
    } finally {
      if (launched.mode === 'browser') await launched.stop();
    }
  });

  it('starts Electron on the app folder with the arguments given, when it is there', async () => {
    const launched = await launchTrellis({ appDir, argv: ['some-vault', '--flag'], findBinary: () => process.execPath, stdio: 'pipe', out: () => expect.unreachable() });
    expect(launched.mode).toBe('electron');
    if (launched.mode !== 'electron') return;
    let printed = '';
    launched.child.stdout?.on('data', (c: Buffer) => (printed += c.toString()));
    const [code] = (await once(launched.child, 'exit')) as [number];
    expect(code).toBe(0);
    expect(JSON.parse(printed)).toEqual(['some-vault', '--flag']);
  });
});
