// Node.js only: serves a fetch-style handler over node:http. The handler never sees the peer's
// address unless asked: with `exposeAddress` (for a relay, which must know who it serves) the
// adapter sets the CLIENT_ADDRESS_HEADER to it; without, that header is removed even if the peer
// sent one, so a gateway or service behind a relay cannot be told — or tricked into — an address.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyOf, DEFAULT_MAX_BODY_BYTES, limitArgument, statusResponse, type Handler } from './http.js';

/** The request header that carries the peer's address to a handler served with `exposeAddress`. */
export const CLIENT_ADDRESS_HEADER = 'x-oblivia-client-address';

export interface ServeOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1: loopback only. */
  host?: string;
  /** Give the handler the peer's address in CLIENT_ADDRESS_HEADER. Default false. */
  exposeAddress?: boolean;
  /** The largest request body accepted (else 413); default 1 MiB. */
  maxBodyBytes?: number;
}

export interface NodeServer {
  /** The server's origin, with a trailing slash: http://127.0.0.1:PORT/ */
  readonly url: string;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Serves `handler` until `close()`. A handler that throws gets the client a bare 500. */
export async function serveNode(handler: Handler, options: ServeOptions = {}): Promise<NodeServer> {
  if (typeof handler !== 'function') throw new TypeError('"handler" expected function');
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = limitArgument(options.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const exposeAddress = options.exposeAddress === true;

  const server = createServer((req, res) => {
    void respond(req, res);
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let response: Response;
    try {
      const body = await collect(req, maxBodyBytes);
      response = body === undefined ? statusResponse(413) : await handler(toRequest(req, body));
    } catch {
      response = statusResponse(500);
    }
    try {
      const payload = Buffer.from(await response.arrayBuffer());
      const headers: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') headers[name] = value;
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) headers['set-cookie'] = cookies;
      headers['content-length'] = String(payload.length);
      res.writeHead(response.status, headers).end(payload);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
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
    if (exposeAddress && req.socket.remoteAddress !== undefined) headers.set(CLIENT_ADDRESS_HEADER, req.socket.remoteAddress);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', `http://${hostOf(server)}`);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

/** host:port of a listening server, IPv6 in brackets. */
function hostOf(server: ReturnType<typeof createServer>): string {
  const { address, port, family } = server.address() as AddressInfo;
  return family === 'IPv6' ? `[${address}]:${port}` : `${address}:${port}`;
}

/** The request body, or undefined once it passes `max` bytes (the rest is not read). */
function collect(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > max) return resolve(undefined);
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > max) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
