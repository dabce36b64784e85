import { codedError } from './utils/coded-error.js';

/**
 * Why a cryptographic operation failed: `INVALID_TAG` (an AEAD tag does not verify),
 * `INVALID_POINT` (not a valid point encoding), `INVALID_SCALAR` (a scalar out of range),
 * `IDENTITY` (a result is the identity element), `PROOF_FAILED` (a DLEQ proof does not verify),
 * `INVALID_INPUT` (an OPRF input that maps to the identity), `INVERSE_ZERO` (a POPRF tweaked key
 * without inverse), `LIMIT` (an object's usage limit reached), `INTERNAL` (the core trapped: a bug).
 */
export type CryptoErrorCode =
  | 'INVALID_TAG'
  | 'INVALID_POINT'
  | 'INVALID_SCALAR'
  | 'IDENTITY'
  | 'PROOF_FAILED'
  | 'INVALID_INPUT'
  | 'INVERSE_ZERO'
  | 'LIMIT'
  | 'INTERNAL';

const MESSAGES: Record<CryptoErrorCode, string> = {
  INVALID_TAG: 'authentication tag does not match',
  INVALID_POINT: 'input is not a valid point encoding',
  INVALID_SCALAR: 'input is not a valid scalar',
  IDENTITY: 'result is the identity element',
  PROOF_FAILED: 'proof verification failed',
  INVALID_INPUT: 'input maps to the identity element',
  INVERSE_ZERO: 'the tweaked key has no inverse',
  LIMIT: 'usage limit reached',
  INTERNAL: 'internal error in the cryptographic core',
};

/**
 * A cryptographic failure, with a stable `code` ({@link CryptoErrorCode}) and a message fixed per
 * code that never holds a secret. Both backends throw the same code for the same input.
 *
 * @example
 * ```ts
 * import { chacha20poly1305, CryptoError } from 'oblivia';
 *
 * const key = new Uint8Array(32);
 * const nonce = new Uint8Array(12);
 * const sealed = chacha20poly1305(key, nonce).encrypt(new Uint8Array(3));
 * sealed[0]! ^= 1;
 * try {
 *   chacha20poly1305(key, nonce).decrypt(sealed);
 * } catch (e) {
 *   if (!(e instanceof CryptoError && e.code === 'INVALID_TAG')) throw e;
 * }
 * ```
 */
export class CryptoError extends codedError<CryptoErrorCode>('CryptoError', MESSAGES) {}
