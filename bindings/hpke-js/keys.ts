// Keys as hpke-js hands them out: objects implementing WebCrypto's CryptoKey interface, here
// holding the serialized key (RFC 9180 §7.1.1–7.1.2) in a private field. Three other kinds are
// taken too: hpke-js's own XCryptoKeys (its X25519 and X448 keys, the raw key in `key`), extractable
// WebCrypto CryptoKeys (hpke-js's P-256, P-384 and P-521 keys), whose bytes crypto.subtle.exportKey
// gives, and non-extractable WebCrypto private keys, whose DH runs in crypto.subtle (subtle-dhkem.ts).
import { describe } from '../utils/arguments.js';
import { base64urlArgument } from './buffers.js';
import { NotSupportedError, SerializeError } from './hpke-js-errors.js';

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

/** hpke-js's XCryptoKey (@hpke/common): a plain object with the raw key in `key`, the rest as CryptoKey. */
interface XCryptoKey extends CryptoKey {
  readonly key: Uint8Array;
}

function isXCryptoKey(value: unknown): value is XCryptoKey {
  if (typeof value !== 'object' || value === null) return false;
  const { key, type, algorithm } = value as Partial<XCryptoKey>;
  return key instanceof Uint8Array && (type === 'public' || type === 'private') && typeof algorithm?.name === 'string';
}

/** A WebCrypto key whose bytes WebCrypto will not give out: a private one is used through crypto.subtle. */
const isLocked = (key: CryptoKey): boolean => isWebCryptoKey(key) && !key.extractable;

/** TypeError unless `value` is a key this adapter takes: its own, hpke-js's XCryptoKey, or a WebCrypto CryptoKey. */
export function keyArgument(value: unknown, name: string): CryptoKey {
  if (value instanceof HpkeCryptoKey || isXCryptoKey(value) || isWebCryptoKey(value)) return value;
  throw new TypeError(`"${name}" expected CryptoKey, got ${describe(value)}`);
}

const isPair = (value: unknown): value is { privateKey: unknown; publicKey: unknown } =>
  typeof value === 'object' && value !== null && 'privateKey' in value && 'publicKey' in value;

/** A key, or the private key of a CryptoKeyPair (hpke-js takes either as recipientKey and senderKey). */
export function privateKeyArgument(value: unknown, name: string): CryptoKey {
  return isPair(value) ? keyArgument(value.privateKey, `${name}.privateKey`) : keyArgument(value, name);
}

/** The public key of a CryptoKeyPair given as recipientKey or senderKey, or undefined for a lone key. */
export function publicKeyOfPair(value: unknown, name: string): CryptoKey | undefined {
  return isPair(value) ? keyArgument(value.publicKey, `${name}.publicKey`) : undefined;
}

const sameAlgorithm = (a: KeyAlgorithm, b: KeyAlgorithm): boolean =>
  a.name === b.name && (a as EcKeyAlgorithm).namedCurve === (b as EcKeyAlgorithm).namedCurve;

/** TypeError unless `key` is a `type` key of `kind`. */
function checkKey(key: CryptoKey, kind: KeyKind, type: KeyType, name: string): void {
  const own = key instanceof HpkeCryptoKey ? contents(key).kind : undefined;
  if (key.type === type && (own ? own.kem === kind.kem : sameAlgorithm(key.algorithm, kind.algorithm))) return;
  const curve = (key.algorithm as EcKeyAlgorithm).namedCurve;
  const actual = own?.label ?? (curve ? `${key.algorithm.name} ${curve}` : key.algorithm.name);
  throw new TypeError(`"${name}" expected a ${type} key of ${kind.label}, got a ${key.type} key of ${actual}`);
}

/**
 * The serialized key in `key` (not a copy: read only). TypeError unless it is a `type` key of
 * `kind`; SerializeError for a non-extractable WebCrypto key (as hpke-js, whose exportKey fails).
 */
export async function keyBytes(key: CryptoKey, kind: KeyKind, type: KeyType, name: string): Promise<Uint8Array> {
  checkKey(key, kind, type, name);
  if (key instanceof HpkeCryptoKey) return contents(key).bytes;
  if (isXCryptoKey(key)) return key.key;
  if (isLocked(key)) throw new SerializeError(`"${name}" is a non-extractable CryptoKey: its bytes cannot be read`);
  if (type === 'public') return new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return base64urlArgument((await crypto.subtle.exportKey('jwk', key)).d, `${name} (d)`);
}

/** A non-extractable WebCrypto private key with its public key's bytes: DH in crypto.subtle. */
export interface SubtleKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: Uint8Array;
}

/** A private key as the suite computes with it: its bytes, or a SubtleKey. */
export type PrivateKeyInput = { readonly privateKey: Uint8Array; readonly publicKey?: Uint8Array } | SubtleKey;

export const isSubtleKey = (input: PrivateKeyInput): input is SubtleKey => !(input.privateKey instanceof Uint8Array);

/**
 * The private key `key` of `kind`, with the bytes of `pairPublic` (the public key of the pair it
 * came in) when given. A non-extractable WebCrypto key needs its pair: WebCrypto gives no way to
 * compute its public key, which the KEM context (§4.1) holds; NotSupportedError without it.
 */
export async function privateKeyInput(
  key: CryptoKey,
  pairPublic: CryptoKey | undefined,
  kind: KeyKind,
  name: string,
): Promise<PrivateKeyInput> {
  const publicKey = pairPublic && (await keyBytes(pairPublic, kind, 'public', `${name}.publicKey`));
  if (!isLocked(key)) return { privateKey: await keyBytes(key, kind, 'private', name), publicKey };
  checkKey(key, kind, 'private', name);
  if (publicKey === undefined) {
    throw new NotSupportedError(`"${name}" is a non-extractable CryptoKey: pass its CryptoKeyPair`);
  }
  return { privateKey: key, publicKey };
}
