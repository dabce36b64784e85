// Status codes returned by every export of the wasm core; the bindings import this file too.
// The bindings validate arguments before calling, so any status but OK there is a bug (INTERNAL).
export enum Status {
  OK = 0,
  BAD_ALGORITHM = 1,
  BAD_SLOT = 2,
  BAD_LENGTH = 3,
  /** AEAD open: the tag does not match; nothing was decrypted. */
  INVALID_TAG = 4,
  /** A secret scalar out of range (zero, or not below the group order). */
  INVALID_SCALAR = 5,
  /** A public point that does not decode to a point of the group. */
  INVALID_POINT = 6,
  /** The result is the identity (an all-zero X25519 shared secret). */
  IDENTITY = 7,
  /** RFC 9497 InvalidInputError: an OPRF input or a POPRF tweaked key maps to the identity. */
  INVALID_INPUT = 8,
  /** RFC 9497 InverseError: the POPRF server's skS + HashToScalar(info) is zero. */
  INVERSE_ZERO = 9,
  /** RFC 9497 §2.2.2 VerifyProof: the DLEQ proof does not hold. */
  PROOF_FAILED = 10,
}
