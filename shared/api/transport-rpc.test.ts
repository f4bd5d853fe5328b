import { describe, expect, it, vi } from 'vitest';
import { ApiError, EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName, type VaultApi } from './vault-api';
import { CallTracker, createApiProxy, createCallSession, dispatchCall, EventFanout, forwardEvents, parseCallFrame, parseServerFrame, toWireError, type CallOutcome } from './transport-rpc';

/** A service whose every method records its call; enough to see what dispatch passes on. */
function recordingService(impl: Partial<Record<string, (req: unknown) => Promise<unknown>>> = {}) {
  const calls: Array<[string, unknown]> = [];
  const service: Record<string, unknown> = { on: vi.fn(() => () => undefined) };
  for (const m of METHOD_NAMES) {
    service[m] = async (req: unknown) => {
      calls.push([m, req]);
      return impl[m] ? impl[m](req) : { method: m };
    };
  }
  return { service: service as unknown as VaultApi, calls };
}

describe('the contract names', () => {
  it('METHOD_NAMES lists every method of VaultMethods exactly once', () => {
    // Fails to compile when VaultMethods gains or loses a method: then METHOD_NAMES needs the same change.
    const every: Record<MethodName, true> = { getVault: true, listFiles: true, readFile: true, getDiagnostics: true, getGraph: true, getSchema: true, getGraphUpdate: true, saveFile: true, setBuffer: true, previewEdit: true, applyEdit: true, getInbox: true, getGardenHealth: true, loadViewState: true, saveViewState: true, undo: true, redo: true };
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(every).sort());
    const events: Record<EventName, true> = { onDidIndexProgress: true, onDidChangeFiles: true, onDidChangeDiagnostics: true, onDidReportError: true };
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(events).sort());
  });
});

describe('createApiProxy', () => {
  it('has one function per contract method plus on, and nothing else', () => {
    const api = createApiProxy(async () => ({ t: 'result', result: null }), () => () => undefined);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const m of METHOD_NAMES) expect(typeof api[m]).toBe('function');
  });

  it('sends the method name and parameters, and resolves with the result', async () => {
    const send = vi.fn(async (): Promise<CallOutcome> => ({ t: 'result', result: { path: 'a.md', text: 'x', hash: 'h' } }));
    const api = createApiProxy(send, () => () => undefined);
    await expect(api.readFile({ path: 'a.md' })).resolves.toEqual({ path: 'a.md', text: 'x', hash: 'h' });
    expect(send).toHaveBeenCalledWith('readFile', { path: 'a.md' });
  });

  it('rebuilds a wire error as an ApiError with its name', async () => {
    const api = createApiProxy(async () => ({ t: 'error', error: { name: 'NotFound', message: 'a.md does not exist' } }), () => () => undefined);
    const err = await api.readFile({ path: 'a.md' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ name: 'NotFound', message: 'a.md does not exist' });
  });

  it('refuses to subscribe to an event the contract does not have', () => {
    const api = createApiProxy(async () => ({ t: 'result', result: null }), () => () => undefined);
    expect(() => api.on('onDidExplode' as never, () => undefined)).toThrow(/unknown event/);
  });
});

describe('dispatchCall', () => {
  it('passes a checked request to the service and wraps the result', async () => {
    const { service, calls } = recordingService();
    expect(await dispatchCall(service, 'readFile', { path: 'notes/a.md' })).toEqual({ t: 'result', result: { method: 'readFile' } });
    expect(calls).toEqual([['readFile', { path: 'notes/a.md' }]]);
  });

  it.each([
    ['an unknown method', 'deleteEverything', {}],
    ['an inherited property', 'constructor', {}],
    ['a traversal', 'readFile', { path: '../outside.md' }],
    ['an absolute path', 'readFile', { path: '/etc/passwd.md' }],
    ['an extra field', 'getVault', { sneaky: true }],
    ['parameters that are not an object', 'getVault', 'x'],
    ['a negative graph version', 'getGraphUpdate', { since: -1 }],
    ['a graph version that is not a number', 'getGraphUpdate', { since: '12' }],
  ])('refuses %s without calling the service', async (_name, method, params) => {
    const { service, calls } = recordingService();
    const outcome = await dispatchCall(service, method, params);
    expect(outcome).toMatchObject({ t: 'error', error: { name: 'InvalidRequest' } });
    expect(calls).toEqual([]);
  });

  it('turns anything the service throws into plain {name, message}', async () => {
    const { service } = recordingService({
      readFile: async () => {
        throw new ApiError('NotFound', 'gone');
      },
      getGraph: async () => {
        throw 'a string';
      },
    });
    expect(await dispatchCall(service, 'readFile', { path: 'a.md' })).toEqual({ t: 'error', error: { name: 'NotFound', message: 'gone' } });
    expect(await dispatchCall(service, 'getGraph', {})).toEqual({ t: 'error', error: { name: 'Error', message: 'a string' } });
  });
});

describe('framing', () => {
  it('reads a call frame and reports broken ones with whatever id they carry', () => {
    expect(parseCallFrame('{"t":"call","id":3,"method":"getVault","params":{}}')).toEqual({ ok: true, call: { t: 'call', id: 3, method: 'getVault', params: {} } });
    expect(parseCallFrame('{')).toMatchObject({ ok: false, id: null, error: { name: 'BadFrame' } });
    expect(parseCallFrame('{"t":"call","id":4}')).toMatchObject({ ok: false, id: 4, error: { name: 'BadFrame' } });
    expect(parseCallFrame(`{"t":"call","id":"${'x'.repeat(65)}","method":"getVault"}`)).toMatchObject({ ok: false, id: null });
  });

  it('reads server frames and ignores anything else', () => {
    expect(parseServerFrame('{"t":"result","id":1,"result":5}')).toEqual({ t: 'result', id: 1, result: 5 });
    expect(parseServerFrame('{"t":"event","event":"onDidChangeFiles","payload":{}}')).toMatchObject({ t: 'event' });
    expect(parseServerFrame('{"t":"event","event":"nope","payload":{}}')).toBeUndefined();
    expect(parseServerFrame('nope')).toBeUndefined();
  });

  it('keeps error names across the wire, for Error objects and plain data alike', () => {
    expect(toWireError(new TypeError('bad'))).toEqual({ name: 'TypeError', message: 'bad' });
    expect(toWireError({ name: 'X', message: 'y', stack: 'secret' })).toEqual({ name: 'X', message: 'y' });
  });
});

describe('CallTracker', () => {
  it('settles each call with its own reply and fails the rest when the channel drops', async () => {
    const tracker = new CallTracker();
    const a = tracker.start('getVault', {});
    const b = tracker.start('listFiles', {});
    expect(a.message.id).not.toBe(b.message.id);
    expect(tracker.settle({ t: 'result', id: b.message.id, result: [] })).toBe(true);
    expect(tracker.settle({ t: 'result', id: 999, result: [] })).toBe(false);
    tracker.failAll({ name: 'Disconnected', message: 'gone' });
    expect(await b.outcome).toEqual({ t: 'result', result: [] });
    expect(await a.outcome).toEqual({ t: 'error', error: { name: 'Disconnected', message: 'gone' } });
    expect(tracker.size).toBe(0);
  });
});

describe('events', () => {
  it('forwards every contract event and unsubscribes from all of them', () => {
    const offs: string[] = [];
    const service = { on: vi.fn((event: string) => () => offs.push(event)) };
    const stop = forwardEvents(service as unknown as VaultApi, () => undefined);
    expect(service.on.mock.calls.map((c) => c[0])).toEqual([...EVENT_NAMES]);
    stop();
    expect(offs).toEqual([...EVENT_NAMES]);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const errors: unknown[] = [];
    const fanout = new EventFanout((e) => errors.push(e));
    const heard: unknown[] = [];
    fanout.subscribe('onDidReportError', () => {
      throw new Error('boom');
    });
    const off = fanout.subscribe('onDidReportError', (p) => heard.push(p));
    fanout.emit('onDidReportError', { message: 'x' });
    off();
    fanout.emit('onDidReportError', { message: 'y' });
    expect(heard).toEqual([{ message: 'x' }]);
    expect(errors).toHaveLength(2);
  });
});

describe('createCallSession', () => {
  it('drops the buffers a client left open when it goes, and only those', async () => {
    const { service, calls } = recordingService();
    const session = createCallSession(service);
    await session.dispatch('setBuffer', { path: 'a.md', text: 'draft' });
    await session.dispatch('setBuffer', { path: 'b.md', text: 'draft' });
    await session.dispatch('setBuffer', { path: 'b.md', text: null });
    await session.dispatch('setBuffer', { path: '../c.md', text: 'refused' });
    calls.length = 0;
    await session.close();
    await session.close();
    expect(calls).toEqual([['setBuffer', { path: 'a.md', text: null }]]);
  });

  it('closes a buffer whose call finished after the client left', async () => {
    let finish: () => void = () => undefined;
    const { service, calls } = recordingService({ setBuffer: (req) => (((req as { text: unknown }).text === null ? Promise.resolve({ paths: [] }) : new Promise((r) => (finish = () => r({ paths: [] }))))) });
    const session = createCallSession(service);
    const late = session.dispatch('setBuffer', { path: 'a.md', text: 'draft' });
    await session.close();
    finish();
    await late;
    expect(calls.map(([, req]) => req)).toEqual([
      { path: 'a.md', text: 'draft' },
      { path: 'a.md', text: null },
    ]);
  });
});
