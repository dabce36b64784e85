// TEMPORARY (branch tlog): Ed25519 (RFC 8032) over @noble/curves, with the shape of the core's
// `ed25519` that another branch adds to the wasm core; that file replaces this one at the merge.
// Verification is RFC 8032-strict, as Go's crypto/ed25519 (no ZIP-215 leniency).
import { ed25519 as noble } from '@noble/curves/ed25519.js';
import { bytes } from './utils/arguments.js';

export const ed25519 = Object.freeze({
  /** The 32-byte public key of a 32-byte secret key (the RFC 8032 seed). */
  getPublicKey: (secretKey: Uint8Array): Uint8Array => noble.getPublicKey(bytes(secretKey, 'secretKey', 32)),
  /** The deterministic 64-byte signature of `msg`. */
  sign: (msg: Uint8Array, secretKey: Uint8Array): Uint8Array =>
    noble.sign(bytes(msg, 'msg'), bytes(secretKey, 'secretKey', 32)),
  /** Whether `sig` is a valid signature of `msg` under `publicKey`. */
  verify: (sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean =>
    noble.verify(bytes(sig, 'sig', 64), bytes(msg, 'msg'), bytes(publicKey, 'publicKey', 32), { zip215: false }),
});
