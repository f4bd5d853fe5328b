/**
 * The checks every browser-mode request passes before anything is read:
 * Host (DNS rebinding), Origin (cross-site pages), and the per-launch token
 * or the cookie it turns into. Pure functions of the request's headers, so
 * they are tested without a socket.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits, URL-safe: well over the 128 the threat model asks for. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison of two secrets of any length: both sides are
 * hashed first, so `timingSafeEqual` always sees equal lengths and the
 * time taken reveals neither the token nor its length.
 */
export function secretEquals(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Hosts a page served by us can name: exactly these two, with our port. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export type Verdict = { ok: true } | { ok: false; status: number; reason: string };

const OK: Verdict = { ok: true };

/** DNS rebinding: a hostile name that resolves to 127.0.0.1 still sends its own name as Host. */
export function checkHost(host: string | undefined, port: number): Verdict {
  if (host === undefined) return { ok: false, status: 403, reason: 'missing Host header' };
  if (!allowedHosts(port).includes(host.toLowerCase())) return { ok: false, status: 403, reason: 'unexpected Host header' };
  return OK;
}

/**
 * A request from a page must come from our own origin, the one its Host
 * names. `required` on the WebSocket upgrade: browsers always send Origin
 * there, and WebSockets are not bound by the same-origin policy.
 */
export function checkOrigin(origin: string | undefined, host: string, required: boolean): Verdict {
  if (origin === undefined) return required ? { ok: false, status: 403, reason: 'missing Origin header' } : OK;
  if (origin.toLowerCase() !== `http://${host.toLowerCase()}`) return { ok: false, status: 403, reason: 'cross-origin request' };
  return OK;
}

/** Cookies are scoped by host, not port: the port in the name keeps two servers' cookies apart. */
export function cookieName(port: number): string {
  return `trellis-${port}`;
}

/** Every value sent for one cookie name (an attacker on another localhost port may add a decoy). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

export function sessionCookie(port: number, token: string): string {
  // No Max-Age: a session cookie dies with the browser, and the token with the server anyway.
  return `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export interface Credentials {
  /** `?token=` in the URL, if any. */
  queryToken: string | null;
  cookieHeader: string | undefined;
}

export type AuthResult = { ok: true; viaQuery: boolean } | { ok: false; status: 403; reason: string };

export function checkAuth(creds: Credentials, token: string, port: number): AuthResult {
  if (creds.queryToken !== null && secretEquals(creds.queryToken, token)) return { ok: true, viaQuery: true };
  // Check every candidate, without stopping early, so timing does not tell how many there were that failed.
  let cookieOk = false;
  for (const value of cookieValues(creds.cookieHeader, cookieName(port))) cookieOk = secretEquals(value, token) || cookieOk;
  if (cookieOk) return { ok: true, viaQuery: false };
  const reason = creds.queryToken !== null || creds.cookieHeader?.includes(`${cookieName(port)}=`) ? 'wrong token' : 'missing token: open the URL Trellis printed';
  return { ok: false, status: 403, reason };
}

/** The page's policy: our scripts only, no eval, WebSocket back to ourselves only. */
export function browserModeCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response, refusals included. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': browserModeCsp(port),
    'X-Content-Type-Options': 'nosniff',
    // The first URL carries the token: never let it leak in a Referer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
