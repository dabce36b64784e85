// A Diffie–Hellman implementation as the suites and checks use it: the case's secret key and the
// other party's public key, both fixed, given as bytes; each call computes one result from them.
import type { Impl } from '../types.js';

export type DhCurve = 'x25519' | 'p256' | 'p384';

export interface DhParams {
  readonly curve: DhCurve;
  /** 32 bytes for X25519; a big-endian scalar in [1, n − 1] for P-256 and P-384. */
  readonly secretKey: Uint8Array<ArrayBuffer>;
  /** The other party's public key: 32 bytes for X25519, an uncompressed SEC1 point otherwise. */
  readonly peerPublicKey: Uint8Array<ArrayBuffer>;
}

export interface DhPeer extends Pick<Impl, 'name' | 'backend' | 'build'> {
  /** Key generation: the public key of `secretKey`, encoded like `peerPublicKey`. Absent where the API cannot compute it. */
  readonly publicKey?: Impl['run'];
  /** The shared secret of `secretKey` and `peerPublicKey` (for P-256 and P-384, the x-coordinate). */
  readonly sharedSecret: Impl['run'];
}

/** Key bytes as a JWK member: base64url without padding (RFC 7515 §2). */
export function base64url(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('base64url');
}
