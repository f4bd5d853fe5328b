/**
 * `trellis://app/…`: the renderer's files, served by main with the same path
 * confinement as browser mode, instead of `file://` (which would give the
 * page the whole disk as its origin).
 */
import type { Protocol } from 'electron';
import { StaticFolder } from '../server/static-files';
import { APP_CSP, APP_HOST, APP_SCHEME } from './window-security';

/** Must run before the app is ready: a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, allowServiceWorkers: false, corsEnabled: false, bypassCSP: false } },
  ]);
}

const HEADERS = { 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Opener-Policy': 'same-origin', 'Referrer-Policy': 'no-referrer' };

function refusal(status: number, reason: string): Response {
  return new Response(`${reason}\n`, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The path exactly as requested, not as `URL` would normalise it: the
 * confinement must see `%2e%2e` and friends to refuse them.
 */
export function rawPathOf(url: string): string | undefined {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!url.toLowerCase().startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length);
  const cut = rest.search(/[?#]/);
  const path = cut < 0 ? rest : rest.slice(0, cut);
  return path === '' ? '/' : path;
}

/** Answers one protocol request from the renderer folder. */
export async function answerAppRequest(folder: StaticFolder, request: { method: string; url: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  const path = rawPathOf(request.url);
  if (path === undefined) return refusal(404, 'not found');
  const file = await folder.serve(path);
  if (!file.ok) return refusal(file.status, file.reason);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), { status: 200, headers: { ...HEADERS, 'Content-Type': file.contentType } });
}

export async function handleAppProtocol(protocol: Protocol, rendererDir: string): Promise<void> {
  // Packaged, the renderer lives in app.asar: read it the way the archive supports.
  const folder = await StaticFolder.open(rendererDir, { read: 'plain' });
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(folder, request));
}
