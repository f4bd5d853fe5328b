/**
 * Browser mode's transport: one WebSocket to `/api` on the page's origin (the
 * session cookie authenticates it), reconnecting with back-off. A call that
 * was sent when the connection drops fails with `Disconnected` rather than
 * waiting forever (it may or may not have been carried out, so it is never
 * resent); a call made while disconnected waits for the next connection
 * attempt only.
 */
import { CallTracker, EventFanout, parseServerFrame, TRANSPORT_ERRORS, type CallMessage, type CallOutcome, type SendCall, type Subscribe } from '../../shared/api/transport-rpc';
import type { WireError } from '../../shared/api/vault-api';

/** The part of the DOM WebSocket we use, so tests can hand in another implementation. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WsTransportOptions {
  url: string;
  createWebSocket?: (url: string) => WebSocketLike;
  /** Waits before each reconnection attempt; the last repeats. */
  reconnectDelaysMs?: readonly number[];
  onListenerError?: (err: unknown) => void;
}

export interface WsTransport {
  send: SendCall;
  subscribe: Subscribe;
  onDidChangeState(listener: (state: ConnectionState) => void): () => void;
  readonly state: ConnectionState;
  dispose(): void;
}

const OPEN = 1;
const DEFAULT_DELAYS = [250, 500, 1000, 2000, 5000];

const LOST: WireError = { name: TRANSPORT_ERRORS.disconnected, message: 'the connection to Trellis was lost; the request may or may not have been carried out' };
const UNREACHABLE: WireError = { name: TRANSPORT_ERRORS.disconnected, message: 'Trellis is not reachable; is it still running?' };
const CLOSED: WireError = { name: TRANSPORT_ERRORS.disconnected, message: 'the connection was closed' };

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const createWebSocket = options.createWebSocket ?? ((url: string) => new WebSocket(url) as unknown as WebSocketLike);
  const delays = options.reconnectDelaysMs ?? DEFAULT_DELAYS;
  const tracker = new CallTracker();
  const events = new EventFanout(options.onListenerError);
  const stateListeners = new Set<(state: ConnectionState) => void>();
  /** Calls made while not connected: sent on open, failed if the attempt fails. */
  let waiting: CallMessage[] = [];
  const waitingOutcomes = new Map<CallMessage, (o: CallOutcome) => void>();
  let socket: WebSocketLike | undefined;
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of [...stateListeners]) l(next);
  };

  const failWaiting = (error: WireError) => {
    const calls = waiting;
    waiting = [];
    for (const call of calls) {
      waitingOutcomes.get(call)?.({ t: 'error', error });
      waitingOutcomes.delete(call);
    }
  };

  const connect = () => {
    timer = undefined;
    setState('connecting');
    let opened = false;
    const ws = createWebSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      setState('open');
      const calls = waiting;
      waiting = [];
      for (const call of calls) {
        const settle = waitingOutcomes.get(call);
        waitingOutcomes.delete(call);
        const started = tracker.start(call.method, call.params);
        void started.outcome.then(settle);
        ws.send(JSON.stringify(started.message));
      }
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      const message = parseServerFrame(ev.data);
      if (!message) return;
      if (message.t === 'event') events.emit(message.event, message.payload);
      else tracker.settle(message);
    };
    // Errors are always followed by close; close does the work.
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      tracker.failAll(opened ? LOST : UNREACHABLE);
      if (!opened) failWaiting(UNREACHABLE);
      if (disposed) return;
      setState('closed');
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt++;
      timer = setTimeout(connect, delay);
    };
  };

  const send: SendCall = (method, params) => {
    if (disposed) return Promise.resolve({ t: 'error', error: CLOSED });
    if (socket && socket.readyState === OPEN) {
      const started = tracker.start(method, params);
      socket.send(JSON.stringify(started.message));
      return started.outcome;
    }
    const call: CallMessage = { t: 'call', id: 0, method, params };
    waiting.push(call);
    const outcome = new Promise<CallOutcome>((resolve) => waitingOutcomes.set(call, resolve));
    // Asked while waiting out a back-off: try now rather than later.
    if (!socket && timer !== undefined) {
      clearTimeout(timer);
      connect();
    }
    return outcome;
  };

  connect();

  return {
    send,
    subscribe: (event, listener) => events.subscribe(event, listener),
    onDidChangeState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    get state() {
      return state;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      const ws = socket;
      socket = undefined;
      ws?.close(1000, 'client closed');
      tracker.failAll(CLOSED);
      failWaiting(CLOSED);
      events.clear();
      setState('closed');
      stateListeners.clear();
    },
  };
}
