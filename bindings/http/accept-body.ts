// The first steps of a hop that takes one kind of POST body (the relay, the gateway, the session's
// router and node): POST only (405, `Allow: POST`), the one media type (415), and the body read
// up to its limit (413, declared or read; reading stops there), or 400 when its stream fails.
// Each refusal is the hop's own, with a fixed body that echoes nothing of the request.
import { mediaTypeOf, readBody, TooLargeError } from './exchange.js';
import type { Outcome, Sizes } from './logged-handler.js';

/** A hop's clear-text refusal of `status`: a fixed body, nothing from the request. */
export type Refusal = (status: number, headers?: Record<string, string>) => Response;

/** The body of a POST of `mediaType`, at most `maxBytes` of it, or the refusal to answer. */
export async function acceptBody(
  request: Request,
  sizes: Sizes,
  mediaType: string,
  maxBytes: number,
  refusal: Refusal,
): Promise<Uint8Array | Outcome> {
  const refused = refusePost(request.method, mediaTypeOf(request.headers), mediaType, refusal);
  if (refused !== undefined) return refused;
  let body: Uint8Array;
  try {
    body = await readBody(request, maxBytes);
  } catch (e) {
    if (e instanceof TooLargeError) return { response: refusal(413), error: 'TOO_LARGE' };
    return { response: refusal(400), error: 'MALFORMED' }; // the body stream failed
  }
  sizes.requestBytes = body.length;
  return body;
}

/** The refusal of a request that is not a POST of `mediaType` (given as an essence, lowercase). */
export function refusePost(method: string, type: string, mediaType: string, refusal: Refusal): Outcome | undefined {
  if (method !== 'POST') return { response: refusal(405, { allow: 'POST' }), error: 'METHOD' };
  if (type !== mediaType) return { response: refusal(415), error: 'MEDIA_TYPE' };
  return undefined;
}
