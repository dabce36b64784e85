// RFC 9458 §4.3: Encapsulated Requests (§4.1), HPKE base mode to a key configuration:
//
//   hdr = Key Identifier (8) ‖ KEM ID (16) ‖ KDF ID (16) ‖ AEAD ID (16)
//   info = "message/bhttp request" ‖ 0x00 ‖ hdr
//   enc, sctxt = SetupBaseS(pkR, info); ct = sctxt.Seal("", request)
//   enc_request = hdr ‖ enc ‖ ct
//
// The client keeps a context for the response (§4.4); so does the gateway, which finds its key by
// the key identifier and accepts only the KEM and (KDF, AEAD) pairs of that key's configuration.
import { CryptoError } from '../errors.js';
import { ascii, concat, readU16, writeU16 } from '../utils/bytes.js';
import { hpke, type ReceiverContext } from '../hpke/index.js';
import { bytes, objectArgument, optionsArgument } from '../utils/arguments.js';
import { OhttpError } from './errors.js';
import { keyConfigArgument, type GatewayKey, type KeyConfig } from './key-config.js';
import { ClientContext, exportSecret, GatewayContext } from './response.js';
import { symmetricOf, type SymmetricSuite } from './suites.js';

const LABEL_REQUEST = ascii('message/bhttp request');
const HEADER_LENGTH = 7;

/** info = "message/bhttp request" ‖ 0x00 ‖ hdr. */
const infoOf = (hdr: Uint8Array): Uint8Array => concat(LABEL_REQUEST, new Uint8Array(1), hdr);

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
  const { config: c } = keyConfigArgument(config, 'config');
  bytes(bhttpRequest, 'bhttpRequest');
  const o = optionsArgument(options);
  const chosen = o.suite === undefined ? c.suites[0]! : objectArgument<SymmetricSuite>(o.suite, 'options.suite');
  if (!c.suites.some((s) => s.kdf === chosen.kdf && s.aead === chosen.aead)) {
    throw new RangeError(`"options.suite" expected one of the configuration's suites, got ${JSON.stringify({ kdf: chosen.kdf, aead: chosen.aead })}`);
  }
  const symmetric = symmetricOf(chosen, 'options.suite');
  const hdr = new Uint8Array(HEADER_LENGTH);
  hdr[0] = c.keyId;
  writeU16(hdr, 1, c.kem);
  writeU16(hdr, 3, symmetric.kdf);
  writeU16(hdr, 5, symmetric.aead.id);
  const suite = hpke.suite({ kem: c.kem, kdf: symmetric.kdf, aead: symmetric.aead.id });
  const { enc, context } = suite.setupSender(c.publicKey, { info: infoOf(hdr), skE: o.skE });
  try {
    const ct = context.seal(bhttpRequest);
    return { encapsulatedRequest: concat(hdr, enc, ct), context: new ClientContext(symmetric, enc, exportSecret(context, symmetric)) };
  } finally {
    context.destroy();
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
  const gatewayKeys = keysArgument(keys);
  const request = bytes(encapsulatedRequest, 'encapsulatedRequest');
  if (request.length < HEADER_LENGTH) throw new OhttpError('MALFORMED');
  const [keyId, kem, kdf, aead] = [request[0]!, readU16(request, 1), readU16(request, 3), readU16(request, 5)];
  const key = selectKey(gatewayKeys, keyId, kem, kdf, aead);
  const symmetric = symmetricOf({ kdf, aead }, 'suite');
  const suite = hpke.suite({ kem: key.kem, kdf: symmetric.kdf, aead: symmetric.aead.id });
  const encEnd = HEADER_LENGTH + suite.encLength;
  if (request.length < encEnd + suite.tagLength) throw new OhttpError('MALFORMED');
  const enc = request.slice(HEADER_LENGTH, encEnd);
  let context: ReceiverContext | undefined;
  try {
    context = suite.setupReceiver(enc, key, { info: infoOf(request.subarray(0, HEADER_LENGTH)) });
    const bhttpRequest = context.open(request.subarray(encEnd));
    return { bhttpRequest, context: new GatewayContext(keyId, key.kem, symmetric, enc, exportSecret(context, symmetric)) };
  } catch (e) {
    // §5.2: the encapsulation cannot be removed — an invalid `enc` or a ciphertext that does not open.
    const undecryptable = e instanceof CryptoError && (e.code === 'INVALID_TAG' || e.code === 'INVALID_POINT' || e.code === 'IDENTITY');
    throw undecryptable ? new OhttpError('DECRYPT', { cause: e }) : e;
  } finally {
    context?.destroy();
  }
}
