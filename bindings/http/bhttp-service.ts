// What a hop does with a request once the encapsulation is removed (RFC 9458 §5.2: errors from
// here on go inside the Encapsulated Response, where only the client reads them): decode its
// Binary HTTP (RFC 9292) within the field limits (else 400, or 431 — RFC 6585 §5 — over them), let
// `admit` (the gateway's replay check, on the decoded message) and then `authorize` decide on it,
// run the handler for it within timeoutMs (else 504), take at most maxResponseBytes of its answer
// (else, as for a throw, `failureStatus`), and encode the answer.
// The decoded content and the answer's content are wiped; the caller wipes the encoding.
import { bhttp } from '../bhttp.js';
import { BhttpError } from '../bhttp/bhttp-error.js';
import { bhttpFromResponseContent } from '../bhttp/fetch-conversion.js';
import type { BhttpRequest, BhttpResponse, DecodeOptions } from '../bhttp/message.js';
import { readBody, TimeoutError, TooLargeError, withinDeadline, type Handler } from './exchange.js';
import type { LogErrorCode } from './logger.js';

/** A Binary HTTP response to encapsulate, and what the log may say of it. */
export interface Served {
  bhttpResponse: Uint8Array;
  error?: LogErrorCode;
}

export interface BhttpService {
  /** Gets each decoded request (as `authorize` left it). */
  handler: Handler;
  fieldLimits: DecodeOptions;
  maxResponseBytes: number;
  timeoutMs: number;
  /** The status of an answer the handler fails to give: 502 for a gateway's target, 500 for an
   *  application. */
  failureStatus: number;
  /** Decides on each decoded request: the request to serve, or the response to answer instead. A
   *  throw is answered with 500. */
  authorize?: (request: Request) => Promise<Request | Response>;
  /** Runs first on each decoded request, with the Encapsulated Request it came in: the request to
   *  go on with, or the answer to give instead and its log code (the gateway's replay check). A
   *  throw is answered with 500. */
  admit?: (
    request: BhttpRequest,
    encapsulatedRequest: Uint8Array,
  ) => Promise<BhttpRequest | { response: Response; error: LogErrorCode }>;
}

/** The service: a decrypted Binary HTTP request → its Binary HTTP encoded answer. */
export function bhttpService(
  service: BhttpService,
): (bhttpRequest: Uint8Array, encapsulatedRequest: Uint8Array) => Promise<Served> {
  const { handler, fieldLimits, maxResponseBytes, timeoutMs, failureStatus, authorize, admit } = service;
  const refused = (status: number, error: LogErrorCode): Served => ({
    bhttpResponse: bhttp.encodeResponse({ status }),
    error,
  });

  return async (bhttpRequest, encapsulatedRequest) => {
    let decoded: BhttpRequest;
    try {
      decoded = bhttp.decodeRequest(bhttpRequest, fieldLimits);
    } catch (e) {
      if (!(e instanceof BhttpError)) throw e;
      return refused(e.code === 'FIELDS_TOO_LARGE' ? 431 : 400, e.code);
    }
    let inner: Request;
    try {
      if (admit !== undefined) {
        let admitted: BhttpRequest | { response: Response; error: LogErrorCode };
        try {
          admitted = await admit(decoded, encapsulatedRequest);
        } catch {
          return refused(500, 'INTERNAL');
        }
        if ('response' in admitted) {
          const { response, error } = admitted;
          return { bhttpResponse: bhttp.encodeResponse(await bhttp.bhttpFromResponse(response)), error };
        }
        decoded = admitted;
      }
      inner = bhttp.requestFromBhttp(decoded);
    } catch (e) {
      if (!(e instanceof BhttpError)) throw e;
      return refused(400, e.code);
    } finally {
      decoded.content.fill(0);
    }
    if (authorize !== undefined) {
      let decision: Request | Response;
      try {
        decision = await authorize(inner);
      } catch {
        return refused(500, 'INTERNAL');
      }
      if (decision instanceof Response) {
        return { bhttpResponse: bhttp.encodeResponse(await bhttp.bhttpFromResponse(decision)), error: 'UNAUTHORIZED' };
      }
      inner = decision;
    }
    const request = inner;
    let answer: BhttpResponse;
    try {
      answer = await withinDeadline(timeoutMs, async () => {
        const response = await handler(request);
        if (!(response instanceof Response)) throw new TypeError('the handler did not answer a Response');
        return bhttpFromResponseContent(response, await readBody(response, maxResponseBytes));
      });
    } catch (e) {
      return refused(
        e instanceof TimeoutError ? 504 : failureStatus,
        e instanceof TooLargeError ? 'TOO_LARGE' : 'UPSTREAM',
      );
    }
    try {
      return { bhttpResponse: bhttp.encodeResponse(answer) };
    } catch {
      return refused(failureStatus, 'UPSTREAM');
    } finally {
      answer.content.fill(0);
    }
  };
}
