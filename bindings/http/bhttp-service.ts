// What a hop does with a request once the encapsulation is removed (RFC 9458 §5.2: errors from
// here on go inside the Encapsulated Response, where only the client reads them): decode its
// Binary HTTP (RFC 9292) within the field limits (else 400, or 431 — RFC 6585 §5 — over them), let
// `admit` (the gateway's replay check, on the decoded message) and then `authorize` decide on it,
// run the target for it within timeoutMs (else 504), take at most maxResponseBytes of its answer
// (else, as for a throw, `failureStatus`), and encode the answer.
//
// A fetch-style target gets a Fetch Request and answers a Response. A Binary HTTP target
// (`{ bhttp }`) gets the decoded message and answers a message: no Fetch objects or web streams on
// the way, unless `authorize` (which decides on a Fetch Request) is given. The decoded content, and
// the content read from a Fetch answer, are wiped once the answer is encoded (a Binary HTTP
// target's answer stays its own); the caller wipes the encoding.
import { bhttp } from '../bhttp.js';
import { BhttpError } from '../bhttp/bhttp-error.js';
import { bhttpFromResponseContent } from '../bhttp/fetch-conversion.js';
import type { BhttpRequest, BhttpResponseInit, DecodeOptions } from '../bhttp/message.js';
import { readBody, TimeoutError, TooLargeError, withinDeadline, type Handler } from './exchange.js';
import type { LogErrorCode } from './logger.js';

/** A target that answers Binary HTTP messages (RFC 9292 §3) as they are decoded and encoded. */
export interface BhttpTarget {
  /** Answers a decoded request. Its content is wiped once the answer is encoded: copy what you keep. */
  bhttp: (request: BhttpRequest) => Promise<BhttpResponseInit>;
}

/** A Binary HTTP response to encapsulate, and what the log may say of it. */
export interface Served {
  bhttpResponse: Uint8Array;
  error?: LogErrorCode;
}

export interface BhttpService {
  /** Gets each decoded request (as `authorize` left it). */
  handler: Handler | BhttpTarget;
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

/** Whether `value` is a Binary HTTP target (an object with a `bhttp` function). */
export const isBhttpTarget = (value: unknown): value is BhttpTarget =>
  typeof value === 'object' && value !== null && typeof (value as BhttpTarget).bhttp === 'function';

/** The service: a decrypted Binary HTTP request → its Binary HTTP encoded answer. */
export function bhttpService(
  service: BhttpService,
): (bhttpRequest: Uint8Array, encapsulatedRequest: Uint8Array) => Promise<Served> {
  const { handler, fieldLimits, maxResponseBytes, timeoutMs, failureStatus, authorize, admit } = service;
  const target = isBhttpTarget(handler) ? handler : undefined; // else fetch-style
  const refused = (status: number, error: LogErrorCode): Served => ({
    bhttpResponse: bhttp.encodeResponse({ status }),
    error,
  });
  const answered = async (response: Response, error: LogErrorCode): Promise<Served> => ({
    bhttpResponse: bhttp.encodeResponse(await bhttp.bhttpFromResponse(response)),
    error,
  });

  /** The target's answer to `request` (a Fetch Request where one was made), or the refusal. */
  async function run(request: BhttpRequest | Request): Promise<BhttpResponseInit | Served> {
    try {
      return await withinDeadline(timeoutMs, async () => {
        if (target !== undefined) {
          const message = await target.bhttp(
            request instanceof Request ? await bhttp.bhttpFromRequest(request) : request,
          );
          if (typeof message !== 'object' || message === null)
            throw new TypeError('the target did not answer a message');
          if ((message.content?.length ?? 0) > maxResponseBytes) throw new TooLargeError();
          return message;
        }
        const response = await (handler as Handler)(
          request instanceof Request ? request : bhttp.requestFromBhttp(request),
        );
        if (!(response instanceof Response)) throw new TypeError('the handler did not answer a Response');
        return bhttpFromResponseContent(response, await readBody(response, maxResponseBytes));
      });
    } catch (e) {
      return refused(
        e instanceof TimeoutError ? 504 : failureStatus,
        e instanceof TooLargeError ? 'TOO_LARGE' : 'UPSTREAM',
      );
    }
  }

  return async (bhttpRequest, encapsulatedRequest) => {
    let decoded: BhttpRequest;
    try {
      decoded = bhttp.decodeRequest(bhttpRequest, fieldLimits);
    } catch (e) {
      if (!(e instanceof BhttpError)) throw e;
      return refused(e.code === 'FIELDS_TOO_LARGE' ? 431 : 400, e.code);
    }
    let fetched: Uint8Array | undefined; // the content read from a Fetch answer
    try {
      if (admit !== undefined) {
        let admitted: BhttpRequest | { response: Response; error: LogErrorCode };
        try {
          admitted = await admit(decoded, encapsulatedRequest);
        } catch {
          return refused(500, 'INTERNAL');
        }
        if ('response' in admitted) return await answered(admitted.response, admitted.error);
        decoded = admitted;
      }
      let request: BhttpRequest | Request = decoded;
      if (authorize !== undefined || target === undefined) {
        try {
          request = bhttp.requestFromBhttp(decoded);
        } catch (e) {
          if (!(e instanceof BhttpError)) throw e;
          return refused(400, e.code);
        }
      }
      if (authorize !== undefined) {
        let decision: Request | Response;
        try {
          decision = await authorize(request as Request);
        } catch {
          return refused(500, 'INTERNAL');
        }
        if (decision instanceof Response) return await answered(decision, 'UNAUTHORIZED');
        request = decision;
      }
      const answer = await run(request);
      if ('bhttpResponse' in answer) return answer;
      if (target === undefined) fetched = answer.content;
      try {
        return { bhttpResponse: bhttp.encodeResponse(answer) };
      } catch {
        return refused(failureStatus, 'UPSTREAM');
      }
    } finally {
      decoded.content.fill(0);
      fetched?.fill(0);
    }
  };
}
