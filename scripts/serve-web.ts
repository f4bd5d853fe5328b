/**
 * `npm run web [-- <vault>] [--port N]`: Trellis in the browser. Serves the
 * built renderer (dist/renderer) and the vault's API on 127.0.0.1 and prints
 * the URL, token included. Builds nothing itself.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserModeError, runBrowserMode, stopOnSignals } from '../electron/server/browser-mode';

const USAGE = 'Usage: npm run web [-- <vault folder>] [--port N]\n\nServes Trellis on http://127.0.0.1 for this machine\'s browser; the vault defaults to the sample vault.';

// dist/node/serve-web.mjs → the repository.
const repo = fileURLToPath(new URL('../..', import.meta.url));

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USAGE);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BrowserModeError(`--port must be a port number, not '${values.port}'`);
  const running = await runBrowserMode({ vault: positionals[0] ?? join(repo, 'vault'), staticDir: join(repo, 'dist', 'renderer'), port });
  stopOnSignals(running.stop);
}

main().catch((err: Error) => {
  console.error(`trellis web: ${err instanceof BrowserModeError ? err.message : (err.stack ?? err.message)}`);
  process.exit(2);
});
