// An Oblivious HTTP client (RFC 9458 §2): `fetch` sends a request to its target through a relay,
// Binary HTTP encoded (RFC 9292) and encapsulated to one of the gateway's key configurations, and
// returns the target's response. It keeps an in-app audit log of each request: what was sent, to
// which key and suite, through which relay — and never the content.
import type { AeadId, KdfId, KemId } from '../hpke/ids.js';
import { codedError } from '../utils/coded-error.js';
import { BhttpError, type BhttpErrorCode } from '../bhttp/bhttp-error.js';
import { bhttp } from '../bhttp.js';
import { OhttpError, type OhttpErrorCode } from '../ohttp/ohttp-error.js';
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  endpointArgument,
  exchange,
  fieldLimitsOption,
  limitArgument,
  type Answer,
  type Handler,
} from './exchange.js';
import { keyConfigArgument, type KeyConfig } from '../ohttp/key-config.js';
import { createLogger, type LogSink } from './logger.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';
import { decodeKeyConfigs } from '../ohttp/ohttp-keys.js';
import { encapsulateRequest } from '../ohttp/encapsulated-request.js';

export interface ClientOptions {
  /** The relay: its URL, or an in-process handler. */
  relay: Handler | string;
  /** The gateway's key configurations, or the URL of its key directory (application/ohttp-keys,
   *  fetched when first needed, again when its max-age expires or the gateway refuses the key). */
  keys: readonly KeyConfig[] | string;
  /** Where the filtered log lines go (see ./log.ts). */
  log?: LogSink;
  /** Prepares each request before it is encapsulated: for example adds a credential bound to it.
   *  Only the gateway sees what it adds. */
  authorize?: (request: Request) => Promise<Request>;
  /** The most field lines in each field section of a response; default 128. A response over
   *  either field limit fails with BhttpError('FIELDS_TOO_LARGE'), so a hostile gateway or target
   *  cannot flood the client. */
  maxFieldLines?: number;
  /** The most bytes of each field section of a response, as encoded; default 16 KiB. */
  maxFieldSectionBytes?: number;
  /** How long the relay, or the key directory, may take to answer in full, in ms (then `fetch`
   *  fails with RELAY or KEYS); default 30 s. */
  timeoutMs?: number;
}

/** One request as the user may review it: to whom, how protected, how big — not its content. */
export interface AuditEntry {
  /** When it was sent (ISO 8601). */
  readonly time: string;
  /** The relay it went through; "(in-process)" for a handler. */
  readonly relay: string;
  /** The key configuration it was encapsulated to, and the HPKE suite. */
  readonly keyId: number;
  readonly kem: KemId;
  readonly kdf: KdfId;
  readonly aead: AeadId;
  /** The request line sent: method, and the target's origin and path (the query left out). */
  readonly method: string;
  readonly target: string;
  /** Encapsulated sizes, as the relay saw them. */
  readonly requestBytes: number;
  readonly responseBytes?: number;
  /** The target's status, or why the exchange failed. */
  readonly status?: number;
  readonly error?: ClientErrorCode | OhttpErrorCode | BhttpErrorCode;
}

/** Why `fetch` failed: the key list cannot be had ('KEYS'), the gateway refused the key after a
 *  refresh ('KEY_REJECTED', its 422 of RFC 9458 §5.3), or the relay or gateway answered without an
 *  Encapsulated Response ('RELAY'). Decapsulation and decoding fail with OhttpError and BhttpError. */
export type ClientErrorCode = 'KEYS' | 'KEY_REJECTED' | 'RELAY';

const MESSAGES: Record<ClientErrorCode, string> = {
  KEYS: 'key configurations unavailable',
  KEY_REJECTED: 'gateway refused the key configuration',
  RELAY: 'relay answered without an encapsulated response',
};

export class ObliviousFetchError extends codedError<ClientErrorCode>('ObliviousFetchError', MESSAGES) {
  /** The relay's HTTP status, when it answered. */
  readonly status?: number;

  constructor(code: ClientErrorCode, status?: number) {
    super(code);
    this.status = status;
  }
}

export interface Client {
  /** The target's response to `request`, by way of the relay and the gateway. */
  fetch(request: Request): Promise<Response>;
  /** One entry per request, oldest first. */
  readonly audit: readonly AuditEntry[];
}

export function createClient(options: ClientOptions): Client {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const relay = endpointArgument(options.relay, 'options.relay');
  const relayName = relay instanceof URL ? relay.href : '(in-process)';
  const directory = typeof options.keys === 'string' ? endpointArgument(options.keys, 'options.keys') : undefined;
  if (directory === undefined && !Array.isArray(options.keys))
    throw new TypeError('"options.keys" expected array or URL string');
  let configs: readonly KeyConfig[] | undefined =
    directory === undefined
      ? (options.keys as readonly KeyConfig[]).map((c, i) => keyConfigArgument(c, `options.keys[${i}]`).config)
      : undefined;
  let expires = Infinity;
  const log = createLogger(options.log);
  const { authorize } = options;
  if (authorize !== undefined && typeof authorize !== 'function')
    throw new TypeError('"options.authorize" expected function');
  const fieldLimits = fieldLimitsOption(options);
  const timeoutMs = limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const audit: AuditEntry[] = [];

  /** The first configuration of the list (the directory publishes the newest first). */
  async function currentConfig(refresh: boolean): Promise<KeyConfig> {
    if (directory !== undefined && (refresh || configs === undefined || Date.now() >= expires)) {
      try {
        const answer = await exchange(
          directory,
          { headers: { accept: MEDIA_TYPE.KEYS } },
          DEFAULT_MAX_BODY_BYTES,
          timeoutMs,
        );
        if (
          answer.status !== 200 ||
          answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase() !== MEDIA_TYPE.KEYS
        )
          throw new Error();
        configs = decodeKeyConfigs(answer.body);
        const maxAge = /max-age=(\d+)/.exec(answer.headers.get('cache-control') ?? '');
        expires = maxAge === null ? 0 : Date.now() + 1000 * Number(maxAge[1]);
      } catch {
        throw new ObliviousFetchError('KEYS');
      }
    }
    if (configs === undefined || configs.length === 0) throw new ObliviousFetchError('KEYS');
    return configs[0]!;
  }

  /** One round trip with `config`: the relay's answer, and its audit entry. */
  async function roundTrip(config: KeyConfig, message: Uint8Array, method: string, target: string): Promise<Response> {
    const start = performance.now();
    const { encapsulatedRequest, context } = encapsulateRequest(config, message);
    const suite = config.suites[0]!;
    const entry: { -readonly [K in keyof AuditEntry]: AuditEntry[K] } = {
      time: new Date().toISOString(),
      relay: relayName,
      keyId: config.keyId,
      kem: config.kem,
      kdf: suite.kdf,
      aead: suite.aead,
      method,
      target,
      requestBytes: encapsulatedRequest.length,
    };
    audit.push(entry);
    try {
      let answer: Answer;
      try {
        answer = await exchange(
          relay,
          { method: 'POST', headers: { 'content-type': MEDIA_TYPE.REQUEST }, body: bodyOf(encapsulatedRequest) },
          DEFAULT_MAX_BODY_BYTES,
          timeoutMs,
        );
      } catch {
        throw new ObliviousFetchError('RELAY');
      }
      const { body } = answer;
      entry.responseBytes = body.length;
      const type = answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
      if (answer.status === 422) throw new ObliviousFetchError('KEY_REJECTED', 422);
      if (answer.status !== 200 || type !== MEDIA_TYPE.RESPONSE) throw new ObliviousFetchError('RELAY', answer.status);
      const inner = context.decapsulateResponse(body);
      try {
        const response = bhttp.responseFromBhttp(bhttp.decodeResponse(inner, fieldLimits));
        entry.status = response.status;
        log({
          hop: 'client',
          event: 'served',
          status: response.status,
          keyId: config.keyId,
          requestBytes: entry.requestBytes,
          responseBytes: body.length,
          durationMs: performance.now() - start,
        });
        return response;
      } finally {
        inner.fill(0);
      }
    } catch (e) {
      if (e instanceof ObliviousFetchError || e instanceof OhttpError || e instanceof BhttpError) entry.error = e.code;
      log({
        hop: 'client',
        event: 'refused',
        keyId: config.keyId,
        error: (e as { code?: unknown }).code,
        status: (e as { status?: unknown }).status,
        durationMs: performance.now() - start,
      });
      throw e;
    } finally {
      context.destroy();
    }
  }

  async function obliviousFetch(request: Request): Promise<Response> {
    if (!(request instanceof Request)) throw new TypeError('"request" expected Request');
    if (authorize !== undefined) request = await authorize(request);
    const url = new URL(request.url);
    const message = bhttp.encodeRequest(await bhttp.bhttpFromRequest(request));
    try {
      try {
        return await roundTrip(await currentConfig(false), message, request.method, url.origin + url.pathname);
      } catch (e) {
        // §5.3: the key configuration is outdated; with a directory, refresh it and retry once.
        if (directory === undefined || !(e instanceof ObliviousFetchError) || e.code !== 'KEY_REJECTED') throw e;
        return await roundTrip(await currentConfig(true), message, request.method, url.origin + url.pathname);
      }
    } finally {
      message.fill(0);
    }
  }

  return Object.freeze({ fetch: obliviousFetch, audit });
}
