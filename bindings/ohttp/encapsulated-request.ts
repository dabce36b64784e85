// RFC 9458 §4.3: Encapsulated Requests (§4.1), HPKE base mode to a key configuration:
//
//   hdr = Key Identifier (8) ‖ KEM ID (16) ‖ KDF ID (16) ‖ AEAD ID (16)
//   info = "message/bhttp request" ‖ 0x00 ‖ hdr
//   enc, sctxt = SetupBaseS(pkR, info); ct = sctxt.Seal("", request)
//   enc_request = hdr ‖ enc ‖ ct
//
// The client keeps a context for the response (§4.4); so does the gateway, which finds its key by
// the key identifier and accepts only the KEM and (KDF, AEAD) pairs of that key's configuration.
// The wasm backend runs each message in its core (one call where it fits the window) and keeps the
// response secret there; the js backend's path is composed over bindings/hpke (./composed.ts).
// The same construction with other labels (./composed.ts composedMessages) serves other message
// types: `encapsulateRequestWith` and `decapsulateRequestWith` take the message layer to use.
import { active } from '../backend/select.js';
import type { OhttpBackend, OhttpParams } from '../backend/backend.js';
import { CryptoError } from '../crypto-error.js';
import type { Kem } from '../hpke/dhkem.js';
import { bytes, objectArgument, optionsArgument } from '../utils/arguments.js';
import { readU16, writeU16 } from '../utils/bytes.js';
import { composedOhttp } from './composed.js';
import { OhttpError } from './ohttp-error.js';
import { keyConfigArgument, type GatewayKey, type KeyConfig } from './key-config.js';
import { ClientContext, GatewayContext, secretLength } from './encapsulated-response.js';
import { kemOf, symmetricOf, type Symmetric, type SymmetricSuite } from './key-config-suites.js';

const HEADER_LENGTH = 7;
const TAG_LENGTH = 16;

/** The OHTTP messages of the active backend: in its core, or composed. */
const ohttpMessages = (): OhttpBackend => active().ohttp ?? composedOhttp;

const paramsOf = (kem: Kem, s: Symmetric): OhttpParams => ({
  kem: kem.id,
  kdf: s.kdf,
  aead: s.aead.id,
  encLength: kem.encLength,
  secretLength: secretLength(s),
});

/** Options of {@link ohttp.encapsulateRequest}. */
export interface RequestOptions {
  /** The (KDF, AEAD) pair, one the configuration offers; by default its first. */
  suite?: SymmetricSuite;
  /**
   * Known-answer tests only: the ephemeral private key (RFC 9458 Appendix A gives one) instead of
   * a random one. Reusing it breaks the security of every request sent with it.
   */
  skE?: Uint8Array;
}

/** A client's Encapsulated Request of `bhttpRequest` to `config`, and the context that will
 *  decapsulate the response. A RangeError if `options.suite` is not offered by `config`. */
export function encapsulateRequest(
  config: KeyConfig,
  bhttpRequest: Uint8Array,
  options?: RequestOptions,
): { encapsulatedRequest: Uint8Array; context: ClientContext } {
  return encapsulateRequestWith(ohttpMessages(), config, bhttpRequest, options);
}

/** encapsulateRequest with the message layer `messages` (its labels). */
export function encapsulateRequestWith(
  messages: OhttpBackend,
  config: KeyConfig,
  bhttpRequest: Uint8Array,
  options?: RequestOptions,
): { encapsulatedRequest: Uint8Array; context: ClientContext } {
  const { config: c, kem } = keyConfigArgument(config, 'config');
  bytes(bhttpRequest, 'bhttpRequest');
  const o = optionsArgument(options);
  const chosen = o.suite === undefined ? c.suites[0]! : objectArgument<SymmetricSuite>(o.suite, 'options.suite');
  if (!c.suites.some((s) => s.kdf === chosen.kdf && s.aead === chosen.aead)) {
    throw new RangeError(
      `"options.suite" expected one of the configuration's suites, got ${JSON.stringify({ kdf: chosen.kdf, aead: chosen.aead })}`,
    );
  }
  const symmetric = symmetricOf(chosen, 'options.suite');
  const hdr = new Uint8Array(HEADER_LENGTH);
  hdr[0] = c.keyId;
  writeU16(hdr, 1, c.kem);
  writeU16(hdr, 3, symmetric.kdf);
  writeU16(hdr, 5, symmetric.aead.id);
  // The ephemeral secret: drawn, or for known-answer tests a checked copy of skE.
  const skE =
    o.skE === undefined ? kem.randomPrivateKey() : kem.deserializePrivateKey(bytes(o.skE, 'skE', kem.privateKeyLength));
  try {
    const { encapsulatedRequest, state } = messages.encapsulateRequest(
      paramsOf(kem, symmetric),
      skE,
      c.publicKey,
      hdr,
      bhttpRequest,
    );
    return { encapsulatedRequest, context: new ClientContext(symmetric, state) };
  } finally {
    skE.fill(0);
  }
}

/** The key for a request's header: OhttpError UNKNOWN_KEY or UNSUPPORTED_SUITE if there is none. */
function selectKey(keys: readonly GatewayKey[], keyId: number, kem: number, kdf: number, aead: number): GatewayKey {
  const withId = keys.filter((key) => key.keyId === keyId);
  if (withId.length === 0) throw new OhttpError('UNKNOWN_KEY');
  // §4.3 step 1a/1b: the key must match the KEM, and offer the KDF and AEAD.
  const key = withId.find((k) => k.kem === kem && k.suites.some((s) => s.kdf === kdf && s.aead === aead));
  if (key === undefined) throw new OhttpError('UNSUPPORTED_SUITE');
  return key;
}

/** The gateway's keys, checked: one key or an array of them (several during a rotation). */
function keysArgument(value: unknown): readonly GatewayKey[] {
  const keys = Array.isArray(value) ? value : [value];
  return keys.map((key, i) => {
    const name = Array.isArray(value) ? `keys[${i}]` : 'keys';
    const { config } = keyConfigArgument(key, name);
    const privateKey = bytes(objectArgument<GatewayKey>(key, name).privateKey, `${name}.privateKey`);
    return { ...config, privateKey };
  });
}

/**
 * The gateway's decapsulation of an Encapsulated Request with one of `keys`: the Binary HTTP
 * request and the context that will encapsulate the response. OhttpError MALFORMED if it is too
 * short, UNKNOWN_KEY or UNSUPPORTED_SUITE if no key matches its header, DECRYPT if it does not
 * open (see ./errors.ts for the HTTP status of each).
 */
export function decapsulateRequest(
  keys: GatewayKey | readonly GatewayKey[],
  encapsulatedRequest: Uint8Array,
): { bhttpRequest: Uint8Array; context: GatewayContext } {
  return decapsulateRequestWith(ohttpMessages(), keys, encapsulatedRequest);
}

/** decapsulateRequest with the message layer `messages` (its labels). */
export function decapsulateRequestWith(
  messages: OhttpBackend,
  keys: GatewayKey | readonly GatewayKey[],
  encapsulatedRequest: Uint8Array,
): { bhttpRequest: Uint8Array; context: GatewayContext } {
  const gatewayKeys = keysArgument(keys);
  const request = bytes(encapsulatedRequest, 'encapsulatedRequest');
  if (request.length < HEADER_LENGTH) throw new OhttpError('MALFORMED');
  const [keyId, kem, kdf, aead] = [request[0]!, readU16(request, 1), readU16(request, 3), readU16(request, 5)];
  const key = selectKey(gatewayKeys, keyId, kem, kdf, aead);
  const symmetric = symmetricOf({ kdf, aead }, 'suite');
  const k = kemOf(key.kem, 'kem');
  if (request.length < HEADER_LENGTH + k.encLength + TAG_LENGTH) throw new OhttpError('MALFORMED');
  const privateKey = bytes(key.privateKey, 'skR.privateKey', k.privateKeyLength);
  try {
    const { request: bhttpRequest, state } = messages.decapsulateRequest(
      paramsOf(k, symmetric),
      privateKey,
      key.publicKey,
      request,
    );
    return { bhttpRequest, context: new GatewayContext(keyId, key.kem, symmetric, state) };
  } catch (e) {
    // §5.2: the encapsulation cannot be removed — an invalid `enc` or a ciphertext that does not open.
    const undecryptable =
      e instanceof CryptoError && (e.code === 'INVALID_TAG' || e.code === 'INVALID_POINT' || e.code === 'IDENTITY');
    throw undecryptable ? new OhttpError('DECRYPT', { cause: e }) : e;
  }
}
