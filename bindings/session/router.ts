// The gateway's target for the inner layer: a fetch-style handler that passes an inner
// Encapsulated Request, unchanged, to the processing node the client chose by name, and returns
// the node's answer, unchanged. It holds no key and sees ciphertext only.
//
// Where a request goes is configuration, never the request's: the path must be exactly
// `/nodes/<name>` with a configured name ([a-z0-9-]{1,63}); the node's URL comes from the
// configuration, and the request's URL, authority, Host and other headers choose nothing. Nothing
// is sent anywhere for a name that is not configured (404). No redirect is followed; the exchange
// is bounded in time (504) and size (413 for the request, 502 for the node's answer).
//
// Clear-text refusals are application/problem+json with a fixed title that echoes nothing: 404
// (not a configured node), 405 (not POST; `Allow: POST`), 415 (not INNER_MEDIA_TYPE.REQUEST), 413
// (over maxBodyBytes, declared or read; reading stops there), 502 (the node cannot be reached, its
// answer is a redirect or over maxBodyBytes), 504 (the node did not answer in full in time).
//
// Given the node directory (`directory`), it also serves it to `GET /nodes`, so that a client
// fetches the list of nodes through the relay and the gateway like any request: the directory
// then never sees a client's address.
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  endpointArgument,
  exchange,
  limitArgument,
  mediaTypeOf,
  readBody,
  TimeoutError,
  TooLargeError,
  type Answer,
  type Handler,
} from '../http/exchange.js';
import { targetArgument } from '../http/forwarder.js';
import { loggedHandler, type Outcome, type Sizes } from '../http/logged-handler.js';
import { createLogger, type LogSink } from '../http/logger.js';
import { describe, objectArgument } from '../utils/arguments.js';
import { INNER_MEDIA_TYPE } from './inner-media-types.js';
import { MAX_DIRECTORY_SIZE } from './node-directory.js';
import { nodeMapArgument, NODE_NAME, problem } from './node-names.js';

export { NODE_NAME } from './node-names.js';

/** The path prefix of a node: `/nodes/<name>`. */
export const NODE_PATH_PREFIX = '/nodes/';

export interface RouterOptions {
  /** The processing nodes, by name: each an absolute http(s) URL (an origin with an optional path),
   *  without credentials, query or fragment. */
  nodes: Readonly<Record<string, string>>;
  /** How long a node may take to answer in full (else 504), in ms; default 30 s. */
  timeoutMs?: number;
  /** The largest inner request (else 413) or node answer (else 502) passed on; default 1 MiB. */
  maxBodyBytes?: number;
  /** The node directory (session.nodeDirectory, or its URL), served to `GET /nodes` so that
   *  clients fetch it through the relay; without it `/nodes` is a 404. */
  directory?: Handler | string;
  /** Where the filtered log lines go (never a payload, a header or an address). */
  log?: LogSink;
}

/** The path of the node directory, when the router serves it. */
export const DIRECTORY_PATH = '/nodes';

/** A request's path, as it is (not decoded); '' if its URL does not parse. */
function pathOf(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '';
  }
}

/** The configured node a request's path names, or undefined. The path is compared as it is, not
 *  decoded or normalised: `%2e%2e`, `..` or `//host` name no node. */
function nodeOf(nodes: ReadonlyMap<string, URL>, request: Request): URL | undefined {
  const pathname = pathOf(request);
  if (!pathname.startsWith(NODE_PATH_PREFIX)) return undefined;
  const name = pathname.slice(NODE_PATH_PREFIX.length);
  return NODE_NAME.test(name) ? nodes.get(name) : undefined;
}

export function createRouter(options: RouterOptions): Handler {
  const o = objectArgument<RouterOptions>(options, 'options');
  const nodes = nodeMapArgument(o.nodes, 'options.nodes', (v, name) => {
    if (typeof v !== 'string') throw new TypeError(`"${name}" expected URL string, got ${describe(v)}`);
    return targetArgument(v, name);
  });
  const timeoutMs = limitArgument(o.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const maxBodyBytes = limitArgument(o.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const directory = o.directory === undefined ? undefined : endpointArgument(o.directory, 'options.directory');
  const log = createLogger(o.log);

  /** GET /nodes: the directory's answer, its status, type and body only; nothing of the request
   *  is passed on. */
  async function serveDirectory(request: Request, endpoint: Handler | URL, sizes: Sizes): Promise<Outcome> {
    if (request.method !== 'GET') return { response: problem(405, { allow: 'GET' }), error: 'METHOD' };
    let answer: Answer;
    try {
      answer = await exchange(endpoint, { method: 'GET' }, MAX_DIRECTORY_SIZE, timeoutMs);
    } catch (e) {
      return { response: problem(e instanceof TimeoutError ? 504 : 502), error: 'UPSTREAM' };
    }
    return passOn(answer, sizes, { 'cache-control': 'no-store' });
  }

  async function route(request: Request, sizes: Sizes): Promise<Outcome> {
    if (directory !== undefined && pathOf(request) === DIRECTORY_PATH) return serveDirectory(request, directory, sizes);
    const node = nodeOf(nodes, request);
    if (node === undefined) return { response: problem(404), error: 'NOT_FOUND' };
    if (request.method !== 'POST') return { response: problem(405, { allow: 'POST' }), error: 'METHOD' };
    if (mediaTypeOf(request.headers) !== INNER_MEDIA_TYPE.REQUEST)
      return { response: problem(415), error: 'MEDIA_TYPE' };
    let body: Uint8Array;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (e) {
      if (e instanceof TooLargeError) return { response: problem(413), error: 'TOO_LARGE' };
      return { response: problem(502), error: 'UPSTREAM' };
    }
    sizes.requestBytes = body.length;
    let answer: Answer;
    try {
      answer = await exchange(
        node,
        { method: 'POST', headers: { 'content-type': INNER_MEDIA_TYPE.REQUEST }, body: bodyOf(body) },
        maxBodyBytes,
        timeoutMs,
      );
    } catch (e) {
      return { response: problem(e instanceof TimeoutError ? 504 : 502), error: 'UPSTREAM' };
    }
    return passOn(answer, sizes, {});
  }

  /** The upstream's status, content type and body, and nothing else of it. No redirect is followed,
   *  and none is passed on (a 3xx would point the client elsewhere): 502. */
  function passOn(answer: Answer, sizes: Sizes, headers: Record<string, string>): Outcome {
    if (answer.status >= 300 && answer.status < 400) return { response: problem(502), error: 'UPSTREAM' };
    sizes.responseBytes = answer.body.length;
    const contentType = answer.headers.get('content-type');
    if (contentType !== null) headers['content-type'] = contentType;
    return { response: new Response(bodyOf(answer.body), { status: answer.status, headers }) };
  }

  return loggedHandler('router', log, route);
}
