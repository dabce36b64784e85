// A processing node (the TEE) as a fetch-style handler: it accepts POSTs of an inner Encapsulated
// Request (INNER_MEDIA_TYPE.REQUEST), opens it with one of its keys (found by key id; the KEM and
// suite must be that key's), decodes the Binary HTTP request, runs the application's `handler`
// on it, and answers with the handler's response, Binary HTTP encoded and encapsulated to the
// request's context (INNER_MEDIA_TYPE.RESPONSE).
//
// Before the encapsulation is removed the node answers in the clear with application/problem+json
// (RFC 9457) and a fixed title — 405, 415, 413 (over maxRequestBytes, declared or read), 400 (too
// short, or it does not open), 422 with NODE_KEY_PROBLEM_TYPE (the key id is unknown, e.g. rotated
// out and destroyed, or the key does not offer the suite: the client's key is outdated), 503 once
// destroyed. After it is removed, errors go inside the encapsulation, where only the client reads
// them: 400 or 431 for a Binary HTTP request refused, 500 when the handler throws or answers more
// than maxResponseBytes, 504 when it takes longer than timeoutMs. The handler never throws.
//
// Stateless: every path wipes what the request left — the decrypted Binary HTTP bytes, the decoded
// content, the handler's response content and its encoding, and the response secret (the context
// is spent or destroyed before the answer returns). What Fetch copies into a Request or Response
// body is the engine's, out of reach of a wipe; the node holds no reference to it.
import { bhttp } from '../bhttp.js';
import { BhttpError } from '../bhttp/bhttp-error.js';
import { bhttpFromResponseContent } from '../bhttp/fetch-conversion.js';
import type { BhttpResponse } from '../bhttp/message.js';
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  fieldLimitsOption,
  limitArgument,
  mediaTypeOf,
  readBody,
  TimeoutError,
  TooLargeError,
  withinDeadline,
  type Handler,
} from '../http/exchange.js';
import { loggedHandler, type Outcome, type Sizes } from '../http/logged-handler.js';
import { createLogger, type LogErrorCode, type LogSink } from '../http/logger.js';
import type { GatewayContext } from '../ohttp/encapsulated-response.js';
import type { GatewayKey, KeyConfig } from '../ohttp/key-config.js';
import { OhttpError } from '../ohttp/ohttp-error.js';
import { decapsulateInner } from './inner-message.js';
import { INNER_MEDIA_TYPE } from './inner-media-types.js';
import { createNodeKeyRing } from './node-keys.js';

/** RFC 9457 problem type of a 422: the node has no key for this request (rotated out, or never
 *  its own); the client needs the node's current attested key. */
export const NODE_KEY_PROBLEM_TYPE = 'urn:oblivia:problem:node-key';

export interface NodeOptions {
  /** The node's key, or [current, previous] during a rotation's overlap. The node owns their
   *  private keys from now on: rotation and `destroy` wipe them in place. */
  keys: GatewayKey | readonly GatewayKey[];
  /** The application: gets each decrypted request, as the client made it. */
  handler: Handler;
  /** Where the filtered log lines go (never a payload, a header or an address). */
  log?: LogSink;
  /** The largest inner Encapsulated Request accepted (else 413); default 1 MiB. */
  maxRequestBytes?: number;
  /** The largest response content taken from the handler (else an encapsulated 500); default 1 MiB. */
  maxResponseBytes?: number;
  /** How long the handler may take to answer in full (else an encapsulated 504), in ms; default 30 s. */
  timeoutMs?: number;
  /** The most field lines in the request's header or trailer section; default 128. */
  maxFieldLines?: number;
  /** The most bytes of the request's header or trailer section, as encoded; default 16 KiB. */
  maxFieldSectionBytes?: number;
}

/** The node's handler, with its key ring. */
export interface ProcessingNode extends Handler {
  /** The public key configurations, current first (what the node's attested bundles publish). */
  configs(): readonly KeyConfig[];
  /** Makes `next` (else a fresh key) current; the current key stays accepted as the previous one,
   *  and the previous one is wiped: requests recorded for it can no longer be opened (422). */
  rotate(next?: GatewayKey): KeyConfig;
  /** Wipes every private key; the node then answers 503. */
  destroy(): void;
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  503: 'Service Unavailable',
};

/** A clear-text refusal: application/problem+json, a fixed title, nothing from the request. */
function problem(status: number, type = 'about:blank', headers?: Record<string, string>): Response {
  return new Response(JSON.stringify({ type, title: TITLES[status] ?? 'Error', status }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export function createNode(options: NodeOptions): ProcessingNode {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const { handler } = options;
  if (typeof handler !== 'function') throw new TypeError('"options.handler" expected function');
  const maxRequestBytes = limitArgument(options.maxRequestBytes, 'options.maxRequestBytes', DEFAULT_MAX_BODY_BYTES);
  const maxResponseBytes = limitArgument(options.maxResponseBytes, 'options.maxResponseBytes', DEFAULT_MAX_BODY_BYTES);
  const timeoutMs = limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const fieldLimits = fieldLimitsOption(options);
  const log = createLogger(options.log);
  const ring = createNodeKeyRing(options.keys);

  async function handle(request: Request, sizes: Sizes): Promise<Outcome> {
    if (ring.keys().length === 0) return { response: problem(503), error: 'UNKNOWN_KEY' };
    if (request.method !== 'POST') return { response: problem(405, undefined, { allow: 'POST' }), error: 'METHOD' };
    if (mediaTypeOf(request.headers) !== INNER_MEDIA_TYPE.REQUEST)
      return { response: problem(415), error: 'MEDIA_TYPE' };
    let body: Uint8Array;
    try {
      body = await readBody(request, maxRequestBytes);
    } catch (e) {
      if (e instanceof TooLargeError) return { response: problem(413), error: 'TOO_LARGE' };
      return { response: problem(400), error: 'MALFORMED' }; // the body stream failed
    }
    sizes.requestBytes = body.length;
    let opened: { bhttpRequest: Uint8Array; context: GatewayContext };
    try {
      opened = decapsulateInner(ring.keys(), body);
    } catch (e) {
      if (!(e instanceof OhttpError)) throw e;
      const outdated = e.code === 'UNKNOWN_KEY' || e.code === 'UNSUPPORTED_SUITE';
      return { response: outdated ? problem(422, NODE_KEY_PROBLEM_TYPE) : problem(400), error: e.code };
    }
    const { bhttpRequest, context } = opened;
    try {
      const { bhttpResponse, error } = await serve(bhttpRequest);
      let encapsulated: Uint8Array;
      try {
        encapsulated = context.encapsulateResponse(bhttpResponse);
      } finally {
        bhttpResponse.fill(0);
      }
      sizes.responseBytes = encapsulated.length;
      const response = new Response(bodyOf(encapsulated), {
        status: 200,
        headers: { 'content-type': INNER_MEDIA_TYPE.RESPONSE },
      });
      return { response, error, keyId: context.keyId };
    } finally {
      bhttpRequest.fill(0);
      context.destroy();
    }
  }

  /** The handler's answer to a decrypted request, Binary HTTP encoded; 400, 431, 500 or 504 on
   *  failure. */
  async function serve(bhttpRequest: Uint8Array): Promise<{ bhttpResponse: Uint8Array; error?: LogErrorCode }> {
    let inner: Request;
    try {
      const decoded = bhttp.decodeRequest(bhttpRequest, fieldLimits);
      try {
        inner = bhttp.requestFromBhttp(decoded);
      } finally {
        decoded.content.fill(0);
      }
    } catch (e) {
      if (!(e instanceof BhttpError)) throw e;
      return {
        bhttpResponse: bhttp.encodeResponse({ status: e.code === 'FIELDS_TOO_LARGE' ? 431 : 400 }),
        error: e.code,
      };
    }
    let answer: BhttpResponse;
    try {
      answer = await withinDeadline(timeoutMs, async () => {
        const response = await handler(inner);
        if (!(response instanceof Response)) throw new TypeError('the handler did not answer a Response');
        return bhttpFromResponseContent(response, await readBody(response, maxResponseBytes));
      });
    } catch (e) {
      const timedOut = e instanceof TimeoutError;
      return {
        bhttpResponse: bhttp.encodeResponse({ status: timedOut ? 504 : 500 }),
        error: e instanceof TooLargeError ? 'TOO_LARGE' : 'UPSTREAM',
      };
    }
    try {
      return { bhttpResponse: bhttp.encodeResponse(answer) };
    } catch {
      return { bhttpResponse: bhttp.encodeResponse({ status: 500 }), error: 'UPSTREAM' };
    } finally {
      answer.content.fill(0);
    }
  }

  const node = loggedHandler('node', log, handle);
  return Object.freeze(
    Object.assign(node, {
      configs: ring.configs,
      rotate: ring.rotate,
      destroy: ring.destroy,
    }),
  );
}
