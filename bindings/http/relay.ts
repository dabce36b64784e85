// An Oblivious Relay Resource (RFC 9458 §6) as a fetch-style handler. It sees who sends (the
// client's address) but not what: it forwards POSTs of message/ohttp-req to its one gateway with
// the body and Content-Type alone — no cookies, User-Agent, Forwarded or address headers, nothing
// else of the client's (§6.2, §7.1) — and returns the gateway's status, body and Content-Type alone.
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  endpointArgument,
  limitArgument,
  statusResponse,
  type Handler,
} from './exchange.js';
import { loggedHandler } from './logged-handler.js';
import { createLogger, type LogSink } from './logger.js';
import { forwardBody, type Passing } from './pass-on.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';

/** Options of {@link ohttp.relay}. */
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

  const passing: Passing = { maxBytes: maxBodyBytes, timeoutMs, refusal: statusResponse, refuseRedirects: false };
  return loggedHandler('relay', log, (request, sizes) =>
    forwardBody(request, sizes, gateway, MEDIA_TYPE.REQUEST, passing),
  );
}
