// A hop's exchange with the next hop its configuration names (the relay's gateway, the router's
// nodes): the request sent as the hop builds it, no redirect followed, the answer
// bounded in size (else 502) and time (else 504), and only its status, Content-Type and body
// passed back (RFC 9458 §6.2, §7.1: nothing else of the client's or the next hop's crosses).
import { acceptBody, type Refusal } from './accept-body.js';
import { bodyOf, exchange, TimeoutError, type Answer, type Handler } from './exchange.js';
import type { Outcome, Sizes } from './logged-handler.js';

/** How a hop passes a message on. */
export interface Passing {
  /** The largest body passed on, either way (else 413 for a request, 502 for an answer). */
  readonly maxBytes: number;
  /** How long the next hop may take to answer in full (else 504), in ms. */
  readonly timeoutMs: number;
  /** The hop's clear-text refusals. */
  readonly refusal: Refusal;
  /** A 3xx answer is refused with 502 (it would point the client elsewhere) instead of passed back. */
  readonly refuseRedirects: boolean;
}

/** A POST of `mediaType`: its body alone, with that Content-Type, passed on to `endpoint`. */
export async function forwardBody(
  request: Request,
  sizes: Sizes,
  endpoint: Handler | URL,
  mediaType: string,
  passing: Passing,
): Promise<Outcome> {
  const body = await acceptBody(request, sizes, mediaType, passing.maxBytes, passing.refusal);
  if (!(body instanceof Uint8Array)) return body;
  const init = { method: 'POST', headers: { 'content-type': mediaType }, body: bodyOf(body) };
  return passOn(endpoint, init, sizes, passing);
}

/** `init` sent to `endpoint`; its answer's status, Content-Type and body. */
async function passOn(endpoint: Handler | URL, init: RequestInit, sizes: Sizes, passing: Passing): Promise<Outcome> {
  const { refusal } = passing;
  let answer: Answer;
  try {
    answer = await exchange(endpoint, init, passing.maxBytes, passing.timeoutMs);
  } catch (e) {
    return { response: refusal(e instanceof TimeoutError ? 504 : 502), error: 'UPSTREAM' };
  }
  const { status, body } = answer;
  if (passing.refuseRedirects && status >= 300 && status < 400) return { response: refusal(502), error: 'UPSTREAM' };
  sizes.responseBytes = body.length;
  const contentType = answer.headers.get('content-type');
  const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
  return { response: new Response(bodyOf(body), { status, headers }) };
}
