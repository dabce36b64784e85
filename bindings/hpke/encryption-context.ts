// RFC 9180 §5.2–5.3: encryption contexts. A sender context seals, a receiver context opens, both
// export. Each message uses ComputeNonce(seq) = base_nonce XOR I2OSP(seq, Nn) and increments seq;
// a failed open leaves seq unchanged. After 2^96 - 1 messages the context throws
// CryptoError('LIMIT'). `destroy()` wipes the context's secrets.
import { CryptoError } from '../crypto-error.js';
import { bytes, integer, optionalBytes } from '../utils/arguments.js';
import { ascii } from '../utils/bytes.js';
import type { HpkeAead } from './hpke-aead.js';
import { hexId } from './ids.js';
import type { LabeledKdf } from './labeled.js';
import type { ContextSecrets } from './key-schedule.js';

const LABEL_SEC = ascii('sec');

abstract class Context {
  readonly #kdf: LabeledKdf;
  protected readonly aead: HpkeAead;
  readonly #key: Uint8Array;
  readonly #baseNonce: Uint8Array;
  readonly #exporterSecret: Uint8Array;
  /** I2OSP(seq, Nn), big-endian. */
  readonly #seq: Uint8Array;
  #destroyed = false;

  /** Takes ownership of `secrets`. `seq` (Nn bytes, default 0) lets tests start near the limit. */
  constructor(kdf: LabeledKdf, aead: HpkeAead, secrets: ContextSecrets, seq?: Uint8Array) {
    this.#kdf = kdf;
    this.aead = aead;
    this.#key = secrets.key;
    this.#baseNonce = secrets.baseNonce;
    this.#exporterSecret = secrets.exporterSecret;
    this.#seq = new Uint8Array(aead.nonceLength);
    if (seq !== undefined) this.#seq.set(seq);
  }

  /** §5.3 Export: LabeledExpand(exporter_secret, "sec", exporter_context, L), L ≤ 255·Nh. */
  export(exporterContext: Uint8Array, length: number): Uint8Array {
    this.live();
    bytes(exporterContext, 'exporterContext');
    integer(length, 'length', 0, 255 * this.#kdf.outputLength);
    return this.#kdf.expand(this.#exporterSecret, LABEL_SEC, exporterContext, length);
  }

  /** Wipes the key, base nonce and exporter secret; any later call throws a TypeError. */
  destroy(): void {
    this.#key.fill(0);
    this.#baseNonce.fill(0);
    this.#exporterSecret.fill(0);
    this.#destroyed = true;
  }

  private live(): void {
    if (this.#destroyed) throw new TypeError('this HPKE context was destroyed');
  }

  /**
   * Runs one AEAD operation under ComputeNonce(seq) and increments seq if it succeeds. Throws a
   * TypeError for the export-only mode and CryptoError('LIMIT') once seq has reached 2^(8·Nn) − 1.
   */
  protected withNonce(
    run: (cipher: NonNullable<HpkeAead['cipher']>, key: Uint8Array, nonce: Uint8Array) => Uint8Array,
  ): Uint8Array {
    this.live();
    const cipher = this.aead.cipher;
    if (cipher === undefined) {
      throw new TypeError(
        `hpke.AEAD.EXPORT_ONLY (${hexId(this.aead.id)}): this context only exports secrets; seal and open are unavailable`,
      );
    }
    const seq = this.#seq;
    if (seq.every((byte) => byte === 0xff)) throw new CryptoError('LIMIT');
    const nonce = new Uint8Array(seq.length);
    for (let i = 0; i < nonce.length; i++) nonce[i] = this.#baseNonce[i]! ^ seq[i]!;
    try {
      const result = run(cipher, this.#key, nonce);
      for (let i = seq.length - 1; i >= 0; i--) {
        seq[i] = (seq[i]! + 1) & 0xff; // cannot wrap around: checked above
        if (seq[i] !== 0) break;
      }
      return result;
    } finally {
      nonce.fill(0);
    }
  }
}

/**
 * An HPKE sender context (RFC 9180 §5.2): `seal` messages in order, `export` secrets (§5.3),
 * `destroy` to wipe its key, base nonce and exporter secret. From {@link HpkeSuite.setupSender}.
 *
 * @example
 * ```ts
 * import { hpke } from 'oblivia/hpke';
 *
 * const suite = hpke.suite({ kem: hpke.KEM.X25519_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM });
 * const { publicKey } = suite.generateKeyPair();
 * const { enc, context } = suite.setupSender(publicKey, { info: new TextEncoder().encode('app') });
 * const ct1 = context.seal(new TextEncoder().encode('first'));
 * const ct2 = context.seal(new TextEncoder().encode('second'));
 * context.destroy();
 * ```
 */
export class SenderContext extends Context {
  /** ContextS.Seal(aad, pt): ciphertext ‖ tag. */
  seal(pt: Uint8Array, aad?: Uint8Array): Uint8Array {
    bytes(pt, 'pt');
    const associated = optionalBytes(aad, 'aad');
    return this.withNonce((cipher, key, nonce) => cipher(key, nonce, associated).encrypt(pt));
  }
}

/**
 * An HPKE receiver context (RFC 9180 §5.2): `open` messages in the sender's order, `export`
 * secrets (§5.3), `destroy` to wipe it. From {@link HpkeSuite.setupReceiver}.
 *
 * @example
 * ```ts
 * const context = suite.setupReceiver(enc, recipient, { info: new TextEncoder().encode('app') });
 * context.open(ct1); // CryptoError INVALID_TAG if it does not authenticate
 * context.open(ct2);
 * context.destroy();
 * ```
 */
export class ReceiverContext extends Context {
  /** ContextR.Open(aad, ct): the plaintext, or CryptoError('INVALID_TAG') (seq unchanged). */
  open(ct: Uint8Array, aad?: Uint8Array): Uint8Array {
    bytes(ct, 'ct');
    const associated = optionalBytes(aad, 'aad');
    if (this.aead.cipher !== undefined && ct.length < this.aead.tagLength) {
      throw new RangeError(`"ct" expected Uint8Array of length >= ${this.aead.tagLength}, got length=${ct.length}`);
    }
    return this.withNonce((cipher, key, nonce) => cipher(key, nonce, associated).decrypt(ct));
  }
}
