// Status codes returned by every export of the wasm core; the bindings import this file too.
// The bindings validate arguments before calling, so any status but OK there is a bug (INTERNAL).
export enum Status {
  OK = 0,
  BAD_ALGORITHM = 1,
  BAD_SLOT = 2,
  BAD_LENGTH = 3,
  /** AEAD open: the tag does not match; nothing was decrypted. */
  INVALID_TAG = 4,
}
