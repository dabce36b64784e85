// A role's handler (gateway, relay) that writes one filtered log line per request: the hop, whether
// it was served, the status, the sizes, the error code and the time taken. A body past its limit is
// answered 413, any other throw 500; neither reaches the server.
import { statusResponse, TooLargeError, type Handler } from './exchange.js';
import type { Hop, LogErrorCode, Logger } from './logger.js';

/** An answer (a Response, or a byte-level one) and what the log may say about it. */
export interface Outcome<R = Response> {
  response: R;
  error?: LogErrorCode;
  keyId?: number;
}

/** What a handler read and wrote, filled in as it goes. */
export interface Sizes {
  requestBytes?: number;
  responseBytes?: number;
}

/** `handle` as a Handler. A request is served when it got a 200 (inside which a gateway may carry
 *  an encapsulated error) or no error at all (a relay passing on the gateway's status). */
export function loggedHandler(
  hop: Hop,
  log: Logger,
  handle: (request: Request, sizes: Sizes) => Promise<Outcome>,
): Handler {
  return logged(hop, log, handle, (status) => statusResponse(status));
}

/** `handle`, for any kind of request and answer, logged as loggedHandler does; `fallback` makes
 *  the 413 or 500 answer to a throw. */
export function logged<I, R extends { readonly status: number }>(
  hop: Hop,
  log: Logger,
  handle: (input: I, sizes: Sizes) => Promise<Outcome<R>>,
  fallback: (status: 413 | 500) => R,
): (input: I) => Promise<R> {
  return async (input) => {
    const start = performance.now();
    const sizes: Sizes = {};
    let outcome: Outcome<R>;
    try {
      outcome = await handle(input, sizes);
    } catch (e) {
      outcome =
        e instanceof TooLargeError
          ? { response: fallback(413), error: 'TOO_LARGE' }
          : { response: fallback(500), error: 'INTERNAL' };
    }
    const { response, error, keyId } = outcome;
    log({
      hop,
      event: response.status === 200 || error === undefined ? 'served' : 'refused',
      status: response.status,
      keyId,
      error,
      ...sizes,
      durationMs: performance.now() - start,
    });
    return response;
  };
}
