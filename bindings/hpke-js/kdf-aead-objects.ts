// The KDFs (RFC 9180 §7.2) and AEADs (§7.3) as hpke-js's objects: `suite.kdf`, `suite.aead`, or
// passed to a CipherSuite in the @hpke/core style. They carry the id and sizes; the labeled HKDF
// and the AEAD run inside oblivia, so hpke-js's plug-in hooks (extract/expand, labeledExtract/
// labeledExpand, createEncryptionContext) are not offered.
import type { BufferInput } from './buffers.js';
import { AeadId, KdfId } from './identifiers.js';

/**
 * A KDF as hpke-js's objects describe it (`suite.kdf`): its id and Nh, less hpke-js's HKDF hooks.
 */
export interface KdfInterface {
  /** Its id ({@link KdfId}). */
  readonly id: KdfId;
  /** Nh: bytes of the hash's output (RFC 9180 §7.2). */
  readonly hashSize: number;
}

/**
 * hpke-js's type for what its AEAD hook `createEncryptionContext(key)` returns: seal and open under
 * an explicit nonce. Offered so code naming the type compiles; the adapter's AEADs have no such hook.
 */
export interface AeadEncryptionContext {
  /** Seals `data` with `aad` under the nonce `iv`: the ciphertext ‖ tag. */
  seal(iv: BufferInput, data: BufferInput, aad: BufferInput): Promise<ArrayBuffer>;
  /** Opens `data` (ciphertext ‖ tag) with `aad` under the nonce `iv`: the plaintext. */
  open(iv: BufferInput, data: BufferInput, aad: BufferInput): Promise<ArrayBuffer>;
}

/**
 * An AEAD as hpke-js's objects describe it (`suite.aead`): its id and sizes, less hpke-js's hook.
 */
export interface AeadInterface {
  /** Its id ({@link AeadId}). */
  readonly id: AeadId;
  /** Nk: bytes of the key (RFC 9180 §7.3; 0 for export-only). */
  readonly keySize: number;
  /** Nn: bytes of the nonce (0 for export-only). */
  readonly nonceSize: number;
  /** Nt: bytes of the tag (0 for export-only). */
  readonly tagSize: number;
}

/**
 * HKDF-SHA256 (RFC 9180 §7.2, id `0x0001`, Nh = 32): the `kdf` of a CipherSuite, in the
 * `@hpke/core` style.
 *
 * @example
 * ```ts
 * import { Chacha20Poly1305, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
 * suite.kdf.hashSize; // 32
 * ```
 */
export class HkdfSha256 implements KdfInterface {
  readonly id: KdfId = KdfId.HkdfSha256;
  readonly hashSize: number = 32;
}

/**
 * HKDF-SHA384 (RFC 9180 §7.2, id `0x0002`, Nh = 48): the `kdf` of a CipherSuite, in the
 * `@hpke/core` style.
 *
 * @example
 * ```ts
 * import { Aes256Gcm, CipherSuite, DhkemP384HkdfSha384, HkdfSha384 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemP384HkdfSha384(), kdf: new HkdfSha384(), aead: new Aes256Gcm() });
 * suite.kdf.hashSize; // 48
 * ```
 */
export class HkdfSha384 implements KdfInterface {
  readonly id: KdfId = KdfId.HkdfSha384;
  readonly hashSize: number = 48;
}

/**
 * HKDF-SHA512 (RFC 9180 §7.2, id `0x0003`, Nh = 64): the `kdf` of a CipherSuite, in the
 * `@hpke/core` style.
 *
 * @example
 * ```ts
 * import { Aes256Gcm, CipherSuite, DhkemP521HkdfSha512, HkdfSha512 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemP521HkdfSha512(), kdf: new HkdfSha512(), aead: new Aes256Gcm() });
 * suite.kdf.hashSize; // 64
 * ```
 */
export class HkdfSha512 implements KdfInterface {
  readonly id: KdfId = KdfId.HkdfSha512;
  readonly hashSize: number = 64;
}

/**
 * AES-128-GCM (RFC 9180 §7.3, id `0x0001`; Nk = 16, Nn = 12, Nt = 16): the `aead` of a CipherSuite,
 * in the `@hpke/core` style.
 *
 * @example
 * ```ts
 * import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
 * suite.aead.tagSize; // 16
 * ```
 */
export class Aes128Gcm implements AeadInterface {
  readonly id: AeadId = AeadId.Aes128Gcm;
  readonly keySize: number = 16;
  readonly nonceSize: number = 12;
  readonly tagSize: number = 16;
}

/**
 * AES-256-GCM (RFC 9180 §7.3, id `0x0002`; Nk = 32, Nn = 12, Nt = 16): the `aead` of a CipherSuite,
 * in the `@hpke/core` style. A subclass of Aes128Gcm, as in hpke-js.
 *
 * @example
 * ```ts
 * import { Aes256Gcm, CipherSuite, DhkemP384HkdfSha384, HkdfSha384 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemP384HkdfSha384(), kdf: new HkdfSha384(), aead: new Aes256Gcm() });
 * suite.aead.keySize; // 32
 * ```
 */
export class Aes256Gcm extends Aes128Gcm {
  override readonly id: AeadId = AeadId.Aes256Gcm;
  override readonly keySize: number = 32;
}

/**
 * ChaCha20-Poly1305 (RFC 9180 §7.3, id `0x0003`; Nk = 32, Nn = 12, Nt = 16): the `aead` of a
 * CipherSuite, in the `@hpke/core` style (where it comes from `@hpke/chacha20poly1305`; that
 * package's object is taken too).
 *
 * @example
 * ```ts
 * import { Chacha20Poly1305, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
 * suite.aead.id; // 0x0003
 * ```
 */
export class Chacha20Poly1305 implements AeadInterface {
  readonly id: AeadId = AeadId.Chacha20Poly1305;
  readonly keySize: number = 32;
  readonly nonceSize: number = 12;
  readonly tagSize: number = 16;
}

/**
 * No AEAD (RFC 9180 §5.3, id `0xFFFF`): contexts only export secrets; `seal` and `open` reject with
 * NotSupportedError.
 *
 * @example
 * ```ts
 * import { CipherSuite, DhkemX25519HkdfSha256, ExportOnly, HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new ExportOnly() });
 * const rkp = await suite.kem.generateKeyPair();
 * const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
 * const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
 * const label = new TextEncoder().encode('session key');
 * const key = await sender.export(label, 32); // the same 32 bytes as recipient.export(label, 32)
 * ```
 */
export class ExportOnly implements AeadInterface {
  readonly id: AeadId = AeadId.ExportOnly;
  readonly keySize: number = 0;
  readonly nonceSize: number = 0;
  readonly tagSize: number = 0;
}

/** The KDF object for a supported id, or undefined. */
export function kdfById(id: number): KdfInterface | undefined {
  switch (id) {
    case KdfId.HkdfSha256:
      return new HkdfSha256();
    case KdfId.HkdfSha384:
      return new HkdfSha384();
    case KdfId.HkdfSha512:
      return new HkdfSha512();
    default:
      return undefined;
  }
}

/** The AEAD object for a supported id, or undefined. */
export function aeadById(id: number): AeadInterface | undefined {
  switch (id) {
    case AeadId.Aes128Gcm:
      return new Aes128Gcm();
    case AeadId.Aes256Gcm:
      return new Aes256Gcm();
    case AeadId.Chacha20Poly1305:
      return new Chacha20Poly1305();
    case AeadId.ExportOnly:
      return new ExportOnly();
    default:
      return undefined;
  }
}
