// A tiny read-only static file server for the browser test: serves the repository root on
// 127.0.0.1 (ephemeral port) with the MIME types a browser app's host would send.
//
// Test-only switches, as query parameters on any path:
//   ?csp=strict       adds `Content-Security-Policy: script-src 'self' 'unsafe-inline'` (no
//                     'wasm-unsafe-eval': the page may not compile WebAssembly)
//   ?type=octet       serves the file as application/octet-stream (a host without the wasm type)
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const STRICT_CSP = "script-src 'self' 'unsafe-inline'";

export interface StaticServer {
  /** The origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly origin: string;
  /** Paths (with query) requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = resolve(root, '.' + decodeURIComponent(url.pathname));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
      const body = await readFile(path);
      const headers: Record<string, string> = {
        'Content-Type':
          url.searchParams.get('type') === 'octet'
            ? 'application/octet-stream'
            : (MIME[extname(path)] ?? 'application/octet-stream'),
        'Content-Length': String(body.length),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      if (url.searchParams.get('csp') === 'strict') headers['Content-Security-Policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
