/**
 * The transport-neutral half of every transport (Electron IPC, WebSocket,
 * in-process): the message shapes on the wire, one generic proxy that turns a
 * call function into a `VaultApi`, and the backend's dispatcher. Method and
 * event names come from the contract (`METHOD_NAMES`, `EVENT_NAMES`), so no
 * transport spells a channel per method and a new method needs no transport
 * change.
 */
import { checkRequest } from './check-request';
import { ApiError, EVENT_NAMES, METHOD_NAMES, type EventName, type MethodName, type VaultApi, type VaultEvents, type WireError } from './vault-api';

/** A call id: numbers from our clients; strings are accepted from others. */
export type CallId = number | string;

export interface CallMessage {
  t: 'call';
  id: CallId;
  method: MethodName;
  params: unknown;
}

export interface ResultMessage {
  t: 'result';
  id: CallId;
  result: unknown;
}

export interface ErrorMessage {
  t: 'error';
  /** Null when the frame it answers was too broken to carry an id. */
  id: CallId | null;
  error: WireError;
}

export interface EventMessage<E extends EventName = EventName> {
  t: 'event';
  event: E;
  payload: VaultEvents[E];
}

export type ServerMessage = ResultMessage | ErrorMessage | EventMessage;

/** What one call comes to, before a transport adds its id (Electron IPC needs none). */
export type CallOutcome = { t: 'result'; result: unknown } | { t: 'error'; error: WireError };

/** Carries one call to the backend and resolves with its outcome; rejects only when the transport fails. */
export type SendCall = (method: MethodName, params: unknown) => Promise<CallOutcome>;

/** Subscribes to one backend event; returns the unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** Error names the transports themselves produce (the backend adds its own). */
export const TRANSPORT_ERRORS = {
  invalidRequest: 'InvalidRequest',
  badFrame: 'BadFrame',
  disconnected: 'Disconnected',
  busy: 'Busy',
  internal: 'InternalError',
} as const;

const MAX_ID_LENGTH = 64;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCallId(v: unknown): v is CallId {
  return (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH);
}

/** Any thrown value as plain `{name, message}` data that survives structured clone and JSON. */
export function toWireError(err: unknown): WireError {
  if (err instanceof Error) return { name: typeof err.name === 'string' && err.name ? err.name : 'Error', message: String(err.message) };
  if (isRecord(err) && typeof err.name === 'string' && typeof err.message === 'string') return { name: err.name, message: err.message };
  return { name: 'Error', message: String(err) };
}

/** The error on the calling side, with the backend's name kept for `err.name === 'NotFound'` checks. */
export function fromWireError(error: unknown): ApiError {
  const wire = isRecord(error) ? error : {};
  const name = typeof wire.name === 'string' && wire.name ? wire.name : 'Error';
  const message = typeof wire.message === 'string' ? wire.message : 'the backend reported an error without a message';
  return new ApiError(name, message);
}

function unwrap(outcome: CallOutcome): unknown {
  if (outcome.t === 'result') return outcome.result;
  throw fromWireError(outcome.error);
}

/**
 * Turns a call function and an event subscription into the `VaultApi` the UI
 * uses. One function per contract method, generated from `METHOD_NAMES`.
 */
export function createApiProxy(send: SendCall, subscribe: Subscribe): VaultApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    api[method] = async (request: unknown) => unwrap(await send(method, request ?? {}));
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new ApiError(TRANSPORT_ERRORS.invalidRequest, `unknown event '${String(event)}'`);
    return subscribe(event, listener);
  };
  // The loop above built exactly the mapped type; TypeScript cannot follow a loop over keys.
  return Object.freeze(api) as unknown as VaultApi;
}

/**
 * The backend side of every transport: checks the request against the
 * contract (whatever the sender claims) and turns the result or any thrown
 * error into plain data. Never rejects.
 */
export async function dispatchCall(service: VaultApi, method: unknown, params: unknown): Promise<CallOutcome> {
  let checked: ReturnType<typeof checkRequest>;
  try {
    checked = checkRequest(method, params);
  } catch (err) {
    return { t: 'error', error: { name: TRANSPORT_ERRORS.invalidRequest, message: toWireError(err).message } };
  }
  if (!checked.ok) return { t: 'error', error: { name: TRANSPORT_ERRORS.invalidRequest, message: checked.message } };
  const { method: name, request } = checked.value;
  try {
    // `request` was checked for `name` above; the union of requests cannot be narrowed per method here.
    const call = service[name] as (r: unknown) => Promise<unknown>;
    return { t: 'result', result: await call.call(service, request) };
  } catch (err) {
    return { t: 'error', error: toWireError(err) };
  }
}

/**
 * One client's calls (a WebSocket connection, an Electron page load). The
 * backend holds some state per client, the unsaved editor buffers of
 * `setBuffer`; a session remembers them so that a client that goes away
 * (tab closed, page reloaded, connection lost) does not leave its buffers
 * steering the findings of everyone else.
 */
export interface CallSession {
  dispatch(method: unknown, params: unknown): Promise<CallOutcome>;
  /** Drops whatever the client left behind. Safe to call twice. */
  close(): Promise<void>;
}

export function createCallSession(service: VaultApi): CallSession {
  const buffers = new Set<string>();
  let closed = false;
  return {
    async dispatch(method, params) {
      const outcome = await dispatchCall(service, method, params);
      if (method === 'setBuffer' && outcome.t === 'result' && isRecord(params) && typeof params.path === 'string') {
        if (params.text === null) buffers.delete(params.path);
        else if (!closed) buffers.add(params.path);
        // The client left while this call ran: nobody will ever close this buffer.
        else await dispatchCall(service, 'setBuffer', { path: params.path, text: null });
      }
      return outcome;
    },
    async close() {
      if (closed) return;
      closed = true;
      const paths = [...buffers];
      buffers.clear();
      // One at a time: each reanalyses the file and its neighbours.
      for (const path of paths) await dispatchCall(service, 'setBuffer', { path, text: null });
    },
  };
}

/** Subscribes to every contract event of a service; returns one function that undoes them all. */
export function forwardEvents(service: Pick<VaultApi, 'on'>, emit: (message: EventMessage) => void): () => void {
  const offs = EVENT_NAMES.map((event) => service.on(event, (payload) => emit({ t: 'event', event, payload } as EventMessage)));
  return () => {
    for (const off of offs) off();
  };
}

/** An in-process transport (tests, tools): the same checks and error mapping as the wire ones. */
export function createLocalApi(service: VaultApi): VaultApi {
  return createApiProxy(
    (method, params) => dispatchCall(service, method, jsonRoundTrip(params)),
    (event, listener) => service.on(event, (payload) => listener(jsonRoundTrip(payload))),
  );
}

/** Data as it comes out of a JSON round trip, so in-process behaves like the wire. */
function jsonRoundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

// ── framing ──────────────────────────────────────────────────────────

export type ParsedCall = { ok: true; call: CallMessage } | { ok: false; id: CallId | null; error: WireError };

/**
 * Reads one frame from a client. The method is checked here only as a
 * string; `dispatchCall` checks it (and the parameters) against the contract.
 */
export function parseCallFrame(text: string): ParsedCall {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: { name: TRANSPORT_ERRORS.badFrame, message: 'the frame is not valid JSON' } };
  }
  if (!isRecord(data)) return { ok: false, id: null, error: { name: TRANSPORT_ERRORS.badFrame, message: 'the frame must be a JSON object' } };
  const id = isCallId(data.id) ? data.id : null;
  if (data.t !== 'call') return { ok: false, id, error: { name: TRANSPORT_ERRORS.badFrame, message: "only {t: 'call'} frames are accepted" } };
  if (id === null) return { ok: false, id, error: { name: TRANSPORT_ERRORS.badFrame, message: 'a call needs an id: an integer or a short string' } };
  if (typeof data.method !== 'string') return { ok: false, id, error: { name: TRANSPORT_ERRORS.badFrame, message: 'a call needs a method name' } };
  return { ok: true, call: { t: 'call', id, method: data.method as MethodName, params: data.params } };
}

/** Reads one frame from the backend; undefined for anything that is not a well-formed server message. */
export function parseServerFrame(text: string): ServerMessage | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  if (data.t === 'result' && isCallId(data.id)) return { t: 'result', id: data.id, result: data.result };
  if (data.t === 'error' && (isCallId(data.id) || data.id === null)) return { t: 'error', id: data.id, error: toWireError(data.error) };
  if (data.t === 'event' && isEventName(data.event)) return { t: 'event', event: data.event, payload: data.payload } as EventMessage;
  return undefined;
}

/**
 * Matches replies to calls on a message channel (WebSocket): numbers the
 * calls, settles each with its reply, and fails whatever is pending when the
 * channel drops, so no caller waits forever.
 */
export class CallTracker {
  private nextId = 1;
  private readonly pending = new Map<CallId, (outcome: CallOutcome) => void>();

  /** Registers a call and returns its frame and the promise of its outcome. */
  start(method: MethodName, params: unknown): { message: CallMessage; outcome: Promise<CallOutcome> } {
    const id = this.nextId++;
    const outcome = new Promise<CallOutcome>((resolve) => this.pending.set(id, resolve));
    return { message: { t: 'call', id, method, params }, outcome };
  }

  /** Settles the call a reply answers; false when no call was waiting for it. */
  settle(message: ResultMessage | ErrorMessage): boolean {
    if (message.id === null) return false;
    const resolve = this.pending.get(message.id);
    if (!resolve) return false;
    this.pending.delete(message.id);
    resolve(message.t === 'result' ? { t: 'result', result: message.result } : { t: 'error', error: message.error });
    return true;
  }

  /** Fails every pending call with one error (the channel is gone). */
  failAll(error: WireError): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve({ t: 'error', error });
  }

  get size(): number {
    return this.pending.size;
  }
}

/** Fans one incoming event stream out to per-event listeners (both clients need the same bookkeeping). */
export class EventFanout {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  /** `onListenerError` hears a listener's exception; one failing listener must not starve the others. */
  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}

  subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    // Wrap, so the same function subscribed twice has two subscriptions to undo separately.
    const entry = (payload: unknown) => listener(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  emit(event: EventName, payload: unknown): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

// ── the Electron bridge ──────────────────────────────────────────────

/**
 * The page global `trellis`, the one object the preload exposes: a call that resolves
 * with its outcome (errors stay data across the context bridge, where Error
 * objects lose their names) and an event subscription. Names are checked on
 * both sides of the bridge.
 */
export interface TrellisBridge {
  call(method: string, params: unknown): Promise<CallOutcome>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The IPC channels: one for every call, one for every event, whatever the contract grows into. */
export const IPC_CALL_CHANNEL = 'trellis:call';
export const IPC_EVENT_CHANNEL = 'trellis:event';
