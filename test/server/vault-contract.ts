/**
 * The API contract as a user of it sees it, written once and run against
 * every way of reaching the backend: the service itself, the in-process
 * transport, the WebSocket with a raw client, and the renderer's own client.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultApi, VaultEvents } from '../../shared/api/vault-api';
import { DEFAULT_SCHEMA } from '../../shared/schema/schema';

export interface ContractTarget {
  api: VaultApi;
  /** The vault folder on disk, to compare what the API says with what is there. */
  root: string;
  close(): Promise<void>;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function patternFilesOnDisk(root: string): Promise<string[]> {
  return (await readdir(root)).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
}

async function untilReady(api: VaultApi): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await api.getVault({})).ready) {
    if (Date.now() > deadline) throw new Error('the vault never became ready');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function nextEvent<E extends keyof VaultEvents>(api: VaultApi, event: E, match: (p: VaultEvents[E]) => boolean): Promise<VaultEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} event within 5 s`));
    }, 5000);
    const off = api.on(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

export function describeVaultContract(label: string, open: () => Promise<ContractTarget>): void {
  describe(`vault API contract: ${label}`, () => {
    let target: ContractTarget;
    let api: VaultApi;
    let root: string;

    beforeAll(async () => {
      target = await open();
      ({ api, root } = target);
      await untilReady(api);
    });
    afterAll(async () => target?.close());

    it('getVault names the open folder and counts its 28 patterns', async () => {
      const info = await api.getVault({});
      expect(info.name).toBe(basename(root));
      expect(info.files).toBe(28);
      expect(info.ready).toBe(true);
    });

    it('listFiles lists every pattern file of the sample vault', async () => {
      const files = await api.listFiles({});
      expect(files).toHaveLength(28);
      expect(files.map((f) => f.path).sort()).toEqual(await patternFilesOnDisk(root));
      expect(files.find((f) => f.path === 'walking-skeleton.md')?.name).toBe('walking-skeleton');
    });

    it('readFile returns the bytes on disk and their sha256', async () => {
      const bytes = await readFile(join(root, 'walking-skeleton.md'));
      const file = await api.readFile({ path: 'walking-skeleton.md' });
      expect(file.path).toBe('walking-skeleton.md');
      expect(Buffer.from(file.text, 'utf8').equals(bytes)).toBe(true);
      expect(file.hash).toBe(sha256(bytes));
    });

    it('getDiagnostics agrees with the counts getVault reports and names only vault files', async () => {
      const [all, info, files] = await Promise.all([api.getDiagnostics({}), api.getVault({}), api.listFiles({})]);
      const paths = new Set(files.map((f) => f.path));
      const tally = { error: 0, warning: 0, info: 0 };
      for (const d of all) {
        tally[d.severity]++;
        expect(paths.has(d.path)).toBe(true);
      }
      expect(tally).toEqual(info.counts);
      const one = all[0]?.path ?? 'walking-skeleton.md';
      const forOne = await api.getDiagnostics({ path: one });
      expect(forOne.every((d) => d.path === one)).toBe(true);
      expect(forOne).toHaveLength(all.filter((d) => d.path === one).length);
    });

    it('saveFile with the right base hash writes exactly the text and announces the change', async () => {
      const path = 'wip-limits.md';
      const before = await api.readFile({ path });
      const text = `${before.text}\nA line added by the contract test: ünïcødé, tabs\tand "quotes".\n`;
      const changed = nextEvent(api, 'onDidChangeFiles', (p) => p.changed.includes(path));
      const result = await api.saveFile({ path, text, baseHash: before.hash });
      expect(result).toEqual({ ok: true, hash: sha256(text) });
      expect((await readFile(join(root, path))).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect((await api.readFile({ path })).text).toBe(text);
      expect((await changed).external).toBe(false);
    });

    it('saveFile with a stale base hash reports a conflict and leaves the file untouched', async () => {
      const path = 'retrospective.md';
      const disk = await readFile(join(root, path));
      const result = await api.saveFile({ path, text: 'overwritten\n', baseHash: sha256('an older version') });
      expect(result).toMatchObject({ ok: false, kind: 'conflict', diskText: disk.toString('utf8'), diskHash: sha256(disk) });
      expect((await readFile(join(root, path))).equals(disk)).toBe(true);
    });

    it('refuses a path that leaves the vault, with an error that says so, and touches nothing outside', async () => {
      await expect(api.readFile({ path: '../outside.md' })).rejects.toThrow(/path|outside|vault|\.\./i);
      await expect(api.saveFile({ path: '../outside.md', text: 'x', baseHash: '' })).rejects.toThrow(/path|outside|vault|\.\./i);
      expect(existsSync(join(root, '..', 'outside.md'))).toBe(false);
    });

    it('getGraphUpdate gives the whole graph, then only what an unsaved edit changed, then the way back', async () => {
      const path = 'mob-programming.md';
      const first = await api.getGraphUpdate({});
      if (!('graph' in first)) throw new Error('the first answer must be the whole graph');
      expect(first.graph.nodes.filter((n) => !n.ghost)).toHaveLength(28);
      const { text } = await api.readFile({ path });
      await api.setBuffer({ path, text: text.replace(/^title: .*$/m, 'title: Mob programming, retitled') });
      const second = await api.getGraphUpdate({ since: first.version });
      if (!('delta' in second)) throw new Error('expected a delta from the version the view has');
      expect(second.since).toBe(first.version);
      expect(second.delta.nodes.map((n) => [n.id, n.title])).toEqual([['mob-programming', 'Mob programming, retitled']]);
      expect(second.delta.edges).toEqual([]);
      await api.setBuffer({ path, text: null });
      const third = await api.getGraphUpdate({ since: second.version });
      if (!('delta' in third)) throw new Error('expected a delta');
      expect(third.delta.nodes.map((n) => n.title)).toEqual([first.graph.nodes.find((n) => n.id === 'mob-programming')?.title]);
      // A version this backend never handed out gets the whole graph.
      expect('graph' in (await api.getGraphUpdate({ since: 7 }))).toBe(true);
    });

    it('getSchema gives the schema the vault is checked with (the sample vault has no schema of its own)', async () => {
      expect(existsSync(join(root, '.trellis', 'schema.yaml'))).toBe(false);
      expect(await api.getSchema({})).toEqual(DEFAULT_SCHEMA);
    });

    it('a missing file is an error, not an empty file', async () => {
      await expect(api.readFile({ path: 'no-such-pattern.md' })).rejects.toThrow(/no-such-pattern/);
    });
  });
}
