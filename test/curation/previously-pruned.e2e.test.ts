/**
 * Rejections remembered, end to end: a link rejected in the inbox comes back
 * when a later machine run writes it into the file again (from outside the
 * app); the inbox flags it as previously pruned, the dashboard counts it, and
 * the previously-pruned rule removes it again without recording it twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, type RunningApp } from '../helpers/browser-app';
import { currentLink, edited, goToTab, inboxSays, inferredBlock, openCuration, TODAY } from './curation-app';

describe.skipIf(!CHROMIUM && !process.env.CI)('inbox: a previously pruned link reappearing', () => {
  let browser: Browser;
  let app: RunningApp;
  const read = (p: string) => readFileSync(app.vault.path(p), 'utf8');
  const row = () => app.page.locator('[data-testid=inbox-row][data-source=feature-flags][data-target=dark-launch]');

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openCuration(browser, 'inbox');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('is flagged in the inbox after a machine run writes it back', async () => {
    const { page } = app;
    const machineRun = read('feature-flags.md');
    await page.getByTestId('inbox-row').first().waitFor();
    expect(await currentLink(page)).toEqual({ source: 'feature-flags', target: 'dark-launch' });
    expect(await row().locator('[data-signal=pruned]').count()).toBe(0);
    await page.keyboard.press('r');
    await inboxSays(page, 'Prune inferred enables → dark-launch');
    expect(await row().count()).toBe(0);

    // The generator runs again and writes the same link into the file.
    writeFileSync(app.vault.path('feature-flags.md'), machineRun);
    await row().waitFor({ timeout: 10_000 });
    const chip = row().locator('[data-signal=pruned]');
    expect(await chip.textContent()).toBe('previously pruned');
    expect(await chip.getAttribute('class')).toContain('chip-bad');
    await page.screenshot({ path: 'test-results/curation-previously-pruned.png' });
  });

  it('is counted by the dashboard, and the previously-pruned rule removes it again', async () => {
    const { page } = app;
    await goToTab(app, 'prune');
    await page.waitForFunction(() => document.querySelector('[data-testid=rule-count-previously-pruned]')?.textContent === '1', undefined, { timeout: 10_000 });
    const before = read('feature-flags.md');
    const record = read('.trellis/pruned.yaml');
    await page.getByLabel('previously-pruned', { exact: true }).check();
    await page.getByTestId('prune-preview').click();
    await page.getByTestId('prune-apply').click();
    await page.locator('[data-testid=flow-status][data-tone=ok]').waitFor({ timeout: 10_000 });
    expect(read('feature-flags.md')).toBe(
      edited(before, [
        ["  last_pruned: '2026-10-05'\n", `  last_pruned: '${TODAY}'\n`],
        [inferredBlock('dark-launch', 'enables', '0.88', 'Flags are the usual mechanism for routing real traffic to hidden code paths.'), ''],
      ]),
    );
    // Already on record: not recorded a second time.
    expect(read('.trellis/pruned.yaml')).toBe(record);
    await page.waitForFunction(() => document.querySelector('[data-testid=rule-count-previously-pruned]')?.textContent === '0', undefined, { timeout: 10_000 });

    await goToTab(app, 'inbox');
    await page.getByTestId('inbox-row').first().waitFor();
    expect(await row().count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
