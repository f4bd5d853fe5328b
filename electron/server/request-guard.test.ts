import { describe, expect, it } from 'vitest';
import { browserModeCsp, checkAuth, checkHost, checkOrigin, cookieValues, newToken, secretEquals, sessionCookie } from './request-guard';

describe('request guard', () => {
  it('makes distinct 256-bit tokens', () => {
    const a = newToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(a);
  });

  it('compares secrets of any length without throwing', () => {
    expect(secretEquals('abc', 'abc')).toBe(true);
    expect(secretEquals('abc', 'abd')).toBe(false);
    expect(secretEquals('', 'abc')).toBe(false);
    expect(secretEquals('abc'.repeat(1000), 'abc')).toBe(false);
  });

  it('accepts exactly 127.0.0.1:PORT and localhost:PORT as Host', () => {
    expect(checkHost('127.0.0.1:4000', 4000).ok).toBe(true);
    expect(checkHost('LOCALHOST:4000', 4000).ok).toBe(true);
    for (const bad of [undefined, '', '127.0.0.1', '127.0.0.1:4001', 'evil.example:4000', '127.0.0.1:4000.evil.example', '127.0.0.2:4000', '[::1]:4000']) {
      expect(checkHost(bad, 4000).ok, String(bad)).toBe(false);
    }
  });

  it('wants the Origin of the Host named, and requires one on the WebSocket', () => {
    expect(checkOrigin(undefined, '127.0.0.1:4000', false).ok).toBe(true);
    expect(checkOrigin(undefined, '127.0.0.1:4000', true).ok).toBe(false);
    expect(checkOrigin('http://127.0.0.1:4000', '127.0.0.1:4000', true).ok).toBe(true);
    for (const bad of ['null', 'http://localhost:4000', 'https://127.0.0.1:4000', 'http://127.0.0.1:4000/', 'http://evil.example']) {
      expect(checkOrigin(bad, '127.0.0.1:4000', true).ok, bad).toBe(false);
    }
  });

  it('finds every value of a cookie, and accepts the token from the URL or the cookie', () => {
    expect(cookieValues('a=1; trellis-4000=x; trellis-4000=y; b', 'trellis-4000')).toEqual(['x', 'y']);
    const token = newToken();
    expect(checkAuth({ queryToken: token, cookieHeader: undefined }, token, 4000)).toEqual({ ok: true, viaQuery: true });
    expect(checkAuth({ queryToken: null, cookieHeader: `trellis-4000=decoy; trellis-4000=${token}` }, token, 4000)).toEqual({ ok: true, viaQuery: false });
    expect(checkAuth({ queryToken: null, cookieHeader: `trellis-4001=${token}` }, token, 4000).ok).toBe(false);
    expect(checkAuth({ queryToken: 'wrong', cookieHeader: undefined }, token, 4000).ok).toBe(false);
  });

  it('sets a host-only, HttpOnly, SameSite=Strict session cookie', () => {
    expect(sessionCookie(4000, 'tok')).toBe('trellis-4000=tok; Path=/; HttpOnly; SameSite=Strict');
  });

  it('allows no eval and connects back to our own port only', () => {
    const csp = browserModeCsp(4000);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4000 ws://localhost:4000;");
  });
});
