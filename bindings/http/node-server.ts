// Node.js only: serves a fetch-style handler over node:http. The handler never sees the peer's
// address unless asked: with `exposeAddress` (for a relay, which must know who it serves) the
// adapter sets the CLIENT_ADDRESS_HEADER to it; without, that header is removed even if the peer
// sent one, so a gateway or service behind a relay cannot be told — or tricked into — an address.
//
// Every connection is bounded: how many are open, how long a header section, a whole request, a
// pause in a body and the reading of a response may take, how big a body is and how many body
// bytes all requests hold together (an idle connection is closed by Node's keep-alive and header
// timeouts). A request refused for its body (408, 413, 503) is answered and its
// connection closed, never drained. The request's URL is this server's origin and the request's
// own path: an absolute-form or "//" target cannot name another host to the handler. A handler
// with a byte-level form (./byte-handler.ts: the gateway) gets the body as read and answers bytes,
// with no Fetch objects or web streams on the way.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyOf, DEFAULT_MAX_BODY_BYTES, limitArgument, statusResponse, type Handler } from './exchange.js';
import { byteHandlerOf, type ByteAnswer } from './byte-handler.js';
import { BodyBudget, readNodeBody } from './node-body.js';

/** The request header that carries the peer's address to a handler served with `exposeAddress`. */
export const CLIENT_ADDRESS_HEADER = 'x-oblivia-client-address';

/** Options of {@link serveNode}: where to listen, and the bounds on every connection and request. */
export interface ServeOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** Give the handler the peer's address in CLIENT_ADDRESS_HEADER. Default false. */
  exposeAddress?: boolean;
  /** The largest request body accepted (else 413); default 1 MiB. */
  maxBodyBytes?: number;
  /** The request-body bytes held at once by all requests together (else 503); default 64 MiB. */
  maxBufferedBytes?: number;
  /** The most connections open at once; more are closed as they arrive. Default 1024. */
  maxConnections?: number;
  /** The time to receive a request's header section, in ms (else 408); default 10 s. */
  headersTimeoutMs?: number;
  /** The time to receive a whole request, in ms (else 408); default 30 s. */
  requestTimeoutMs?: number;
  /** The longest pause within a request body, in ms (else 408); default 5 s. */
  bodyIdleTimeoutMs?: number;
  /** The longest a response may wait for the client to read it, in ms (then the connection is
   *  closed); default 60 s. Idle connections are closed by Node's keep-alive and header timeouts. */
  writeTimeoutMs?: number;
}

const DEFAULTS = {
  maxBufferedBytes: 64 << 20,
  maxConnections: 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  bodyIdleTimeoutMs: 5_000,
  writeTimeoutMs: 60_000,
};

/** How often Node checks the header and request timeouts, in ms. */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** The forbidden method (Fetch §2.2) that reaches a request handler: Node answers CONNECT apart
 *  and refuses TRACK as an unknown method. */
const TRACE = 'TRACE';

/** A running server, from {@link serveNode}. */
export interface NodeServer {
  /** The server's origin, with a trailing slash: http://127.0.0.1:PORT/ */
  readonly url: string;
  /** Stops listening and closes every connection. With `graceMs` > 0, requests in flight get up
   *  to that long to be answered first (each connection closed once its response is written). */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves a fetch-style handler over `node:http` until `close()`, with every connection bounded
 * (body size, buffered bytes, connections, header, request, body-pause and write timeouts). The
 * handler never sees the peer's address unless `exposeAddress` is set (a relay). A handler that
 * throws gets the client a bare 500.
 *
 * @throws `TypeError` if `handler` is not a function; `RangeError` for a bad limit or a header
 * timeout above the request timeout; rejects if the port cannot be bound.
 * @example
 * ```ts
 * import { serveNode } from 'oblivia/node';
 *
 * const server = await serveNode(async (request) => new Response(`hello ${request.method}`), { port: 8080 });
 * console.log(server.url); // http://127.0.0.1:8080/
 * await server.close(5_000);
 * ```
 */
export async function serveNode(handler: Handler, options: ServeOptions = {}): Promise<NodeServer> {
  if (typeof handler !== 'function') throw new TypeError('"handler" expected function');
  const host = options.host ?? '127.0.0.1';
  const exposeAddress = options.exposeAddress === true;
  const maxBodyBytes = limitArgument(options.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const limit = (name: keyof typeof DEFAULTS) => limitArgument(options[name], `options.${name}`, DEFAULTS[name]);
  const headersTimeout = limit('headersTimeoutMs');
  const requestTimeout = limit('requestTimeoutMs');
  if (headersTimeout > requestTimeout)
    throw new RangeError('"options.headersTimeoutMs" expected at most "options.requestTimeoutMs"');
  const bodyIdleTimeout = limit('bodyIdleTimeoutMs');
  const budget = new BodyBudget(limit('maxBufferedBytes'));
  const bytes = byteHandlerOf(handler);

  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    (req, res) => {
      void respond(req, res);
    },
  );
  server.maxConnections = limit('maxConnections');
  const writeTimeout = limit('writeTimeoutMs');
  let closing = false;

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === TRACE) return answer(res, statusResponse(405), true);
    if (!(req.url ?? '').startsWith('/')) return answer(res, statusResponse(400), true);
    const read = await readNodeBody(req, maxBodyBytes, bodyIdleTimeout, budget);
    if ('refuse' in read) return answer(res, statusResponse(read.refuse), true);
    if (bytes !== undefined) return answerBytes(req, res, read.body, read.held);
    try {
      let response: Response;
      try {
        response = await handler(toRequest(req, read.body));
      } catch {
        response = statusResponse(500);
      }
      await answer(res, response, false);
    } finally {
      budget.release(read.held);
    }
  }

  /** The fast path: the handler's byte-level form gets the body as read, and its answer is written
   *  as one chunk — no Fetch objects, no web streams. */
  async function answerBytes(req: IncomingMessage, res: ServerResponse, body: Buffer, held: number): Promise<void> {
    try {
      let answered: ByteAnswer;
      try {
        answered = await bytes!({ method: req.method ?? 'GET', contentType: req.headers['content-type'] ?? '', body });
      } catch {
        answered = { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: INTERNAL_ERROR };
      }
      // Raw [name, value, …] headers: Node writes them as they are, without an object to walk.
      const headers = Object.entries(answered.headers).flat();
      headers.push('content-length', String(answered.body.length));
      if (closing) headers.push('connection', 'close');
      res.writeHead(answered.status, headers).end(answered.body);
      closeUnlessRead(res, writeTimeout);
    } finally {
      budget.release(held);
    }
  }

  /** Writes `response`, its body streamed with backpressure (a body of one chunk with its length);
   *  with `close`, as the connection's last (Node closes it once written). */
  async function answer(res: ServerResponse, response: Response, close: boolean): Promise<void> {
    const reader = response.body?.getReader();
    try {
      const headers: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && name !== 'content-length') headers[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) headers['set-cookie'] = cookies;
      if (close || closing) headers.connection = 'close';
      const first = reader === undefined ? END : await reader.read();
      const second = first.done ? first : await reader!.read();
      if (second.done) {
        const body = first.done ? new Uint8Array(0) : first.value;
        res.writeHead(response.status, { ...headers, 'content-length': String(body.length) }).end(body);
        closeUnlessRead(res, writeTimeout);
        return;
      }
      res.writeHead(response.status, headers);
      await write(res, first.value!, writeTimeout);
      await write(res, second.value, writeTimeout);
      for (let r = await reader!.read(); !r.done; r = await reader!.read()) await write(res, r.value, writeTimeout);
      res.end();
      closeUnlessRead(res, writeTimeout);
    } catch {
      reader?.cancel().catch(() => {});
      if (!res.headersSent) res.writeHead(500, { connection: 'close' }).end();
      else res.destroy();
    }
  }

  function toRequest(req: IncomingMessage, body: Buffer): Request {
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      try {
        headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      } catch {
        // A field Fetch cannot hold is dropped.
      }
    }
    headers.delete(CLIENT_ADDRESS_HEADER);
    if (exposeAddress && req.socket.remoteAddress !== undefined)
      headers.set(CLIENT_ADDRESS_HEADER, req.socket.remoteAddress);
    const method = req.method ?? 'GET';
    // Origin ‖ origin-form target, concatenated: the target is a path here, never a reference.
    const url = new URL(`http://${hostOf(server)}${req.url}`);
    return new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? null : bodyOf(body) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return Object.freeze({
    url: `http://${hostOf(server)}/`,
    close: (graceMs = 0) =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        server.closeIdleConnections();
        if (!(graceMs > 0)) server.closeAllConnections();
        else setTimeout(() => server.closeAllConnections(), graceMs).unref();
      }),
  });
}

/** host:port of a listening server, IPv6 in brackets. */
function hostOf(server: ReturnType<typeof createServer>): string {
  const { address, port, family } = server.address() as AddressInfo;
  return family === 'IPv6' ? `[${address}]:${port}` : `${address}:${port}`;
}

const END = { done: true, value: undefined } as const;

const INTERNAL_ERROR = new TextEncoder().encode('Internal Server Error\n');

/** Writes `chunk`, waiting while the client is slow to read — at most `ms`, then the connection is
 *  closed; throws once the connection is gone. */
async function write(res: ServerResponse, chunk: Uint8Array, ms: number): Promise<void> {
  if (res.destroyed) throw new Error('connection closed');
  if (res.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => res.destroy(), ms);
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
  if (res.destroyed) throw new Error('connection closed');
}

/** Closes the connection if what is left of an ended response is not read within `ms`. (Most
 *  responses go to the socket at once: then no timer is set.) */
function closeUnlessRead(res: ServerResponse, ms: number): void {
  if (res.writableLength === 0) return;
  const timer = setTimeout(() => res.destroy(), ms);
  const done = () => clearTimeout(timer);
  res.once('finish', done).once('close', done);
}
