// The inner layer's messages over opaque Binary HTTP bytes: RFC 9458 §4.3 and §4.4 with the inner
// labels (./inner-media-types.ts), by the very code that makes OHTTP's messages
// (bindings/ohttp/encapsulated-request.ts, parameterized by its message layer) — same header, same
// key selection and suite checks, same errors (OhttpError MALFORMED, UNKNOWN_KEY,
// UNSUPPORTED_SUITE, DECRYPT), same single-use contexts.
//
// Why composed over bindings/hpke rather than the core's fused OHTTP path: the core
// (assembly/proto/ohttp.ts) writes RFC 9458's two labels itself, and its six ohttp_* exports take
// integers only. Passing a label through would change that ABI (a label id per call, the exports
// regenerated, the module rebuilt) for a layer whose cost is one KEM operation either way. So both
// backends run the inner layer through ./composed.ts's composedMessages: on wasm, the KEM, the key
// schedule and the request's AEAD still run in the core (bindings/hpke's fused setup); what comes
// into JS is the exported response secret (max(Nn, Nk) bytes) and the response's AEAD key and
// nonce, each wiped as soon as the one response is sealed or opened. A label id in the core can
// replace this later without changing a byte on the wire.
import { composedMessages } from '../ohttp/composed.js';
import { decapsulateRequestWith, encapsulateRequestWith, type RequestOptions } from '../ohttp/encapsulated-request.js';
import type { ClientContext, GatewayContext } from '../ohttp/encapsulated-response.js';
import type { GatewayKey, KeyConfig } from '../ohttp/key-config.js';
import { INNER_LABELS } from './inner-media-types.js';

const innerMessages = composedMessages(INNER_LABELS);

/** The client's inner Encapsulated Request of `bhttpRequest` to a node's `config`, and the context
 *  that will decapsulate the node's response. Options as ohttp.encapsulateRequest's. */
export function encapsulateInner(
  config: KeyConfig,
  bhttpRequest: Uint8Array,
  options?: RequestOptions,
): { encapsulatedRequest: Uint8Array; context: ClientContext } {
  return encapsulateRequestWith(innerMessages, config, bhttpRequest, options);
}

/** The node's decapsulation of an inner Encapsulated Request with one of its `keys`: the Binary
 *  HTTP request and the context that will encapsulate the response. Errors as
 *  ohttp.decapsulateRequest's. */
export function decapsulateInner(
  keys: GatewayKey | readonly GatewayKey[],
  encapsulatedRequest: Uint8Array,
): { bhttpRequest: Uint8Array; context: GatewayContext } {
  return decapsulateRequestWith(innerMessages, keys, encapsulatedRequest);
}
