/**
 * A pattern's lifecycle in Chromium against browser mode on a copy of the
 * sample vault: create (slug from the title, opened once created), rename
 * (every reference follows), delete (references listed first, then removed
 * or left as ghosts) and migrate, each previewed, applied and undone, checked
 * on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, type RunningApp } from '../helpers/browser-app';
import { changedPaths, openCuration, snapshotVault, TODAY } from './curation-app';

/** Every line of the other patterns of the vault that links to `slug` (curated or inferred). */
function referencesTo(vault: Map<string, string>, slug: string): string[] {
  const out: string[] = [];
  for (const [path, text] of vault) {
    if (!path.endsWith('.md') || path === 'README.md' || path === `${slug}.md`) continue;
    text.split('\n').forEach((line, i) => {
      if (new RegExp(`^\\s*-?\\s*(slug|target|id): ${slug}\\s*$`).test(line)) out.push(`${path}:${i + 1}`);
    });
  }
  return out.sort();
}

async function ok(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('[data-testid=flow-status][data-tone=ok]', { hasText: text }).waitFor({ timeout: 10_000 });
}

describe.skipIf(!CHROMIUM && !process.env.CI)('lifecycle: create, rename, delete, migrate', () => {
  let browser: Browser;
  let app: RunningApp;
  let original: Map<string, string>;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openCuration(browser, 'lifecycle');
    original = snapshotVault(app.vault.dir);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('creates a pattern from the template with a slug from its title, and opens it', async () => {
    const { page, vault } = app;
    await page.getByTestId('lifecycle-new').click();
    await page.getByTestId('new-title').fill('Shared On-Call Calendar');
    expect(await page.getByTestId('new-slug').inputValue()).toBe('shared-on-call-calendar');
    expect(await page.getByTestId('new-path').textContent()).toBe('→ shared-on-call-calendar.md');
    await page.getByTestId('new-preview').click();
    expect(await page.getByTestId('preview-summary').textContent()).toContain('shared-on-call-calendar.md from the v7.1 template');
    await page.getByTestId('new-apply').click();
    await ok(page, 'New pattern shared-on-call-calendar');
    const text = readFileSync(vault.path('shared-on-call-calendar.md'), 'utf8');
    expect(text).toMatch(/^---\n# ═+\n# GROUP 1: CORE IDENTITY\n# ═+\nid: pat_[0-9a-z]{26}\nslug: shared-on-call-calendar\ntitle: "Shared On-Call Calendar"\n/);
    expect(text).toContain(`  last_pruned: ${TODAY}\n`);
    expect(changedPaths(original, snapshotVault(vault.dir))).toEqual(['shared-on-call-calendar.md']);
    // Selected once the file list knows it: the editor pane opens the selection.
    await page.locator('[data-path="shared-on-call-calendar.md"][aria-selected=true]').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: 'test-results/curation-new-pattern.png' });

    await page.getByTestId('new-undo').click();
    await ok(page, "undid 'New pattern shared-on-call-calendar'");
    expect(existsSync(vault.path('shared-on-call-calendar.md'))).toBe(false);
    expect(snapshotVault(vault.dir)).toEqual(original);
  });

  it('renames a pattern: the preview lists every file, and every reference follows', async () => {
    const { page, vault } = app;
    expect(referencesTo(original, 'dark-launch')).toEqual(['error-budget-policy.md:73', 'feature-flags.md:65', 'feature-flags.md:92', 'trunk-based-development.md:99', 'walking-skeleton.md:68']);
    await page.getByTestId('lifecycle-rename').click();
    await page.getByTestId('rename-from').selectOption('dark-launch.md');
    await page.getByTestId('rename-to').fill('progressive-delivery');
    await page.getByTestId('rename-preview').click();
    const listed = await page.getByTestId('preview-file').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect([...listed].sort()).toEqual(['dark-launch.md', 'error-budget-policy.md', 'feature-flags.md', 'progressive-delivery.md', 'trunk-based-development.md', 'walking-skeleton.md']);
    await page.getByTestId('rename-apply').click();
    await ok(page, 'Rename dark-launch → progressive-delivery');

    const after = snapshotVault(vault.dir);
    expect(after.has('dark-launch.md')).toBe(false);
    expect(after.get('progressive-delivery.md')).toContain('slug: progressive-delivery\n');
    expect(referencesTo(after, 'dark-launch')).toEqual([]);
    expect(referencesTo(after, 'progressive-delivery')).toEqual(['error-budget-policy.md:73', 'feature-flags.md:65', 'feature-flags.md:92', 'trunk-based-development.md:99', 'walking-skeleton.md:68']);
    expect(changedPaths(original, after)).toEqual(listed.map(String).sort());
    await page.screenshot({ path: 'test-results/curation-rename.png' });

    await page.getByTestId('rename-undo').click();
    await ok(page, "undid 'Rename dark-launch → progressive-delivery'");
    expect(snapshotVault(vault.dir)).toEqual(original);
  });

  it('deletes a pattern: references are listed first, then removed on request; undo restores all', async () => {
    const { page, vault } = app;
    const refs = referencesTo(original, 'wip-limits');
    expect(refs.length).toBeGreaterThan(0);
    const referrers = [...new Set(refs.map((r) => r.split(':')[0]))].sort();
    await page.getByTestId('lifecycle-delete').click();
    await page.getByTestId('delete-path').selectOption('wip-limits.md');
    // The preview comes first, listing who references it.
    await page.getByTestId('preview-summary').waitFor();
    expect(await page.getByTestId('preview-summary').textContent()).toContain(`referenced by ${referrers.length} file(s): ${referrers.join(', ')}`);
    expect(await page.getByTestId('preview-file').count()).toBe(1);

    await page.getByTestId('delete-remove').check();
    await page.locator('[data-testid=preview-file]').nth(referrers.length).waitFor();
    await page.screenshot({ path: 'test-results/curation-delete-preview.png' });
    await page.getByTestId('delete-apply').click();
    await ok(page, 'Delete wip-limits');
    const after = snapshotVault(vault.dir);
    expect(after.has('wip-limits.md')).toBe(false);
    expect(referencesTo(after, 'wip-limits')).toEqual([]);
    expect(changedPaths(original, after)).toEqual(['wip-limits.md', ...referrers].sort());

    await page.getByTestId('delete-undo').click();
    await ok(page, "undid 'Delete wip-limits'");
    expect(snapshotVault(vault.dir)).toEqual(original);
  });

  it('deletes a pattern leaving its references as ghosts', async () => {
    const { page, vault } = app;
    await page.getByTestId('delete-path').selectOption('walking-skeleton.md');
    await page.getByTestId('delete-leave').check();
    await page.getByTestId('preview-summary').filter({ hasText: 'ghosts' }).waitFor();
    await page.getByTestId('delete-apply').click();
    await ok(page, 'Delete walking-skeleton');
    const after = snapshotVault(vault.dir);
    expect(changedPaths(original, after)).toEqual(['walking-skeleton.md']);
    expect(referencesTo(after, 'walking-skeleton')).toEqual(referencesTo(original, 'walking-skeleton'));
    await page.getByTestId('delete-undo').click();
    await ok(page, "undid 'Delete walking-skeleton'");
    expect(snapshotVault(vault.dir)).toEqual(original);
  });

  it('migrates a legacy file to v7.1 with a preview, and undoes it', async () => {
    const { page, vault } = app;
    await page.getByTestId('lifecycle-migrate').click();
    await page.locator('[data-testid=migrate-dialog] input[data-path="tech-debt-budget.md"]').check();
    await page.getByTestId('migrate-preview').click();
    await page.locator('[data-testid=preview-file][data-path="tech-debt-budget.md"]').waitFor();
    await page.getByTestId('migrate-apply').click();
    await ok(page, /Migrate 1 legacy file/);
    const after = snapshotVault(vault.dir);
    expect(changedPaths(original, after)).toEqual(['tech-debt-budget.md']);
    expect(after.get('tech-debt-budget.md')).toMatch(/\nrelationships:\n/);
    await page.locator('.file-list [data-path="tech-debt-budget.md"] .tag').waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('migrate-undo').click();
    await ok(page, /undid 'Migrate 1 legacy file/);
    expect(snapshotVault(vault.dir)).toEqual(original);
    expect(app.errors).toEqual([]);
  });
});
