// Keys as hpke-js hands them out: objects implementing WebCrypto's CryptoKey interface, here
// holding the serialized key (RFC 9180 §7.1.1–7.1.2) in a private field, as hpke-js's XCryptoKey
// does. Extractable WebCrypto CryptoKeys of the suite's curve are taken too (hpke-js's own P-256,
// P-384 and P-521 keys are such keys): their bytes are read with crypto.subtle.exportKey.
import { describe } from '../utils/arguments.js';
import { base64urlArgument } from './buffers.js';
import { NotSupportedError } from './hpke-js-errors.js';

/** The KEM a key belongs to. */
export interface KeyKind {
  readonly kem: number;
  /** `DHKEM(P-256, HKDF-SHA256)`, for messages. */
  readonly label: string;
  /** WebCrypto's algorithm for such keys: `{ name: 'ECDH', namedCurve: 'P-256' }` or `{ name: 'X25519' }`. */
  readonly algorithm: KeyAlgorithm;
}

type KeyType = 'public' | 'private';

let contents: (key: HpkeCryptoKey) => { kind: KeyKind; bytes: Uint8Array };

class HpkeCryptoKey implements CryptoKey {
  readonly type: KeyType;
  readonly extractable = true;
  readonly algorithm: KeyAlgorithm;
  /** `['deriveBits']` for a private key, none for a public one, as WebCrypto's ECDH keys. */
  readonly usages: KeyUsage[];
  readonly #kind: KeyKind;
  readonly #bytes: Uint8Array;

  static {
    contents = (key) => ({ kind: key.#kind, bytes: key.#bytes });
  }

  constructor(kind: KeyKind, type: KeyType, bytes: Uint8Array) {
    this.type = type;
    this.algorithm = { ...kind.algorithm };
    this.usages = type === 'private' ? ['deriveBits'] : [];
    this.#kind = kind;
    this.#bytes = bytes;
    Object.freeze(this);
  }
}

/** A key of `kind` over `bytes`, which the caller has validated and no longer touches. */
export const newKey = (kind: KeyKind, type: KeyType, bytes: Uint8Array): CryptoKey =>
  new HpkeCryptoKey(kind, type, bytes);

const isWebCryptoKey = (value: unknown): value is CryptoKey =>
  typeof CryptoKey === 'function' && value instanceof CryptoKey;

/** TypeError unless `value` is a key this adapter reads: its own, or a WebCrypto CryptoKey. */
export function keyArgument(value: unknown, name: string): CryptoKey {
  if (value instanceof HpkeCryptoKey || isWebCryptoKey(value)) return value;
  throw new TypeError(`"${name}" expected CryptoKey, got ${describe(value)}`);
}

/** A key, or the private key of a CryptoKeyPair (hpke-js takes either as recipientKey and senderKey). */
export function privateKeyArgument(value: unknown, name: string): CryptoKey {
  if (typeof value === 'object' && value !== null && 'privateKey' in value && 'publicKey' in value) {
    return keyArgument(value.privateKey, `${name}.privateKey`);
  }
  return keyArgument(value, name);
}

/** The public key of a CryptoKeyPair given as recipientKey, or undefined for a lone key. */
export function publicKeyOfPair(value: unknown): CryptoKey | undefined {
  if (typeof value !== 'object' || value === null || !('privateKey' in value) || !('publicKey' in value))
    return undefined;
  return keyArgument(value.publicKey, 'recipientKey.publicKey');
}

const sameAlgorithm = (a: KeyAlgorithm, b: KeyAlgorithm): boolean =>
  a.name === b.name && (a as EcKeyAlgorithm).namedCurve === (b as EcKeyAlgorithm).namedCurve;

/**
 * The serialized key in `key` (not a copy: read only). TypeError unless it is a `type` key of
 * `kind`; NotSupportedError for a non-extractable WebCrypto key, since oblivia computes on bytes.
 */
export async function keyBytes(key: CryptoKey, kind: KeyKind, type: KeyType, name: string): Promise<Uint8Array> {
  const own = key instanceof HpkeCryptoKey ? contents(key) : undefined;
  if (key.type !== type || (own ? own.kind.kem !== kind.kem : !sameAlgorithm(key.algorithm, kind.algorithm))) {
    const curve = (key.algorithm as EcKeyAlgorithm).namedCurve;
    const actual = own?.kind.label ?? (curve ? `${key.algorithm.name} ${curve}` : key.algorithm.name);
    throw new TypeError(`"${name}" expected a ${type} key of ${kind.label}, got a ${key.type} key of ${actual}`);
  }
  if (own) return own.bytes;
  if (!key.extractable) {
    throw new NotSupportedError(`"${name}" is a non-extractable CryptoKey: oblivia computes on the key's bytes`);
  }
  if (type === 'public') return new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return base64urlArgument((await crypto.subtle.exportKey('jwk', key)).d, `${name} (d)`);
}
