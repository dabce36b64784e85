// The js backend's Ed25519 over @noble/curves. Keys and signatures are noble's (RFC 8032 §5.1.5,
// §5.1.6). Verification is not noble's verify(), whose strict mode (zip215: false) rejects
// small-order keys and checks the cofactored equation, but Go's crypto/ed25519 rule, as the wasm
// core checks it (assembly/ec/ed25519.ts), over noble's points: S < ℓ, A decoded as Go's SetBytes
// (noble's zip215 decoding: y may be unreduced, x = 0 may carry the sign bit), and the encoding
// of [S]B − [k]A equal to R byte for byte.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToNumberLE, equalBytes } from '@noble/curves/utils.js';

const { Point } = ed25519;
const ORDER = Point.Fn.ORDER;

export const ed25519PublicKey = (secretKey: Uint8Array): Uint8Array => ed25519.getPublicKey(secretKey);

export const ed25519Sign = (secretKey: Uint8Array, msg: Uint8Array): Uint8Array => ed25519.sign(msg, secretKey);

export function ed25519Verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  const R = signature.subarray(0, 32);
  const S = bytesToNumberLE(signature.subarray(32));
  if (S >= ORDER) return false;
  let A: InstanceType<typeof Point>;
  try {
    A = Point.fromBytes(publicKey, true);
  } catch {
    return false;
  }
  const k = Point.Fn.create(bytesToNumberLE(sha512.create().update(R).update(publicKey).update(msg).digest()));
  const check = Point.BASE.multiplyUnsafe(S).subtract(A.multiplyUnsafe(k));
  return equalBytes(check.toBytes(), R);
}
