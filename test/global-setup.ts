/**
 * Builds what the tests run, once, before any test file starts: the Node
 * bundles (CLI, workers) and the renderer. Building here rather than in each
 * test file means no test ever runs a half-written bundle of another's build.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: 'inherit' });
  run(['scripts/build-node.mjs', '--quiet']);
  run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
}
