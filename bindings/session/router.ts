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
// (over maxBodyBytes, declared or read; reading stops there), 400 (its body stream fails), 502
// (the node cannot be reached, its answer is a redirect or over maxBodyBytes), 504 (the node did
// not answer in full in time). The passing on itself is ../http/pass-on.ts's. (Clients read the
// node directory from a consistency mirror, not through here: session-client.ts.)
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS, limitArgument, type Handler } from '../http/exchange.js';
import { targetArgument } from '../http/forwarder.js';
import { loggedHandler, type Outcome, type Sizes } from '../http/logged-handler.js';
import { createLogger, type LogSink } from '../http/logger.js';
import { forwardBody, type Passing } from '../http/pass-on.js';
import { describe, objectArgument } from '../utils/arguments.js';
import { INNER_MEDIA_TYPE } from './inner-media-types.js';
import { nodeMapArgument, NODE_NAME, problem } from './node-names.js';

export { NODE_NAME } from './node-names.js';

/** The path prefix of a node: `/nodes/<name>`. */
export const NODE_PATH_PREFIX = '/nodes/';

/** Options of {@link session.router}. */
export interface RouterOptions {
  /** The processing nodes, by name: each an absolute http(s) URL (an origin with an optional path),
   *  without credentials, query or fragment. */
  nodes: Readonly<Record<string, string>>;
  /** How long a node may take to answer in full (else 504), in ms; default 30 s. */
  timeoutMs?: number;
  /** The largest inner request (else 413) or node answer (else 502) passed on; default 1 MiB. */
  maxBodyBytes?: number;
  /** Where the filtered log lines go (never a payload, a header or an address). */
  log?: LogSink;
}

/** The configured node a request's path names, or undefined. The path is compared as it is, not
 *  decoded or normalised: `%2e%2e`, `..` or `//host` name no node. */
function nodeOf(nodes: ReadonlyMap<string, URL>, request: Request): URL | undefined {
  const pathname = URL.canParse(request.url) ? new URL(request.url).pathname : '';
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
  const log = createLogger(o.log);

  // No redirect is followed, and none is passed on (a 3xx would point the client elsewhere): 502.
  const toNode: Passing = { maxBytes: maxBodyBytes, timeoutMs, refusal: problem, refuseRedirects: true };

  async function route(request: Request, sizes: Sizes): Promise<Outcome> {
    const node = nodeOf(nodes, request);
    if (node === undefined) return { response: problem(404), error: 'NOT_FOUND' };
    return forwardBody(request, sizes, node, INNER_MEDIA_TYPE.REQUEST, toNode);
  }

  return loggedHandler('router', log, route);
}
