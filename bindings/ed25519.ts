// Ed25519 signatures (RFC 8032 §5.1), in @noble/curves v2's shape. A secret key is the 32-byte
// seed of §5.1.5. Verification is Go's crypto/ed25519's (which C2SP signed notes are checked
// with): S must be below ℓ, the equation is cofactorless and R must be the canonical encoding of
// [S]B − [k]A; any signature or key of the right length that fails is `false`, never an error.
import { active } from './backend/select.js';
import { bytes } from './utils/arguments.js';

const lengths = Object.freeze({ secretKey: 32, publicKey: 32, signature: 64, seed: 32 });

const secretKeyArgument = (value: unknown) => bytes(value, 'secretKey', lengths.secretKey);

function randomSecretKey(seed?: Uint8Array): Uint8Array {
  if (seed !== undefined) return bytes(seed, 'seed', lengths.seed);
  return crypto.getRandomValues(new Uint8Array(lengths.seed));
}

/**
 * Ed25519 signatures (RFC 8032 §5.1) in @noble/curves v2's shape. The secret key is the 32-byte
 * seed of §5.1.5; verification is Go's crypto/ed25519's (cofactorless, S < ℓ, canonical R), the
 * rule C2SP signed notes are checked with.
 *
 * @namespace
 */
export const ed25519 = Object.freeze({
  /** Byte lengths: secretKey 32, publicKey 32, signature 64, seed 32. */
  lengths,
  /**
   * §5.1.5: the 32-byte public key A of a secret key.
   *
   * @throws `TypeError` for a non-Uint8Array, `RangeError` unless 32 bytes.
   * @example
   * ```ts
   * import { ed25519 } from 'oblivia/ed25519';
   *
   * ed25519.getPublicKey(ed25519.utils.randomSecretKey()); // 32 bytes
   * ```
   */
  getPublicKey: (secretKey: Uint8Array): Uint8Array => active().ed25519PublicKey(secretKeyArgument(secretKey)),
  /**
   * §5.1.6: the deterministic 64-byte signature R ‖ S of `msg`.
   *
   * @throws `TypeError` for a non-Uint8Array, `RangeError` for a secret key not of 32 bytes.
   * @example
   * ```ts
   * import { ed25519 } from 'oblivia/ed25519';
   *
   * const { secretKey } = ed25519.keygen();
   * ed25519.sign(new TextEncoder().encode('checkpoint'), secretKey); // 64 bytes
   * ```
   */
  sign: (msg: Uint8Array, secretKey: Uint8Array): Uint8Array =>
    active().ed25519Sign(secretKeyArgument(secretKey), bytes(msg, 'msg')),
  /**
   * §5.1.7 as Go checks it: whether `signature` signs `msg` under `publicKey`. An invalid signature
   * or key of the right length is `false`, never an error.
   *
   * @throws `TypeError` for a non-Uint8Array, `RangeError` for a signature not of 64 bytes or a key
   * not of 32.
   * @example
   * ```ts
   * import { ed25519 } from 'oblivia/ed25519';
   *
   * const { secretKey, publicKey } = ed25519.keygen();
   * const msg = new TextEncoder().encode('checkpoint');
   * ed25519.verify(ed25519.sign(msg, secretKey), msg, publicKey); // true
   * ```
   */
  verify: (signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean =>
    active().ed25519Verify(
      bytes(signature, 'signature', lengths.signature),
      bytes(msg, 'msg'),
      bytes(publicKey, 'publicKey', lengths.publicKey),
    ),
  /**
   * A key pair from `seed` (32 bytes, the secret key itself), or from a random one.
   *
   * @throws `TypeError` if `seed` is given and is not a Uint8Array, `RangeError` unless 32 bytes.
   * @example
   * ```ts
   * import { ed25519 } from 'oblivia/ed25519';
   *
   * const { secretKey, publicKey } = ed25519.keygen(); // 32 bytes each
   * ```
   */
  keygen(seed?: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } {
    const secretKey = randomSecretKey(seed);
    return { secretKey, publicKey: active().ed25519PublicKey(secretKey) };
  },
  /**
   * Key helpers, as noble's `ed25519.utils`.
   *
   * @namespace
   */
  utils: Object.freeze({
    /**
     * 32 random bytes (WebCrypto getRandomValues); a given `seed` is checked and returned.
     *
     * @throws `TypeError` if `seed` is given and is not a Uint8Array, `RangeError` unless 32 bytes.
     * @example
     * ```ts
     * import { ed25519 } from 'oblivia/ed25519';
     *
     * const secretKey = ed25519.utils.randomSecretKey();
     * ```
     */
    randomSecretKey,
    /**
     * Whether `secretKey` is a secret key: any 32 bytes are. Never throws.
     *
     * @throws nothing: a value of any type is `false`.
     * @example
     * ```ts
     * import { ed25519 } from 'oblivia/ed25519';
     *
     * ed25519.utils.isValidSecretKey(new Uint8Array(32)); // true
     * ```
     */
    isValidSecretKey: (secretKey: unknown): boolean =>
      secretKey instanceof Uint8Array && secretKey.length === lengths.secretKey,
  }),
});
