/**
 * The app shell in Chromium, in browser mode, on a copy of the sample vault:
 * what a curator sees first, and that it stays current when files change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, openApp, type RunningApp } from '../helpers/browser-app';

describe.skipIf(!CHROMIUM && !process.env.CI)('the app shell in browser mode', () => {
  let browser: Browser;
  let app: RunningApp;

  beforeAll(async () => {
    browser = await launchChromium();
    app = await openApp(browser, { watch: true });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('shows the vault, every pattern with its finding counts, and the problems', async () => {
    const { page } = app;
    await page.getByTestId('vault-summary').waitFor();
    expect(await page.getByTestId('vault-name').textContent()).toBe('vault');
    const summary = page.getByTestId('vault-summary');
    expect(await summary.locator('[data-severity=error]').textContent()).toBe('1');
    expect(await summary.locator('[data-severity=warning]').textContent()).toBe('9');
    expect(await summary.locator('[data-severity=info]').textContent()).toBe('2');
    const items = page.getByTestId('file-list').getByRole('option');
    expect(await items.count()).toBe(28);
    const incident = page.locator('[data-path="incident-commander-rotation.md"]');
    expect(await incident.locator('[data-severity=error]').textContent()).toBe('1');
    expect(await page.locator('[data-path="tech-debt-budget.md"]').textContent()).toContain('legacy');
    // Errors and warnings by default: 1 + 9.
    expect(await page.getByTestId('problems-count').textContent()).toBe('10');
    await page.screenshot({ path: 'test-results/app-shell.png' });
    expect(app.errors).toEqual([]);
  });

  it('groups the problems by rule and filters them to one rule, with the counts the backend reports', async () => {
    const { page } = app;
    const all = await app.service.getDiagnostics({});
    const shown = all.filter((d) => d.severity !== 'info');
    const perRule = new Map<string, number>();
    for (const d of shown) perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
    const problems = page.getByTestId('problems');
    await page.getByTestId('problems-group-by').selectOption('rule');
    const groupTitles = await problems.locator('[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
    expect(groupTitles.sort()).toEqual([...perRule.keys()].sort());
    // The most frequent rule: its group lists exactly its findings, each naming its file and line.
    const [topRule, topCount] = [...perRule].sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect(await problems.locator(`[data-group="${topRule}"] li.problem`).count()).toBe(topCount);
    const first = shown.filter((d) => d.rule === topRule).sort((a, b) => (a.path < b.path ? -1 : 1))[0];
    expect(await problems.locator(`[data-group="${topRule}"] li.problem .loc`).first().textContent()).toContain(`${first?.path}:${first?.span.line}:`);
    // One rule only: the count and the rows follow.
    await page.getByTestId('problems-rule').selectOption(topRule);
    expect(await page.getByTestId('problems-count').textContent()).toBe(String(topCount));
    expect(await problems.locator('li.problem').count()).toBe(topCount);
    await page.screenshot({ path: 'test-results/app-problems-by-rule.png' });
    // Back to every rule, by file, as the other tests expect.
    await page.getByTestId('problems-rule').selectOption('');
    await page.getByTestId('problems-group-by').selectOption('file');
    expect(await page.getByTestId('problems-count').textContent()).toBe(String(shown.length));
  });

  it('opens a pattern from the list in the editor, in a tab of its own', async () => {
    const { page } = app;
    await page.locator('[data-path="incident-commander-rotation.md"]').click();
    const tab = page.getByRole('tablist', { name: 'Open patterns' }).getByRole('tab', { selected: true });
    await tab.waitFor({ timeout: 15_000 });
    expect(await tab.textContent()).toContain('Incident Commander Rotation');
    await page.locator('.monaco-editor').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: 'test-results/app-editor.png' });
  });

  it('updates the counts when a file is fixed outside the app', async () => {
    const { page, vault } = app;
    const file = vault.path('incident-commander-rotation.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chaos-engineering-gameday', 'blameless-postmortem'));
    await page.waitForFunction(() => document.querySelector('[data-testid=vault-summary] [data-severity=error]')?.textContent === '0', undefined, { timeout: 10_000 });
    expect(await page.locator('[data-path="incident-commander-rotation.md"] [data-severity=error]').count()).toBe(0);
  });
});
