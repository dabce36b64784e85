// Hash algorithm identifiers shared by the wasm core and the bindings.
export enum HashAlg {
  SHA256 = 0,
  SHA384 = 1,
  SHA512 = 2,
}
