/**
 * Browser mode from start to finish: open the vault, serve the built
 * renderer and the API, print the one URL to open, and shut both down on
 * Ctrl-C. Used by `npm run web` and by `npm start` when Electron is missing.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openVaultService } from '../backend/vault-service';
import { startWebServer } from './web-server';

export interface BrowserModeOptions {
  vault: string;
  staticDir: string;
  port?: number;
  out?: (line: string) => void;
}

export class BrowserModeError extends Error {}

export async function runBrowserMode(options: BrowserModeOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const out = options.out ?? ((line: string) => console.log(line));
  const staticDir = resolve(options.staticDir);
  if (!existsSync(join(staticDir, 'index.html'))) throw new BrowserModeError(`${staticDir} holds no built renderer: run \`npm run build:renderer\` first`);
  const vault = resolve(options.vault);
  if (!existsSync(vault)) throw new BrowserModeError(`no such vault folder: ${vault}`);
  const service = await openVaultService(vault);
  let server;
  try {
    server = await startWebServer({ service, staticDir, port: options.port ?? 0 });
  } catch (err) {
    await service.dispose();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new BrowserModeError(`port ${options.port} is already in use: pick another with --port, or 0 for any`);
    throw err;
  }
  out(`Trellis (browser mode) is serving ${vault}`);
  out(`Open ${server.url}`);
  out("The link holds this run's secret: do not share it. Press Ctrl-C to stop.");
  const running = server;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await running.close();
      await service.dispose();
    })());
  return { url: server.url, stop };
}

/** Stops cleanly on Ctrl-C or SIGTERM; a second Ctrl-C does not wait. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(130);
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
