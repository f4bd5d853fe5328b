/**
 * `npm start`: the desktop app when Electron is installed, browser mode when
 * its binary is missing (as on machines that cannot download it), so the
 * command always gives the user a working Trellis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBrowserMode } from '../server/browser-mode';
import { findElectronBinary } from './electron-binary';

export const FALLBACK_NOTICE = 'Electron is not available on this machine (its binary could not be downloaded); serving Trellis in browser mode instead:';

export interface LaunchOptions {
  /** The repository (or installed package): package.json names the Electron entry, dist/ holds the builds. */
  appDir: string;
  argv: string[];
  out?: (line: string) => void;
  findBinary?: (appDir: string) => string | undefined;
  /** Electron's output: the terminal's (default), or piped for a caller to read. */
  stdio?: 'inherit' | 'pipe';
}

export type Launched = { mode: 'electron'; child: ChildProcess } | { mode: 'browser'; url: string; stop(): Promise<void> };

export async function launchTrellis(options: LaunchOptions): Promise<Launched> {
  const out = options.out ?? ((line: string) => console.log(line));
  const binary = (options.findBinary ?? findElectronBinary)(options.appDir);
  if (binary) return { mode: 'electron', child: spawn(binary, [options.appDir, ...options.argv], { stdio: options.stdio ?? 'inherit' }) };
  out(FALLBACK_NOTICE);
  // Not strict: arguments meant for Electron must not stop the fallback.
  const { values, positionals } = parseArgs({ args: options.argv, allowPositionals: true, strict: false, options: { port: { type: 'string' } } });
  const running = await runBrowserMode({
    vault: positionals[0] ?? join(options.appDir, 'vault'),
    staticDir: join(options.appDir, 'dist', 'renderer'),
    port: typeof values.port === 'string' ? Number(values.port) : 0,
    out,
  });
  return { mode: 'browser', ...running };
}
