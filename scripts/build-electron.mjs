// Bundles the desktop shell and browser mode with esbuild:
//   dist/electron/main.js     Electron main process (CommonJS, as Electron loads it)
//   dist/electron/preload.js  the sandboxed preload (CommonJS; may require only 'electron')
//   dist/node/serve-web.mjs   `npm run web`
//   dist/node/launch.mjs      `npm start`: Electron, or browser mode when its binary is missing
// --ensure-renderer also builds dist/renderer (`npm run build:renderer`) when it is missing or older than its sources.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
const started = Date.now();

const common = { bundle: true, sourcemap: 'linked', logLevel: 'warning', legalComments: 'none' };
// ws tries these optional native helpers in a try/catch; they are not installed.
const wsOptional = ['bufferutil', 'utf-8-validate'];

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'electron/main/main.ts' },
    outdir: 'dist/electron',
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron', ...wsOptional],
    // The backend finds its worker with `new URL(..., import.meta.url)`; CommonJS has no import.meta.
    define: { 'import.meta.url': '__trellisImportMetaUrl' },
    banner: { js: "const __trellisImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    entryPoints: { preload: 'electron/preload/preload.ts' },
    outdir: 'dist/electron',
    // A sandboxed preload is a browser script with a tiny require(): nothing from Node may be bundled in.
    platform: 'browser',
    target: 'chrome140',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: { 'serve-web': 'scripts/serve-web.ts', launch: 'electron/main/launch-cli.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: wsOptional,
    // Bundled CommonJS dependencies (ws, chokidar) may call require(); give ESM output one.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __trellisRequire } from 'node:module'; const require = __trellisRequire(import.meta.url);" },
  }),
]);
if (!quiet) console.log(`built dist/electron and dist/node/{serve-web,launch}.mjs in ${Date.now() - started} ms`);

/** Newest modification time of the files the renderer is built from. */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return newest;
}

const rendererStale = () =>
  !existsSync('dist/renderer/index.html') || newestSource(['renderer', 'shared']) > statSync('dist/renderer/index.html').mtimeMs;

if (process.argv.includes('--ensure-renderer') && rendererStale()) {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
  if (!scripts['build:renderer']) {
    console.error('dist/renderer is missing and package.json has no build:renderer script yet');
    process.exit(1);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build:renderer'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
