// The error classes of hpke-js 1.8.0 (@hpke/common), with the same names, hierarchy and messages,
// so code that catches OpenError, DeserializeError, … keeps working. What oblivia threw is the
// `cause`: a CryptoError keeps its `code` there (`INVALID_TAG`, `INVALID_POINT`, …).
import { CryptoError } from '../crypto-error.js';

/**
 * The base class of hpke-js's error classes, which the adapter throws where hpke-js throws them.
 * Its `name` is the class's name, and its `cause` is the error oblivia threw underneath (a
 * `CryptoError` keeps its `code` there: `INVALID_TAG`, `INVALID_POINT`, …).
 *
 * @example
 * ```ts
 * import { AeadId, CipherSuite, HpkeError, KdfId, KemId } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: KemId.DhkemX25519HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
 * const rkp = await suite.kem.generateKeyPair();
 * const enc = new Uint8Array(32); // a low-order point: the X25519 shared secret is all zeros
 * const e = await suite.createRecipientContext({ recipientKey: rkp, enc }).catch((e: unknown) => e);
 * if (!(e instanceof HpkeError)) throw new Error('expected an HpkeError');
 * console.log(e.name, e.cause); // 'DecapError', a CryptoError with code 'IDENTITY'
 * ```
 */
export class HpkeError extends Error {
  constructor(e: unknown) {
    super(
      e instanceof Error ? e.message : typeof e === 'string' ? e : '',
      e instanceof Error ? { cause: e } : undefined,
    );
    this.name = new.target.name;
  }
}

/**
 * An invalid parameter: an unknown algorithm id, a KEM id hpke-js does not take by id, a PSK
 * shorter than 32 bytes (RFC 9180 §5.1.1) or with an empty id, or an input over hpke-js's limits
 * (psk, psk_id, ikm, `ekm` and exporter contexts up to 8192 bytes, info up to 2^28: `Too long
 * psk.key`, …).
 *
 * @example
 * ```ts
 * import { AeadId, CipherSuite, InvalidParamError, KdfId, KemId } from 'oblivia/hpke-js';
 *
 * try {
 *   new CipherSuite({ kem: KemId.MlKem768, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm }); // hpke-js takes ML-KEM as an object
 * } catch (e) {
 *   if (!(e instanceof InvalidParamError)) throw e;
 * }
 * ```
 */
export class InvalidParamError extends HpkeError {}

/**
 * A KEM input or output validation failure, in hpke-js. The adapter does not throw it: an invalid
 * point is a DeserializeError, a low-order X25519 input a DecapError or EncapError. The class is
 * here for code that names it.
 *
 * @example
 * ```ts
 * import { HpkeError, ValidationError } from 'oblivia/hpke-js';
 *
 * const e: HpkeError = new ValidationError('invalid public key');
 * if (!(e instanceof HpkeError) || e.name !== 'ValidationError') throw new Error('hierarchy');
 * ```
 */
export class ValidationError extends HpkeError {}

/**
 * A public or private key serialization failure (RFC 9180 §7.1.1–7.1.2): a key of another type or
 * KEM, or a non-extractable WebCrypto key, whose bytes WebCrypto does not give out.
 *
 * @example
 * ```ts
 * import { DhkemP256HkdfSha256, SerializeError } from 'oblivia/hpke-js';
 *
 * const kem = new DhkemP256HkdfSha256();
 * const { publicKey } = await kem.generateKeyPair();
 * const e = await kem.serializePrivateKey(publicKey).catch((e: unknown) => e); // a public key
 * if (!(e instanceof SerializeError)) throw new Error('expected a SerializeError');
 * ```
 */
export class SerializeError extends HpkeError {}

/**
 * A public or private key deserialization failure (RFC 9180 §7.1.1–7.1.2): a wrong length, a point
 * off the curve, a NIST private key outside [1, n−1]; also an `enc` that is not a public key of the
 * KEM, and any failure of `importKey`.
 *
 * @example
 * ```ts
 * import { DeserializeError, DhkemX25519HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const kem = new DhkemX25519HkdfSha256();
 * const e = await kem.deserializePublicKey(new Uint8Array(31)).catch((e: unknown) => e); // Npk is 32
 * if (!(e instanceof DeserializeError)) throw new Error('expected a DeserializeError');
 * ```
 */
export class DeserializeError extends HpkeError {}

/**
 * An Encap or AuthEncap failure (RFC 9180 §4.1), in the sender's setup or single-shot seal: a key
 * of another type or KEM (its `cause` a TypeError), a low-order X25519 public key, ….
 *
 * @example
 * ```ts
 * import { AeadId, CipherSuite, EncapError, KdfId, KemId } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: KemId.DhkemP256HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
 * const rkp = await suite.kem.generateKeyPair();
 * const e = await suite.createSenderContext({ recipientPublicKey: rkp.privateKey }).catch((e: unknown) => e);
 * if (!(e instanceof EncapError)) throw new Error('expected an EncapError'); // a private key, not a public one
 * ```
 */
export class EncapError extends HpkeError {}

/**
 * A Decap or AuthDecap failure (RFC 9180 §4.1), in the recipient's setup or single-shot open: a
 * key of another type or KEM (its `cause` a TypeError), an `enc` giving an all-zero X25519 shared
 * secret, ….
 *
 * @example
 * ```ts
 * import { AeadId, CipherSuite, DecapError, KdfId, KemId } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: KemId.DhkemP256HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
 * const rkp = await suite.kem.generateKeyPair();
 * const { enc } = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
 * const e = await suite.createRecipientContext({ recipientKey: rkp.publicKey, enc }).catch((e: unknown) => e);
 * if (!(e instanceof DecapError)) throw new Error('expected a DecapError'); // a public key, not a private one
 * ```
 */
export class DecapError extends HpkeError {}

/**
 * A secret export failure (RFC 9180 §5.3): a length above 255·Nh, negative or not an integer.
 *
 * @example
 * ```ts
 * import { AeadId, CipherSuite, ExportError, KdfId, KemId } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: KemId.DhkemX25519HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
 * const rkp = await suite.kem.generateKeyPair();
 * const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
 * const e = await sender.export(new TextEncoder().encode('ctx'), 255 * 32 + 1).catch((e: unknown) => e);
 * if (!(e instanceof ExportError)) throw new Error('expected an ExportError'); // HKDF-SHA256: 255·32 at most
 * ```
 */
export class ExportError extends HpkeError {}

/**
 * A seal failure of a sender context (RFC 9180 §5.2), or of the single-shot `seal` with a
 * non-extractable sender key (the single-shot `seal` otherwise reports its one core call as an
 * EncapError). An exhausted sequence number is a MessageLimitReachedError instead.
 *
 * @example
 * ```ts
 * import { SealError } from 'oblivia/hpke-js';
 *
 * const ct = await sender.seal(pt).catch((e: unknown) => {
 *   if (e instanceof SealError) console.log(e.cause); // what oblivia threw
 *   throw e;
 * });
 * ```
 */
export class SealError extends HpkeError {}

/**
 * An open failure (RFC 9180 §5.2): the ciphertext does not authenticate under the context's key,
 * nonce and `aad` (another key, info, PSK or aad, a tampered ciphertext, one shorter than the tag).
 *
 * @example
 * ```ts
 * import { AeadId, CipherSuite, KdfId, KemId, OpenError } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: KemId.DhkemX25519HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
 * const rkp = await suite.kem.generateKeyPair();
 * const { ct, enc } = await suite.seal({ recipientPublicKey: rkp.publicKey }, new TextEncoder().encode('hi'));
 * const e = await suite.open({ recipientKey: rkp, enc }, ct, new TextEncoder().encode('other aad')).catch((e: unknown) => e);
 * if (!(e instanceof OpenError)) throw new Error('expected an OpenError');
 * ```
 */
export class OpenError extends HpkeError {}

/**
 * The context's sequence number is exhausted (RFC 9180 §5.2): after 2^96 − 1 messages, `seal` and
 * `open` refuse.
 *
 * @example
 * ```ts
 * import { MessageLimitReachedError } from 'oblivia/hpke-js';
 *
 * const ct = await sender.seal(pt).catch((e: unknown) => {
 *   if (!(e instanceof MessageLimitReachedError)) throw e;
 *   return undefined; // set up a new context
 * });
 * ```
 */
export class MessageLimitReachedError extends HpkeError {}

/**
 * A DeriveKeyPair failure (RFC 9180 §7.1.3): `ikm` shorter than Nsk bytes (hpke-js takes it; the
 * adapter does not).
 *
 * @example
 * ```ts
 * import { DeriveKeyPairError, DhkemX25519HkdfSha256 } from 'oblivia/hpke-js';
 *
 * const kem = new DhkemX25519HkdfSha256();
 * const e = await kem.deriveKeyPair(new Uint8Array(16)).catch((e: unknown) => e); // Nsk is 32
 * if (!(e instanceof DeriveKeyPairError)) throw new Error('expected a DeriveKeyPairError');
 * ```
 */
export class DeriveKeyPairError extends HpkeError {}

/**
 * An algorithm, key or operation the adapter does not offer: a KEM other than DHKEM X25519, P-256,
 * P-384 and P-521 (X448 included), a KDF other than HKDF-SHA256/384/512, an `ekm` given as a key
 * pair, a lone non-extractable private key (pass its CryptoKeyPair), seal and open in an
 * export-only suite, seal on a recipient context and open on a sender context.
 *
 * @example
 * ```ts
 * import { DhkemX448HkdfSha512, NotSupportedError } from 'oblivia/hpke-js';
 *
 * try {
 *   new DhkemX448HkdfSha512(); // oblivia has no X448
 * } catch (e) {
 *   if (!(e instanceof NotSupportedError)) throw e;
 * }
 * ```
 */
export class NotSupportedError extends HpkeError {}

type HpkeErrorClass = new (e: unknown) => HpkeError;

/**
 * The hpke-js error for a failure inside an operation whose failures are `Fallback`s. An HpkeError
 * passes unchanged; a point that does not decode is a DeserializeError, a ciphertext that does not
 * authenticate an OpenError and an exhausted sequence number a MessageLimitReachedError, wherever
 * they happen.
 */
function hpkeError(e: unknown, Fallback: HpkeErrorClass): HpkeError {
  if (e instanceof HpkeError) return e;
  if (e instanceof CryptoError && e.code === 'INVALID_TAG') return new OpenError(e);
  if (e instanceof CryptoError && e.code === 'INVALID_POINT') return new DeserializeError(e);
  if (e instanceof CryptoError && e.code === 'LIMIT') return new MessageLimitReachedError(e);
  return new Fallback(e);
}

/**
 * Runs one operation, mapping what it throws with hpkeError. `run` starts synchronously, so
 * operations on a context happen in call order even when nobody awaits between them.
 */
export async function attempt<T>(Fallback: HpkeErrorClass, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw hpkeError(e, Fallback);
  }
}
