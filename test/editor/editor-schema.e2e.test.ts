/**
 * A vault with a vocabulary of its own (`.trellis/schema.yaml`): the editor
 * checks and completes with it, as the backend and the CLI do, rather than
 * with the template's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestVault, type TestVault } from '../server/test-vault';
import { CHROMIUM, startEditorRig, until, type EditorRig } from './editor-page';

describe.skipIf(!CHROMIUM)("the editor with the vault's own schema", () => {
  let vault: TestVault;
  let rig: EditorRig;

  beforeAll(async () => {
    vault = await openTestVault({ files: { '.trellis/schema.yaml': 'fields:\n  lifecycle.status:\n    enum+: [experimental, sunset]\n' } });
    rig = await startEditorRig(vault.service);
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await vault?.cleanup();
  });

  it('takes a status the vault added as valid while typing, and offers it in completion', async () => {
    const p = await rig.newPage();
    await p.open('wip-limits.md');
    const line = await p.lineOf('yaml', '  status: stable');
    await p.place('yaml', line, 200);
    for (let i = 0; i < 'stable'.length; i++) await p.page.keyboard.press('Backspace');
    await p.page.keyboard.type('sunset');
    // The file's own rules run in the page's worker: its findings for this very text, before the backend's.
    const version = await p.page.evaluate(() => window.__trellisEditor?.version() ?? 0);
    await until('the worker to check the new text', () =>
      p.page.evaluate((v) => window.__trellisEditor?.renders.some((r) => r.source === 'local' && r.version >= v) ?? false, version),
    );
    expect((await p.markers('yaml')).filter((m) => m.line === line)).toEqual([]);
    // A value outside even the vault's vocabulary is still a finding, on that line.
    await p.page.keyboard.type('x');
    await until('the enum finding', async () => (await p.markers('yaml')).some((m) => m.line === line && m.rule === 'enum-value'));

    // Completion of the value offers the vault's own statuses.
    for (let i = 0; i < 'sunsetx'.length; i++) await p.page.keyboard.press('Backspace');
    await p.page.keyboard.press('Control+Space');
    const row = p.page.locator('.suggest-widget .monaco-list-row', { hasText: 'sunset' });
    await row.first().waitFor({ timeout: 10_000 });
    expect(await p.page.locator('.suggest-widget .monaco-list-row', { hasText: 'experimental' }).count()).toBeGreaterThan(0);
    expect(p.consoleErrors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
