// An Oblivious Gateway Resource (RFC 9458 §6) as a fetch-style handler. It accepts POSTs of
// message/ohttp-req, removes the encapsulation (§4.3), decodes the Binary HTTP request (RFC 9292),
// forwards it to its one target, and answers with the target's response, Binary HTTP encoded and
// encapsulated (§4.4) as message/ohttp-res.
//
// Errors (§5.2): before the encapsulation is removed the gateway answers in the clear, with a fixed
// phrase — 405, 415, 413, 400 (MALFORMED, DECRYPT), 422 with the "ohttp-key" problem type for a key
// the client should refresh (§5.3). After it is removed, errors go inside an Encapsulated
// Response, where only the client reads them: 400 for a request Binary HTTP or Fetch refuses, 431
// (RFC 6585 §5) for one whose header or trailer section is over the field limits, 502 when the
// target fails or answers more than maxResponseBytes, 504 when it takes longer than timeoutMs, and
// the answer of the `authorize` option when it refuses the request (a credential check runs here,
// after decapsulation). The handler never throws; every path destroys the request's context and
// wipes the Binary HTTP bytes it decrypted.
//
// Where a request goes is configuration, never the request's: a handler target gets the inner
// request as it is; a URL target keeps its origin and path prefix whatever the inner path
// (./forwarder.ts).
import { bhttp } from '../bhttp.js';
import { BhttpError } from '../bhttp/bhttp-error.js';
import { bhttpFromResponseContent } from '../bhttp/fetch-conversion.js';
import type { BhttpResponse } from '../bhttp/message.js';
import { OhttpError } from '../ohttp/ohttp-error.js';
import { forwarderTo, targetArgument } from './forwarder.js';
import { loggedHandler, type Outcome, type Sizes } from './logged-handler.js';
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  fieldLimitsOption,
  limitArgument,
  mediaTypeOf,
  readBody,
  statusResponse,
  TimeoutError,
  withinDeadline,
  type Handler,
} from './exchange.js';
import type { GatewayKey } from '../ohttp/key-config.js';
import { createLogger, type LogErrorCode, type LogSink } from './logger.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';
import { decapsulateRequest } from '../ohttp/encapsulated-request.js';
import type { GatewayContext } from '../ohttp/encapsulated-response.js';

/** RFC 9458 §5.3: the problem type for a key the gateway does not accept. */
export const PROBLEM_TYPE_KEY = 'https://iana.org/assignments/http-problem-types#ohttp-key';

export interface GatewayOptions {
  /** The keys accepted, or a function giving them per request (a key directory's `keys`). */
  keys: readonly GatewayKey[] | (() => readonly GatewayKey[]);
  /** The target resource: an in-process handler, which gets each decapsulated request as it is, or
   *  the origin (with an optional path prefix) requests are sent to, their path and query appended
   *  under the prefix (see createForwarder). Never chosen by a request. */
  target: Handler | string;
  /** Where the filtered log lines go (see ./log.ts). */
  log?: LogSink;
  /** The largest Encapsulated Request accepted; default 1 MiB. */
  maxBodyBytes?: number;
  /** The largest response content taken from the target (else 502); default 1 MiB. */
  maxResponseBytes?: number;
  /** How long the target may take to answer in full (else 504), in ms; default 30 s. */
  timeoutMs?: number;
  /** The most field lines in the inner request's header or trailer section; default 128. */
  maxFieldLines?: number;
  /** The most bytes of the inner request's header or trailer section, as encoded; default 16 KiB. */
  maxFieldSectionBytes?: number;
  /** Decides on each decapsulated request before it is forwarded: the request to forward (for
   *  example without its credential header), or the response to answer instead (inside the
   *  encapsulation, so the relay sees nothing). A throw is answered with 500. */
  authorize?: (request: Request) => Promise<Request | Response>;
}

export function createGateway(options: GatewayOptions): Handler {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const { keys } = options;
  if (typeof keys !== 'function' && !Array.isArray(keys))
    throw new TypeError('"options.keys" expected array or function');
  const maxBodyBytes = limitArgument(options.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const maxResponseBytes = limitArgument(options.maxResponseBytes, 'options.maxResponseBytes', DEFAULT_MAX_BODY_BYTES);
  const timeoutMs = limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const target = targetOption(options.target, timeoutMs);
  const fieldLimits = fieldLimitsOption(options);
  const log = createLogger(options.log);
  const { authorize } = options;
  if (authorize !== undefined && typeof authorize !== 'function')
    throw new TypeError('"options.authorize" expected function');
  const currentKeys = typeof keys === 'function' ? keys : () => keys;

  async function handle(request: Request, sizes: Sizes): Promise<Outcome> {
    if (request.method !== 'POST') return { response: statusResponse(405, { allow: 'POST' }), error: 'METHOD' };
    if (mediaTypeOf(request.headers) !== MEDIA_TYPE.REQUEST)
      return { response: statusResponse(415), error: 'MEDIA_TYPE' };
    const body = await readBody(request, maxBodyBytes);
    sizes.requestBytes = body.length;
    let decapsulated: { bhttpRequest: Uint8Array; context: GatewayContext };
    try {
      decapsulated = decapsulateRequest(currentKeys(), body);
    } catch (e) {
      if (!(e instanceof OhttpError)) throw e;
      return { response: refusal(e), error: e.code };
    }
    const { bhttpRequest, context } = decapsulated;
    try {
      const { bhttpResponse, error } = await forward(bhttpRequest);
      const encapsulated = context.encapsulateResponse(bhttpResponse);
      bhttpResponse.fill(0);
      sizes.responseBytes = encapsulated.length;
      const response = new Response(bodyOf(encapsulated), {
        status: 200,
        headers: { 'content-type': MEDIA_TYPE.RESPONSE },
      });
      return { response, error, keyId: context.keyId };
    } finally {
      bhttpRequest.fill(0);
      context.destroy();
    }
  }

  /** The target's answer to a decrypted request, Binary HTTP encoded; 400, 431, 502 or 504 on failure. */
  async function forward(bhttpRequest: Uint8Array): Promise<{ bhttpResponse: Uint8Array; error?: LogErrorCode }> {
    let inner: Request;
    try {
      inner = bhttp.requestFromBhttp(bhttp.decodeRequest(bhttpRequest, fieldLimits));
    } catch (e) {
      if (!(e instanceof BhttpError)) throw e;
      return {
        bhttpResponse: bhttp.encodeResponse({ status: e.code === 'FIELDS_TOO_LARGE' ? 431 : 400 }),
        error: e.code,
      };
    }
    if (authorize !== undefined) {
      let decision: Request | Response;
      try {
        decision = await authorize(inner);
      } catch {
        return { bhttpResponse: bhttp.encodeResponse({ status: 500 }), error: 'INTERNAL' };
      }
      if (decision instanceof Response) {
        return { bhttpResponse: bhttp.encodeResponse(await bhttp.bhttpFromResponse(decision)), error: 'UNAUTHORIZED' };
      }
      inner = decision;
    }
    const request = inner;
    let answer: BhttpResponse;
    try {
      answer = await withinDeadline(timeoutMs, () => exchange(request));
    } catch (e) {
      return {
        bhttpResponse: bhttp.encodeResponse({ status: e instanceof TimeoutError ? 504 : 502 }),
        error: 'UPSTREAM',
      };
    }
    const bhttpResponse = bhttp.encodeResponse(answer);
    answer.content.fill(0);
    return { bhttpResponse };
  }

  /** The target's answer, its content read in full but no more than maxResponseBytes (the caller
   *  wipes it once encoded). */
  async function exchange(request: Request): Promise<BhttpResponse> {
    const answer = await target(request);
    return bhttpFromResponseContent(answer, await readBody(answer, maxResponseBytes));
  }

  return loggedHandler('gateway', log, handle);
}

/** The target option: a handler as it is, or a URL string forwarded to by createForwarder. */
function targetOption(value: unknown, timeoutMs: number): Handler {
  if (typeof value === 'function') return value as Handler;
  if (typeof value !== 'string')
    throw new TypeError(
      `"options.target" expected function or URL string, got ${value === null ? 'null' : typeof value}`,
    );
  return forwarderTo(targetArgument(value, 'options.target'), timeoutMs);
}

/** §5.2, §5.3: the clear-text answer to an Encapsulated Request the gateway cannot open. */
function refusal(e: OhttpError): Response {
  if (e.code !== 'UNKNOWN_KEY' && e.code !== 'UNSUPPORTED_SUITE') return statusResponse(400);
  const title = e.code === 'UNKNOWN_KEY' ? 'key identifier unknown' : 'key configuration does not offer this suite';
  return new Response(JSON.stringify({ type: PROBLEM_TYPE_KEY, title }), {
    status: 422,
    headers: { 'content-type': 'application/problem+json' },
  });
}
