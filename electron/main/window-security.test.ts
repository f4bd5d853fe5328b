import { describe, expect, it } from 'vitest';
import { APP_CSP, isSafeExternalUrl, isTrustedSender, secureWebPreferences } from './window-security';

describe('isTrustedSender', () => {
  it.each(['trellis://app/', 'trellis://app/index.html', 'trellis://app/index.html?x=1#y', 'trellis://app/assets/a.js'])('trusts %s', (url) => {
    expect(isTrustedSender(url)).toBe(true);
  });

  it.each([
    undefined,
    null,
    '',
    'trellis://app',
    'trellis://app.evil/',
    'trellis://appx/',
    'trellis://app@evil/',
    'trellis://user:pw@app/',
    'TRELLIS://app/',
    'trellis://App/',
    'trellis:///app/',
    'trellis://evil/app/',
    'file:///trellis://app/',
    'http://127.0.0.1/',
    'https://app/',
    'about:blank',
    'devtools://devtools/bundled/index.html',
    'data:text/html,trellis://app/',
    ' trellis://app/',
  ])('does not trust %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.org/x?y#z', 'http://example.org'])('lets %s open in the browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'trellis://app/', 'smb://host/share', 'ms-settings:', 'https://user:pw@example.org', 'https://example.org/ x', 'https://exa\nmple.org', 'not a url', 'vscode://x'])(
    'keeps %s inside',
    (url) => {
      expect(isSafeExternalUrl(url)).toBe(false);
    },
  );
});

describe('window policy', () => {
  it('spells out every isolation setting', () => {
    expect(secureWebPreferences('/p/preload.js', false)).toMatchObject({
      preload: '/p/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('has a CSP without eval and without remote sources', () => {
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("object-src 'none'");
  });
});
