// An Encapsulated Request answered with an Encapsulated Response (RFC 9458 §4.3, §4.4), as the
// OHTTP gateway and the session's processing node both run it, each with its own media types,
// keys and labels (the message layer), refusals and service. Before the encapsulation is removed
// the hop answers in the clear (§5.2): ./accept-body.ts's refusals, 400 for a request that does
// not open, and 422 for a key the client should refresh (§5.3). After it, `serve` answers inside
// the encapsulation, its answer padded to a multiple of `padTo` bytes (RFC 9292 §3.8) so that
// answers of one size class, refusals among them, look alike to the relay. Every path wipes the
// decrypted request and the encoded answer, and spends or destroys the request's context.
import { acceptBody, refusePost, type Refusal } from './accept-body.js';
import type { Served } from './bhttp-service.js';
import { byteAnswerOf, type ByteAnswer, type ByteRequest } from './byte-handler.js';
import { bodyOf, essenceOf } from './exchange.js';
import type { Outcome, Sizes } from './logged-handler.js';
import type { LogErrorCode } from './logger.js';
import type { GatewayContext } from '../ohttp/encapsulated-response.js';
import { OhttpError } from '../ohttp/ohttp-error.js';

export interface EncapsulatedExchange {
  /** The media types of the Encapsulated Request accepted and of the Encapsulated Response sent. */
  mediaTypes: { readonly REQUEST: string; readonly RESPONSE: string };
  /** The largest Encapsulated Request accepted (else 413). */
  maxRequestBytes: number;
  /** Opens an Encapsulated Request with the hop's keys and labels (OhttpError if it cannot). */
  decapsulate: (encapsulatedRequest: Uint8Array) => { bhttpRequest: Uint8Array; context: GatewayContext };
  /** The hop's clear-text refusals. */
  refusal: Refusal;
  /** §5.3: the clear-text 422 for a key the client should refresh. */
  keyRefusal: (code: 'UNKNOWN_KEY' | 'UNSUPPORTED_SUITE') => Response;
  /** The answer to the decrypted request, Binary HTTP encoded (./bhttp-service.ts); it also gets
   *  the Encapsulated Request (the gateway's replay check reads its header and `enc`). */
  serve: (bhttpRequest: Uint8Array, encapsulatedRequest: Uint8Array) => Promise<Served>;
  /** Each Binary HTTP answer is padded with zero bytes (RFC 9292 §3.8) to a multiple of this many
   *  bytes before it is encapsulated, so the relay sees only its size class; 1 (default) pads
   *  nothing. */
  padTo?: number;
}

/** The default padding block of a hop's answers: 512 bytes. */
export const DEFAULT_PAD_TO = 512;

/** `message` followed by zero bytes up to a multiple of `block` (RFC 9292 §3.8 padding); a copy
 *  when it grows (the caller wipes both). */
export function padded(message: Uint8Array, block: number): Uint8Array {
  const length = Math.ceil(message.length / block) * block;
  if (length === message.length) return message;
  const out = new Uint8Array(length);
  out.set(message);
  return out;
}

/** The exchange, over a Fetch Request (a loggedHandler's `handle`) and over bytes (serveNode's). */
export function encapsulatedExchange(hop: EncapsulatedExchange): {
  fetch: (request: Request, sizes: Sizes) => Promise<Outcome>;
  bytes: (request: ByteRequest, sizes: Sizes) => Promise<Outcome<ByteAnswer>>;
} {
  const { REQUEST, RESPONSE } = hop.mediaTypes;
  const headers = { 'content-type': RESPONSE };
  return {
    async fetch(request, sizes) {
      const body = await acceptBody(request, sizes, REQUEST, hop.maxRequestBytes, hop.refusal);
      if (!(body instanceof Uint8Array)) return body;
      const answer = await answerTo(hop, body, sizes);
      if (!('encapsulated' in answer)) return answer;
      const { encapsulated, error, keyId } = answer;
      return { response: new Response(bodyOf(encapsulated), { status: 200, headers }), error, keyId };
    },
    async bytes({ method, contentType, body }, sizes) {
      const refused = refusePost(method, essenceOf(contentType), REQUEST, hop.refusal);
      if (refused !== undefined) return { ...refused, response: await byteAnswerOf(refused.response) };
      if (body.length > hop.maxRequestBytes)
        return { response: await byteAnswerOf(hop.refusal(413)), error: 'TOO_LARGE' };
      sizes.requestBytes = body.length;
      const answer = await answerTo(hop, body, sizes);
      if (!('encapsulated' in answer)) return { ...answer, response: await byteAnswerOf(answer.response) };
      const { encapsulated, error, keyId } = answer;
      return { response: { status: 200, headers, body: encapsulated }, error, keyId };
    },
  };
}

/** The Encapsulated Response to an Encapsulated Request's bytes, or the clear-text refusal. */
async function answerTo(
  hop: EncapsulatedExchange,
  body: Uint8Array,
  sizes: Sizes,
): Promise<Outcome | { encapsulated: Uint8Array; error?: LogErrorCode; keyId: number }> {
  let opened: { bhttpRequest: Uint8Array; context: GatewayContext };
  try {
    opened = hop.decapsulate(body);
  } catch (e) {
    if (!(e instanceof OhttpError)) throw e;
    if (e.code === 'UNKNOWN_KEY' || e.code === 'UNSUPPORTED_SUITE')
      return { response: hop.keyRefusal(e.code), error: e.code };
    return { response: hop.refusal(400), error: e.code };
  }
  const { bhttpRequest, context } = opened;
  try {
    const { bhttpResponse, error } = await hop.serve(bhttpRequest, body);
    const message = padded(bhttpResponse, hop.padTo ?? 1);
    let encapsulated: Uint8Array;
    try {
      encapsulated = context.encapsulateResponse(message);
    } finally {
      bhttpResponse.fill(0);
      message.fill(0);
    }
    sizes.responseBytes = encapsulated.length;
    return { encapsulated, ...(error === undefined ? {} : { error }), keyId: context.keyId };
  } finally {
    bhttpRequest.fill(0);
    context.destroy();
  }
}
