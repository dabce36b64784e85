// An Oblivious Relay Resource (RFC 9458 §6) as a fetch-style handler. It sees who sends (the
// client's address) but not what: it forwards POSTs of message/ohttp-req to its one gateway with
// the body and Content-Type alone — no cookies, User-Agent, Forwarded or address headers, nothing
// else of the client's (§6.2, §7.1) — and returns the gateway's status, body and Content-Type alone.
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  endpointArgument,
  exchange,
  limitArgument,
  mediaTypeOf,
  readBody,
  statusResponse,
  TimeoutError,
  type Answer,
  type Handler,
} from './exchange.js';
import { loggedHandler, type Outcome, type Sizes } from './logged-handler.js';
import { createLogger, type LogSink } from './logger.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';

export interface RelayOptions {
  /** The one gateway: its URL, or an in-process handler. */
  gateway: Handler | string;
  /** Where the filtered log lines go (see ./log.ts). */
  log?: LogSink;
  /** The largest request or response body relayed; default 1 MiB. */
  maxBodyBytes?: number;
  /** How long the gateway may take to answer in full (else 504), in ms; default 30 s. */
  timeoutMs?: number;
}

export function createRelay(options: RelayOptions): Handler {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const gateway = endpointArgument(options.gateway, 'options.gateway');
  const maxBodyBytes = limitArgument(options.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const timeoutMs = limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const log = createLogger(options.log);

  async function relay(request: Request, sizes: Sizes): Promise<Outcome> {
    if (request.method !== 'POST') return { response: statusResponse(405, { allow: 'POST' }), error: 'METHOD' };
    if (mediaTypeOf(request.headers) !== MEDIA_TYPE.REQUEST)
      return { response: statusResponse(415), error: 'MEDIA_TYPE' };
    const body = await readBody(request, maxBodyBytes);
    sizes.requestBytes = body.length;
    let answer: Answer;
    try {
      answer = await exchange(
        gateway,
        { method: 'POST', headers: { 'content-type': MEDIA_TYPE.REQUEST }, body: bodyOf(body) },
        maxBodyBytes,
        timeoutMs,
      );
    } catch (e) {
      return { response: statusResponse(e instanceof TimeoutError ? 504 : 502), error: 'UPSTREAM' };
    }
    sizes.responseBytes = answer.body.length;
    const contentType = answer.headers.get('content-type');
    const { status } = answer;
    const response = new Response(bodyOf(answer.body), {
      status,
      headers: contentType === null ? {} : { 'content-type': contentType },
    });
    return { response };
  }

  return loggedHandler('relay', log, relay);
}
