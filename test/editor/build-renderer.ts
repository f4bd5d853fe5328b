/**
 * Builds the renderer for end-to-end tests and the editor bench: the real app
 * (as `npx vite build` does) once App.tsx mounts the editor pane, the harness
 * page with the same components until then.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

export const REPO = resolve(import.meta.dirname, '../..');

export function appMountsEditor(): boolean {
  return readFileSync(join(REPO, 'renderer/app/App.tsx'), 'utf8').includes('EditorPane');
}

export async function buildRenderer(outDir: string): Promise<{ outDir: string; entry: 'app' | 'harness' }> {
  if (appMountsEditor()) {
    // TRELLIS_NO_MINIFY=1 keeps function names readable in a profile (`bench:editor -- --profile`).
    const minify = process.env['TRELLIS_NO_MINIFY'] ? false : undefined;
    await build({ configFile: join(REPO, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, ...(minify === false ? { minify } : {}) } });
    return { outDir, entry: 'app' };
  }
  await build({
    configFile: false,
    root: join(REPO, 'test/editor/harness'),
    base: './',
    // Rolldown's plugin-timing hints are noise in test and bench output.
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 8192 },
    oxc: { jsx: { runtime: 'automatic' } },
  });
  return { outDir, entry: 'harness' };
}
