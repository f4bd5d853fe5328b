/**
 * Browser mode: the built renderer and the API over one WebSocket, served to
 * the local browser only. It listens on 127.0.0.1 alone; every request must
 * name us in Host, come from our own Origin (always, on the WebSocket) and
 * carry the per-launch token or the cookie the token turned into. A refusal
 * reads and writes nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { createCallSession, forwardEvents, parseCallFrame, TRANSPORT_ERRORS, type CallId, type CallSession, type ServerMessage } from '../../shared/api/transport-rpc';
import type { VaultApi, WireError } from '../../shared/api/vault-api';
import { checkAuth, checkHost, checkOrigin, newToken, securityHeaders, sessionCookie, type Verdict } from './request-guard';
import { StaticFolder } from './static-files';

export const API_PATH = '/api';
/** Largest frame accepted: a save carries at most 8 MiB of text, JSON-escaped. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
/** Calls one connection may have running at once; more are answered `Busy`. */
const MAX_IN_FLIGHT = 64;

export interface WebServerOptions {
  service: VaultApi;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=…`: the one URL to open. */
  url: string;
  token: string;
  port: number;
  /** Where the server really listens (always 127.0.0.1). */
  address: AddressInfo;
  /** Closes every connection and stops listening; the service stays open (its owner disposes it). */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

function splitUrl(raw: string): { path: string; query: string } {
  const cut = raw.search(/[?#]/);
  if (cut < 0) return { path: raw, query: '' };
  const query = raw[cut] === '?' ? raw.slice(cut + 1).split('#')[0] ?? '' : '';
  return { path: raw.slice(0, cut), query };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { service } = options;
  const folder = await StaticFolder.open(options.staticDir);
  const token = newToken();
  let port = 0;

  const refuse = (res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}) => {
    const body = `${status === 404 ? 'Not found' : status === 400 ? 'Bad request' : status === 405 ? 'Method not allowed' : 'Forbidden'}: ${reason}\n`;
    res.writeHead(status, { ...securityHeaders(port), 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...extra });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };

  /** Host, Origin and credentials, in that order; shared by page requests and the upgrade. */
  const guard = (req: IncomingMessage, originRequired: boolean): Verdict & { viaQuery?: boolean } => {
    const host = firstHeader(req.headers.host);
    const hostOk = checkHost(host, port);
    if (!hostOk.ok) return hostOk;
    const originOk = checkOrigin(firstHeader(req.headers.origin), host as string, originRequired);
    if (!originOk.ok) return originOk;
    const { query } = splitUrl(req.url ?? '');
    const auth = checkAuth({ queryToken: new URLSearchParams(query).get('token'), cookieHeader: firstHeader(req.headers.cookie) }, token, port);
    return auth.ok ? { ok: true, viaQuery: auth.viaQuery } : auth;
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const verdict = guard(req, false);
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET and HEAD', { Allow: 'GET, HEAD' });
    const { path, query } = splitUrl(req.url ?? '');
    if (verdict.viaQuery) {
      // Trade the token for a cookie and take it out of the address bar (and history) at once.
      const rest = new URLSearchParams(query);
      rest.delete('token');
      const location = rest.size > 0 ? `${path}?${rest.toString()}` : path;
      // The path is checked before it becomes a Location: `//evil.example` must never be one.
      if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return refuse(res, 400, 'only origin-relative paths are served');
      res.writeHead(303, { ...securityHeaders(port), 'Set-Cookie': sessionCookie(port, token), Location: location, 'Content-Length': 0 });
      return res.end();
    }
    if (path === API_PATH) return refuse(res, 400, 'the API is a WebSocket');
    const file = await folder.serve(path);
    if (!file.ok) return refuse(res, file.status, file.reason);
    res.writeHead(200, { ...securityHeaders(port), 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'internal error');
      else res.destroy();
    });
  });
  // A client that talks nonsense gets a 400 from Node; it must never take the server down.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false, clientTracking: true });

  const refuseUpgrade = (socket: Duplex, status: number, reason: string) => {
    const body = `Forbidden: ${reason}\n`;
    const statusText = status === 404 ? 'Not Found' : status === 400 ? 'Bad Request' : 'Forbidden';
    socket.end(`HTTP/1.1 ${status} ${statusText}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = guard(req, true);
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
    if (splitUrl(req.url ?? '').path !== API_PATH) return refuseUpgrade(socket, 404, 'no such endpoint');
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws));
  });

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (err) {
      if (message.t === 'event') return;
      text = JSON.stringify({ t: 'error', id: message.id, error: { name: TRANSPORT_ERRORS.internal, message: `the result could not be sent: ${(err as Error).message}` } });
    }
    ws.send(text);
  };

  /** Open connections' sessions, and the clean-ups of closed ones, which `close()` waits for. */
  const sessions = new Set<CallSession>();
  const closingSessions: Promise<void>[] = [];

  const serveConnection = (ws: WebSocket) => {
    let inFlight = 0;
    const session = createCallSession(service);
    sessions.add(session);
    ws.on('close', () => {
      sessions.delete(session);
      closingSessions.push(session.close());
    });
    // Socket errors (a frame over the limit, bad UTF-8) close this connection; ws has already said why.
    ws.on('error', () => ws.terminate());
    const replyError = (id: CallId | null, error: WireError) => send(ws, { t: 'error', id, error });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return replyError(null, { name: TRANSPORT_ERRORS.badFrame, message: 'only JSON text frames are accepted' });
      const parsed = parseCallFrame(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
      if (!parsed.ok) return replyError(parsed.id, parsed.error);
      const { id, method, params } = parsed.call;
      if (inFlight >= MAX_IN_FLIGHT) return replyError(id, { name: TRANSPORT_ERRORS.busy, message: `more than ${MAX_IN_FLIGHT} calls at once` });
      inFlight++;
      void session.dispatch(method, params).then((outcome) => {
        inFlight--;
        send(ws, outcome.t === 'result' ? { t: 'result', id, result: outcome.result } : { t: 'error', id, error: outcome.error });
      });
    });
  };

  const stopForwarding = forwardEvents(service, (message) => {
    for (const client of wss.clients) send(client, message);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    stopForwarding();
    throw err;
  }
  const address = server.address() as AddressInfo;
  port = address.port;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopForwarding();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Clients' buffers are dropped while the service is still ours to call.
      await Promise.all([...closingSessions, ...[...sessions].map((session) => session.close())]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })());

  return { url: `http://${HOST}:${port}/?token=${token}`, token, port, address, close };
}
