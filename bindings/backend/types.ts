// The synchronous interface both backends implement. The public API validates every argument
// before it calls a backend, so a backend sees only well-formed input.

export type HashName = 'sha256' | 'sha384' | 'sha512';
export type AeadName = 'chacha20-poly1305' | 'xchacha20-poly1305' | 'aes-gcm';
export type CurveName = 'x25519' | 'p256' | 'p384' | 'p521';

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
  /**
   * Ciphertext ‖ 16-byte tag, written into `out` (of exactly that length, not overlapping the
   * inputs) and returned. Key and nonce lengths are already valid for `alg`.
   */
  aeadSeal(alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array, out: Uint8Array): Uint8Array;
  /**
   * The plaintext of ciphertext ‖ tag (`sealed` has at least 16 bytes) written into `out`, or
   * CryptoError('INVALID_TAG') with `out` untouched: no plaintext exists unless the tag matches.
   */
  aeadOpen(alg: AeadName, key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array, out: Uint8Array): Uint8Array;
  /** For the NIST curves, 0 < secretKey < n; any 32 bytes for X25519. Lengths are already valid. */
  isValidSecretKey(curve: CurveName, secretKey: Uint8Array): boolean;
  /** X25519: the u-coordinate; NIST curves: the SEC1 uncompressed point. CryptoError INVALID_SCALAR. */
  getPublicKey(curve: CurveName, secretKey: Uint8Array): Uint8Array;
  /**
   * X25519 (RFC 7748 §6.1): the shared u-coordinate, CryptoError IDENTITY if all zero. NIST curves:
   * the x-coordinate of secretKey · publicKey (an uncompressed SEC1 point), CryptoError
   * INVALID_SCALAR or INVALID_POINT.
   */
  getSharedSecret(curve: CurveName, secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array;
}
