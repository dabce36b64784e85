// An AEAD implementation as the suites and checks use it: one encryption or decryption per call,
// with the key, nonce and AAD of the case.
import type { Impl } from '../types.js';

export type AeadAlg = 'chacha20-poly1305' | 'aes-128-gcm';

export interface AeadParams {
  readonly alg: AeadAlg;
  readonly key: Uint8Array<ArrayBuffer>;
  readonly nonce: Uint8Array<ArrayBuffer>;
  readonly aad: Uint8Array<ArrayBuffer>;
}

export type Output = Uint8Array | Promise<Uint8Array>;

export interface AeadPeer extends Pick<Impl, 'name' | 'backend' | 'build'> {
  /** ciphertext ‖ 16-byte tag. */
  readonly encrypt: (plaintext: Uint8Array) => Output;
  /** The plaintext; throws (or rejects) when the tag does not match. */
  readonly decrypt: (sealed: Uint8Array) => Output;
}

export const TAG_LENGTH = 16;
