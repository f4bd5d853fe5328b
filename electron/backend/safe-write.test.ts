import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createAtomicWriter, hashText, nodeAtomicFs, TEMP_PREFIX, writeFileAtomic, type AtomicFs } from './safe-write';
import { pruneInferredLinksByRules } from '../../shared/edits/prune-rules';

const folders: string[] = [];
async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-safe-write-'));
  folders.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of folders.splice(0)) {
    await chmod(dir, 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
});

async function leftovers(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith(TEMP_PREFIX));
}

describe('hashText', () => {
  it('is the sha256 hex of the UTF-8 bytes', () => {
    expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashText('é')).toBe(createHash('sha256').update(Buffer.from([0xc3, 0xa9])).digest('hex'));
    expect(hashText('\ufeffa\r\n')).not.toBe(hashText('a\r\n'));
  });
});

describe('writeFileAtomic', () => {
  it('creates and replaces files, leaving no temp file', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    expect(await writeFileAtomic(file, 'one\n')).toEqual({ ok: true, hash: hashText('one\n'), bytes: 4 });
    expect(await writeFileAtomic(file, 'two ✓\n', { expectedHash: hashText('one\n') })).toMatchObject({ ok: true, hash: hashText('two ✓\n') });
    expect(await readFile(file, 'utf8')).toBe('two ✓\n');
    expect(await leftovers(dir)).toEqual([]);
  });

  it("keeps the file's mode", async () => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    await writeFile(file, 'x');
    await chmod(file, 0o640);
    await writeFileAtomic(file, 'y');
    expect((await stat(file)).mode & 0o7777).toBe(0o640);
    await chmod(file, 0o755);
    await writeFileAtomic(file, 'z');
    expect((await stat(file)).mode & 0o7777).toBe(0o755);
  });

  it('writes through a symlink, keeping the link', async () => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'real.md'), 'old');
    await symlink(join(dir, 'real.md'), join(dir, 'link.md'));
    expect(await writeFileAtomic(join(dir, 'link.md'), 'new', { expectedHash: hashText('old') })).toMatchObject({ ok: true });
    expect((await lstat(join(dir, 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'real.md'), 'utf8')).toBe('new');
  });

  it('refuses when the disk changed since the base version, returning what is on disk', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    await writeFile(file, 'theirs\n');
    const r = await writeFileAtomic(file, 'mine\n', { expectedHash: hashText('base\n') });
    expect(r).toEqual({ ok: false, kind: 'conflict', message: expect.stringMatching(/changed on disk/), diskText: 'theirs\n', diskHash: hashText('theirs\n') });
    expect(await readFile(file, 'utf8')).toBe('theirs\n');
    expect(await leftovers(dir)).toEqual([]);
    await writeFile(file, '\ufefftheirs\r\n');
    const withBom = await writeFileAtomic(file, 'mine\n', { expectedHash: hashText('base\n') });
    expect(withBom).toMatchObject({ kind: 'conflict', diskText: '\ufefftheirs\r\n', diskHash: hashText('\ufefftheirs\r\n') });
  });

  it('refuses when the file was deleted meanwhile, without recreating it', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'gone.md');
    const r = await writeFileAtomic(file, 'mine', { expectedHash: hashText('base') });
    expect(r).toMatchObject({ ok: false, kind: 'deleted', message: expect.stringMatching(/was deleted/) });
    expect(existsSync(file)).toBe(false);
  });

  it('reports a missing folder and a parent that is a regular file as values', async () => {
    const dir = await tempFolder();
    expect(await writeFileAtomic(join(dir, 'no-such-folder', 'p.md'), 'x')).toMatchObject({ ok: false, kind: 'not-found', code: 'ENOENT' });
    await writeFile(join(dir, 'plain-file'), 'keep');
    expect(await writeFileAtomic(join(dir, 'plain-file', 'p.md'), 'x')).toMatchObject({ ok: false, kind: 'not-found', code: 'ENOTDIR' });
    expect(await readFile(join(dir, 'plain-file'), 'utf8')).toBe('keep');
    expect(await writeFileAtomic(dir, 'x')).toMatchObject({ ok: false, kind: 'io', message: expect.stringMatching(/is a folder/) });
  });

  it('reports a read-only folder (EACCES) and leaves the original intact', async (ctx) => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    await writeFile(file, 'original');
    await chmod(dir, 0o555);
    // Root ignores folder permissions: find out whether this process can still write there.
    const probe = join(dir, 'probe');
    const privileged = await writeFile(probe, '').then(
      () => true,
      () => false,
    );
    if (!privileged) {
      expect(await writeFileAtomic(file, 'new')).toMatchObject({ ok: false, kind: 'permission', code: 'EACCES' });
      expect(await readFile(file, 'utf8')).toBe('original');
      return;
    }
    await unlink(probe);
    // As root, run the real writer in a child process as `nobody`, for whom the folder is read-only.
    const tool = await tempFolder();
    await chmod(tool, 0o755);
    await writeFile(
      join(tool, 'entry.ts'),
      `import { writeFileAtomic } from ${JSON.stringify(resolve('electron/backend/safe-write.ts'))};\n` +
        `writeFileAtomic(process.argv[2] as string, 'new').then((r) => process.stdout.write(JSON.stringify(r)));\n`,
    );
    await build({ entryPoints: [join(tool, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(tool, 'entry.mjs'), logLevel: 'silent' });
    await chmod(join(tool, 'entry.mjs'), 0o644);
    const child = spawnSync(process.execPath, [join(tool, 'entry.mjs'), file], { uid: 65534, gid: 65534, encoding: 'utf8' });
    if (child.error || child.status !== 0) {
      ctx.skip(`cannot run a child process as nobody to lose root's override (${child.error?.message ?? child.stderr}); a real EACCES cannot be produced here`);
      return;
    }
    expect(JSON.parse(child.stdout)).toMatchObject({ ok: false, kind: 'permission', code: 'EACCES', message: expect.stringMatching(/permission denied/) });
    expect(await readFile(file, 'utf8')).toBe('original');
    expect(await leftovers(dir)).toEqual([]);
  });

  it.skip('reports a real full disk (ENOSPC): needs a full file system, and mounting one is out of bounds for tests; see the simulated case', () => {});

  it('maps a write failure (simulated ENOSPC from an injected file system) to a value, removing the temp file', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    await writeFile(file, 'original');
    let tempPath = '';
    const full: AtomicFs = {
      ...nodeAtomicFs,
      async open(path, flags, mode) {
        tempPath = path;
        const handle = await nodeAtomicFs.open(path, flags, mode);
        return {
          ...handle,
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
          sync: () => handle.sync(),
          chmod: (m: number) => handle.chmod(m),
          chown: (u: number, g: number) => handle.chown(u, g),
        };
      },
    };
    const r = await createAtomicWriter(full)(file, 'new');
    expect(r).toMatchObject({ ok: false, kind: 'no-space', message: expect.stringMatching(/disk is full/) });
    expect(tempPath.startsWith(join(dir, TEMP_PREFIX))).toBe(true);
    expect(existsSync(tempPath)).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('original');
  });

  it('notices a change that lands while it writes (simulated race) and writes nothing', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    await writeFile(file, 'base');
    const racing: AtomicFs = {
      ...nodeAtomicFs,
      async open(path, flags, mode) {
        const handle = await nodeAtomicFs.open(path, flags, mode);
        await writeFile(file, 'someone else');
        return handle;
      },
    };
    const r = await createAtomicWriter(racing)(file, 'mine', { expectedHash: hashText('base') });
    expect(r).toMatchObject({ ok: false, kind: 'conflict', diskText: 'someone else' });
    expect(await readFile(file, 'utf8')).toBe('someone else');
    expect(await leftovers(dir)).toEqual([]);
  });

  it('removes the temp file when the final rename fails', async () => {
    const dir = await tempFolder();
    const file = join(dir, 'p.md');
    await writeFile(file, 'original');
    const failing: AtomicFs = { ...nodeAtomicFs, rename: async () => Promise.reject(Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' })) };
    expect(await createAtomicWriter(failing)(file, 'new')).toMatchObject({ ok: false, kind: 'io', code: 'EXDEV' });
    expect(await leftovers(dir)).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe('original');
  });
});

const corpusFile = resolve(process.cwd(), '../shared/corpus/patterns/able-bodied-privilege-recognition.md');
const haveGit = spawnSync('git', ['--version']).status === 0;

describe('pruning a copy of a real corpus file and saving it', () => {
  it.skipIf((!existsSync(corpusFile) && !process.env['CI']) || !haveGit)('changes only the removed lines and the last_pruned line (git diff)', async () => {
    const dir = await tempFolder();
    await mkdir(join(dir, 'vault'));
    const copy = join(dir, 'vault', 'able-bodied-privilege-recognition.md');
    await copyFile(corpusFile, copy);
    const before = await readFile(copy, 'utf8');
    const pruned = pruneInferredLinksByRules(before, { rules: ['already-curated'], today: '2026-03-01' });
    if (!pruned.ok) throw new Error(pruned.reason);
    expect(await writeFileAtomic(copy, pruned.text, { expectedHash: hashText(before) })).toMatchObject({ ok: true });
    const diff = spawnSync('git', ['diff', '--no-index', '--no-color', '-U0', corpusFile, copy], { encoding: 'utf8' });
    expect(diff.status).toBe(1);
    const lines = diff.stdout.split('\n');
    const minus = lines.filter((l) => l.startsWith('-') && !l.startsWith('---'));
    const plus = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(plus).toEqual(['+  last_pruned: 2026-03-01']);
    expect(minus[0]).toBe('-  last_pruned: 2026-02-19');
    const removedTargets = pruned.removed.map((r) => r.link.target);
    expect(minus.filter((l) => l.startsWith('-    - target: '))).toEqual(removedTargets.map((t) => `-    - target: ${t}`));
    expect(minus).toHaveLength(1 + 4 * removedTargets.length);
    for (const line of minus.slice(1)) expect(line).toMatch(/^- {4}- target: |^- {6}(type|confidence|reason): /);
  });
});
