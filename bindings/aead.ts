// AEADs, noble-style: chacha20poly1305(key, nonce, aad?), xchacha20poly1305(…), gcm(…), each
// giving an object with encrypt(plaintext, out?) → ciphertext ‖ tag and decrypt(ciphertext, out?).
// One object encrypts at most once: a second encryption would reuse the nonce.
import { active } from './backend/select.js';
import type { AeadName } from './backend/types.js';
import { CryptoError } from './errors.js';
import { bytes, optionalBytes } from './validate.js';

export interface Aead {
  readonly keyLength: number;
  readonly nonceLength: number;
  readonly tagLength: number;
  /** Ciphertext ‖ tag; into `out` (of exactly that length) if given. Only once per object. */
  encrypt(plaintext: Uint8Array, out?: Uint8Array): Uint8Array;
  /** The plaintext, or CryptoError('INVALID_TAG') with `out` untouched. */
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
  private readonly key: Uint8Array;
  private readonly nonce: Uint8Array;
  private readonly aad: Uint8Array;
  private used = false;

  constructor(private readonly alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array) {
    // Copies (a Buffer's slice() would be a view).
    this.key = new Uint8Array(key);
    this.nonce = new Uint8Array(nonce);
    this.aad = new Uint8Array(aad);
  }

  get keyLength(): number {
    return this.key.length;
  }

  get nonceLength(): number {
    return this.nonce.length;
  }

  encrypt(plaintext: Uint8Array, out?: Uint8Array): Uint8Array {
    bytes(plaintext, 'plaintext');
    if (out !== undefined) bytes(out, 'out', plaintext.length + TAG_LENGTH);
    if (this.used) throw new CryptoError('LIMIT');
    this.used = true;
    return into(active().aeadSeal(this.alg, this.key, this.nonce, this.aad, plaintext), out);
  }

  decrypt(ciphertext: Uint8Array, out?: Uint8Array): Uint8Array {
    bytes(ciphertext, 'ciphertext');
    if (ciphertext.length < TAG_LENGTH) {
      throw new RangeError(`"ciphertext" expected Uint8Array of length >= ${TAG_LENGTH}, got length=${ciphertext.length}`);
    }
    if (out !== undefined) bytes(out, 'out', ciphertext.length - TAG_LENGTH);
    return into(active().aeadOpen(this.alg, this.key, this.nonce, this.aad, ciphertext), out);
  }
}

/** Copies `result` into `out` when given (then wipes the copy), so overlapping views are safe. */
function into(result: Uint8Array, out: Uint8Array | undefined): Uint8Array {
  if (out === undefined) return result;
  out.set(result);
  result.fill(0);
  return out;
}

function aead(alg: AeadName, keyLength: number, nonceLength: number): AeadFunction {
  const create = (key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): Aead =>
    new Sealer(alg, bytes(key, 'key', keyLength), bytes(nonce, 'nonce', nonceLength), optionalBytes(aad, 'aad'));
  return Object.freeze(Object.assign(create, { nonceLength, tagLength: TAG_LENGTH }));
}

/** ChaCha20-Poly1305 (RFC 8439 §2.8): 32-byte key, 12-byte nonce. */
export const chacha20poly1305: AeadFunction = aead('chacha20-poly1305', 32, 12);

/** XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03): 32-byte key, 24-byte nonce. */
export const xchacha20poly1305: AeadFunction = aead('xchacha20-poly1305', 32, 24);

/** AES-GCM (NIST SP 800-38D): AES-128, -192 or -256 by key length; any nonce of 1–1024 bytes, 12 recommended. */
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
