/**
 * Keyboard triage in the inferred-link inbox, in Chromium against browser
 * mode on a copy of the sample vault: five links decided with R, S, A, T+A,
 * U and R; after each decision the file on disk holds exactly the expected
 * bytes (the link's lines gone, the curated entry added, `last_pruned`
 * stamped on a prune), and nothing else in the vault changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, type RunningApp } from '../helpers/browser-app';
import { changedPaths, currentLink, edited, inboxSays, inferredBlock, openCuration, snapshotVault, TODAY } from './curation-app';

describe.skipIf(!CHROMIUM && !process.env.CI)('inbox: keyboard triage', () => {
  let browser: Browser;
  let app: RunningApp;
  let original: Map<string, string>;
  const read = (p: string) => readFileSync(app.vault.path(p), 'latin1');
  const orig = (p: string) => original.get(p) as string;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openCuration(browser, 'inbox');
    original = snapshotVault(app.vault.dir);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('lists every inferred link by confidence, with titles, type, confidence and signals', async () => {
    const { page } = app;
    await page.getByTestId('inbox-row').first().waitFor();
    expect(await page.getByTestId('inbox-left').textContent()).toBe('56');
    const first = page.getByTestId('inbox-row').first();
    expect(await first.locator('.inbox-source').textContent()).toBe('Feature Flags');
    expect(await first.locator('.inbox-target').textContent()).toBe('Dark Launch');
    expect(await first.locator('.inbox-confidence').textContent()).toBe('0.88');
    expect(await first.locator('[data-signal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')))).toEqual(['curated', 'inverse']);
    // A non-standard type shows the standard one it maps to.
    const enabler = page.locator('[data-testid=inbox-row][data-source=continuous-integration][data-target=small-pull-requests]');
    expect(await enabler.getByTestId('inbox-type').textContent()).toBe('enabler→ enables');
    // The missing target is flagged.
    await page.getByTestId('inbox-sort').selectOption('source');
    await page.getByTestId('inbox-list').focus();
    const ghost = page.locator('[data-testid=inbox-row][data-target=pager-fatigue-survey]');
    for (let i = 0; i < 60 && (await ghost.count()) === 0; i++) await page.keyboard.press('PageDown');
    expect(await ghost.locator('[data-signal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')))).toEqual(['missing']);
    await page.getByTestId('inbox-sort').selectOption('confidence');
    await page.getByTestId('inbox-list').focus();
    await page.keyboard.press('Home');
    expect(await currentLink(page)).toEqual({ source: 'feature-flags', target: 'dark-launch' });
    expect(app.errors).toEqual([]);
  });

  it('R rejects: the link leaves the file, last_pruned is stamped, the rejection is recorded', async () => {
    const { page } = app;
    await page.keyboard.press('r');
    await inboxSays(page, 'Prune inferred enables → dark-launch');
    expect(read('feature-flags.md')).toBe(
      edited(orig('feature-flags.md'), [
        ["  last_pruned: '2026-10-05'\n", `  last_pruned: '${TODAY}'\n`],
        [inferredBlock('dark-launch', 'enables', '0.88', 'Flags are the usual mechanism for routing real traffic to hidden code paths.'), ''],
      ]),
    );
    expect(read('.trellis/pruned.yaml')).toMatch(new RegExp(`\\n- \\{source: feature-flags, target: dark-launch, type: enables, date: ${TODAY}, rule: manual\\}\\n$`));
    expect(changedPaths(original, snapshotVault(app.vault.dir))).toEqual(['.trellis/pruned.yaml', 'feature-flags.md']);
    expect(await currentLink(page)).toEqual({ source: 'pairing-sessions', target: 'mob-programming' });
    expect(await page.getByTestId('inbox-left').textContent()).toBe('55');
  });

  it('S skips without writing; A accepts with the link’s own type', async () => {
    const { page } = app;
    await page.keyboard.press('s');
    expect(await currentLink(page)).toEqual({ source: 'working-agreement', target: 'retrospective' });
    await page.keyboard.press('a');
    await inboxSays(page, 'Promote complementary → retrospective');
    expect(read('working-agreement.md')).toBe(
      edited(orig('working-agreement.md'), [
        ['  complementary: []\n', '  complementary:\n    - slug: retrospective\n      weight: 0.81\n'],
        [inferredBlock('retrospective', 'complementary', '0.81', 'Retros are the natural place to notice that an agreement is out of date.'), ''],
      ]),
    );
    expect(read('pairing-sessions.md')).toBe(orig('pairing-sessions.md'));
  });

  it('A accepts a non-standard type under the standard one it maps to', async () => {
    const { page } = app;
    expect(await currentLink(page)).toEqual({ source: 'continuous-integration', target: 'small-pull-requests' });
    await page.keyboard.press('a');
    await inboxSays(page, 'Promote enables → small-pull-requests');
    expect(read('continuous-integration.md')).toBe(
      edited(orig('continuous-integration.md'), [
        ['    - slug: definition-of-done\n      weight: 0.65\n  requires: []\n', '    - slug: definition-of-done\n      weight: 0.65\n    - slug: small-pull-requests\n      weight: 0.8\n  requires: []\n'],
        [inferredBlock('small-pull-requests', 'enabler', '0.8', 'A fast pipeline rewards small, frequent merges.'), ''],
      ]),
    );
  });

  it('T retypes before accepting; U undoes it to the exact bytes; R then rejects the same link', async () => {
    const { page } = app;
    expect(await currentLink(page)).toEqual({ source: 'small-pull-requests', target: 'feature-flags' });
    await page.keyboard.press('t');
    expect(await page.locator('[data-testid=inbox-row][aria-selected=true] [data-testid=type-select]').inputValue()).toBe('tools');
    await page.keyboard.press('a');
    await inboxSays(page, 'Promote tools → feature-flags');
    expect(read('small-pull-requests.md')).toBe(
      edited(orig('small-pull-requests.md'), [
        ['  tools: []\n', '  tools:\n    - slug: feature-flags\n      weight: 0.79\n'],
        [inferredBlock('feature-flags', 'complementary', '0.79', 'Unfinished work can merge behind a flag, which keeps each change small.'), ''],
      ]),
    );

    await page.keyboard.press('u');
    await inboxSays(page, "undid 'Promote tools → feature-flags'");
    expect(read('small-pull-requests.md')).toBe(orig('small-pull-requests.md'));
    // The undone link is back under the cursor, its type as written again.
    expect(await currentLink(page)).toEqual({ source: 'small-pull-requests', target: 'feature-flags' });

    await page.keyboard.press('r');
    await inboxSays(page, 'Prune inferred complementary → feature-flags');
    expect(read('small-pull-requests.md')).toBe(
      edited(orig('small-pull-requests.md'), [
        ['  last_pruned: 2026-10-02\n', `  last_pruned: ${TODAY}\n`],
        [inferredBlock('feature-flags', 'complementary', '0.79', 'Unfinished work can merge behind a flag, which keeps each change small.'), ''],
      ]),
    );
    const records = read('.trellis/pruned.yaml').split('\n').filter((l) => l.startsWith('- '));
    expect(records).toEqual([
      `- {source: feature-flags, target: dark-launch, type: enables, date: ${TODAY}, rule: manual}`,
      `- {source: small-pull-requests, target: feature-flags, type: complementary, date: ${TODAY}, rule: manual}`,
    ]);
  });

  it('changed exactly the decided files, and counts what is left', async () => {
    const { page } = app;
    expect(changedPaths(original, snapshotVault(app.vault.dir))).toEqual(['.trellis/pruned.yaml', 'continuous-integration.md', 'feature-flags.md', 'small-pull-requests.md', 'working-agreement.md']);
    expect(await page.getByTestId('inbox-left').textContent()).toBe('51');
    expect(await page.getByTestId('inbox-decided').textContent()).toBe('4');
    expect(await page.getByTestId('inbox-progress').textContent()).toContain('1 skipped');
    await page.screenshot({ path: 'test-results/curation-inbox.png' });
    expect(app.errors).toEqual([]);
  });

  it('shows a refusal clearly and keeps working', async () => {
    const { page } = app;
    // A machine run writes a self-link from outside the app: it shows up, flagged.
    const file = 'focus-time-blocks.md';
    const selfLink = inferredBlock('focus-time-blocks', 'complementary', '0.99', 'Self.');
    writeFileSync(app.vault.path(file), edited(read(file), [['  inferred_links:\n', `  inferred_links:\n${selfLink}`]]));
    const row = page.locator('[data-testid=inbox-row][data-source=focus-time-blocks][data-target=focus-time-blocks]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('[data-signal]').evaluateAll((els) => els.map((e) => e.getAttribute('data-signal')))).toEqual(['self']);
    const written = read(file);

    await page.getByTestId('inbox-list').focus();
    await page.keyboard.press('Home');
    expect(await currentLink(page)).toEqual({ source: 'focus-time-blocks', target: 'focus-time-blocks' });
    await page.keyboard.press('a');
    await inboxSays(page, /a self-link cannot be curated/, 'error');
    await page.screenshot({ path: 'test-results/curation-inbox-refusal.png' });
    expect(read(file)).toBe(written);
    // Back under the cursor, still in the queue, and the next decision goes through.
    expect(await currentLink(page)).toEqual({ source: 'focus-time-blocks', target: 'focus-time-blocks' });
    await page.keyboard.press('r');
    await inboxSays(page, 'Prune inferred complementary → focus-time-blocks');
    expect(read(file)).toBe(edited(written, [[selfLink, ''], ['  last_pruned: 2026-10-02\n', `  last_pruned: ${TODAY}\n`]]));
    expect(app.errors).toEqual([]);
  });
});
