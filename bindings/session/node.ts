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
// than maxResponseBytes, 504 when it takes longer than timeoutMs, each answer padded to a multiple
// of `padTo` bytes (RFC 9292 §3.8). The handler never throws.
//
// Stateless: every path wipes what the request left — the decrypted Binary HTTP bytes, the decoded
// content, the handler's response content and its encoding, and the response secret (the context
// is spent or destroyed before the answer returns). What Fetch copies into a Request or Response
// body is the engine's, out of reach of a wipe; the node holds no reference to it.
import { bhttpService } from '../http/bhttp-service.js';
import { DEFAULT_PAD_TO, encapsulatedExchange } from '../http/encapsulated-exchange.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  fieldLimitsOption,
  limitArgument,
  type Handler,
} from '../http/exchange.js';
import { loggedHandler } from '../http/logged-handler.js';
import { createLogger, type LogSink } from '../http/logger.js';
import type { GatewayKey, KeyConfig } from '../ohttp/key-config.js';
import { decapsulateInner } from './inner-message.js';
import { INNER_MEDIA_TYPE } from './inner-media-types.js';
import { createNodeKeyRing } from './node-keys.js';
import { problem } from './node-names.js';

/** RFC 9457 problem type of a 422: the node has no key for this request (rotated out, or never
 *  its own); the client needs the node's current attested key. */
export const NODE_KEY_PROBLEM_TYPE = 'urn:oblivia:problem:node-key';

/** Options of {@link session.node}. */
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
  /** Every Binary HTTP answer is padded (RFC 9292 §3.8) to a multiple of this many bytes before it
   *  is encapsulated, so the gateway and the relay see only its size class; default 512, 1 to pad
   *  nothing. */
  padTo?: number;
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

export function createNode(options: NodeOptions): ProcessingNode {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const { handler } = options;
  if (typeof handler !== 'function') throw new TypeError('"options.handler" expected function');
  const maxRequestBytes = limitArgument(options.maxRequestBytes, 'options.maxRequestBytes', DEFAULT_MAX_BODY_BYTES);
  const maxResponseBytes = limitArgument(options.maxResponseBytes, 'options.maxResponseBytes', DEFAULT_MAX_BODY_BYTES);
  const timeoutMs = limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const fieldLimits = fieldLimitsOption(options);
  const log = createLogger(options.log);
  const padTo = limitArgument(options.padTo, 'options.padTo', DEFAULT_PAD_TO);
  const ring = createNodeKeyRing(options.keys);

  const exchange = encapsulatedExchange({
    mediaTypes: INNER_MEDIA_TYPE,
    maxRequestBytes,
    decapsulate: (encapsulatedRequest) => decapsulateInner(ring.keys(), encapsulatedRequest),
    refusal: problem,
    keyRefusal: () => problem(422, undefined, NODE_KEY_PROBLEM_TYPE),
    serve: bhttpService({ handler, fieldLimits, maxResponseBytes, timeoutMs, failureStatus: 500 }),
    padTo,
  });
  const node = loggedHandler('node', log, async (request, sizes) =>
    ring.keys().length === 0 ? { response: problem(503), error: 'UNKNOWN_KEY' } : exchange.fetch(request, sizes),
  );
  return Object.freeze(
    Object.assign(node, {
      configs: ring.configs,
      rotate: ring.rotate,
      destroy: ring.destroy,
    }),
  );
}
