/**
 * The backend on a real temporary vault: opening (with and without cache),
 * saves with conflict checks, structured edits with undo, and the watcher's
 * handling of what other programs do to files.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openVaultService, type VaultService } from '../../electron/backend/vault-service';
import { hashText } from '../../electron/backend/safe-write';
import type { VaultEvents } from '../../shared/api/vault-api';
import { eventually, tempVault, type TempVault } from '../helpers/temp-vault';

let vault: TempVault;
let service: VaultService | undefined;

beforeEach(() => {
  vault = tempVault();
});

afterEach(async () => {
  await service?.dispose();
  service = undefined;
  vault.dispose();
});

function record<E extends keyof VaultEvents>(s: VaultService, event: E): Array<VaultEvents[E]> {
  const seen: Array<VaultEvents[E]> = [];
  s.on(event, (p) => seen.push(p));
  return seen;
}

const rulesOf = async (s: VaultService, path: string) => (await s.getDiagnostics({ path })).map((d) => d.rule);

describe('opening a vault', () => {
  it('indexes every pattern with its findings and reports progress', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const files = await service.listFiles({});
    expect(files).toHaveLength(28);
    const info = await service.getVault({});
    expect(info).toMatchObject({ name: 'vault', files: 28, ready: true, counts: { error: 1, warning: 9, info: 2 } });
    expect(files.find((f) => f.path === 'incident-commander-rotation.md')?.counts.error).toBe(1);
  });

  it('reopens from the cache, and rebuilds a corrupt cache instead of trusting it', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    await service.dispose();
    service = await openVaultService(vault.dir, { watch: false });
    expect(service.openStats).toMatchObject({ cached: 28, analysed: 0 });
    const before = await service.getDiagnostics({});
    await service.dispose();
    writeFileSync(join(vault.dir, '.trellis', 'cache', 'index.v8'), 'not a cache at all');
    service = await openVaultService(vault.dir, { watch: false });
    expect(service.openStats).toMatchObject({ cached: 0, analysed: 28, cacheNote: 'the cache is corrupt' });
    expect(await service.getDiagnostics({})).toEqual(before);
  });

  it('re-reads a file that changed while the vault was closed, even with a cache', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    await service.dispose();
    const file = vault.path('incident-commander-rotation.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chaos-engineering-gameday', 'blameless-postmortem'));
    service = await openVaultService(vault.dir, { watch: false });
    expect(service.openStats.analysed).toBe(1);
    expect(await rulesOf(service, 'incident-commander-rotation.md')).not.toContain('relationship-target-missing');
  });
});

describe('saving', () => {
  it('writes exactly the text, and refuses a save based on an old version', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const file = await service.readFile({ path: 'retrospective.md' });
    expect(file.hash).toBe(hashText(readFileSync(vault.path('retrospective.md'), 'utf8')));
    const edited = file.text.replace('status: stable', 'status: revised');
    const saved = await service.saveFile({ path: 'retrospective.md', text: edited, baseHash: file.hash });
    expect(saved.ok).toBe(true);
    expect(readFileSync(vault.path('retrospective.md'), 'utf8')).toBe(edited);
    const stale = await service.saveFile({ path: 'retrospective.md', text: file.text, baseHash: file.hash });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict', diskText: edited });
    expect(readFileSync(vault.path('retrospective.md'), 'utf8')).toBe(edited);
  });

  it('refuses paths that leave the vault, including through a symbolic link', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const outside = mkdtempSync(join(tmpdir(), 'trellis-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'secret');
    symlinkSync(outside, vault.path('escape'));
    await expect(service.readFile({ path: 'escape/secret.md' })).rejects.toThrow(/outside the vault/);
    await expect(service.saveFile({ path: 'escape/secret.md', text: 'x', baseHash: '' })).rejects.toThrow(/outside the vault/);
    expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe('secret');
    rmSync(outside, { recursive: true, force: true });
  });
});

describe('structured edits', () => {
  it('promotes an inferred link with a preview, writes only those lines, and undoes to the exact bytes', async () => {
    service = await openVaultService(vault.dir, { watch: false, today: () => '2026-11-24' });
    const before = readFileSync(vault.path('feature-flags.md'), 'utf8');
    const preview = await service.previewEdit({ edit: { kind: 'prune-link', path: 'feature-flags.md', target: 'dark-launch', type: 'enables' } });
    expect(preview.files.map((f) => f.path)).toEqual(['feature-flags.md', '.trellis/pruned.yaml']);
    expect(readFileSync(vault.path('feature-flags.md'), 'utf8')).toBe(before);
    const applied = await service.applyEdit({ previewId: preview.id });
    expect(applied).toMatchObject({ ok: true, files: ['feature-flags.md', '.trellis/pruned.yaml'] });
    expect(readFileSync(vault.path('.trellis/pruned.yaml'), 'utf8')).toContain('- {source: feature-flags, target: dark-launch, type: enables, date: 2026-11-24, rule: manual}');
    const after = readFileSync(vault.path('feature-flags.md'), 'utf8');
    expect(after).not.toContain('target: dark-launch');
    expect(after).toContain("last_pruned: '2026-11-24'");
    expect(await rulesOf(service, 'feature-flags.md')).not.toContain('inferred-already-curated');
    const undone = await service.undo({});
    expect(undone.ok).toBe(true);
    expect(readFileSync(vault.path('feature-flags.md'), 'utf8')).toBe(before);
    expect(existsSync(vault.path('.trellis/pruned.yaml'))).toBe(false);
    expect(await rulesOf(service, 'feature-flags.md')).toContain('inferred-already-curated');
    await service.redo({});
    expect(readFileSync(vault.path('feature-flags.md'), 'utf8')).toBe(after);
  });

  it('does not undo over a file changed by someone else meanwhile', async () => {
    service = await openVaultService(vault.dir, { watch: false, today: () => '2026-11-24' });
    const preview = await service.previewEdit({ edit: { kind: 'prune-link', path: 'pairing-sessions.md', target: 'mob-programming' } });
    await service.applyEdit({ previewId: preview.id });
    const theirs = readFileSync(vault.path('pairing-sessions.md'), 'utf8') + '\nTheir note.\n';
    writeFileSync(vault.path('pairing-sessions.md'), theirs);
    const undone = await service.undo({});
    expect(undone.ok).toBe(false);
    expect(undone.message).toMatch(/changed on disk/);
    expect(readFileSync(vault.path('pairing-sessions.md'), 'utf8')).toBe(theirs);
  });

  it('renames a pattern: new file, old one gone, references updated; undo brings everything back', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const referrer = readFileSync(vault.path('trunk-based-development.md'), 'utf8');
    expect(referrer).toContain('feature-flags');
    const preview = await service.previewEdit({ edit: { kind: 'rename', from: 'feature-flags', to: 'feature-toggles' } });
    const applied = await service.applyEdit({ previewId: preview.id });
    expect(applied.ok).toBe(true);
    expect(existsSync(vault.path('feature-flags.md'))).toBe(false);
    expect(readFileSync(vault.path('feature-toggles.md'), 'utf8')).toContain('slug: feature-toggles');
    expect(readFileSync(vault.path('trunk-based-development.md'), 'utf8')).not.toMatch(/\bfeature-flags\b/);
    expect((await service.getDiagnostics({})).filter((d) => d.rule === 'relationship-target-missing')).toHaveLength(1);
    await service.undo({});
    expect(existsSync(vault.path('feature-toggles.md'))).toBe(false);
    expect(readFileSync(vault.path('trunk-based-development.md'), 'utf8')).toBe(referrer);
  });
});

describe('watching the vault', () => {
  const open = async () => {
    service = await openVaultService(vault.dir, { cache: false });
    return service;
  };

  it('sees an external edit and updates the findings of the files linking to it', async () => {
    const s = await open();
    const events = record(s, 'onDidChangeFiles');
    const file = vault.path('incident-commander-rotation.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chaos-engineering-gameday', 'blameless-postmortem'));
    await eventually(() => expect(events.some((e) => e.external && e.changed.includes('incident-commander-rotation.md'))).toBe(true));
    expect(await rulesOf(s, 'incident-commander-rotation.md')).not.toContain('relationship-target-missing');
  });

  it("treats another editor's rename-over save as one change", async () => {
    const s = await open();
    const events = record(s, 'onDidChangeFiles');
    const text = readFileSync(vault.path('wip-limits.md'), 'utf8').replace('WIP Limits', 'WIP Limits (team)');
    writeFileSync(vault.path('.wip-limits.md.swp'), text);
    renameSync(vault.path('.wip-limits.md.swp'), vault.path('wip-limits.md'));
    await eventually(() => expect(events.flatMap((e) => e.changed)).toContain('wip-limits.md'));
    await new Promise((r) => setTimeout(r, 300));
    expect(events.flatMap((e) => [...e.changed, ...e.removed])).toEqual(['wip-limits.md']);
    expect((await s.listFiles({})).find((f) => f.path === 'wip-limits.md')?.title).toBe('WIP Limits (team)');
  });

  it('sees a deletion and turns links to the file into missing targets', async () => {
    const s = await open();
    unlinkSync(vault.path('dark-launch.md'));
    await eventually(async () => expect(await rulesOf(s, 'feature-flags.md')).toContain('relationship-target-missing'));
    expect((await s.listFiles({})).map((f) => f.path)).not.toContain('dark-launch.md');
  });

  it('never acts on a file truncated and restored a moment later', async () => {
    const s = await open();
    const seen: string[][] = [];
    s.on('onDidChangeDiagnostics', () => void s.getDiagnostics({ path: 'retrospective.md' }).then((d) => seen.push(d.map((x) => x.rule))));
    const file = vault.path('retrospective.md');
    const text = readFileSync(file, 'utf8');
    truncateSync(file, 0);
    await new Promise((r) => setTimeout(r, 120));
    writeFileSync(file, text);
    await new Promise((r) => setTimeout(r, 1200));
    expect(seen.flat()).not.toContain('front-matter-missing');
    expect(await rulesOf(s, 'retrospective.md')).toContain('inferred-unknown-type');
  });

  it('recognises 1,000 quick saves of our own as ours: no external change is reported', async () => {
    const s = await open();
    const events = record(s, 'onDidChangeFiles');
    let { text, hash } = await s.readFile({ path: 'focus-time-blocks.md' });
    for (let i = 0; i < 1000; i++) {
      text = text.replace(/version: [^\n]*/, `version: 1.${i}`);
      const r = await s.saveFile({ path: 'focus-time-blocks.md', text, baseHash: hash });
      if (!r.ok) throw new Error(r.message);
      hash = r.hash;
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(events.filter((e) => e.external)).toEqual([]);
    expect(readFileSync(vault.path('focus-time-blocks.md'), 'utf8')).toBe(text);
  });
});

describe('unsaved buffers', () => {
  it('follow the editor text in the findings of the file and of the files that depend on it, without touching the disk', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const disk = readFileSync(vault.path('dark-launch.md'), 'utf8');
    const renamed = disk.replace('slug: dark-launch', 'slug: dark-launch-2');
    const result = await service.setBuffer({ path: 'dark-launch.md', text: renamed });
    expect(result.paths).toContain('dark-launch.md');
    expect(await rulesOf(service, 'dark-launch.md')).toContain('slug-mismatch');
    expect(readFileSync(vault.path('dark-launch.md'), 'utf8')).toBe(disk);
    await service.setBuffer({ path: 'dark-launch.md', text: null });
    expect(await rulesOf(service, 'dark-launch.md')).not.toContain('slug-mismatch');
  });
});

describe('curation', () => {
  it('builds the inbox with the signals a curator decides by', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const inbox = await service.getInbox({});
    expect(inbox.length).toBe(56);
    const confidences = inbox.map((i) => i.confidence ?? 0);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    const dup = inbox.find((i) => i.path === 'feature-flags.md' && i.target === 'dark-launch');
    expect(dup?.signals).toMatchObject({ targetExists: true, curatedSameType: true });
    const ghost = inbox.find((i) => i.target === 'pager-fatigue-survey');
    expect(ghost?.signals.targetExists).toBe(false);
    const enabler = inbox.find((i) => i.type === 'enabler');
    expect(enabler).toMatchObject({ path: 'continuous-integration.md', suggestedType: 'enables', targetTitle: 'Small Pull Requests' });
    const one = await service.getInbox({ scope: { kind: 'pattern', path: 'retrospective.md' } });
    expect(new Set(one.map((i) => i.path))).toEqual(new Set(['retrospective.md']));
  });

  it('reports garden health: per-rule counts with samples, and the confidence distribution', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    const h = await service.getGardenHealth({});
    expect(h.inferredTotal).toBe(56);
    expect(h.curatedTotal).toBe(74);
    expect(h.rules['already-curated'].count).toBe(2);
    expect(h.rules['missing-target'].sample).toEqual(['on-call-handoff → pager-fatigue-survey (complementary)']);
    expect(h.rules['unknown-type'].count).toBe(2);
    expect(h.confidenceHistogram.reduce((a, b) => a + b, 0) + h.noConfidence).toBe(56);
  });

  it('creates a pattern from the template, with a new TypeID and a slug from the title; undo removes it', async () => {
    service = await openVaultService(vault.dir, { watch: false, today: () => '2026-11-24' });
    const preview = await service.previewEdit({ edit: { kind: 'create', title: 'Team Health Check' } });
    expect(preview.createdPath).toBe('team-health-check.md');
    expect((await service.applyEdit({ previewId: preview.id })).ok).toBe(true);
    const text = readFileSync(vault.path('team-health-check.md'), 'utf8');
    expect(text).toMatch(/^---\n# ═+\n# GROUP 1: CORE IDENTITY\n# ═+\nid: pat_[0-7][0-9a-hjkmnp-tv-z]{25}\nslug: team-health-check\ntitle: "Team Health Check"\n/);
    const rules = await rulesOf(service, 'team-health-check.md');
    expect(rules).not.toContain('yaml-syntax');
    expect(rules).not.toContain('id-format');
    expect(rules).not.toContain('body-sections');
    await expect(service.previewEdit({ edit: { kind: 'create', title: 'Team Health Check' } })).rejects.toThrow(/already exists/);
    await service.undo({});
    expect(existsSync(vault.path('team-health-check.md'))).toBe(false);
  });

  it('deletes a pattern: lists its references first, then removes them or leaves ghosts', async () => {
    service = await openVaultService(vault.dir, { watch: false, today: () => '2026-11-24' });
    const keep = await service.previewEdit({ edit: { kind: 'delete', path: 'dark-launch.md', removeReferences: false } });
    expect(keep.files.map((f) => f.path)).toEqual(['dark-launch.md']);
    expect(keep.summary.join('\n')).toMatch(/referenced by \d+ file\(s\): .*feature-flags\.md/);
    const remove = await service.previewEdit({ edit: { kind: 'delete', path: 'dark-launch.md', removeReferences: true } });
    expect(remove.files.map((f) => f.path)).toContain('feature-flags.md');
    expect((await service.applyEdit({ previewId: remove.id })).ok).toBe(true);
    expect(existsSync(vault.path('dark-launch.md'))).toBe(false);
    expect(readFileSync(vault.path('feature-flags.md'), 'utf8')).not.toMatch(/\bdark-launch\b/);
    expect((await service.getDiagnostics({})).filter((d) => d.rule === 'relationship-target-missing')).toHaveLength(1);
    await service.undo({});
    expect(existsSync(vault.path('dark-launch.md'))).toBe(true);
  });
});

describe("the vault's schema", () => {
  it('is the default with .trellis/schema.yaml merged in, as the editor and the graph need it', async () => {
    mkdirSync(vault.path('.trellis'), { recursive: true });
    writeFileSync(vault.path('.trellis/schema.yaml'), 'fields:\n  lifecycle.status:\n    enum+: [experimental]\nrules:\n  legacy-format: off\n');
    service = await openVaultService(vault.dir, { watch: false });
    const schema = await service.getSchema({});
    expect(schema.fields['lifecycle.status']?.enum).toEqual(expect.arrayContaining(['draft', 'stable', 'experimental']));
    expect(schema.rules['legacy-format']).toBe('off');
    // And the backend checks with it: the sample vault's 'experimental' status is no longer a finding.
    expect(await rulesOf(service, 'async-standup.md')).not.toContain('enum-value');
  });
});

describe('view state', () => {
  it('keeps per-vault view state in the cache folder across reopening', async () => {
    service = await openVaultService(vault.dir, { watch: false });
    expect(await service.loadViewState({ key: 'graph-positions' })).toEqual({ value: null });
    await service.saveViewState({ key: 'graph-positions', value: '{"a":[1,2]}' });
    await service.dispose();
    service = await openVaultService(vault.dir, { watch: false });
    expect(await service.loadViewState({ key: 'graph-positions' })).toEqual({ value: '{"a":[1,2]}' });
    expect(existsSync(join(vault.dir, '.trellis', 'cache', 'view', 'graph-positions.json'))).toBe(true);
  });

  it('says so when a kept view state cannot be read, rather than answering "nothing kept"', async () => {
    // A directory where the file should be: unreadable even as root (a permission error is not, here).
    mkdirSync(join(vault.dir, '.trellis', 'cache', 'view', 'drafts.json'), { recursive: true });
    service = await openVaultService(vault.dir, { watch: false });
    await expect(service.loadViewState({ key: 'drafts' })).rejects.toThrow(/drafts.*could not be read/);
    expect(await service.loadViewState({ key: 'graph-positions' })).toEqual({ value: null });
  });
});
