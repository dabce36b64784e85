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

/** A KEM as hpke-js's KemInterface has it, less encap/decap (the CipherSuite runs those inside oblivia). */
export interface KemInterface {
  readonly id: KemId;
  /** Nsecret, Nenc, Npk, Nsk. */
  readonly secretSize: number;
  readonly encSize: number;
  readonly publicKeySize: number;
  readonly privateKeySize: number;
  serializePublicKey(key: CryptoKey): Promise<ArrayBuffer>;
  deserializePublicKey(key: BufferInput): Promise<CryptoKey>;
  serializePrivateKey(key: CryptoKey): Promise<ArrayBuffer>;
  deserializePrivateKey(key: BufferInput): Promise<CryptoKey>;
  importKey(format: 'raw' | 'jwk', key: ArrayBuffer | JsonWebKey, isPublic?: boolean): Promise<CryptoKey>;
  generateKeyPair(): Promise<CryptoKeyPair>;
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

export class DhkemP256HkdfSha256 extends Dhkem {
  constructor() {
    super(KemId.DhkemP256HkdfSha256);
  }
}

export class DhkemP384HkdfSha384 extends Dhkem {
  constructor() {
    super(KemId.DhkemP384HkdfSha384);
  }
}

export class DhkemP521HkdfSha512 extends Dhkem {
  constructor() {
    super(KemId.DhkemP521HkdfSha512);
  }
}

export class DhkemX25519HkdfSha256 extends Dhkem {
  constructor() {
    super(KemId.DhkemX25519HkdfSha256);
  }
}

const noX448 = (): never => {
  throw new NotSupportedError('KEM DhkemX448HkdfSha512 (0x0021) is not supported');
};

/** @hpke/core's DHKEM(X448, HKDF-SHA512): oblivia has no X448, so constructing one throws NotSupportedError. */
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
