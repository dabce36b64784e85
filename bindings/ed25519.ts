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

export const ed25519 = Object.freeze({
  lengths,
  /** §5.1.5: the 32-byte public key A of a secret key. */
  getPublicKey: (secretKey: Uint8Array): Uint8Array => active().ed25519PublicKey(secretKeyArgument(secretKey)),
  /** §5.1.6: the deterministic 64-byte signature R ‖ S of `msg`. */
  sign: (msg: Uint8Array, secretKey: Uint8Array): Uint8Array =>
    active().ed25519Sign(secretKeyArgument(secretKey), bytes(msg, 'msg')),
  /** §5.1.7 as Go checks it: whether `signature` signs `msg` under `publicKey`. */
  verify: (signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean =>
    active().ed25519Verify(
      bytes(signature, 'signature', lengths.signature),
      bytes(msg, 'msg'),
      bytes(publicKey, 'publicKey', lengths.publicKey),
    ),
  /** A key pair from `seed` (32 bytes, the secret key itself), or from a random one. */
  keygen(seed?: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } {
    const secretKey = randomSecretKey(seed);
    return { secretKey, publicKey: active().ed25519PublicKey(secretKey) };
  },
  utils: Object.freeze({
    /** 32 random bytes (WebCrypto getRandomValues); a given `seed` is checked and returned. */
    randomSecretKey,
    /** Any 32 bytes are a secret key. */
    isValidSecretKey: (secretKey: unknown): boolean =>
      secretKey instanceof Uint8Array && secretKey.length === lengths.secretKey,
  }),
});
