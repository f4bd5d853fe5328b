// Bundles the desktop shell and browser mode with esbuild:
//   dist/electron/main.js     Electron main process (CommonJS, as Electron loads it)
//   dist/electron/preload.js  the sandboxed preload (CommonJS; may require only 'electron')
//   dist/node/serve-web.mjs   `npm run web`
//   dist/node/launch.mjs      `npm start`: Electron, or browser mode when its binary is missing
// --ensure-renderer also builds dist/renderer (`npm run build:renderer`) when it is missing.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

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

if (process.argv.includes('--ensure-renderer') && !existsSync('dist/renderer/index.html')) {
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
  if (!scripts['build:renderer']) {
    console.error('dist/renderer is missing and package.json has no build:renderer script yet');
    process.exit(1);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build:renderer'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
