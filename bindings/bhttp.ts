// oblivia/bhttp: Binary HTTP (RFC 9292): the `bhttp` namespace, the message model and its error.
import { decodeRequest, decodeResponse } from './bhttp/decode.js';
import { encodeRequest, encodeResponse } from './bhttp/encode.js';
import { bhttpFromRequest, bhttpFromResponse, requestFromBhttp, responseFromBhttp } from './bhttp/fetch-conversion.js';

/**
 * Binary HTTP (RFC 9292): encoding and strict decoding of requests and responses, and conversion
 * to and from Fetch's `Request` and `Response` (docs/bhttp.md).
 *
 * @namespace
 */
export const bhttp = Object.freeze({
  /**
   * RFC 9292 §3: a request's bytes, known-length (framing indicator 0) or, with
   * `indeterminate`, indeterminate-length (2); `padding` zero bytes appended (§3.8).
   *
   * @throws `TypeError` / `RangeError` naming a part that is not valid (a method or field name that
   * is not a token, a value with a CR, LF or NUL); it never truncates.
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const bytes = bhttp.encodeRequest({
   *   method: 'GET', scheme: 'https', authority: 'example.com', path: '/',
   *   headers: [['accept', 'text/plain']],
   * });
   * ```
   */
  encodeRequest,
  /**
   * RFC 9292 §3: the request a message encodes, strictly and within the limits of `options`
   * ({@link DecodeOptions}); field names come out lowercase.
   *
   * @throws {@link BhttpError} (`TRUNCATED`, `INVALID_FRAMING`, `INVALID_LENGTH`,
   * `INVALID_CONTROL_DATA`, `INVALID_FIELD`, `INVALID_PADDING`, `FIELDS_TOO_LARGE`, …) for an
   * invalid message; nothing partial is returned. `TypeError` if `message` is not a Uint8Array.
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const bytes = bhttp.encodeRequest({ method: 'GET', scheme: 'https', authority: 'example.com', path: '/' });
   * const { method, path, headers, content } = bhttp.decodeRequest(bytes, { maxFieldLines: 64 });
   * ```
   */
  decodeRequest,
  /**
   * RFC 9292 §3: a response's bytes, with any informational (1xx) responses before the final one;
   * known-length (framing indicator 1) or indeterminate-length (3).
   *
   * @throws `TypeError` / `RangeError` naming a part that is not valid (a status out of range, a
   * field that is not a token or carries CR, LF or NUL).
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const bytes = bhttp.encodeResponse({ status: 200, headers: [['content-type', 'text/plain']], content: new TextEncoder().encode('hi') });
   * ```
   */
  encodeResponse,
  /**
   * RFC 9292 §3: the response a message encodes (informational responses, status, headers, content,
   * trailers), strictly and within the limits of `options`.
   *
   * @throws {@link BhttpError} for an invalid message (`TRUNCATED`, `INVALID_STATUS`,
   * `TOO_MANY_INFORMATIONAL`, …); `TypeError` if `message` is not a Uint8Array.
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const { status, content } = bhttp.decodeResponse(bhttp.encodeResponse({ status: 204 }));
   * ```
   */
  decodeResponse,
  /**
   * The Fetch `Request` of a decoded request. Trailers, connection-specific fields and Host are
   * dropped; Cookie lines are joined with "; ".
   *
   * @throws {@link BhttpError} `UNSUPPORTED` for what Fetch forbids or cannot address (CONNECT,
   * TRACE, a body on GET or HEAD, a scheme other than http(s), a path not starting with "/",
   * pseudo-fields).
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const request = bhttp.requestFromBhttp(bhttp.decodeRequest(bytes));
   * await fetch(request);
   * ```
   */
  requestFromBhttp,
  /**
   * The Binary HTTP request of a Fetch `Request` (its body read whole), ready for
   * {@link bhttp.encodeRequest}.
   *
   * @throws `TypeError` if `request` is not a Request, or its body cannot be read.
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const message = await bhttp.bhttpFromRequest(new Request('https://example.com/', { method: 'POST', body: 'hi' }));
   * const bytes = bhttp.encodeRequest(message);
   * ```
   */
  bhttpFromRequest,
  /**
   * The Fetch `Response` of a decoded response; informational responses and trailers are dropped.
   *
   * @throws {@link BhttpError} `UNSUPPORTED` for content on a 204, 205 or 304.
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const response = bhttp.responseFromBhttp(bhttp.decodeResponse(bytes));
   * await response.text();
   * ```
   */
  responseFromBhttp,
  /**
   * The Binary HTTP response of a Fetch `Response` (its body read whole), ready for
   * {@link bhttp.encodeResponse}.
   *
   * @throws {@link BhttpError} `UNSUPPORTED` for a Response without a status (a network error or an
   * opaque response); `TypeError` if it is not a Response.
   * @example
   * ```ts
   * import { bhttp } from 'oblivia/bhttp';
   *
   * const bytes = bhttp.encodeResponse(await bhttp.bhttpFromResponse(new Response('hello')));
   * ```
   */
  bhttpFromResponse,
});

export { BhttpError, type BhttpErrorCode } from './bhttp/bhttp-error.js';
export type {
  BhttpRequest,
  BhttpRequestInit,
  BhttpResponse,
  BhttpResponseInit,
  DecodeOptions,
  EncodeOptions,
  Field,
  InformationalResponse,
} from './bhttp/message.js';
