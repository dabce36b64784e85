// The DHKEMs of RFC 9180 §4.1 as hpke-js's KEM objects (`suite.kem`, or passed to a CipherSuite in
// the @hpke/core style): the sizes of §7.1 Table 2 and the key methods — generation, derivation
// (§7.1.3), (de)serialization (§7.1.1–7.1.2) and importKey — all async, over oblivia's HPKE.
import { hpke, type HpkeSuite } from '../hpke.js';
import { AEAD, KDF, type KemId as OurKemId } from '../hpke/ids.js';
import { objectArgument } from '../utils/arguments.js';
import { arrayBuffer, bytesArgument, type BufferInput } from './buffers.js';
import { attempt, DeriveKeyPairError, DeserializeError, NotSupportedError, SerializeError } from './hpke-js-errors.js';
import { KemId } from './identifiers.js';
import { jwkPrivateKey, jwkPublicKey } from './jwk.js';
import { checkLength } from './limits.js';
import { keyArgument, keyBytes, newKey, type KeyKind } from './keys.js';

/**
 * A KEM as hpke-js's KemInterface has it (`suite.kem`, or a KEM object below): its sizes and key
 * methods, less encap/decap (the CipherSuite runs those inside oblivia).
 */
export interface KemInterface {
  /** Its id ({@link KemId}). */
  readonly id: KemId;
  /** Nsecret: bytes of the KEM's shared secret (RFC 9180 §7.1 Table 2). */
  readonly secretSize: number;
  /** Nenc: bytes of `enc`. */
  readonly encSize: number;
  /** Npk: bytes of a serialized public key. */
  readonly publicKeySize: number;
  /** Nsk: bytes of a serialized private key. */
  readonly privateKeySize: number;
  /**
   * SerializePublicKey (RFC 9180 §7.1.1): Npk bytes, X25519's 32 or the SEC1 uncompressed point
   * `04 ‖ x ‖ y`. Takes the adapter's keys, hpke-js's and WebCrypto's.
   *
   * @throws `TypeError` if `key` is not a CryptoKey; `SerializeError` for a private key or a key of
   * another KEM.
   */
  serializePublicKey(key: CryptoKey): Promise<ArrayBuffer>;
  /**
   * DeserializePublicKey (RFC 9180 §7.1.1): the public key of these Npk bytes.
   *
   * @throws `TypeError` if `key` is not an ArrayBuffer or a view; `DeserializeError` for a wrong
   * length or a point off the curve.
   */
  deserializePublicKey(key: BufferInput): Promise<CryptoKey>;
  /**
   * SerializePrivateKey (RFC 9180 §7.1.2): Nsk bytes; X25519 keys come out clamped, as the RFC
   * requires.
   *
   * @throws `TypeError` if `key` is not a CryptoKey; `SerializeError` for a public key, a key of
   * another KEM, or a non-extractable WebCrypto key (its bytes cannot be read).
   */
  serializePrivateKey(key: CryptoKey): Promise<ArrayBuffer>;
  /**
   * DeserializePrivateKey (RFC 9180 §7.1.2): the private key of these Nsk bytes.
   *
   * @throws `TypeError` if `key` is not an ArrayBuffer or a view; `DeserializeError` for a wrong
   * length or a NIST scalar outside [1, n−1].
   */
  deserializePrivateKey(key: BufferInput): Promise<CryptoKey>;
  /**
   * A key from its serialization (`'raw'`; `isPublic`, true by default, says which) or from a JWK
   * (`'jwk'`: EC for the NIST curves, RFC 7518 §6.2; OKP for X25519, RFC 8037 §2). A private JWK's
   * `x` (and `y`), if present, must match its `d`.
   *
   * @throws `DeserializeError` for any failure, as in hpke-js: a key that does not fit the format
   * or the KEM, an invalid key, an unknown format, an argument of the wrong type.
   */
  importKey(format: 'raw' | 'jwk', key: ArrayBuffer | JsonWebKey, isPublic?: boolean): Promise<CryptoKey>;
  /**
   * GenerateKeyPair (RFC 9180 §4): a fresh random key pair (a failure is a NotSupportedError, as in
   * hpke-js).
   */
  generateKeyPair(): Promise<CryptoKeyPair>;
  /**
   * DeriveKeyPair(ikm) (RFC 9180 §7.1.3): the key pair of this input keying material.
   *
   * @throws `TypeError` if `ikm` is not an ArrayBuffer or a view; `InvalidParamError` (`Too long
   * ikm`) above 8192 bytes; `DeriveKeyPairError` below Nsk bytes.
   */
  deriveKeyPair(ikm: BufferInput): Promise<CryptoKeyPair>;
}

const ecdh = (namedCurve: string): EcKeyAlgorithm => ({ name: 'ECDH', namedCurve });

/** Per KEM: its name, Nsecret (§7.1 Table 2) and WebCrypto's algorithm for its keys. */
const KINDS = new Map<number, KeyKind & { secretSize: number }>(
  (
    [
      [KemId.DhkemP256HkdfSha256, 'DHKEM(P-256, HKDF-SHA256)', 32, ecdh('P-256')],
      [KemId.DhkemP384HkdfSha384, 'DHKEM(P-384, HKDF-SHA384)', 48, ecdh('P-384')],
      [KemId.DhkemP521HkdfSha512, 'DHKEM(P-521, HKDF-SHA512)', 64, ecdh('P-521')],
      [KemId.DhkemX25519HkdfSha256, 'DHKEM(X25519, HKDF-SHA256)', 32, { name: 'X25519' }],
    ] as const
  ).map(([kem, label, secretSize, algorithm]) => [kem, { kem, label, secretSize, algorithm }]),
);

/** One DHKEM. It makes the adapter's CryptoKeys and takes hpke-js's and WebCrypto's keys too (keys.ts). */
abstract class Dhkem implements KemInterface {
  readonly id: KemId;
  readonly secretSize: number;
  readonly encSize: number;
  readonly publicKeySize: number;
  readonly privateKeySize: number;
  readonly #kind: KeyKind;
  /** Key handling depends on the KEM alone (§4.1, §7.1): any KDF and AEAD do. */
  readonly #keys: HpkeSuite;

  protected constructor(id: KemId) {
    const kind = KINDS.get(id)!;
    this.#kind = kind;
    this.#keys = hpke.suite({ kem: id as OurKemId, kdf: KDF.HKDF_SHA256, aead: AEAD.EXPORT_ONLY });
    this.id = id;
    this.secretSize = kind.secretSize;
    this.encSize = this.#keys.encLength;
    this.publicKeySize = this.#keys.publicKeyLength;
    this.privateKeySize = this.#keys.privateKeyLength;
  }

  #pair({ publicKey, privateKey }: { publicKey: Uint8Array; privateKey: Uint8Array }): CryptoKeyPair {
    return {
      publicKey: newKey(this.#kind, 'public', publicKey),
      privateKey: newKey(this.#kind, 'private', privateKey),
    };
  }

  /** A fresh random key pair; NotSupportedError if that fails (as hpke-js). */
  async generateKeyPair(): Promise<CryptoKeyPair> {
    return attempt(NotSupportedError, () => this.#pair(this.#keys.generateKeyPair()));
  }

  /**
   * DeriveKeyPair(ikm) of §7.1.3; `ikm` needs at least Nsk bytes (else DeriveKeyPairError) and at
   * most 8192 (else InvalidParamError, as in hpke-js).
   */
  async deriveKeyPair(ikm: BufferInput): Promise<CryptoKeyPair> {
    const input = bytesArgument(ikm, 'ikm');
    checkLength(input, 'ikm');
    return attempt(DeriveKeyPairError, () => this.#pair(this.#keys.deriveKeyPair(input)));
  }

  /** SerializePublicKey (§7.1.1): X25519's 32 bytes, or the SEC1 uncompressed point. */
  async serializePublicKey(key: CryptoKey): Promise<ArrayBuffer> {
    const k = keyArgument(key, 'key');
    return attempt(SerializeError, async () => {
      const pk = await keyBytes(k, this.#kind, 'public', 'key');
      return arrayBuffer(this.#keys.serializePublicKey(pk));
    });
  }

  /** DeserializePublicKey (§7.1.1); DeserializeError for a wrong length or a point off the curve. */
  async deserializePublicKey(key: BufferInput): Promise<CryptoKey> {
    const input = bytesArgument(key, 'key');
    return attempt(DeserializeError, () => newKey(this.#kind, 'public', this.#keys.deserializePublicKey(input)));
  }

  /** SerializePrivateKey (§7.1.2): X25519 keys come out clamped, as the RFC requires. */
  async serializePrivateKey(key: CryptoKey): Promise<ArrayBuffer> {
    const k = keyArgument(key, 'key');
    return attempt(SerializeError, async () => {
      const sk = await keyBytes(k, this.#kind, 'private', 'key');
      return arrayBuffer(this.#keys.serializePrivateKey(sk));
    });
  }

  /** DeserializePrivateKey (§7.1.2); DeserializeError for a wrong length or a NIST scalar outside [1, n−1]. */
  async deserializePrivateKey(key: BufferInput): Promise<CryptoKey> {
    const input = bytesArgument(key, 'key');
    return attempt(DeserializeError, () => newKey(this.#kind, 'private', this.#keys.deserializePrivateKey(input)));
  }

  /**
   * A key from its serialization (`'raw'`) or a JWK (`'jwk'`); `isPublic` says which for `'raw'`
   * and is checked against the JWK. A private JWK's `x` (and `y`), if present, must match `d`.
   * Any failure is a DeserializeError, as in hpke-js — a key that does not fit the format too.
   */
  async importKey(format: 'raw' | 'jwk', key: ArrayBuffer | JsonWebKey, isPublic = true): Promise<CryptoKey> {
    return attempt(DeserializeError, () => {
      if (format === 'raw') {
        const raw = bytesArgument(key, 'key');
        return isPublic ? this.deserializePublicKey(raw) : this.deserializePrivateKey(raw);
      }
      if (format !== 'jwk') throw new TypeError(`key format "${String(format)}" is not supported; use "raw" or "jwk"`);
      if (ArrayBuffer.isView(key) || key instanceof ArrayBuffer) {
        throw new TypeError('"key" expected a JsonWebKey for the "jwk" format');
      }
      const jwk = objectArgument(key, 'key');
      if (isPublic) {
        return newKey(
          this.#kind,
          'public',
          this.#keys.deserializePublicKey(jwkPublicKey(jwk, this.#kind, this.privateKeySize)),
        );
      }
      const { privateKey, publicKey } = jwkPrivateKey(jwk, this.#kind, this.privateKeySize);
      const sk = this.#keys.deserializePrivateKey(privateKey);
      if (publicKey !== undefined && !equal(this.#keys.getPublicKey(sk), publicKey)) {
        throw new RangeError('the JWK\'s public key does not match its "d"');
      }
      return newKey(this.#kind, 'private', sk);
    });
  }
}

const equal = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** What the keys of a KEM below carry: its id, name and WebCrypto algorithm. */
export const kemKind = (kem: Dhkem): KeyKind => KINDS.get(kem.id)!;

/**
 * DHKEM(P-256, HKDF-SHA256) (RFC 9180 §4.1, §7.1, id `0x0010`; Npk = Nenc = 65, Nsk = 32): the
 * `kem` of a CipherSuite in the `@hpke/core` style, and the KEM object with the key methods.
 *
 * @example
 * ```ts
 * import { DhkemP256HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const kem = new DhkemP256HkdfSha256();
 * const { privateKey } = await kem.deriveKeyPair(crypto.getRandomValues(new Uint8Array(32))); // ikm: at least Nsk bytes
 * const skBytes = await kem.serializePrivateKey(privateKey); // 32 bytes
 * const sk = await kem.deserializePrivateKey(skBytes);
 * ```
 */
export class DhkemP256HkdfSha256 extends Dhkem {
  constructor() {
    super(KemId.DhkemP256HkdfSha256);
  }
}

/**
 * DHKEM(P-384, HKDF-SHA384) (RFC 9180 §4.1, §7.1, id `0x0011`; Npk = Nenc = 97, Nsk = 48): the
 * `kem` of a CipherSuite in the `@hpke/core` style, and the KEM object with the key methods.
 *
 * @example
 * ```ts
 * import { DhkemP384HkdfSha384 } from 'oblivia/hpke-js';
 *
 * const kem = new DhkemP384HkdfSha384();
 * const webCrypto = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-384' }, true, ['deriveBits'])) as CryptoKeyPair;
 * const pk = await kem.importKey('jwk', await crypto.subtle.exportKey('jwk', webCrypto.publicKey));
 * const pkBytes = await kem.serializePublicKey(pk); // 97 bytes: 04 ‖ x ‖ y
 * ```
 */
export class DhkemP384HkdfSha384 extends Dhkem {
  constructor() {
    super(KemId.DhkemP384HkdfSha384);
  }
}

/**
 * DHKEM(P-521, HKDF-SHA512) (RFC 9180 §4.1, §7.1, id `0x0012`; Npk = Nenc = 133, Nsk = 66): the
 * `kem` of a CipherSuite in the `@hpke/core` style, and the KEM object with the key methods.
 *
 * @example
 * ```ts
 * import { Aes256Gcm, CipherSuite, DhkemP521HkdfSha512, HkdfSha512 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemP521HkdfSha512(), kdf: new HkdfSha512(), aead: new Aes256Gcm() });
 * const rkp = await suite.kem.generateKeyPair();
 * const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
 * sender.enc.byteLength; // 133
 * ```
 */
export class DhkemP521HkdfSha512 extends Dhkem {
  constructor() {
    super(KemId.DhkemP521HkdfSha512);
  }
}

/**
 * DHKEM(X25519, HKDF-SHA256) (RFC 9180 §4.1, §7.1, id `0x0020`; Npk = Nenc = Nsk = 32): the `kem`
 * of a CipherSuite in the `@hpke/core` style, and the KEM object with the key methods.
 *
 * @example
 * ```ts
 * import { DhkemX25519HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const kem = new DhkemX25519HkdfSha256();
 * const { publicKey } = await kem.generateKeyPair();
 * const pkBytes = await kem.serializePublicKey(publicKey); // 32 bytes, for the sender
 * const pk = await kem.importKey('raw', pkBytes); // isPublic: true by default
 * ```
 */
export class DhkemX25519HkdfSha256 extends Dhkem {
  constructor() {
    super(KemId.DhkemX25519HkdfSha256);
  }
}

const noX448 = (): never => {
  throw new NotSupportedError('KEM DhkemX448HkdfSha512 (0x0021) is not supported');
};

/**
 * DHKEM(X448, HKDF-SHA512) (RFC 9180 §7.1, id `0x0021`), which hpke-js and `@hpke/core` implement:
 * oblivia has no X448, so constructing one throws NotSupportedError (as does a CipherSuite given
 * `KemId.DhkemX448HkdfSha512`).
 *
 * @throws `NotSupportedError`, always.
 * @example
 * ```ts
 * import { DhkemX448HkdfSha512, NotSupportedError } from 'oblivia/hpke-js';
 *
 * try {
 *   new DhkemX448HkdfSha512();
 * } catch (e) {
 *   if (!(e instanceof NotSupportedError)) throw e; // use DhkemX25519HkdfSha256
 * }
 * ```
 */
export class DhkemX448HkdfSha512 extends Dhkem {
  constructor() {
    super(noX448());
  }
}

export type { Dhkem };

/** The KEM object for a supported id, or undefined. */
export function kemById(id: number): Dhkem | undefined {
  switch (id) {
    case KemId.DhkemP256HkdfSha256:
      return new DhkemP256HkdfSha256();
    case KemId.DhkemP384HkdfSha384:
      return new DhkemP384HkdfSha384();
    case KemId.DhkemP521HkdfSha512:
      return new DhkemP521HkdfSha512();
    case KemId.DhkemX25519HkdfSha256:
      return new DhkemX25519HkdfSha256();
    default:
      return undefined;
  }
}
