// The synchronous interface both backends implement. The public API validates every argument
// before it calls a backend, so a backend sees only well-formed input.
import type { OprfMode } from '../../assembly/abi.js';

export type { OprfMode };

export type HashName = 'sha256' | 'sha384' | 'sha512';
export type AeadName = 'chacha20-poly1305' | 'xchacha20-poly1305' | 'aes-gcm';
export type CurveName = 'x25519' | 'p256' | 'p384' | 'p521';
export type NistCurveName = Exclude<CurveName, 'x25519'>;
/** RFC 9497 §4 ciphersuites (decaf448-SHAKE256 is not offered). */
export type OprfSuiteName = 'ristretto255-SHA512' | 'P256-SHA256' | 'P384-SHA384' | 'P521-SHA512';

/** A streaming hash or HMAC. After `digest()` or `destroy()` it must not be used again. */
export interface Hasher {
  update(data: Uint8Array): void;
  digest(): Uint8Array;
  destroy(): void;
}

/** An HPKE suite by its RFC 9180 ids, the mode (§5), and the length of key ‖ base_nonce ‖
 *  exporter_secret (Nk + Nn + Nh). */
export interface HpkeParams {
  readonly kem: number;
  readonly kdf: number;
  readonly aead: number;
  readonly mode: number;
  readonly secretsLength: number;
}

/** The key schedule's inputs; psk and pskId are empty outside the psk modes. */
export interface HpkeInputs {
  readonly info: Uint8Array;
  readonly psk: Uint8Array;
  readonly pskId: Uint8Array;
}

/** The ephemeral secret `skE` is drawn (or derived) by the caller; `skS` only in the auth modes. */
export interface HpkeSenderKeys {
  readonly skE: Uint8Array;
  readonly pkR: Uint8Array;
  readonly skS?: Uint8Array;
}

/** `pkR` is the public key of `skR`; `pkS` only in the auth modes. */
export interface HpkeReceiverKeys {
  readonly skR: Uint8Array;
  readonly pkR: Uint8Array;
  readonly enc: Uint8Array;
  readonly pkS?: Uint8Array;
}

/**
 * HPKE setup and single-shot seal/open, each in one call (the wasm core's proto/hpke). Every
 * method returns undefined when its inputs exceed the core's window, and the caller composes the
 * steps instead. Lengths are already valid for the suite. Throws CryptoError INVALID_POINT,
 * INVALID_SCALAR, IDENTITY (the KEM) or INVALID_TAG (open).
 */
export interface FusedHpke {
  /** enc, and key ‖ base_nonce ‖ exporter_secret. */
  setupSender(
    params: HpkeParams,
    keys: HpkeSenderKeys,
    inputs: HpkeInputs,
  ): { enc: Uint8Array; secrets: Uint8Array } | undefined;
  /** key ‖ base_nonce ‖ exporter_secret. */
  setupReceiver(params: HpkeParams, keys: HpkeReceiverKeys, inputs: HpkeInputs): Uint8Array | undefined;
  /** §6.1 Seal: enc, and the first message's ciphertext ‖ tag. */
  seal(
    params: HpkeParams,
    keys: HpkeSenderKeys,
    inputs: HpkeInputs,
    aad: Uint8Array,
    pt: Uint8Array,
  ): { enc: Uint8Array; ct: Uint8Array } | undefined;
  /** §6.1 Open of ciphertext ‖ tag (at least 16 bytes). */
  open(
    params: HpkeParams,
    keys: HpkeReceiverKeys,
    inputs: HpkeInputs,
    aad: Uint8Array,
    ct: Uint8Array,
  ): Uint8Array | undefined;
}

/**
 * RFC 9497 in one call per protocol step. Elements are SerializeElement encodings (ristretto255:
 * 32 bytes; P-256/384/521: compressed SEC1, 33/49/67 bytes), scalars SerializeScalar encodings
 * (ristretto255: 32 bytes little-endian; NIST: 32/48/66 bytes big-endian). Lengths and array
 * sizes are already valid for the suite and mode; `blinds` and `proofRandomness` are nonzero
 * scalars below the group order (the caller draws them). Throws CryptoError: INVALID_POINT (an
 * element that does not deserialize, or the identity), INVALID_SCALAR (a secret key not in
 * 1 … order−1), INVALID_INPUT (RFC 9497 InvalidInputError: an input that hashes to the
 * identity, a POPRF tweaked key that is the identity), INVERSE_ZERO (RFC 9497 InverseError:
 * POPRF skS + HashToScalar(info) = 0), PROOF_FAILED.
 */
/** BlindEvaluate's inputs: `publicKey` is the server's own pkS (of `secretKey`), `info` only in
 *  mode 2, `proofRandomness` only in modes 1 and 2. */
export interface BlindEvaluateStep {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly blinded: readonly Uint8Array[];
  readonly info?: Uint8Array;
  readonly proofRandomness?: Uint8Array;
}

/** The evaluated elements, and the proof c ‖ s (empty in mode 0). */
export interface OprfEvaluated {
  evaluated: Uint8Array[];
  proof: Uint8Array;
}

/** Finalize's inputs, one of each list per batch element: `key` (pkS in mode 1, the tweaked key in
 *  mode 2) and `proof` are absent in mode 0, `info` outside mode 2. */
export interface FinalizeStep {
  readonly inputs: readonly Uint8Array[];
  readonly blinds: readonly Uint8Array[];
  readonly blinded: readonly Uint8Array[];
  readonly evaluated: readonly Uint8Array[];
  readonly key?: Uint8Array;
  readonly proof?: Uint8Array;
  readonly info?: Uint8Array;
}

/** Evaluate's inputs: `info` only in mode 2. */
export interface EvaluateStep {
  readonly secretKey: Uint8Array;
  readonly input: Uint8Array;
  readonly info?: Uint8Array;
}

export interface OprfBackend {
  /** §3.2.1 DeriveKeyPair(seed, info) for the mode's contextString. */
  deriveKeyPair(
    suite: OprfSuiteName,
    mode: OprfMode,
    seed: Uint8Array,
    info: Uint8Array,
  ): { secretKey: Uint8Array; publicKey: Uint8Array };
  /** pkS = skS · G. */
  publicKey(suite: OprfSuiteName, secretKey: Uint8Array): Uint8Array;
  /** §3.3.1 / §3.3.3 Blind: blinds[i] · HashToGroup(inputs[i]) for each i. */
  blind(
    suite: OprfSuiteName,
    mode: OprfMode,
    inputs: readonly Uint8Array[],
    blinds: readonly Uint8Array[],
  ): Uint8Array[];
  /** §3.3.3 Blind's tweakedKey = HashToScalar(framedInfo) · G + pkS (POPRF client). */
  tweakKey(suite: OprfSuiteName, publicKey: Uint8Array, info: Uint8Array): Uint8Array;
  /**
   * §3.3.1 / §3.3.2 / §3.3.3 BlindEvaluate over a batch, with one proof over all of it
   * (§2.2.1 GenerateProof with ComputeCompositesFast) in modes 1 and 2.
   */
  blindEvaluate(suite: OprfSuiteName, mode: OprfMode, step: BlindEvaluateStep): OprfEvaluated;
  /**
   * §3.3.1 / §3.3.2 / §3.3.3 Finalize over a batch: in modes 1 and 2 verifies the proof
   * (§2.2.2 VerifyProof) against `key` first, then unblinds and hashes each output.
   */
  finalize(suite: OprfSuiteName, mode: OprfMode, step: FinalizeStep): Uint8Array[];
  /** §3.3.1 / §3.3.3 Evaluate: the PRF output computed with the secret key. */
  evaluate(suite: OprfSuiteName, mode: OprfMode, step: EvaluateStep): Uint8Array;
}

/** An OHTTP suite (RFC 9458 §4.1): the HPKE ids and the lengths the messages need. */
export interface OhttpParams {
  readonly kem: number;
  readonly kdf: number;
  readonly aead: number;
  /** Npk (= Nenc) of the KEM. */
  readonly encLength: number;
  /** max(Nn, Nk): the length of the response secret and of response_nonce (§4.4). */
  readonly secretLength: number;
}

/**
 * What answers one request (RFC 9458 §4.4): enc and the response secret exported from the
 * request's HPKE context, held by the backend (wasm: in a slot of the core, never in JS). It is
 * spent by `seal`, `open` or `destroy`, which wipe it.
 */
export interface OhttpResponseState {
  /** The gateway's Seal(aead_key, aead_nonce, "", response): ciphertext ‖ tag. */
  seal(responseNonce: Uint8Array, response: Uint8Array): Uint8Array;
  /** The client's Open of ciphertext ‖ tag (at least 16 bytes): the response, or
   *  CryptoError('INVALID_TAG') with no plaintext made. */
  open(responseNonce: Uint8Array, sealed: Uint8Array): Uint8Array;
  destroy(): void;
}

/**
 * RFC 9458 §4.3 in the core (assembly/proto/ohttp): one call per message where it fits the window,
 * streamed through it past that. `hdr` is the 7-byte request header naming `params`' suite. Throws
 * CryptoError INVALID_POINT, INVALID_SCALAR, IDENTITY (the KEM) or INVALID_TAG (decapsulation).
 */
export interface OhttpBackend {
  /** SetupBaseS(pkR, info) with the ephemeral secret `skE`, Seal("", request): the Encapsulated
   *  Request hdr ‖ enc ‖ ct, and the state for the response. */
  encapsulateRequest(
    params: OhttpParams,
    skE: Uint8Array,
    pkR: Uint8Array,
    hdr: Uint8Array,
    request: Uint8Array,
  ): { encapsulatedRequest: Uint8Array; state: OhttpResponseState };
  /** SetupBaseR(enc, skR, info), Open("", ct) of hdr ‖ enc ‖ ct (ct at least 16 bytes); `pkR` is
   *  the public key of skR. The request, and the state for the response. */
  decapsulateRequest(
    params: OhttpParams,
    skR: Uint8Array,
    pkR: Uint8Array,
    encapsulatedRequest: Uint8Array,
  ): { request: Uint8Array; state: OhttpResponseState };
}

/** ECDSA signing options, already checked: `prehash` hashes the message with the curve's SHA-2
 *  (else it is the digest, at most 8192 bytes); `lowS` returns s ≤ (n − 1)/2; `extraEntropy` is
 *  RFC 6979 §3.6's k' (at most 256 bytes). */
export interface EcdsaSignOptions {
  readonly prehash: boolean;
  readonly lowS: boolean;
  readonly extraEntropy?: Uint8Array;
}

/** ECDSA verification options, already checked: `lowS` refuses s > (n − 1)/2. */
export interface EcdsaVerifyOptions {
  readonly prehash: boolean;
  readonly lowS: boolean;
}

export interface Backend {
  readonly name: 'wasm' | 'js';
  /** HPKE in one call, where the backend has it; otherwise bindings/hpke composes the primitives. */
  readonly hpke?: FusedHpke;
  hash(alg: HashName, msg: Uint8Array): Uint8Array;
  createHash(alg: HashName): Hasher;
  hmac(alg: HashName, key: Uint8Array, msg: Uint8Array): Uint8Array;
  createHmac(alg: HashName, key: Uint8Array): Hasher;
  /** RFC 5869 Extract-then-Expand; `length` ≤ 255·HashLen. */
  hkdf(alg: HashName, ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /** RFC 5869 §2.3; `prk` has at least HashLen bytes, `length` ≤ 255·HashLen. */
  hkdfExpand(alg: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array;
  /**
   * Ciphertext ‖ 16-byte tag, written into `out` (of exactly that length, not overlapping the
   * inputs) and returned. Key and nonce lengths are already valid for `alg`.
   */
  aeadSeal(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    plaintext: Uint8Array,
    out: Uint8Array,
  ): Uint8Array;
  /**
   * The plaintext of ciphertext ‖ tag (`sealed` has at least 16 bytes) written into `out`, or
   * CryptoError('INVALID_TAG') with `out` untouched: no plaintext exists unless the tag matches.
   */
  aeadOpen(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    sealed: Uint8Array,
    out: Uint8Array,
  ): Uint8Array;
  /** For the NIST curves, 0 < secretKey < n; any 32 bytes for X25519. Lengths are already valid. */
  isValidSecretKey(curve: CurveName, secretKey: Uint8Array): boolean;
  /** X25519: the u-coordinate; NIST curves: the SEC1 uncompressed point. CryptoError INVALID_SCALAR. */
  getPublicKey(curve: CurveName, secretKey: Uint8Array): Uint8Array;
  /**
   * X25519 (RFC 7748 §6.1): the shared u-coordinate, CryptoError IDENTITY if all zero. NIST curves:
   * the x-coordinate of secretKey · publicKey (an uncompressed SEC1 point), CryptoError
   * INVALID_SCALAR or INVALID_POINT.
   */
  getSharedSecret(curve: CurveName, secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array;
  /** ECDSA (FIPS 186-5 §6.4) with RFC 6979 nonces, P-256/384/521 with SHA-256/384/512: r ‖ s
   *  (IEEE P1363). CryptoError INVALID_SCALAR unless 0 < secretKey < n. */
  ecdsaSign(curve: NistCurveName, msg: Uint8Array, secretKey: Uint8Array, options: EcdsaSignOptions): Uint8Array;
  /** Whether r ‖ s (of the curve's length) is a signature of msg by the SEC1 public key (compressed
   *  or uncompressed, by its length); false as well for a key that does not decode. */
  ecdsaVerify(
    curve: NistCurveName,
    signature: Uint8Array,
    msg: Uint8Array,
    publicKey: Uint8Array,
    options: EcdsaVerifyOptions,
  ): boolean;
  /** RFC 9496 §4.3.1: whether the 32 bytes decode to a ristretto255 element. */
  ristretto255IsValid(point: Uint8Array): boolean;
  /** RFC 9496 §4.3.4 FROM_UNIFORM_BYTES of 64 bytes. */
  ristretto255FromUniform(bytes: Uint8Array): Uint8Array;
  /** a + b, or a − b; CryptoError INVALID_POINT. */
  ristretto255Add(a: Uint8Array, b: Uint8Array, subtract: boolean): Uint8Array;
  /** scalar · point (scalar little-endian); CryptoError INVALID_SCALAR unless 0 < scalar < ℓ, INVALID_POINT. */
  ristretto255Multiply(scalar: Uint8Array, point: Uint8Array | undefined): Uint8Array;
  /** 64 little-endian bytes mod ℓ. */
  scalar25519Reduce(bytes: Uint8Array): Uint8Array;
  /** An operation on scalars mod ℓ (32 bytes, little-endian); CryptoError INVALID_SCALAR for one
   *  that is not below ℓ, or zero for invert. */
  scalar25519(op: ScalarOp, a: Uint8Array, b?: Uint8Array): Uint8Array;
  /** RFC 9380 §5.3.1 expand_message_xmd; `dst` is not empty (one over 255 bytes is hashed, §5.3.3),
   *  `length` ≤ 255·HashLen. */
  expandMessageXmd(alg: HashName, msg: Uint8Array, dst: Uint8Array, length: number): Uint8Array;
  /** RFC 9380 §3 hash_to_curve for P256_XMD:SHA-256_SSWU_RO_, P384_XMD:SHA-384_SSWU_RO_,
   *  P521_XMD:SHA-512_SSWU_RO_: the SEC1 uncompressed point. `dst` as for expandMessageXmd. */
  hashToCurve(curve: NistCurveName, msg: Uint8Array, dst: Uint8Array): Uint8Array;
  /** RFC 9380 Appendix B / RFC 9496 §4.3.4: FROM_UNIFORM_BYTES(expand_message_xmd(SHA-512, msg, dst, 64)). */
  hashToRistretto255(msg: Uint8Array, dst: Uint8Array): Uint8Array;
  /** RFC 8032 §5.1.5: the public key A of a 32-byte secret key (the seed). */
  ed25519PublicKey(secretKey: Uint8Array): Uint8Array;
  /** RFC 8032 §5.1.6: the signature R ‖ S (64 bytes) of `msg`. */
  ed25519Sign(secretKey: Uint8Array, msg: Uint8Array): Uint8Array;
  /**
   * RFC 8032 §5.1.7 as Go's crypto/ed25519 verifies (C2SP signed notes): false unless S < ℓ, the
   * 32-byte public key decodes (y may be unreduced, as in Go) and the encoding of [S]B − [k]A is R
   * byte for byte (cofactorless). `signature` has 64 bytes, `publicKey` 32.
   */
  ed25519Verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean;
  readonly oprf: OprfBackend;
  /** OHTTP messages in the core, where the backend has it; otherwise bindings/ohttp composes them
   *  over bindings/hpke (a backend imports no protocol). */
  readonly ohttp?: OhttpBackend;
}

export type ScalarOp = 'mul' | 'add' | 'sub' | 'neg' | 'invert';
