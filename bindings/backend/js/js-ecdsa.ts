// The js backend's ECDSA over @noble/curves (RFC 6979 nonces, compact r ‖ s), with noble's errors
// sorted into the CryptoError codes the wasm core returns.
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { CryptoError } from '../../crypto-error.js';
import type { EcdsaSignOptions, EcdsaVerifyOptions, NistCurveName } from '../backend.js';

const NIST = { p256, p384, p521 };

export function ecdsaSign(
  curve: NistCurveName,
  msg: Uint8Array,
  secretKey: Uint8Array,
  { prehash, lowS, extraEntropy }: EcdsaSignOptions,
): Uint8Array {
  if (!NIST[curve].utils.isValidSecretKey(secretKey)) throw new CryptoError('INVALID_SCALAR');
  return NIST[curve].sign(msg, secretKey, { prehash, lowS, extraEntropy: extraEntropy ?? false, format: 'compact' });
}

export function ecdsaVerify(
  curve: NistCurveName,
  signature: Uint8Array,
  msg: Uint8Array,
  publicKey: Uint8Array,
  { prehash, lowS }: EcdsaVerifyOptions,
): boolean {
  return NIST[curve].verify(signature, msg, publicKey, { prehash, lowS, format: 'compact' });
}
