// RFC 9497 oblivious PRFs, one protocol step per call: DeriveKeyPair (§3.2.1), Blind, BlindEvaluate
// with its batched DLEQ proof (§2.2.1, ComputeCompositesFast), VerifyProof (§2.2.2,
// ComputeComposites), Finalize and Evaluate (§3.3), in the modes OPRF, VOPRF and POPRF (§3.1),
// over oprf-group.ts's suite. Secrets (keys, blinds, proof randomness, the inputs) drive no branch
// and no memory index; the lists of elements are public. Every function reports a Status; the
// caller wipes the scratch.
import { Status, OprfMode } from '../abi';
import * as sha2 from '../hash/sha2';
import * as XMD from '../hash/xmd';
import { WORK_STATE, OPRF_BYTES, OPRF_SEED, OPRF_CELLS, OPRF_CELL, MSM_WEIGHTS } from '../mem';
import { wipe } from '../ct';
import * as G from './oprf-group';

// Cells of OPRF_CELLS.
const M: usize = OPRF_CELLS; // the composite of C
const Z: usize = M + OPRF_CELL; // the composite of D
const T2: usize = Z + OPRF_CELL;
const T3: usize = T2 + OPRF_CELL;
const E1: usize = T3 + OPRF_CELL; // element temporaries
const E2: usize = E1 + OPRF_CELL;
const B: usize = E2 + OPRF_CELL; // the proof's public key: pkS or the tweaked key
const K: usize = B + OPRF_CELL; // the evaluation scalar: skS, or (skS + m)⁻¹ in POPRF
const T: usize = K + OPRF_CELL; // the proof's secret: skS, or skS + m
const R: usize = T + OPRF_CELL; // the proof's randomness r
const S: usize = R + OPRF_CELL; // the response s
const C: usize = S + OPRF_CELL; // the challenge c, after s: t3 = s·M + c·Z is one weighted sum
const D: usize = C + OPRF_CELL; // a scalar temporary

export function configure(suite: i32, mode: i32): bool {
  return G.configure(suite, mode);
}

/** Status for a group result. */
function pointStatus(code: i32): Status {
  return code == G.EC_OK ? Status.OK : Status.INVALID_POINT;
}

// ── Framing (§1.2: I2OSP lengths) ────────────────────────────────────────────────────────────

function i2osp2(value: i32): usize {
  store<u8>(OPRF_BYTES, <u8>(value >> 8));
  store<u8>(OPRF_BYTES + 1, <u8>value);
  return OPRF_BYTES;
}

/** Absorbs I2OSP(len, 2) ‖ data into the xmd message (xmd) or the hash in WORK_STATE. */
function frameXmd(data: usize, len: i32): void {
  XMD.absorb(i2osp2(len), 2);
  XMD.absorb(data, len);
}

function frameHash(data: usize, len: i32): void {
  sha2.update(WORK_STATE, i2osp2(len), 2);
  sha2.update(WORK_STATE, data, len);
}

function absorbText(text: string): void {
  const at = OPRF_BYTES;
  G.put(at, text);
  XMD.absorb(at, text.length);
}

/** m = HashToScalar(framedInfo), framedInfo = "Info" ‖ I2OSP(len(info), 2) ‖ info (§3.3.3). */
function infoScalar(m: usize, info: usize, infoLen: i32): void {
  G.beginHashToScalar();
  absorbText('Info');
  frameXmd(info, infoLen);
  G.endHashToScalar(m, 'HashToScalar-');
}

// ── Keys ─────────────────────────────────────────────────────────────────────────────────────

/** §3.2.1 DeriveKeyPair: skS = HashToScalar(seed ‖ I2OSP(len(info), 2) ‖ info ‖ I2OSP(counter, 1))
 *  with DST "DeriveKeyPair" ‖ contextString, for the first counter that gives a nonzero scalar. */
export function deriveKeyPair(sk: usize, pk: usize, seed: usize, info: usize, infoLen: i32): Status {
  for (let counter = 0; counter < 256; counter++) {
    G.beginHashToScalar();
    XMD.absorb(seed, 32);
    frameXmd(info, infoLen);
    store<u8>(OPRF_BYTES, <u8>counter);
    XMD.absorb(OPRF_BYTES, 1);
    G.endHashToScalar(sk, 'DeriveKeyPair');
    // Zero only with probability 2^-250 or less: the loop's exit leaks nothing in practice.
    if (!G.scalarIsZero(sk)) return publicKey(pk, sk);
  }
  return Status.INVALID_SCALAR; // DeriveKeyPairError
}

/** pk = sk·G; INVALID_SCALAR unless 0 < sk < order. */
export function publicKey(pk: usize, sk: usize): Status {
  if (!G.scalarIsValid(sk)) return Status.INVALID_SCALAR;
  G.multiplyBase(pk, sk);
  return Status.OK;
}

/** §3.3.3 Blind's tweakedKey = G·m + pkS, m = HashToScalar(framedInfo); INVALID_POINT for pkS,
 *  INVALID_INPUT when the tweaked key is the identity. */
export function tweakKey(out: usize, pk: usize, info: usize, infoLen: i32): Status {
  if (!G.isValidElement(pk)) return Status.INVALID_POINT;
  infoScalar(D, info, infoLen);
  // m = 0 (public: m comes from the public info) leaves pkS as it is
  if (G.multiplyBase(E1, D) == G.EC_IDENTITY) {
    memory.copy(out, pk, G.Ne);
    return Status.OK;
  }
  return G.add(out, E1, pk) == G.EC_OK ? Status.OK : Status.INVALID_INPUT;
}

// ── Client ───────────────────────────────────────────────────────────────────────────────────

/** §3.3.1 Blind: out = blind·HashToGroup(input); INVALID_SCALAR unless 0 < blind < order,
 *  INVALID_INPUT when the input hashes to the identity. */
export function blind(out: usize, r: usize, input: usize, inputLen: i32): Status {
  if (!G.scalarIsValid(r)) return Status.INVALID_SCALAR;
  if (!G.hashToGroup(E1, input, inputLen)) return Status.INVALID_INPUT;
  G.multiply(out, r, E1);
  return Status.OK;
}

/** §3.3.1 / §3.3.3 Finalize, after VerifyProof: out = Hash(I2OSP(len(input), 2) ‖ input
 *  [‖ I2OSP(len(info), 2) ‖ info] ‖ I2OSP(Ne, 2) ‖ blind⁻¹·evaluated ‖ "Finalize"). */
export function finalize(out: usize, mode: i32, r: usize, evaluated: usize, info: usize, infoLen: i32, input: usize, inputLen: i32): Status {
  if (!G.scalarIsValid(r)) return Status.INVALID_SCALAR;
  G.scalarInvert(D, r);
  const code = G.multiply(E1, D, evaluated);
  if (code != G.EC_OK) return Status.INVALID_POINT;
  outputHash(out, mode, E1, info, infoLen, input, inputLen);
  return Status.OK;
}

function outputHash(out: usize, mode: i32, element: usize, info: usize, infoLen: i32, input: usize, inputLen: i32): void {
  sha2.init(WORK_STATE, G.hash);
  frameHash(input, inputLen);
  if (mode == OprfMode.POPRF) frameHash(info, infoLen);
  frameHash(element, G.Ne);
  G.put(OPRF_BYTES, 'Finalize');
  sha2.update(WORK_STATE, OPRF_BYTES, 8);
  sha2.finish(WORK_STATE, out);
}

// ── Server ───────────────────────────────────────────────────────────────────────────────────

/** Sets K (the evaluation scalar) and T (the proof's secret) from skS: K = T = skS, or in POPRF
 *  T = skS + m and K = T⁻¹ (§3.3.3). INVALID_SCALAR unless 0 < skS < order; INVERSE_ZERO when
 *  skS + m = 0. */
function serverKey(mode: i32, sk: usize, info: usize, infoLen: i32): Status {
  if (!G.scalarIsValid(sk)) return Status.INVALID_SCALAR;
  memory.copy(T, sk, G.Ns);
  if (mode == OprfMode.POPRF) {
    infoScalar(D, info, infoLen);
    G.scalarAdd(T, T, D);
    if (G.scalarIsZero(T)) return Status.INVERSE_ZERO;
    G.scalarInvert(K, T);
  } else {
    memory.copy(K, T, G.Ns);
  }
  return Status.OK;
}

/** §3.3.1 / §3.3.3 Evaluate: the PRF output for `input`, computed with skS. */
export function evaluate(out: usize, mode: i32, sk: usize, info: usize, infoLen: i32, input: usize, inputLen: i32): Status {
  const status = serverKey(mode, sk, info, infoLen);
  if (status != Status.OK) return status;
  if (!G.hashToGroup(E1, input, inputLen)) return Status.INVALID_INPUT;
  G.multiply(E2, K, E1);
  outputHash(out, mode, E2, info, infoLen, input, inputLen);
  return Status.OK;
}

/**
 * §3.3.2 / §3.3.3 BlindEvaluate over `count` blinded elements (Ne bytes each, at `blinded`):
 * evaluated[i] = K·blinded[i] at `out`, then in VOPRF and POPRF the proof c ‖ s after them
 * (§2.2.1 GenerateProof with randomness r; POPRF proves with C and D swapped). VOPRF takes the
 * server's own pkS (`pk`), so it is not recomputed; POPRF computes its tweaked key. INVALID_SCALAR,
 * INVALID_POINT, INVERSE_ZERO.
 */
export function blindEvaluate(out: usize, mode: i32, sk: usize, pk: usize, r: usize, info: usize, infoLen: i32, blinded: usize, count: i32): Status {
  let status = serverKey(mode, sk, info, infoLen);
  if (status != Status.OK) return status;
  if (mode != OprfMode.OPRF && !G.scalarIsValid(r)) return Status.INVALID_SCALAR;
  const ne = <usize>G.Ne;
  for (let i: usize = 0; i < <usize>count; i++) {
    if (G.multiply(out + i * ne, K, blinded + i * ne) != G.EC_OK) return Status.INVALID_POINT;
  }
  if (mode == OprfMode.OPRF) return Status.OK;
  const evaluated = out;
  const cs = mode == OprfMode.VOPRF ? blinded : evaluated;
  const ds = mode == OprfMode.VOPRF ? evaluated : blinded;
  // B = pkS, or the tweaked key T·G; ComputeCompositesFast: M = Σ d_i·C_i, Z = T·M
  if (mode == OprfMode.VOPRF) memory.copy(B, pk, G.Ne);
  else G.multiplyBase(B, T);
  status = composites(cs, ds, count, false);
  if (status != Status.OK) return status;
  if (G.multiply(Z, T, M) != G.EC_OK) return Status.INVALID_POINT;
  // t2 = r·G, t3 = r·M, c = challenge, s = r − c·T
  G.multiplyBase(T2, r);
  G.multiply(T3, r, M);
  challenge(C);
  G.scalarMul(S, C, T);
  G.scalarSub(S, r, S);
  const proof = out + <usize>count * ne;
  memory.copy(proof, C, G.Ns);
  memory.copy(proof + G.Ns, S, G.Ns);
  return Status.OK;
}

/**
 * §2.2.2 VerifyProof of c ‖ s at `proof` for `count` blinded and evaluated elements, against
 * `key` (pkS in VOPRF, the tweaked key in POPRF, which swaps C and D). OK or PROOF_FAILED;
 * INVALID_POINT for an element that does not deserialize.
 */
export function verify(mode: i32, key: usize, proof: usize, blinded: usize, evaluated: usize, count: i32): Status {
  if (!G.isValidElement(key)) return Status.INVALID_POINT;
  memory.copy(B, key, G.Ne);
  const cs = mode == OprfMode.VOPRF ? blinded : evaluated;
  const ds = mode == OprfMode.VOPRF ? evaluated : blinded;
  // ComputeComposites: M = Σ d_i·C_i, Z = Σ d_i·D_i (every element deserializes, or INVALID_POINT)
  const status = composites(cs, ds, count, true);
  if (status != Status.OK) return status;
  if (!G.scalarIsCanonical(proof) || !G.scalarIsCanonical(proof + G.Ns)) return Status.PROOF_FAILED;
  // t2 = s·G + c·B, t3 = s·M + c·Z
  memory.copy(C, proof, G.Ns);
  memory.copy(S, proof + G.Ns, G.Ns);
  if (G.multiplyBase(E1, S) != G.EC_OK || G.multiply(E2, C, B) != G.EC_OK || G.add(T2, E1, E2) != G.EC_OK) return Status.PROOF_FAILED;
  if (G.weightedSum(T3, S, OPRF_CELL, M, OPRF_CELL, 2) != G.EC_OK) return Status.PROOF_FAILED;
  challenge(D);
  return G.scalarEqual(D, C) ? Status.OK : Status.PROOF_FAILED;
}

/**
 * §2.2.1 ComputeComposites: M = Σ d_i·C_i and, when `withZ`, Z = Σ d_i·D_i, where
 * seed = Hash(I2OSP(Ne, 2) ‖ Bm ‖ I2OSP(len(seedDST), 2) ‖ seedDST) and
 * d_i = HashToScalar(I2OSP(Nh, 2) ‖ seed ‖ I2OSP(i, 2) ‖ I2OSP(Ne, 2) ‖ C_i ‖ I2OSP(Ne, 2) ‖ D_i ‖ "Composite").
 * INVALID_POINT for an element that does not deserialize or a composite that is the identity.
 */
function composites(cs: usize, ds: usize, count: i32, withZ: bool): Status {
  sha2.init(WORK_STATE, G.hash);
  frameHash(B, G.Ne);
  const at = G.put(OPRF_SEED, 'Seed-'); // seedDST, then the seed over it
  memory.copy(at, G.contextString(), G.contextStringLength());
  frameHash(OPRF_SEED, <i32>(at - OPRF_SEED) + G.contextStringLength());
  sha2.finish(WORK_STATE, OPRF_SEED);
  // In batches of WEIGHTED_SUM_TERMS: their weights, then one weighted sum per list.
  const ne = <usize>G.Ne;
  let status = Status.OK;
  for (let start = 0; start < count && status == Status.OK; start += G.WEIGHTED_SUM_TERMS) {
    const n = min(G.WEIGHTED_SUM_TERMS, count - start);
    for (let j = 0; j < n; j++) weight(MSM_WEIGHTS + <usize>j * OPRF_CELL, start + j, cs + <usize>(start + j) * ne, ds + <usize>(start + j) * ne);
    const first = start == 0;
    if (!accumulate(M, first, cs + <usize>start * ne, n) || (withZ && !accumulate(Z, first, ds + <usize>start * ne, n))) status = Status.INVALID_POINT;
  }
  wipe(MSM_WEIGHTS, G.WEIGHTED_SUM_TERMS * <i32>OPRF_CELL);
  return status;
}

/** d_i = HashToScalar(I2OSP(Nh, 2) ‖ seed ‖ I2OSP(i, 2) ‖ I2OSP(Ne, 2) ‖ C_i ‖ I2OSP(Ne, 2) ‖ D_i ‖ "Composite"). */
function weight(d: usize, i: i32, ci: usize, di: usize): void {
  G.beginHashToScalar();
  frameXmd(OPRF_SEED, G.Nh);
  XMD.absorb(i2osp2(i), 2);
  frameXmd(ci, G.Ne);
  frameXmd(di, G.Ne);
  absorbText('Composite');
  G.endHashToScalar(d, 'HashToScalar-');
}

/** sum = Σ d_j·X_j over the batch's weights (the first batch), or sum + that. */
function accumulate(sum: usize, first: bool, xs: usize, n: i32): bool {
  if (first) return G.weightedSum(sum, MSM_WEIGHTS, OPRF_CELL, xs, G.Ne, n) == G.EC_OK;
  return G.weightedSum(E1, MSM_WEIGHTS, OPRF_CELL, xs, G.Ne, n) == G.EC_OK && G.add(sum, sum, E1) == G.EC_OK;
}

/** §2.2.1: c = HashToScalar(I2OSP(Ne, 2) ‖ B ‖ I2OSP(Ne, 2) ‖ M ‖ … Z ‖ … t2 ‖ … t3 ‖ "Challenge"). */
function challenge(c: usize): void {
  G.beginHashToScalar();
  frameXmd(B, G.Ne);
  frameXmd(M, G.Ne);
  frameXmd(Z, G.Ne);
  frameXmd(T2, G.Ne);
  frameXmd(T3, G.Ne);
  absorbText('Challenge');
  G.endHashToScalar(c, 'HashToScalar-');
}
