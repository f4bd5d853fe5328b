/**
 * The curation view in Chromium, in browser mode, on a temporary copy of the
 * sample vault (test/helpers/browser-app.ts), plus what the curation tests
 * check on disk: exact bytes, and exact text edits of the originals.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openApp, type RunningApp } from '../helpers/browser-app';

/** The day the backend stamps into `last_pruned` in these tests. */
export const TODAY = '2026-11-24';

export async function openCuration(browser: Browser, tab: 'inbox' | 'prune' | 'lifecycle'): Promise<RunningApp> {
  const app = await openApp(browser, { watch: true, today: () => TODAY });
  try {
    await app.page.getByTestId('vault-summary').waitFor();
    await goToTab(app, tab);
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

export async function goToTab(app: RunningApp, tab: 'inbox' | 'prune' | 'lifecycle'): Promise<void> {
  await app.page.goto(`${app.server.url}${tab === 'inbox' ? '#/curation' : `#/curation/${tab}`}`);
  try {
    await app.page.getByTestId('curation-view').waitFor({ timeout: 5000 });
  } catch {
    throw new Error(
      'The curation view is not mounted: App.tsx must render <CurationView route={…}/> while useCurationRoute() (renderer/curation/curation-route.ts) reports a route; see the curation report.',
    );
  }
}

/** Every pattern file's bytes and the rejection record, keyed by vault-relative path. */
export function snapshotVault(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.md')) out.set(name, readFileSync(join(dir, name), 'latin1'));
  const pruned = join(dir, '.trellis', 'pruned.yaml');
  if (existsSync(pruned)) out.set('.trellis/pruned.yaml', readFileSync(pruned, 'latin1'));
  return out;
}

/** Paths whose bytes differ between two snapshots (added and removed files included). */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

/**
 * `text` with each `[from, to]` replaced; every `from` must occur exactly
 * once, so an expectation cannot silently match the wrong place.
 */
export function edited(text: string, replacements: Array<[string, string]>): string {
  let out = text;
  for (const [from, to] of replacements) {
    const at = out.indexOf(from);
    if (at < 0) throw new Error(`expected text not found: ${JSON.stringify(from)}`);
    if (out.indexOf(from, at + 1) >= 0) throw new Error(`expected text occurs more than once: ${JSON.stringify(from)}`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** The inferred-link entry as the sample vault writes it (four lines). */
export function inferredBlock(target: string, type: string, confidence: string, reason: string): string {
  return `    - target: ${target}\n      type: ${type}\n      confidence: ${confidence}\n      reason: "${reason}"\n`;
}

/** Waits until the inbox reports `text` as its last outcome (ok or error). */
export async function inboxSays(page: Page, text: string | RegExp, tone: 'ok' | 'error' = 'ok'): Promise<void> {
  const message = page.locator(`[data-testid=inbox-message][data-tone=${tone}]`, { hasText: text });
  await message.waitFor({ timeout: 10_000 });
}

/** The row under the cursor. */
export function currentRow(page: Page) {
  return page.locator('[data-testid=inbox-row][aria-selected=true]');
}

export async function currentLink(page: Page): Promise<{ source: string | null; target: string | null }> {
  const row = currentRow(page);
  return { source: await row.getAttribute('data-source'), target: await row.getAttribute('data-target') };
}

/** Lines removed from `before` and added in `after`, by a longest-common-subsequence line diff. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(a[i++] as string);
    else added.push(b[j++] as string);
  }
  while (i < n) removed.push(a[i++] as string);
  while (j < m) added.push(b[j++] as string);
  return { removed, added };
}
