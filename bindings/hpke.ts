// oblivia/hpke: HPKE (RFC 9180). `hpke.suite({ kem, kdf, aead })` with the ids grouped by registry:
// `hpke.KEM.X25519_HKDF_SHA256`, `hpke.KDF.HKDF_SHA256`, `hpke.AEAD.AES_128_GCM`.
import { AEAD, KDF, KEM } from './hpke/ids.js';
import { suite } from './hpke/hpke-suite.js';

/**
 * HPKE (RFC 9180): every mode, DHKEM X25519 / P-256 / P-384 / P-521, HKDF-SHA256/384/512, AES-GCM,
 * ChaCha20-Poly1305, export-only.
 *
 * @namespace
 */
export const hpke = Object.freeze({
  /**
   * The suite of a KEM, a KDF and an AEAD ({@link HpkeSuite}).
   *
   * @throws `TypeError` for an id that is not a number, `RangeError` for an unknown one (`"kem"`,
   * `"kdf"`, `"aead"` named). The suite's methods throw `RangeError` for a key, `enc` or `psk` of
   * the wrong length, `CryptoError` `INVALID_POINT` for an invalid public key, `INVALID_TAG` when
   * `open` fails, `LIMIT` after 2^96 − 1 messages of a context.
   * @example
   * ```ts
   * import { hpke } from 'oblivia/hpke';
   *
   * const suite = hpke.suite({ kem: hpke.KEM.X25519_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 });
   * const recipient = suite.generateKeyPair();
   * const info = new TextEncoder().encode('app');
   * const { enc, ct } = suite.seal(recipient.publicKey, new TextEncoder().encode('hello'), { info });
   * suite.open(enc, recipient, ct, { info }); // 'hello'
   * ```
   */
  suite,
  /** RFC 9180 §7.1 KEM ids: `X25519_HKDF_SHA256`, `P256_HKDF_SHA256`, `P384_HKDF_SHA384`, `P521_HKDF_SHA512`. */
  KEM,
  /** RFC 9180 §7.2 KDF ids: `HKDF_SHA256`, `HKDF_SHA384`, `HKDF_SHA512`. */
  KDF,
  /** RFC 9180 §7.3 AEAD ids: `AES_128_GCM`, `AES_256_GCM`, `CHACHA20_POLY1305`, `EXPORT_ONLY`. */
  AEAD,
});

export type { AeadId, KdfId, KemId } from './hpke/ids.js';
export type {
  HpkeSuite,
  HpkeSuiteIds,
  KeyPair,
  OpenOptions,
  ReceiverContext,
  ReceiverOptions,
  SealOptions,
  SenderContext,
  SenderOptions,
} from './hpke/hpke-suite.js';
