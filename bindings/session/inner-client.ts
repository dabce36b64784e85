// The client's side of the inner layer, over Fetch messages: a Request, Binary HTTP encoded and
// encapsulated end to end to a node's key configuration, and the context that opens the node's
// answer as a Response. The future session client composes these: it puts `body` in the OHTTP
// request (with INNER_MEDIA_TYPE.REQUEST), and hands what comes back to `openResponse`.
import { bhttp } from '../bhttp.js';
import type { DecodeOptions } from '../bhttp/message.js';
import type { RequestOptions } from '../ohttp/encapsulated-request.js';
import type { ClientContext } from '../ohttp/encapsulated-response.js';
import type { KeyConfig } from '../ohttp/key-config.js';
import { fieldLimitsOption } from '../http/exchange.js';
import { describe, optionsArgument } from '../utils/arguments.js';
import { encapsulateInner } from './inner-message.js';

/** Options of {@link session.encapsulateRequest}. */
export interface InnerRequestOptions extends RequestOptions {
  /** The most field lines in each field section of the response; default 128. */
  maxFieldLines?: number;
  /** The most bytes of each field section of the response, as encoded; default 16 KiB. */
  maxFieldSectionBytes?: number;
}

/**
 * What answers one inner request: single use, like the OHTTP contexts it wraps. From
 * {@link session.encapsulateRequest}.
 *
 * @example
 * ```ts
 * const { body, context } = await session.encapsulateRequest(nodeConfig, new Request('https://node.example/v1/hello'));
 * const response = context.openResponse(encapsulatedResponse); // a Fetch Response; OhttpError DECRYPT if forged
 * ```
 */
export class InnerContext {
  readonly #context: ClientContext;
  readonly #fieldLimits: DecodeOptions;

  constructor(context: ClientContext, fieldLimits: DecodeOptions) {
    this.#context = context;
    this.#fieldLimits = fieldLimits;
  }

  /** The node's Response from its inner Encapsulated Response. OhttpError MALFORMED or DECRYPT if
   *  it cannot be trusted, BhttpError if it does not decode (or is over the field limits). The
   *  decrypted bytes are wiped; the context is spent either way. */
  openResponse(encapsulatedResponse: Uint8Array): Response {
    const inner = this.#context.decapsulateResponse(encapsulatedResponse);
    try {
      const decoded = bhttp.decodeResponse(inner, this.#fieldLimits);
      try {
        return bhttp.responseFromBhttp(decoded);
      } finally {
        decoded.content.fill(0);
      }
    } finally {
      inner.fill(0);
    }
  }

  /** Wipes the response secret without opening a response. */
  destroy(): void {
    this.#context.destroy();
  }
}

/** `request`, read and Binary HTTP encoded, encapsulated to the node's `config`: the bytes to
 *  send (as INNER_MEDIA_TYPE.REQUEST) and the context for the answer. The encoding is wiped once
 *  sealed. */
export async function encapsulateRequest(
  config: KeyConfig,
  request: Request,
  options?: InnerRequestOptions,
): Promise<{ body: Uint8Array; context: InnerContext }> {
  if (!(request instanceof Request)) throw new TypeError(`"request" expected Request, got ${describe(request)}`);
  const o = optionsArgument(options);
  const fieldLimits = fieldLimitsOption(o);
  const message = await bhttp.bhttpFromRequest(request);
  const encoded = bhttp.encodeRequest(message);
  message.content.fill(0);
  try {
    const { encapsulatedRequest, context } = encapsulateInner(config, encoded, { suite: o.suite, skE: o.skE });
    return { body: encapsulatedRequest, context: new InnerContext(context, fieldLimits) };
  } finally {
    encoded.fill(0);
  }
}
