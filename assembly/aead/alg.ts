// AEAD algorithm identifiers shared by the wasm core and the bindings.
export enum AeadAlg {
  CHACHA20_POLY1305 = 0, // RFC 8439 §2.8
  XCHACHA20_POLY1305 = 1, // draft-irtf-cfrg-xchacha-03
  AES_GCM = 2, // NIST SP 800-38D; AES-128, -192 or -256 by key length
}
