/**
 * The Electron security policy as plain data and pure functions: which
 * senders main trusts, which URLs may leave for the system browser, the
 * renderer's web preferences and CSP. No runtime Electron import, so all of
 * it is unit-tested under Node.
 */
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'trellis';
export const APP_HOST = 'app';
/** Everything the app shows lives under this prefix. */
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_ORIGIN_PREFIX}index.html`;

/**
 * Whether an IPC message comes from our own page. Checks the prefix on the
 * raw string (so `trellis://app.evil/` or `trellis://app@evil/` fail) and the
 * parsed URL too (so odd spellings that a parser reads differently fail).
 */
export function isTrustedSender(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_ORIGIN_PREFIX)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** http(s) links a user clicked may open in the system browser; nothing else ever leaves the app. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return false;
  // Control characters and spaces in the raw string are how argument-injection tricks start on some platforms.
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  return !/[\x00-\x20\x7f]/.test(url);
}

/** No eval, our scripts only; the API travels over IPC, so no connect-src beyond ourselves. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Every window's web preferences: Electron's safe defaults spelled out, so no upgrade or edit loosens them quietly. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  };
}
