/** Runs the built `trellis` command as a user would: a child process, its output and exit code. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve(process.cwd(), 'dist/node/trellis.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const childEnv = { ...process.env, ...env };
  // Under `npm test` INIT_CWD names the repo; a user's terminal has no such thing.
  delete childEnv.INIT_CWD;
  delete childEnv.npm_lifecycle_event;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
