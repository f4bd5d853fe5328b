// Bundles the Node side (CLI, workers, benchmarks) into dist/node with esbuild:
// one file per entry starts fast and runs on worker threads without a TS loader.
import { build } from 'esbuild';

const entries = {
  trellis: 'electron/cli/trellis.ts',
  'analyze-worker': 'electron/vault/analyze-worker.ts',
  'bench-validate': 'scripts/bench-validate.ts',
  'bench-edits': 'scripts/bench-edits.ts',
  'bench-open': 'scripts/bench-open.ts',
};

const started = Date.now();
await build({
  entryPoints: entries,
  outdir: 'dist/node',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require(); give ESM output one.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __trellisRequire } from 'node:module'; const require = __trellisRequire(import.meta.url);" },
});
if (!process.argv.includes('--quiet')) console.log(`built dist/node in ${Date.now() - started} ms`);
