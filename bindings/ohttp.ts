// oblivia/ohttp: Oblivious HTTP (RFC 9458). The messages — key configurations (§3), Encapsulated
// Requests and Responses (§4), the media types (§9) — over opaque Binary HTTP payloads, and the
// roles that use them (§2): `ohttp.client`, `ohttp.relay`, `ohttp.gateway` with its
// `ohttp.forwarder` to a target and its replay store (`ohttp.memoryReplayStore`, §6.5),
// `ohttp.keyDirectory`, the consistency `ohttp.mirror` (the relay serves clients the gateway's keys
// through it) and the hop `ohttp.logger`.
import { createForwarder } from './http/forwarder.js';
import { createGateway, PROBLEM_TYPE_KEY } from './http/gateway.js';
import { createKeyDirectory } from './http/key-directory.js';
import { createLogger } from './http/logger.js';
import { createMirror } from './http/mirror.js';
import { createClient } from './http/ohttp-client.js';
import { createRelay } from './http/relay.js';
import { memoryReplayStore, PROBLEM_TYPE_DATE, PROBLEM_TYPE_REPLAY } from './http/replay.js';
import { decapsulateRequest, encapsulateRequest } from './ohttp/encapsulated-request.js';
import { decodeKeyConfig, encodeKeyConfig, generateKeyConfig } from './ohttp/key-config.js';
import { MEDIA_TYPE } from './ohttp/media-types.js';
import { decodeKeyConfigs, encodeKeyConfigs } from './ohttp/ohttp-keys.js';

/**
 * Oblivious HTTP (RFC 9458): key configurations, Encapsulated Requests and Responses over Binary
 * HTTP, and the roles as fetch-style handlers — client, relay, gateway (with replay protection),
 * forwarder, key directory, consistency mirror and the hop logger (docs/ohttp.md).
 *
 * @namespace
 */
export const ohttp = Object.freeze({
  /**
   * RFC 9458 §3: a fresh gateway key — a key configuration with its private key — with
   * this key id (0–255), KEM and (KDF, AEAD) pairs.
   *
   * @throws `TypeError` for an id that is not a number or a list that is not an array; `RangeError`
   * for an unknown KEM, KDF or AEAD id, a key id outside 0–255, or an empty or over-long list.
   * @example
   * ```ts
   * import { hpke, ohttp } from 'oblivia';
   *
   * const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }]);
   * const { keyId, publicKey, privateKey } = key; // keep privateKey on the gateway
   * ```
   */
  generateKeyConfig,
  /**
   * RFC 9458 §3.1: one key configuration's bytes (the public parts only).
   *
   * @throws `TypeError` for a value that is not a key configuration; `CryptoError`
   * `INVALID_POINT` if its public key is not a point of the KEM's curve.
   * @example
   * ```ts
   * import { hpke, ohttp } from 'oblivia';
   *
   * const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }]);
   * const bytes = ohttp.encodeKeyConfig(key);
   * ```
   */
  encodeKeyConfig,
  /**
   * RFC 9458 §3.1: the key configuration that `bytes` encode, strictly.
   *
   * @throws `RangeError` for a truncated or overlong encoding, an unknown KEM, KDF or AEAD, or an
   * empty or ragged algorithm list; `CryptoError` `INVALID_POINT` for a public key off the
   * curve; `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const config = ohttp.decodeKeyConfig(bytes); // { keyId, kem, publicKey, suites }
   * ```
   */
  decodeKeyConfig,
  /**
   * RFC 9458 §3.2: the `application/ohttp-keys` body of a list of key configurations (each prefixed
   * with its 2-byte length), public parts only.
   *
   * @throws `TypeError` / `RangeError` for an empty list or a configuration that is not
   * well-formed.
   * @example
   * ```ts
   * import { hpke, ohttp } from 'oblivia';
   *
   * const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }]);
   * const body = ohttp.encodeKeyConfigs([key]); // serve as ohttp.MEDIA_TYPE.KEYS
   * ```
   */
  encodeKeyConfigs,
  /**
   * RFC 9458 §3.2: the key configurations of an `application/ohttp-keys` body, in order.
   *
   * @throws `RangeError` for an empty list, a truncated length or configuration, or one
   * `decodeKeyConfig` refuses (its error, for the whole list); `CryptoError` `INVALID_POINT`;
   * `TypeError` for a non-Uint8Array.
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const configs = ohttp.decodeKeyConfigs(new Uint8Array(await (await fetch(keysUrl)).arrayBuffer()));
   * ```
   */
  decodeKeyConfigs,
  /**
   * RFC 9458 §4.3: the client's Encapsulated Request of a Binary HTTP request to `config`, and the
   * {@link ClientContext} that will open the response. The (KDF, AEAD) pair is `options.suite`, or
   * the configuration's first.
   *
   * @throws `TypeError` for a non-Uint8Array or a malformed config; `RangeError` for a suite the
   * configuration does not offer; `CryptoError` `INVALID_POINT` for a bad public key in the
   * configuration.
   * @example
   * ```ts
   * import { bhttp, ohttp } from 'oblivia';
   *
   * const bhttpRequest = bhttp.encodeRequest(await bhttp.bhttpFromRequest(new Request('https://service.example/')));
   * const { encapsulatedRequest, context } = ohttp.encapsulateRequest(config, bhttpRequest);
   * // … send it as ohttp.MEDIA_TYPE.REQUEST; then
   * bhttp.decodeResponse(context.decapsulateResponse(encapsulatedResponse));
   * ```
   */
  encapsulateRequest,
  /**
   * RFC 9458 §4.3: the gateway's decapsulation of an Encapsulated Request with one of `keys`
   * (picked by key id; pass every live key during a rotation): the Binary HTTP request, and the
   * {@link GatewayContext} that encapsulates the response.
   *
   * @throws {@link OhttpError} `MALFORMED` (too short: 400), `UNKNOWN_KEY` or `UNSUPPORTED_SUITE`
   * (no key matches its header: 422), `DECRYPT` (it does not open: 400, the CryptoError as
   * `cause`).
   * @example
   * ```ts
   * import { bhttp, ohttp } from 'oblivia';
   *
   * const { bhttpRequest, context } = ohttp.decapsulateRequest([key], encapsulatedRequest);
   * const encapsulatedResponse = context.encapsulateResponse(bhttp.encodeResponse({ status: 200 }));
   * ```
   */
  decapsulateRequest,
  /**
   * The OHTTP client (RFC 9458 §2): `fetch` sends a Fetch Request through the relay to the gateway,
   * encapsulated to a key read from `keys` (a list, a URL or a handler — read through a consistency
   * mirror, never from the directory itself), and keeps an audit of each exchange.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or out of range
   * (`"options.…"`). `fetch` rejects with {@link ObliviousFetchError} (`KEYS`, `KEY_INCONSISTENT`,
   * `KEY_REJECTED`, `RELAY`), {@link OhttpError} or `BhttpError`.
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const client = ohttp.client({ relay: 'https://relay.example/', keys: 'https://mirror.example/ohttp-keys' });
   * const answer = await client.fetch(new Request('https://service.example/summarise', { method: 'POST', body: 'hello' }));
   * client.audit; // when, which key and suite, which relay, sizes
   * ```
   */
  client: createClient,
  /**
   * The Oblivious Relay Resource (RFC 9458 §2): a handler that forwards `message/ohttp-req` bodies,
   * and nothing else of the request, to its one gateway.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or out of range
   * (`"options.…"`).
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   * import { serveNode } from 'oblivia/node';
   *
   * const relay = await serveNode(ohttp.relay({ gateway: 'https://gateway.example/' }), { exposeAddress: true });
   * ```
   */
  relay: createRelay,
  /**
   * The Oblivious Gateway Resource (RFC 9458 §2, §5): a handler that decapsulates each request with
   * `keys`, forwards it to the configured `target` (never one the request names), and encapsulates
   * the answer. It never throws: failures are answered (400, 405, 413, 415, 422 in the clear; 400,
   * 431, 502, 503, 504 inside the encapsulation). Optional replay protection (§6.5), `authorize`
   * and padding.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or out of range
   * (`"options.…"`).
   * @example
   * ```ts
   * import { hpke, ohttp } from 'oblivia';
   *
   * const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }]);
   * const gateway = ohttp.gateway({
   *   keys: [key],
   *   target: 'https://service.internal/api/',
   *   replay: { store: ohttp.memoryReplayStore(), windowSeconds: 60 },
   * });
   * ```
   */
  gateway: createGateway,
  /**
   * A handler that sends each request to `target` (an origin, or an origin and path prefix) at
   * prefix ‖ its own path and query; redirects are not followed, and the exchange is aborted after
   * `timeoutMs`. The gateway's URL `target` is this.
   *
   * @throws `TypeError` for a target that is not an absolute http(s) URL without credentials, query
   * or fragment; `RangeError` for a bad `timeoutMs`.
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const toService = ohttp.forwarder('https://service.internal/api/', { timeoutMs: 10_000 });
   * const gateway = ohttp.gateway({ keys: [key], target: (request) => toService(request) });
   * ```
   */
  forwarder: createForwarder,
  /**
   * A key directory: one fresh gateway key, rotated on `rotate()` with an overlap during which the
   * old key is still accepted, and `handler` serving the `application/ohttp-keys` list.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or out of range
   * (`"options.…"`).
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const directory = ohttp.keyDirectory({ overlapMs: 86_400_000, maxAgeSeconds: 3600 });
   * const gateway = ohttp.gateway({ keys: directory.keys, target: 'https://service.internal/' });
   * directory.rotate(); // later; directory.destroy() at shutdown
   * ```
   */
  keyDirectory: createKeyDirectory,
  /**
   * A consistency mirror (draft-ietf-privacypass-consistency-mirror): a handler serving every
   * client the same copy of configured resources (such as a key list), fetched from their origins
   * at most once per resource per `minFreshness`.
   *
   * @throws `TypeError` / `RangeError` naming an option that is missing or out of range
   * (`"options.…"`).
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const mirror = ohttp.mirror({ resources: { '/ohttp-keys': 'https://keys.example/' } });
   * const client = ohttp.client({ relay: 'https://relay.example/', keys: 'https://mirror.example/ohttp-keys' });
   * ```
   */
  mirror: createMirror,
  /**
   * A logger over `sink` that passes only an allow-list of typed fields (hop, event, status, sizes,
   * key id, duration, error code), each read once; anything else, and any free-form string, is
   * dropped. A sink that throws loses its line, not the request.
   *
   * @throws nothing: a bad line or field is dropped, not refused.
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const log = ohttp.logger((entry) => console.log(JSON.stringify(entry)));
   * log({ hop: 'gateway', event: 'served', status: 200 });
   * ```
   */
  logger: createLogger,
  /**
   * RFC 9458 §9 media types: `REQUEST` (message/ohttp-req), `RESPONSE` (message/ohttp-res), `KEYS`
   * (application/ohttp-keys).
   */
  MEDIA_TYPE,
  /** RFC 9458 §5.3: the problem type of a 422 for a key the gateway does not accept. */
  PROBLEM_TYPE_KEY,
  /** RFC 9458 §6.5.2: the problem type of a 400 for a Date outside the gateway's window. */
  PROBLEM_TYPE_DATE,
  /** The problem type of a 400 for a request already accepted once (RFC 9458 gives none). */
  PROBLEM_TYPE_REPLAY,
  /**
   * A replay store (RFC 9458 §6.5.1) in this process's memory, for one gateway process (or several
   * handlers in it); when it holds `maxEntries` live ids its `add` rejects (the gateway answers
   * 503) rather than forget one. Several processes need a shared store (oblivia/redis).
   *
   * @throws `RangeError` for a `maxEntries` that is not a positive integer; `TypeError` for a `now`
   * that is not a function.
   * @example
   * ```ts
   * import { ohttp } from 'oblivia';
   *
   * const store = ohttp.memoryReplayStore({ maxEntries: 100_000 });
   * const gateway = ohttp.gateway({ keys: [key], target: 'https://service.internal/', replay: { store, windowSeconds: 60 } });
   * ```
   */
  memoryReplayStore,
});

export { OhttpError, type OhttpErrorCode } from './ohttp/ohttp-error.js';
export type { GatewayKey, KeyConfig } from './ohttp/key-config.js';
export type { RequestOptions } from './ohttp/encapsulated-request.js';
export type { ClientContext, GatewayContext, ResponseOptions } from './ohttp/encapsulated-response.js';
export type { SymmetricSuite } from './ohttp/key-config-suites.js';
export type { Handler } from './http/exchange.js';
export type { ForwarderOptions } from './http/forwarder.js';
export type { BhttpTarget } from './http/bhttp-service.js';
export type { GatewayOptions } from './http/gateway.js';
export type { KeyDirectory, KeyDirectoryOptions } from './http/key-directory.js';
export type { Hop, LogEntry, LogErrorCode, LogEvent, Logger, LogSink } from './http/logger.js';
export {
  ObliviousFetchError,
  type AuditEntry,
  type Client,
  type ClientErrorCode,
  type ClientOptions,
} from './http/ohttp-client.js';
export type { MirrorOptions } from './http/mirror.js';
export type { RelayOptions } from './http/relay.js';
export type { MemoryReplayStoreOptions, ReplayOptions, ReplayStore } from './http/replay.js';
