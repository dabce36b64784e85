// An Oblivious HTTP client (RFC 9458 §2): `fetch` sends a request to its target through a relay,
// Binary HTTP encoded (RFC 9292) and encapsulated to one of the gateway's key configurations, and
// returns the target's response. It keeps an in-app audit log of each request: what was sent, to
// which key and suite, through which relay — and never the content.
//
// Key consistency (draft-ietf-privacypass-key-consistency): a key list read from a URL — best the
// relay's consistency mirror (./mirror.ts), never the gateway's own directory — is kept for at
// least `minKeyLifetime` whatever its Cache-Control says, so a `max-age=0` cannot make each request
// fetch keys; a 422 within that time is final (KEY_REJECTED), and after it the list is read again
// and the request re-sent once only if the list now leads with another key. With `confirm`, a key
// is used only if a second source lists it byte for byte (else KEY_INCONSISTENT).
//
// Replay protection (RFC 9458 §6.5.1): each request carries a Date header field (from `now`, to the
// second, inside the encryption) unless it has one. A gateway that refuses the Date (§6.5.2: 400,
// the "date" problem type, and its own Date) gets the request once more, encapsulated anew with
// the gateway's Date copied in; that Date is used for nothing else, never for a later request.
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
import { encodeKeyConfig, keyConfigArgument, type KeyConfig } from '../ohttp/key-config.js';
import { equalBytes } from '../utils/bytes.js';
import { describe } from '../utils/arguments.js';
import { createLogger, type LogSink } from './logger.js';
import { MEDIA_TYPE } from '../ohttp/media-types.js';
import { decodeKeyConfigs } from '../ohttp/ohttp-keys.js';
import { formatHttpDate, parseHttpDate, PROBLEM_TYPE_DATE } from './replay.js';
import type { BhttpRequest, BhttpResponse, Field } from '../bhttp/message.js';
import { encapsulateRequest } from '../ohttp/encapsulated-request.js';

/** Options of {@link ohttp.client}. */
export interface ClientOptions {
  /** The relay: its URL, or an in-process handler. */
  relay: Handler | string;
  /** The gateway's key configurations, or where to read them (application/ohttp-keys): a URL or
   *  an in-process handler, read when first needed, again when the list's lifetime ends (its
   *  max-age, at least `minKeyLifetime`) or the gateway refuses an older key. */
  keys: readonly KeyConfig[] | string | Handler;
  /** A second source of the same key list, read with it: a key is used only if both list it with
   *  the same bytes; one key id with other bytes is KEY_INCONSISTENT. */
  confirm?: string | Handler;
  /** The shortest time a key list read from `keys` is kept, in seconds; default 3600. */
  minKeyLifetime?: number;
  /** The clock for the key list's lifetime and each request's Date, in ms since the epoch; default
   *  Date.now. */
  now?: () => number;
  /** How many audit entries are kept, the oldest dropped first; default 1000. */
  maxAuditEntries?: number;
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
  /** The KEM of that key. */
  readonly kem: KemId;
  /** The KDF used. */
  readonly kdf: KdfId;
  /** The AEAD used. */
  readonly aead: AeadId;
  /** The request line sent: method, and the target's origin and path (the query left out). */
  readonly method: string;
  /** The target's origin and path. */
  readonly target: string;
  /** Encapsulated sizes, as the relay saw them. */
  readonly requestBytes: number;
  /** The Encapsulated Response's size, when there was one. */
  readonly responseBytes?: number;
  /** The target's status, or why the exchange failed. */
  readonly status?: number;
  /** Why the exchange failed: an error's code. */
  readonly error?: ClientErrorCode | OhttpErrorCode | BhttpErrorCode;
}

/** Why `fetch` failed: the key list cannot be had ('KEYS'), its two sources disagree on a key
 *  ('KEY_INCONSISTENT'), the gateway refused the key ('KEY_REJECTED', its 422 of RFC 9458 §5.3),
 *  or the relay or gateway answered without an Encapsulated Response ('RELAY'). Decapsulation and
 *  decoding fail with OhttpError and BhttpError. */
export type ClientErrorCode = 'KEYS' | 'KEY_INCONSISTENT' | 'KEY_REJECTED' | 'RELAY';

const MESSAGES: Record<ClientErrorCode, string> = {
  KEYS: 'key configurations unavailable',
  KEY_INCONSISTENT: 'the key sources disagree',
  KEY_REJECTED: 'gateway refused the key configuration',
  RELAY: 'relay answered without an encapsulated response',
};

/**
 * Why an oblivious `fetch` failed before a response could be decapsulated: a
 * {@link ClientErrorCode}, and the relay's HTTP `status` when it answered. Decapsulation and decoding fail
 * with {@link OhttpError} and {@link BhttpError}.
 *
 * @example
 * ```ts
 * import { ObliviousFetchError } from 'oblivia/ohttp';
 *
 * try {
 *   await client.fetch(new Request('https://target.example/'));
 * } catch (e) {
 *   if (e instanceof ObliviousFetchError && e.code === 'RELAY') console.error('relay status', e.status);
 *   else throw e;
 * }
 * ```
 */
export class ObliviousFetchError extends codedError<ClientErrorCode>('ObliviousFetchError', MESSAGES) {
  /** The relay's HTTP status, when it answered. */
  readonly status?: number;

  constructor(code: ClientErrorCode, status?: number) {
    super(code);
    this.status = status;
  }
}

/** An OHTTP client from {@link ohttp.client}. */
export interface Client {
  /** The target's response to `request`, by way of the relay and the gateway. */
  fetch(request: Request): Promise<Response>;
  /** One entry per request, oldest first: the last `maxAuditEntries`. */
  readonly audit: readonly AuditEntry[];
}

export function createClient(options: ClientOptions): Client {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const relay = endpointArgument(options.relay, 'options.relay');
  const relayName = relay instanceof URL ? relay.href : '(in-process)';
  const directory = Array.isArray(options.keys) ? undefined : endpointArgument(options.keys, 'options.keys');
  let configs: readonly KeyConfig[] | undefined =
    directory === undefined
      ? (options.keys as readonly KeyConfig[]).map((c, i) => keyConfigArgument(c, `options.keys[${i}]`).config)
      : undefined;
  const confirm = options.confirm === undefined ? undefined : endpointArgument(options.confirm, 'options.confirm');
  if (confirm !== undefined && directory === undefined)
    throw new TypeError('"options.confirm" expected "options.keys" to be a source, not a list');
  const minKeyLifetimeMs = 1000 * limitArgument(options.minKeyLifetime, 'options.minKeyLifetime', 3600);
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`"options.now" expected function, got ${describe(now)}`);
  let readAt = -Infinity;
  let expires = -Infinity;
  const log = createLogger(options.log);
  const { authorize } = options;
  if (authorize !== undefined && typeof authorize !== 'function')
    throw new TypeError('"options.authorize" expected function');
  const fieldLimits = fieldLimitsOption(options);
  const timeoutMs = limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const audit: AuditEntry[] = [];
  const maxAuditEntries = limitArgument(options.maxAuditEntries, 'options.maxAuditEntries', 1000);

  /** A source's key list, and its max-age in ms (0 without one). */
  async function readKeys(source: Handler | URL): Promise<{ list: KeyConfig[]; maxAgeMs: number }> {
    try {
      const answer = await exchange(
        source,
        { headers: { accept: MEDIA_TYPE.KEYS } },
        DEFAULT_MAX_BODY_BYTES,
        timeoutMs,
      );
      if (
        answer.status !== 200 ||
        answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase() !== MEDIA_TYPE.KEYS
      )
        throw new Error();
      const maxAge = /max-age=(\d{1,10})/.exec(answer.headers.get('cache-control') ?? '');
      return { list: decodeKeyConfigs(answer.body), maxAgeMs: maxAge === null ? 0 : 1000 * Number(maxAge[1]) };
    } catch {
      throw new ObliviousFetchError('KEYS');
    }
  }

  /** Reads the list again (and its confirmation), and keeps it for its lifetime. */
  async function refreshKeys(source: Handler | URL): Promise<void> {
    const { list, maxAgeMs } = await readKeys(source);
    configs = confirm === undefined ? list : confirmedKeys(list, (await readKeys(confirm)).list);
    readAt = now();
    expires = readAt + Math.max(maxAgeMs, minKeyLifetimeMs);
  }

  /** The first configuration of the list (the directory publishes the newest first). */
  async function currentConfig(): Promise<KeyConfig> {
    if (directory !== undefined && (configs === undefined || now() >= expires)) await refreshKeys(directory);
    if (configs === undefined || configs.length === 0) throw new ObliviousFetchError('KEYS');
    return configs[0]!;
  }

  /** One round trip with `config`: the target's answer, and the gateway's Date if the answer is
   *  its refusal of the request's Date (RFC 9458 §6.5.2); one audit entry. */
  async function roundTrip(
    config: KeyConfig,
    message: Uint8Array,
    method: string,
    target: string,
  ): Promise<{ response: Response; gatewayDate?: string }> {
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
    record(audit, entry, maxAuditEntries);
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
        const decoded = bhttp.decodeResponse(inner, fieldLimits);
        const response = bhttp.responseFromBhttp(decoded);
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
        return { response, gatewayDate: dateRefused(decoded) };
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

  /** A round trip of `parts` with `config`; if the gateway refuses the Date this client set, once
   *  more with the gateway's Date (§6.5.2: a fresh encapsulation, the date used for nothing else). */
  async function send(config: KeyConfig, parts: BhttpRequest, dated: boolean, target: string): Promise<Response> {
    const message = bhttp.encodeRequest(parts);
    let answer: { response: Response; gatewayDate?: string };
    try {
      answer = await roundTrip(config, message, parts.method, target);
    } finally {
      message.fill(0);
    }
    if (!dated || answer.gatewayDate === undefined) return answer.response;
    const headers = parts.headers.map((f): Field => (f[0] === 'date' ? ['date', answer.gatewayDate!] : f));
    const retry = bhttp.encodeRequest({ ...parts, headers });
    try {
      return (await roundTrip(config, retry, parts.method, target)).response;
    } finally {
      retry.fill(0);
    }
  }

  async function obliviousFetch(request: Request): Promise<Response> {
    if (!(request instanceof Request)) throw new TypeError('"request" expected Request');
    if (authorize !== undefined) request = await authorize(request);
    const url = new URL(request.url);
    const parts = await bhttp.bhttpFromRequest(request);
    // §6.5.1: "Clients SHOULD include a Date header field in Encapsulated Requests".
    const dated = !parts.headers.some(([name]) => name === 'date');
    if (dated) parts.headers.push(['date', formatHttpDate(now())]);
    const target = url.origin + url.pathname;
    try {
      const config = await currentConfig();
      try {
        return await send(config, parts, dated, target);
      } catch (e) {
        // §5.3: the key configuration may be outdated. Within its minimum lifetime it is not (a
        // gateway cannot make a client fetch keys per request); after it, read the list again and
        // re-send once, to another key only.
        if (directory === undefined || !(e instanceof ObliviousFetchError) || e.code !== 'KEY_REJECTED') throw e;
        if (now() - readAt < minKeyLifetimeMs) throw e;
        await refreshKeys(directory);
        const next = await currentConfig();
        if (equalBytes(encodeKeyConfig(next), encodeKeyConfig(config))) throw e;
        return await send(next, parts, dated, target);
      }
    } finally {
      parts.content.fill(0);
    }
  }

  return Object.freeze({ fetch: obliviousFetch, audit });
}

/** The gateway's Date, if `response` is its refusal of the request's Date (RFC 9458 §6.5.2: a 400
 *  with the "date" problem type) and carries a valid one. */
function dateRefused(response: BhttpResponse): string | undefined {
  if (response.status !== 400) return undefined;
  const field = (name: string): string | undefined => response.headers.find(([n]) => n === name)?.[1];
  if (field('content-type')?.split(';')[0]!.trim().toLowerCase() !== 'application/problem+json') return undefined;
  if (response.content.length > 1024) return undefined;
  let type: unknown;
  try {
    type = (JSON.parse(new TextDecoder().decode(response.content)) as { type?: unknown }).type;
  } catch {
    return undefined;
  }
  const date = field('date');
  return type === PROBLEM_TYPE_DATE && parseHttpDate(date) !== undefined ? date : undefined;
}

/** The configurations of `list` that `other` lists with the same bytes; KEY_INCONSISTENT if one key
 *  id has other bytes there (the source shows someone a key of their own). */
function confirmedKeys(list: readonly KeyConfig[], other: readonly KeyConfig[]): KeyConfig[] {
  const seen = new Map<number, Uint8Array>();
  for (const config of other) {
    const bytes = encodeKeyConfig(config);
    const twin = seen.get(config.keyId);
    if (twin !== undefined && !equalBytes(twin, bytes)) throw new ObliviousFetchError('KEY_INCONSISTENT');
    seen.set(config.keyId, bytes);
  }
  return list.filter((config) => {
    const twin = seen.get(config.keyId);
    if (twin === undefined) return false;
    if (!equalBytes(twin, encodeKeyConfig(config))) throw new ObliviousFetchError('KEY_INCONSISTENT');
    return true;
  });
}

/** Appends `entry` to `audit`, keeping the newest `max` entries. */
export function record<T>(audit: T[], entry: T, max: number): void {
  audit.push(entry);
  if (audit.length > max) audit.splice(0, audit.length - max);
}
