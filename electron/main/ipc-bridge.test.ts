import { describe, expect, it, vi } from 'vitest';
import type { VaultApi } from '../../shared/api/vault-api';
import { answerCall, NO_VAULT, PageSessions, UNTRUSTED } from './ipc-bridge';

const service = () => {
  const getVault = vi.fn(async () => ({ name: 'v' }));
  return { api: { getVault } as unknown as VaultApi, getVault };
};

describe('answerCall', () => {
  const ours = { url: 'trellis://app/index.html', isMainFrame: true };

  it('answers our own page through the contract check', async () => {
    const { api, getVault } = service();
    expect(await answerCall(ours, async () => api, 'getVault', {})).toEqual({ t: 'result', result: { name: 'v' } });
    expect(getVault).toHaveBeenCalledOnce();
    expect(await answerCall(ours, async () => api, 'readFile', { path: '../x.md' })).toMatchObject({ t: 'error', error: { name: 'InvalidRequest' } });
  });

  it.each([
    { url: 'https://evil.example/', isMainFrame: true },
    { url: undefined, isMainFrame: true },
    { url: 'trellis://app/index.html', isMainFrame: false },
  ])('refuses a call from %o without touching the backend', async (sender) => {
    const { api, getVault } = service();
    expect(await answerCall(sender, async () => api, 'getVault', {})).toBe(UNTRUSTED);
    expect(getVault).not.toHaveBeenCalled();
  });

  it('says so when no vault is open', async () => {
    expect(await answerCall(ours, async () => undefined, 'getVault', {})).toBe(NO_VAULT);
  });
});

describe('PageSessions', () => {
  it("keeps one session per page and vault, and drops a page's buffers when it reloads or closes", async () => {
    const setBuffer = vi.fn(async () => ({ paths: [] }));
    const api = { setBuffer } as unknown as VaultApi;
    const sessions = new PageSessions();
    const page = { url: 'trellis://app/index.html', isMainFrame: true };
    const call = (id: number, path: string) => answerCall(page, async () => api, 'setBuffer', { path, text: 'draft' }, (svc) => sessions.for(id, svc));
    await call(1, 'a.md');
    await call(2, 'b.md');
    expect(sessions.for(1, api)).toBe(sessions.for(1, api));
    setBuffer.mockClear();
    await sessions.end(1);
    expect(setBuffer.mock.calls).toEqual([[{ path: 'a.md', text: null }]]);
    await sessions.end(1);
    expect(setBuffer).toHaveBeenCalledOnce();
  });
});
