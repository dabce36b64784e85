// The synchronous interface both backends implement. The public API validates every argument
// before it calls a backend, so a backend sees only well-formed input.

export type HashName = 'sha256' | 'sha384' | 'sha512';
export type AeadName = 'chacha20-poly1305' | 'xchacha20-poly1305' | 'aes-gcm';

/** A streaming hash or HMAC. After `digest()` or `destroy()` it must not be used again. */
export interface Hasher {
  update(data: Uint8Array): void;
  digest(): Uint8Array;
  destroy(): void;
}

export interface Backend {
  readonly name: 'wasm' | 'js';
  hash(alg: HashName, msg: Uint8Array): Uint8Array;
  createHash(alg: HashName): Hasher;
  hmac(alg: HashName, key: Uint8Array, msg: Uint8Array): Uint8Array;
  createHmac(alg: HashName, key: Uint8Array): Hasher;
  /** RFC 5869 Extract-then-Expand; `length` ≤ 255·HashLen. */
  hkdf(alg: HashName, ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** RFC 5869 §2.3; `prk` has at least HashLen bytes, `length` ≤ 255·HashLen. */
  hkdfExpand(alg: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** Ciphertext ‖ 16-byte tag. Key and nonce lengths are already valid for `alg`. */
  aeadSeal(alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array;
  /**
   * The plaintext of ciphertext ‖ tag (`sealed` has at least 16 bytes), or CryptoError('INVALID_TAG').
   * No plaintext is produced unless the tag matches.
   */
  aeadOpen(alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array;
}
