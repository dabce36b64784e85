// The whole path on loopback sockets — client → relay → gateway → service, plus the key
// directory — with a record of what each hop received and every log line any hop wrote.
import { ohttp, type KeyDirectory, type LogEntry } from 'oblivia';
import { serveNode, type NodeServer } from 'oblivia/node';

/** What one hop received: its request headers and body. */
export interface Seen {
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface Stack {
  directory: KeyDirectory;
  /** The directory's clock, in ms: tests move it forward. */
  clock: { now: number };
  servers: { service: NodeServer; gateway: NodeServer; relay: NodeServer; directory: NodeServer };
  seen: { relay: Seen[]; gateway: Seen[]; service: Seen[] };
  logs: LogEntry[];
  close(): Promise<void>;
}

export const OVERLAP_MS = 60_000;

/** Headers as a plain object. */
export function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
}

/** Records each request `handler` receives in `into`. */
const recording =
  (into: Seen[], handler: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    into.push({ headers: headersOf(request.headers), body: new Uint8Array(await request.clone().arrayBuffer()) });
    return handler(request);
  };

/** The service echoes what it got: method, path, the JSON body and whether a cookie came. */
async function service(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = request.method === 'GET' ? null : await request.text();
  return Response.json({
    method: request.method,
    path: url.pathname + url.search,
    body,
    cookie: request.headers.get('cookie'),
  });
}

export async function startStack(): Promise<Stack> {
  const logs: LogEntry[] = [];
  const log = (entry: LogEntry) => logs.push(entry);
  const clock = { now: 1_000_000 };
  const seen: Stack['seen'] = { relay: [], gateway: [], service: [] };
  const directory = ohttp.keyDirectory({ overlapMs: OVERLAP_MS, maxAgeSeconds: 60, now: () => clock.now, log });
  const serviceServer = await serveNode(recording(seen.service, service));
  const gateway = await serveNode(
    recording(seen.gateway, ohttp.gateway({ keys: directory.keys, target: serviceServer.url, log })),
  );
  const relay = await serveNode(recording(seen.relay, ohttp.relay({ gateway: gateway.url, log })), {
    exposeAddress: true,
  });
  const directoryServer = await serveNode(directory.handler);
  const servers = { service: serviceServer, gateway, relay, directory: directoryServer };
  return {
    directory,
    clock,
    servers,
    seen,
    logs,
    async close() {
      await Promise.all(Object.values(servers).map((s) => s.close()));
      directory.destroy();
    },
  };
}
