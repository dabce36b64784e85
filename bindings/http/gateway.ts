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
// Replay protection (RFC 9458 §6.5), when the `replay` option is given (./replay.ts): a request
// whose Date is missing or outside the window gets §6.5.2's 400 with the "date" problem type and
// the gateway's Date; one already accepted gets a 400 (problem type urn:oblivia:problem:replay); a
// replay store that fails gets a 503 — all inside the encapsulation, before `authorize` and the
// target. Every Binary HTTP answer is padded to a multiple of `padTo` bytes (RFC 9292 §3.8), so a
// refusal is as long as an ordinary answer of the same size class.
//
// Where a request goes is configuration, never the request's: a handler target gets the inner
// request as it is; a URL target keeps its origin and path prefix whatever the inner path
// (./forwarder.ts).
import { bhttpService, isBhttpTarget, type BhttpTarget } from './bhttp-service.js';
import { DEFAULT_PAD_TO, encapsulatedExchange } from './encapsulated-exchange.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  fieldLimitsOption,
  limitArgument,
  reasonPhrase,
  statusResponse,
  type Handler,
} from './exchange.js';
import { utf8 } from '../utils/bytes.js';
import { forwarderTo, targetArgument } from './forwarder.js';
import { logged, loggedHandler } from './logged-handler.js';
import { withByteHandler } from './byte-handler.js';
import { createLogger, type LogSink } from './logger.js';
import { replayCheck, type ReplayOptions } from './replay.js';
import { decapsulateRequest } from '../ohttp/encapsulated-request.js';
import type { GatewayKey } from '../ohttp/key-config.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';

/** RFC 9458 §5.3: the problem type for a key the gateway does not accept. */
export const PROBLEM_TYPE_KEY = 'https://iana.org/assignments/http-problem-types#ohttp-key';

/** Options of {@link ohttp.gateway}. */
export interface GatewayOptions {
  /** The keys accepted, or a function giving them per request (a key directory's `keys`). */
  keys: readonly GatewayKey[] | (() => readonly GatewayKey[]);
  /** The target resource: an in-process handler, which gets each decapsulated request as it is (a
   *  fetch-style handler a Fetch Request; a Binary HTTP target, `{ bhttp }`, the decoded message,
   *  with no Fetch objects on the way), or the origin (with an optional path prefix) requests are
   *  sent to, their path and query appended under the prefix (see createForwarder). Never chosen
   *  by a request. */
  target: Handler | BhttpTarget | string;
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
  /** Replay protection (RFC 9458 §6.5): requests must carry a Date within ± `windowSeconds` (60)
   *  of `now`, and each is served once; `store` (default: this gateway's memory) remembers them.
   *  Off unless given. Clients must send Date (`ohttp.client` does). */
  replay?: ReplayOptions;
  /** Every Binary HTTP answer is padded (RFC 9292 §3.8) to a multiple of this many bytes before
   *  it is encapsulated; default 512, 1 to pad nothing. */
  padTo?: number;
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
  const admit = options.replay === undefined ? undefined : replayCheck(options.replay, timeoutMs);
  const padTo = limitArgument(options.padTo, 'options.padTo', DEFAULT_PAD_TO);
  const currentKeys = typeof keys === 'function' ? keys : () => keys;
  const handle = encapsulatedExchange({
    mediaTypes: MEDIA_TYPE,
    maxRequestBytes: maxBodyBytes,
    decapsulate: (encapsulatedRequest) => decapsulateRequest(currentKeys(), encapsulatedRequest),
    refusal: statusResponse,
    keyRefusal,
    serve: bhttpService({
      handler: target,
      fieldLimits,
      maxResponseBytes,
      timeoutMs,
      failureStatus: 502,
      authorize,
      admit,
    }),
    padTo,
  });
  const bytes = logged('gateway', log, handle.bytes, (status) => ({
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: utf8(`${reasonPhrase(status)}\n`),
  }));
  return withByteHandler(loggedHandler('gateway', log, handle.fetch), bytes);
}

/** The target option: a handler as it is, or a URL string forwarded to by createForwarder. */
function targetOption(value: unknown, timeoutMs: number): Handler | BhttpTarget {
  if (typeof value === 'function' || isBhttpTarget(value)) return value as Handler | BhttpTarget;
  if (typeof value !== 'string')
    throw new TypeError(
      `"options.target" expected function, { bhttp } or URL string, got ${value === null ? 'null' : typeof value}`,
    );
  return forwarderTo(targetArgument(value, 'options.target'), timeoutMs);
}

/** §5.3: the clear-text answer to an Encapsulated Request for a key the client should refresh. */
function keyRefusal(code: 'UNKNOWN_KEY' | 'UNSUPPORTED_SUITE'): Response {
  const title = code === 'UNKNOWN_KEY' ? 'key identifier unknown' : 'key configuration does not offer this suite';
  return new Response(JSON.stringify({ type: PROBLEM_TYPE_KEY, title }), {
    status: 422,
    headers: { 'content-type': 'application/problem+json' },
  });
}
