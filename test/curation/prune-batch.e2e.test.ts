/**
 * The pruning dashboard in Chromium against browser mode on a copy of the
 * sample vault: rule counts and health figures, a threshold, a batch previewed
 * per file, cancelled, applied in one step (only the links' lines and one
 * `last_pruned` line change per file), and undone in one step back to the
 * exact bytes of every file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, type RunningApp } from '../helpers/browser-app';
import { changedPaths, edited, inferredBlock, lineDiff, openCuration, snapshotVault, TODAY } from './curation-app';

const count = (page: Page, rule: string) => page.getByTestId(`rule-count-${rule}`);
const figure = (page: Page, id: string) => page.locator(`[data-figure=${id}]`);

async function countIs(page: Page, rule: string, value: string): Promise<void> {
  await page.waitForFunction(([r, v]) => document.querySelector(`[data-testid=rule-count-${r}]`)?.textContent === v, [rule, value] as const, { timeout: 10_000 });
}

describe.skipIf(!CHROMIUM && !process.env.CI)('pruning dashboard: a batch with preview, apply and undo', () => {
  let browser: Browser;
  let app: RunningApp;
  let original: Map<string, string>;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openCuration(browser, 'prune');
    original = snapshotVault(app.vault.dir);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows each rule with its count and sample, and the garden’s health', async () => {
    const { page } = app;
    await countIs(page, 'already-curated', '2');
    expect(await count(page, 'missing-target').textContent()).toBe('1');
    expect(await count(page, 'unknown-type').textContent()).toBe('2');
    expect(await count(page, 'self-link').textContent()).toBe('0');
    expect(await count(page, 'previously-pruned').textContent()).toBe('0');
    expect(await count(page, 'below-confidence').textContent()).toBe('14');
    await page.locator('[data-rule=already-curated] summary').click();
    expect(await page.locator('[data-rule=already-curated] details li').allTextContents()).toEqual(['feature-flags → dark-launch (enables)', 'pairing-sessions → mob-programming (alternatives)']);
    expect(await figure(page, 'curated-total').textContent()).toBe('74');
    expect(await figure(page, 'inferred-total').textContent()).toBe('56');
    expect(await figure(page, 'already-curated').textContent()).toBe('2');
    expect(await figure(page, 'dangling-curated').textContent()).toBe('1');
    expect(await figure(page, 'one-sided').textContent()).toBe('2');
    expect(await page.locator('[data-type=complementary] [data-inferred]').textContent()).toContain('40');
    // The histogram: one bar per bin shown, those under the threshold marked.
    expect(await page.locator('[data-testid=confidence-histogram] rect.below').count()).toBe(1);
  });

  it('counts below-confidence for the threshold typed', async () => {
    const { page } = app;
    await page.getByTestId('confidence-threshold').fill('0.69');
    await countIs(page, 'below-confidence', '8');
  });

  it('previews the batch per file (collapsible) with its summary; cancel writes nothing', async () => {
    const { page } = app;
    for (const rule of ['already-curated', 'missing-target', 'below-confidence']) await page.getByLabel(rule, { exact: true }).check();
    await page.getByTestId('prune-preview').click();
    await page.getByTestId('edit-preview').waitFor();
    const files = page.getByTestId('preview-file');
    expect((await files.evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).sort()).toEqual(
      [
        '.trellis/pruned.yaml',
        'brown-bag-sessions.md',
        'definition-of-done.md',
        'feature-flags.md',
        'focus-time-blocks.md',
        'incident-commander-rotation.md',
        'inner-source-contribution.md',
        'mob-programming.md',
        'on-call-handoff.md',
        'pairing-sessions.md',
      ].sort(),
    );
    expect(await page.getByTestId('preview-summary').textContent()).toMatch(/already-curated/);
    // Collapsed until opened; opened, the diff shows the link's lines going.
    const ff = page.locator('[data-testid=preview-file][data-path="feature-flags.md"]');
    expect(await ff.getByTestId('diff').count()).toBe(0);
    await ff.locator('summary').click();
    expect(await ff.getByTestId('diff').textContent()).toContain('-    - target: dark-launch');
    await page.screenshot({ path: 'test-results/curation-prune-preview.png' });

    await page.getByTestId('prune-cancel').click();
    expect(await page.getByTestId('edit-preview').count()).toBe(0);
    expect(changedPaths(original, snapshotVault(app.vault.dir))).toEqual([]);
  });

  it('applies the batch in one step: only the links and last_pruned change', async () => {
    const { page } = app;
    await page.getByTestId('prune-preview').click();
    await page.getByTestId('prune-apply').click();
    // One click only: the button is gone or disabled while the batch is written.
    await page.locator('[data-testid=flow-status][data-tone=ok]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('flow-status').textContent()).toBe('Prune already-curated, missing-target, below-confidence: 10 file(s) written');
    const now = snapshotVault(app.vault.dir);
    const changed = changedPaths(original, now);
    expect(changed).toHaveLength(10);
    for (const path of changed.filter((p) => p.endsWith('.md'))) {
      const { removed, added } = lineDiff(original.get(path) as string, now.get(path) as string);
      // One stamped line in, the old stamp and four lines per link out.
      expect(added, path).toHaveLength(1);
      expect(added[0], path).toMatch(new RegExp(`^  last_pruned: '?${TODAY}'?$`));
      expect(removed[0], path).toMatch(/^ {2}last_pruned: /);
      expect((removed.length - 1) % 4, path).toBe(0);
    }
    expect(now.get('feature-flags.md')).toBe(
      edited(original.get('feature-flags.md') as string, [
        ["  last_pruned: '2026-10-05'\n", `  last_pruned: '${TODAY}'\n`],
        [inferredBlock('dark-launch', 'enables', '0.88', 'Flags are the usual mechanism for routing real traffic to hidden code paths.'), ''],
        [inferredBlock('tech-debt-budget', 'complementary', '0.68', 'Stale flags pile up and need scheduled clean-up time.'), ''],
      ]),
    );
    const records = (now.get('.trellis/pruned.yaml') as string).split('\n').filter((l) => l.startsWith('- '));
    expect(records).toHaveLength(2 + 1 + 8);
    // The figures follow.
    await countIs(page, 'already-curated', '0');
    await countIs(page, 'missing-target', '0');
    await countIs(page, 'below-confidence', '0');
    expect(await figure(page, 'inferred-total').textContent()).toBe('45');
    await page.screenshot({ path: 'test-results/curation-prune-applied.png' });
  });

  it('undoes the batch in one step: every file back to its exact bytes', async () => {
    const { page } = app;
    await page.getByTestId('prune-undo').click();
    await page.locator('[data-testid=flow-status][data-tone=ok]', { hasText: 'undid' }).waitFor({ timeout: 10_000 });
    expect(snapshotVault(app.vault.dir)).toEqual(original);
    await countIs(page, 'already-curated', '2');
    await countIs(page, 'below-confidence', '8');
    expect(await figure(page, 'inferred-total').textContent()).toBe('56');
    expect(app.errors).toEqual([]);
  });
});
