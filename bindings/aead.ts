// AEADs, noble-style: chacha20poly1305(key, nonce, aad?), xchacha20poly1305(…), gcm(…), each
// giving an object with encrypt(plaintext, out?) → ciphertext ‖ tag and decrypt(ciphertext, out?).
// One object does one operation, an encryption or a decryption: a second encryption would reuse
// the nonce, and the object's copy of the key is wiped as soon as its operation is done (or fails),
// so no AEAD object keeps a key in the JS heap after use. A call refused for its arguments
// (TypeError, RangeError) is not that operation.
import { active } from './backend/select.js';
import type { AeadName } from './backend/backend.js';
import { CryptoError } from './crypto-error.js';
import { bytes, optionalBytes } from './utils/arguments.js';

/**
 * One AEAD operation under one key and nonce, from {@link chacha20poly1305},
 * {@link xchacha20poly1305} or {@link gcm}: an `encrypt` or a `decrypt`, once.
 */
export interface Aead {
  /** Bytes of the key. */
  readonly keyLength: number;
  /** Bytes of the nonce. */
  readonly nonceLength: number;
  /** Bytes of the tag: 16. */
  readonly tagLength: number;
  /** Ciphertext ‖ tag; into `out` (of exactly that length) if given. The object's one operation:
   *  after it, encrypt and decrypt throw CryptoError('LIMIT'). */
  encrypt(plaintext: Uint8Array, out?: Uint8Array): Uint8Array;
  /** The plaintext, or CryptoError('INVALID_TAG') with `out` untouched. The object's one
   *  operation, whether the tag verifies or not. */
  decrypt(ciphertext: Uint8Array, out?: Uint8Array): Uint8Array;
}

/** The constructor, with the nonce length to use (the only one, or for GCM the recommended one). */
export type AeadFunction = ((key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array) => Aead) & {
  readonly nonceLength: number;
  readonly tagLength: number;
};

const TAG_LENGTH = 16;
/** GCM takes any IV length (SP 800-38D); this bound keeps key ‖ nonce inside the core's window. */
const MAX_GCM_NONCE = 1024;

class Sealer implements Aead {
  readonly tagLength = TAG_LENGTH;
  readonly keyLength: number;
  readonly nonceLength: number;
  private readonly key: Uint8Array;
  private readonly nonce: Uint8Array;
  private readonly aad: Uint8Array;
  private used = false;

  constructor(
    private readonly alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
  ) {
    // Copies (a Buffer's slice() would be a view), wiped after the one operation.
    this.key = new Uint8Array(key);
    this.nonce = new Uint8Array(nonce);
    this.aad = new Uint8Array(aad);
    this.keyLength = key.length;
    this.nonceLength = nonce.length;
  }

  encrypt(plaintext: Uint8Array, out?: Uint8Array): Uint8Array {
    bytes(plaintext, 'plaintext');
    if (out !== undefined) bytes(out, 'out', plaintext.length + TAG_LENGTH);
    return this.once(() =>
      intoOutput(out, plaintext.length + TAG_LENGTH, plaintext, (target) =>
        active().aeadSeal(this.alg, this.key, this.nonce, this.aad, plaintext, target),
      ),
    );
  }

  decrypt(ciphertext: Uint8Array, out?: Uint8Array): Uint8Array {
    bytes(ciphertext, 'ciphertext');
    if (ciphertext.length < TAG_LENGTH) {
      throw new RangeError(
        `"ciphertext" expected Uint8Array of length >= ${TAG_LENGTH}, got length=${ciphertext.length}`,
      );
    }
    if (out !== undefined) bytes(out, 'out', ciphertext.length - TAG_LENGTH);
    return this.once(() =>
      intoOutput(out, ciphertext.length - TAG_LENGTH, ciphertext, (target) =>
        active().aeadOpen(this.alg, this.key, this.nonce, this.aad, ciphertext, target),
      ),
    );
  }

  /** Runs the object's one operation, then wipes the key and nonce whatever its outcome. */
  private once<T>(operation: () => T): T {
    if (this.used) throw new CryptoError('LIMIT');
    this.used = true;
    try {
      return operation();
    } finally {
      this.key.fill(0);
      this.nonce.fill(0);
    }
  }
}

/**
 * Runs `produce` on the caller's `out` when it is safe to write there directly (no allocation);
 * on a fresh buffer when there is no `out`; and, when `out` overlaps `input`, on a temporary
 * that is copied into `out` and wiped, so in-place calls work too.
 */
function intoOutput(
  out: Uint8Array | undefined,
  length: number,
  input: Uint8Array,
  produce: (target: Uint8Array) => Uint8Array,
): Uint8Array {
  if (out === undefined) return produce(new Uint8Array(length));
  if (!overlaps(out, input)) return produce(out);
  const temporary = produce(new Uint8Array(length));
  out.set(temporary);
  temporary.fill(0);
  return out;
}

function overlaps(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength
  );
}

function aead(alg: AeadName, keyLength: number, nonceLength: number): AeadFunction {
  const create = (key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): Aead =>
    new Sealer(alg, bytes(key, 'key', keyLength), bytes(nonce, 'nonce', nonceLength), optionalBytes(aad, 'aad'));
  return Object.freeze(Object.assign(create, { nonceLength, tagLength: TAG_LENGTH }));
}

/**
 * ChaCha20-Poly1305 (RFC 8439 §2.8): 32-byte key, 12-byte nonce, 16-byte tag. The object does one
 * operation ({@link Aead}).
 *
 * @throws `TypeError` for a non-Uint8Array argument; `RangeError` for a key or nonce of the wrong
 * length, a ciphertext shorter than the tag, or an `out` of the wrong length;
 * {@link CryptoError} `INVALID_TAG` when decryption fails to authenticate, `LIMIT` on a second
 * operation.
 * @example
 * ```ts
 * import { chacha20poly1305 } from 'oblivia';
 *
 * const key = crypto.getRandomValues(new Uint8Array(32));
 * const nonce = crypto.getRandomValues(new Uint8Array(12));
 * const aad = new TextEncoder().encode('header');
 * const sealed = chacha20poly1305(key, nonce, aad).encrypt(new TextEncoder().encode('hello'));
 * chacha20poly1305(key, nonce, aad).decrypt(sealed); // 'hello', or CryptoError INVALID_TAG
 * ```
 */
export const chacha20poly1305: AeadFunction = aead('chacha20-poly1305', 32, 12);

/**
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03): 32-byte key, 24-byte nonce (random nonces are
 * safe), 16-byte tag.
 *
 * @throws `TypeError` for a non-Uint8Array argument; `RangeError` for a key, nonce, ciphertext or
 * `out` of the wrong length; {@link CryptoError} `INVALID_TAG` when decryption fails, `LIMIT` on a
 * second operation.
 * @example
 * ```ts
 * import { xchacha20poly1305 } from 'oblivia';
 *
 * const key = crypto.getRandomValues(new Uint8Array(32));
 * const nonce = crypto.getRandomValues(new Uint8Array(24));
 * const sealed = xchacha20poly1305(key, nonce).encrypt(new TextEncoder().encode('hello'));
 * xchacha20poly1305(key, nonce).decrypt(sealed);
 * ```
 */
export const xchacha20poly1305: AeadFunction = aead('xchacha20-poly1305', 32, 24);

/**
 * AES-GCM (NIST SP 800-38D): AES-128, -192 or -256 by key length; any nonce of 1–1024 bytes, 12
 * recommended; 16-byte tag.
 *
 * @throws `TypeError` for a non-Uint8Array argument; `RangeError` for a key not of 16, 24 or 32
 * bytes, a nonce not of 1–1024 bytes, a short ciphertext or a wrong `out`; {@link CryptoError}
 * `INVALID_TAG` when decryption fails, `LIMIT` on a second operation.
 * @example
 * ```ts
 * import { gcm } from 'oblivia';
 *
 * const key = crypto.getRandomValues(new Uint8Array(16)); // AES-128
 * const nonce = crypto.getRandomValues(new Uint8Array(12));
 * const plaintext = new TextEncoder().encode('hello');
 * const out = new Uint8Array(plaintext.length + 16);
 * gcm(key, nonce).encrypt(plaintext, out); // into `out`
 * gcm(key, nonce).decrypt(out);
 * ```
 */
export const gcm: AeadFunction = Object.freeze(
  Object.assign(
    (key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): Aead => {
      bytes(key, 'key');
      if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
        throw new RangeError(`"key" expected Uint8Array of length 16, 24 or 32, got length=${key.length}`);
      }
      bytes(nonce, 'nonce');
      if (nonce.length < 1 || nonce.length > MAX_GCM_NONCE) {
        throw new RangeError(`"nonce" expected Uint8Array of length 1 to ${MAX_GCM_NONCE}, got length=${nonce.length}`);
      }
      return new Sealer('aes-gcm', key, nonce, optionalBytes(aad, 'aad'));
    },
    { nonceLength: 12, tagLength: TAG_LENGTH },
  ),
);
