/**
 * The pattern editor in Chromium against browser mode, on a temporary copy of
 * the sample vault with the file watcher on: what a curator does and sees.
 * Screenshots land in test-results/editor/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestVault, REPO_ROOT, type TestVault } from '../server/test-vault';
import { CHROMIUM, startEditorRig, until, type EditorPage, type EditorRig } from './editor-page';

const SHOTS = join(REPO_ROOT, 'test-results', 'editor');

describe.skipIf(!CHROMIUM)('the pattern editor in Chromium', () => {
  let vault: TestVault;
  let rig: EditorRig;
  const pages: EditorPage[] = [];
  const disk = (path: string) => readFile(join(vault.root, path), 'utf8');
  const shot = (p: EditorPage, name: string) => p.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  /** The vault's copy of unsaved drafts (its view state), which every window of the vault shares. */
  const draftsFile = () => join(vault.root, '.trellis', 'cache', 'view', 'drafts.json');
  const backedUpDrafts = () => readFile(draftsFile(), 'utf8').catch(() => '');
  /**
   * A new browser context (its own, empty localStorage). Each test starts as a
   * first launch on the vault: the drafts other tests left in the vault's copy
   * are dropped, or every later page would restore them as tabs. The drafts
   * test keeps them for its second window, which is the point of it.
   */
  const newPage = async (options: { keepDrafts?: boolean } = {}) => {
    if (!options.keepDrafts) await rm(draftsFile(), { force: true });
    const p = await rig.newPage();
    pages.push(p);
    return p;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    vault = await openTestVault({ watch: true });
    rig = await startEditorRig(vault.service);
  }, 120_000);

  afterAll(async () => {
    for (const p of pages) expect(p.consoleErrors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
    await rig?.close();
    await vault?.cleanup();
  });

  it('marks broken YAML on the line it breaks, and clears the mark when fixed', async () => {
    const p = await newPage();
    await p.open('retrospective.md');
    const line = await p.lineOf('yaml', 'title: "Retrospective"');
    await p.place('yaml', line, 200);
    await p.page.keyboard.type(': x');
    const marker = await until('the syntax marker', async () => (await p.markers('yaml')).find((m) => m.rule === 'yaml-syntax'));
    expect(marker).toMatchObject({ line, severity: 'error' });
    // The file's own findings were replaced by the syntax error; the prose has no marks.
    expect(await p.markers('body')).toEqual([]);
    await shot(p, '1-yaml-error');
    for (let i = 0; i < 3; i++) await p.page.keyboard.press('Backspace');
    await until('the syntax marker to go', async () => !(await p.markers('yaml')).some((m) => m.rule === 'yaml-syntax'));
    expect(await p.dirty('retrospective.md')).toBe(false);
    expect(await p.text()).toBe(await disk('retrospective.md'));
  });

  it('shows a relationship to a missing pattern in the problems panel before saving', async () => {
    const p = await newPage();
    await p.open('team-charter.md');
    const before = await disk('team-charter.md');
    const line = await p.lineOf('yaml', '- slug: working-agreement');
    await p.place('yaml', line, 200);
    await p.page.keyboard.type('-gone');
    const marker = await until('the missing-target marker', async () => (await p.markers('yaml')).find((m) => m.rule === 'relationship-target-missing'));
    expect(marker.line).toBe(line);
    const problem = p.page.locator('[data-testid=problems] li.problem', { hasText: "'working-agreement-gone'" });
    await problem.first().waitFor({ timeout: 10_000 });
    expect(await disk('team-charter.md')).toBe(before);
    expect(await p.dirty('team-charter.md')).toBe(true);
    await shot(p, '2-missing-target');
    // Undo (Monaco's) takes it back, and the finding goes from the panel as well.
    for (let i = 0; i < 5; i++) await p.page.keyboard.press('Backspace');
    await problem.first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('saves with Ctrl+S exactly the bytes in the editor', async () => {
    const p = await newPage();
    await p.open('pairing-sessions.md');
    const line = await p.lineOf('body', '### Section 1');
    await p.place('body', line + 2, 1);
    await p.page.keyboard.type('A new first sentence, typed with “quotes” and an émoji 🌱. ');
    await until('the dirty marker', () => p.page.locator('.editor-tab[data-path="pairing-sessions.md"][data-dirty=true]').count());
    await p.save();
    await until('the save', async () => !(await p.dirty('pairing-sessions.md')));
    const text = await p.text();
    expect(await disk('pairing-sessions.md')).toBe(text);
    expect(text).toContain('an émoji 🌱. ');
  });

  it('autosaves after a pause when asked to, and edits a file without front-matter in one editor', async () => {
    await writeFile(join(vault.root, 'loose-notes.md'), '# Loose notes\n\nNo front-matter here.\n');
    const p = await newPage();
    await p.page.locator('[data-testid=file-list] li[data-path="loose-notes.md"]').waitFor({ timeout: 15_000 });
    await p.open('loose-notes.md');
    expect(await p.page.locator('[data-testid=yaml-editor]').isVisible()).toBe(false);
    const marker = await until('the missing front-matter marker', async () => (await p.markers('body')).find((m) => m.rule === 'front-matter-missing'));
    expect(marker.line).toBe(1);
    await p.page.locator('.editor-toolbar label', { hasText: 'Autosave' }).locator('input').check();
    await p.place('body', 3, 200);
    await p.page.keyboard.type(' Saved by itself.');
    await until('the autosave', async () => (await disk('loose-notes.md')).includes('Saved by itself.'), 10_000);
    await shot(p, '5-whole-file');
    expect(await disk('loose-notes.md')).toBe(await p.text());
    await until('the clean tab', async () => !(await p.dirty('loose-notes.md')));
    await p.page.locator('.editor-toolbar label', { hasText: 'Autosave' }).locator('input').uncheck();
  });

  it('keeps a BOM and CRLF line breaks exactly as they were when saving', async () => {
    const crlf = `\uFEFF${(await disk('onboarding-buddy.md')).replace(/\n/g, '\r\n')}`;
    await writeFile(join(vault.root, 'onboarding-buddy-crlf.md'), crlf);
    const p = await newPage();
    await p.page.locator('[data-testid=file-list] li[data-path="onboarding-buddy-crlf.md"]').waitFor({ timeout: 15_000 });
    await p.open('onboarding-buddy-crlf.md');
    expect(await p.text()).toBe(crlf);
    const line = await p.lineOf('body', '### Section 1');
    await p.place('body', line, 1);
    await p.page.keyboard.type('X');
    await p.page.keyboard.press('Enter');
    await p.save();
    await until('the save', async () => !(await p.dirty('onboarding-buddy-crlf.md')));
    const at = crlf.indexOf('### Section 1');
    expect(await disk('onboarding-buddy-crlf.md')).toBe(`${crlf.slice(0, at)}X\r\n${crlf.slice(at)}`);
  });

  it('on an outside edit while dirty shows the conflict bar; compare, keep mine and take theirs do what they say', async () => {
    const p = await newPage();
    await p.open('mob-programming.md');
    const path = join(vault.root, 'mob-programming.md');
    const original = await disk('mob-programming.md');
    const line = await p.lineOf('body', '### Section 1');
    await p.place('body', line, 200);
    await p.page.keyboard.type(' (mine)');
    await writeFile(path, original.replace('### Section 2', '### Section 2 (theirs)'));
    const bar = p.page.locator('[data-testid=conflict-bar]');
    await bar.waitFor({ timeout: 15_000 });
    expect(await disk('mob-programming.md')).toContain('(theirs)');

    await p.page.click('[data-testid=conflict-compare]');
    await p.page.locator('[data-testid=compare-dialog] .monaco-diff-editor').waitFor();
    await until('the diff to show both changes', async () => (await p.page.locator('[data-testid=compare-dialog] .line-insert, [data-testid=compare-dialog] .char-insert').count()) > 0);
    await shot(p, '4-compare');
    await p.page.click('[data-testid=compare-dialog] button:has-text("Close")');

    await p.page.click('[data-testid=conflict-keep-mine]');
    await bar.waitFor({ state: 'detached' });
    const mine = await p.text();
    expect(mine).toContain('(mine)');
    expect(mine).not.toContain('(theirs)');
    expect(await disk('mob-programming.md')).toBe(mine);

    // Again, and this time the disk's version wins.
    await p.place('body', line, 200);
    await p.page.keyboard.type(' again');
    await until('the edit', () => p.dirty('mob-programming.md'));
    const theirs = original.replace('### Section 3', '### Section 3 (theirs again)');
    await writeFile(path, theirs);
    await bar.waitFor({ timeout: 15_000 });
    await shot(p, '4-conflict-bar');
    await p.page.click('[data-testid=conflict-take-theirs]');
    await bar.waitFor({ state: 'detached' });
    expect(await p.text()).toBe(theirs);
    expect(await p.dirty('mob-programming.md')).toBe(false);
    expect(await disk('mob-programming.md')).toBe(theirs);
  });

  it('reloads a clean file in place when it changes on disk', async () => {
    const p = await newPage();
    await p.open('wip-limits.md');
    const changed = (await disk('wip-limits.md')).replace('### Section 4', '### Section 4 (edited elsewhere)');
    await writeFile(join(vault.root, 'wip-limits.md'), changed);
    await until('the reload', async () => (await p.text()) === changed, 15_000);
    expect(await p.page.locator('[data-testid=conflict-bar]').count()).toBe(0);
    expect(await p.dirty('wip-limits.md')).toBe(false);
  });

  it('brings unsaved edits back after a reload, marked dirty', async () => {
    const p = await newPage();
    await p.open('focus-time-blocks.md');
    const line = await p.lineOf('body', '### Section 5');
    await p.place('body', line, 200);
    await p.page.keyboard.type(' — unsaved thought');
    const edited = await until('the edit', async () => {
      const t = await p.text();
      return t?.includes('unsaved thought') ? t : undefined;
    });
    await p.page.waitForTimeout(400);
    await p.page.reload();
    await p.page.waitForFunction(() => window.__trellisEditor?.text('focus-time-blocks.md') !== undefined, null, { timeout: 20_000 });
    expect(await p.text('focus-time-blocks.md')).toBe(edited);
    expect(await p.dirty('focus-time-blocks.md')).toBe(true);
    // Shown, not only kept: the restored tab is the active one, its prose in the editor.
    await p.page.waitForFunction(() => window.__trellisEditor?.activePath() === 'focus-time-blocks.md');
    await p.page.locator('[data-testid=body-editor] .view-lines', { hasText: 'Confidence Rating' }).waitFor();
    expect(await p.page.locator('[role=status]', { hasText: 'Restored unsaved changes' }).count()).toBe(1);
    await p.page.locator('.editor-tab[data-path="focus-time-blocks.md"][data-dirty=true]').waitFor();
    expect(await disk('focus-time-blocks.md')).not.toContain('unsaved thought');
    await shot(p, '6-restored');
  });

  it("brings unsaved edits back in a window with empty localStorage (a relaunch on a new port) from the vault's copy, until saved", async () => {
    const path = 'async-standup.md';
    const before = await disk(path);
    const p = await newPage();
    await p.open(path);
    // In the summary at the top, so that the restored text is on screen as well as in the model.
    const line = await p.lineOf('body', 'Team members post a short written update');
    await p.place('body', line, 200);
    await p.page.keyboard.type(' — typed before the server went away');
    const edited = await until('the edit', async () => {
      const t = await p.text();
      return t?.includes('typed before the server went away') ? t : undefined;
    });
    // The vault's copy follows the typing by itself: no reload, no pagehide.
    await until('the draft in the vault', async () => (await backedUpDrafts()).includes('typed before the server went away'));

    // A new context is what a new origin means: its localStorage is empty, only the backend has the draft.
    const q = await newPage({ keepDrafts: true });
    expect(q.page.context()).not.toBe(p.page.context());
    await q.page.waitForFunction((f) => window.__trellisEditor?.text(f) !== undefined, path, { timeout: 20_000 });
    expect(await q.text(path)).toBe(edited);
    expect(await q.dirty(path)).toBe(true);
    await q.page.waitForFunction((f) => window.__trellisEditor?.activePath() === f, path);
    await q.page.locator(`.editor-tab[data-path="${path}"][data-dirty=true]`).waitFor();
    await q.page.locator('[data-testid=body-editor] .view-lines', { hasText: 'typed before the server went away' }).waitFor();
    expect(await q.page.locator('[role=status]', { hasText: 'Restored unsaved changes' }).count()).toBe(1);
    expect(await disk(path)).toBe(before);

    // Saved: the draft leaves the vault's copy too, so no later launch brings it back.
    await q.place('body', line, 1);
    await q.save();
    await until('the save', async () => !(await q.dirty(path)));
    expect(await disk(path)).toBe(edited);
    await until("the draft to leave the vault's copy", async () => {
      const raw = await backedUpDrafts();
      return raw !== '' && !raw.includes('typed before the server went away');
    });
    expect(JSON.parse(await backedUpDrafts())).toEqual([]);
  });

  it('completes relationship targets with titles and applies a quick fix to the text', async () => {
    const p = await newPage();
    await p.open('continuous-integration.md');
    // Completion: a new entry under `requires`.
    const requires = await p.lineOf('yaml', '  requires: []');
    await p.place('yaml', requires, 200);
    for (let i = 0; i < 3; i++) await p.page.keyboard.press('Backspace');
    // Enter after `requires:` indents the new line (YAML's rules), as the vault writes its lists, however soon after opening.
    await p.page.keyboard.press('Enter');
    await p.page.keyboard.type('- slug: wip');
    await p.page.keyboard.press('Control+Space');
    const item = p.page.locator('.suggest-widget .monaco-list-row', { hasText: 'wip-limits' });
    await item.first().waitFor({ timeout: 10_000 });
    expect(await item.first().textContent()).toContain('WIP Limits');
    await shot(p, '7-completion');
    await item.first().click();
    const requiresBlock = async () => (await p.partText('yaml')).split('\n').slice(requires - 1, requires + 2).join('\n');
    await until('the completion to be inserted', async () => (await requiresBlock()).startsWith('  requires:\n    - slug: wip-limits\n'), 5000).catch(async () => {
      throw new Error(`after completion: ${JSON.stringify(await requiresBlock())}`);
    });

    // Quick fix: the inferred link's type 'enabler' becomes 'enables', in the editor, undoably.
    const typeLine = await p.lineOf('yaml', 'type: enabler');
    await p.place('yaml', typeLine, 14);
    await until('the marker', async () => (await p.markers('yaml')).some((m) => m.rule === 'inferred-unknown-type' && m.line === typeLine));
    await p.page.keyboard.press('Control+.');
    const fix = p.page.locator('.action-widget .monaco-list-row', { hasText: "Change the type to 'enables'" });
    await fix.first().waitFor({ timeout: 10_000 });
    await shot(p, '7-quick-fix');
    await fix.first().click();
    await until('the fix', async () => (await p.text())?.includes('      type: enables\n'));
    expect(await disk('continuous-integration.md')).toContain('type: enabler');
    await p.page.keyboard.press('Control+z');
    await until('the undo', async () => (await p.text())?.includes('type: enabler\n'));
  });

  it('migrates a legacy file through a previewed vault edit; the editor follows, and undo takes it back', async () => {
    const p = await newPage();
    await p.open('documentation-sprint.md');
    const before = await disk('documentation-sprint.md');
    const marker = await until('the legacy marker', async () => (await p.markers('yaml')).find((m) => m.rule === 'legacy-format'));
    await p.place('yaml', marker.line, marker.column + 1);
    await p.page.keyboard.press('Control+.');
    await p.page.locator('.action-widget .monaco-list-row', { hasText: 'Migrate to v7.1' }).first().click();
    const dialog = p.page.locator('[data-testid=edit-preview]');
    await dialog.waitFor({ timeout: 15_000 });
    await p.page.click('[data-testid=edit-apply]');
    await dialog.waitFor({ state: 'detached' });
    const after = await until('the migrated file on disk', async () => {
      const t = await disk('documentation-sprint.md');
      return t !== before ? t : undefined;
    });
    expect(after).toContain('relationships:');
    // The open, clean buffer follows the disk in place…
    await until('the editor to follow', async () => (await p.text()) === after, 15_000);
    expect(await p.dirty('documentation-sprint.md')).toBe(false);
    // …as an edit of its own history: undo in the editor brings the old text back (unsaved).
    await p.place('yaml', 1, 1);
    await p.page.keyboard.press('Control+z');
    await until('the undo', async () => (await p.text()) === before);
    expect(await p.dirty('documentation-sprint.md')).toBe(true);
  });

  it('offers the vault-wide rename with a preview when the slug is edited, and the vault edit can be undone', async () => {
    const p = await newPage();
    await p.open('error-budget-policy.md');
    const line = await p.lineOf('yaml', 'slug: error-budget-policy');
    await p.place('yaml', line, 200);
    for (let i = 0; i < 'policy'.length; i++) await p.page.keyboard.press('Backspace');
    await p.page.keyboard.type('charter');
    const bar = p.page.locator('[data-testid=slug-bar]', { hasText: 'error-budget-charter' });
    await bar.waitFor();
    await bar.locator('button').click();
    const dialog = p.page.locator('[data-testid=edit-preview]');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.textContent()).toContain('Rename error-budget-policy → error-budget-charter');
    await shot(p, '9-rename-preview');
    await p.page.click('[data-testid=edit-apply]');
    await p.page.waitForFunction(() => window.__trellisEditor?.activePath() === 'error-budget-charter.md' && window.__trellisEditor.text() !== undefined, null, { timeout: 15_000 });
    expect(existsSync(join(vault.root, 'error-budget-policy.md'))).toBe(false);
    expect(await disk('error-budget-charter.md')).toContain('slug: error-budget-charter');
    expect(await disk('dark-launch.md')).toContain('error-budget-charter');
    expect(await p.dirty('error-budget-charter.md')).toBe(false);

    await p.page.click('button:has-text("Undo vault edit")');
    // The undo writes its files in parallel, the deletion last but not necessarily finishing last: wait for all three.
    await until('the undo', async () => existsSync(join(vault.root, 'error-budget-policy.md')) && !existsSync(join(vault.root, 'error-budget-charter.md')) && !(await disk('dark-launch.md')).includes('error-budget-charter'), 15_000);
  });

  it('keeps tabs and the selected pattern in step both ways, and frees a closed tab\'s models', async () => {
    const p = await newPage();
    await p.open('brown-bag-sessions.md');
    const models = await p.page.evaluate(() => window.__trellisEditor?.liveModels() ?? 0);
    await p.open('code-review-rotation.md');
    expect(await p.page.evaluate(() => window.__trellisEditor?.liveModels() ?? 0)).toBe(models + 2);
    await p.page.click('.editor-tab[data-path="brown-bag-sessions.md"]');
    await p.page.locator('[data-testid=file-list] li.selected[data-path="brown-bag-sessions.md"]').waitFor();
    await p.page.click('.editor-tab[data-path="code-review-rotation.md"] .tab-close');
    await until('the tab to close', async () => (await p.page.locator('.editor-tab[data-path="code-review-rotation.md"]').count()) === 0);
    expect(await p.page.evaluate(() => window.__trellisEditor?.liveModels() ?? 0)).toBe(models);
    expect(await p.page.evaluate(() => window.__trellisEditor?.activePath())).toBe('brown-bag-sessions.md');
  });

  it('shows the prose rendered, callouts styled, and an outline that jumps', async () => {
    const p = await newPage();
    await p.open('retrospective.md');
    await p.page.click('[data-testid=toggle-preview]');
    const callout = p.page.locator('[data-testid=prose-preview] .callout-note .callout-title');
    await callout.waitFor();
    expect(await callout.textContent()).toContain('Confidence Rating');
    await shot(p, '8-preview-top');
    const before = await p.page.locator('[data-testid=prose-preview] h3:has-text("Section 8: Vitality")').boundingBox();
    const paneBefore = await p.page.locator('[data-testid=prose-preview]').boundingBox();
    expect((before?.y ?? 0) > (paneBefore?.y ?? 0) + (paneBefore?.height ?? 0)).toBe(true);
    await p.page.click('[data-testid=outline] button:has-text("Section 8: Vitality")');
    // The jump brings the heading into the preview pane, wherever the pane sits on screen
    // (to its top when there is enough text below it to scroll that far).
    const headingInPane = async () => {
      const pane = await p.page.locator('[data-testid=prose-preview]').boundingBox();
      const heading = await p.page.locator('[data-testid=prose-preview] h3:has-text("Section 8: Vitality")').boundingBox();
      return !!pane && !!heading && heading.y >= pane.y - 1 && heading.y + heading.height <= pane.y + pane.height + 1;
    };
    await until('the heading to come into the preview pane', headingInPane);
    await shot(p, '8-preview');
    await p.page.click('.toolbar-group button:has-text("Source")');
  });
});
