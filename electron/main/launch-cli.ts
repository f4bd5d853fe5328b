/** The `npm start` entry (dist/node/launch.mjs): runs the launcher and owns the process's exit. */
import { fileURLToPath } from 'node:url';
import { BrowserModeError, stopOnSignals } from '../server/browser-mode';
import { launchTrellis } from './launch';

// dist/node/launch.mjs → the repository.
const appDir = fileURLToPath(new URL('../..', import.meta.url));

launchTrellis({ appDir, argv: process.argv.slice(2) }).then(
  (launched) => {
    if (launched.mode === 'browser') return stopOnSignals(launched.stop);
    const { child } = launched;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  },
  (err: Error) => {
    console.error(`trellis: ${err instanceof BrowserModeError ? err.message : (err.stack ?? err.message)}`);
    process.exit(2);
  },
);
