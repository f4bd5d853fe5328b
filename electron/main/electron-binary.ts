/**
 * Where the Electron binary is, without downloading it. `require('electron')`
 * answers the same question but, in Electron 45, starts a download when the
 * binary is missing; the launcher must answer at once, offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The executable's path, or undefined when the npm package is there without its binary (or not there at all). */
export function findElectronBinary(fromDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  let relative: string | undefined;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  // The same override electron's own index.js honours.
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}
