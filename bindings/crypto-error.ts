import { codedError } from './utils/coded-error.js';

/** Why a cryptographic operation failed. The message is fixed per code and never holds a secret. */
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

export class CryptoError extends codedError<CryptoErrorCode>('CryptoError', MESSAGES) {}
