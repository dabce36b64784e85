// The js backend's RFC 9497 OPRF over @noble/curves (ristretto255_oprf, p256_oprf, p384_oprf,
// p521_oprf), with noble's errors sorted into the same CryptoError codes the wasm core returns.
// Elements, scalars and the POPRF inverse are checked here first, so each noble call below can
// fail in one way only.
import { ristretto255, ristretto255_hasher, ristretto255_oprf } from '@noble/curves/ed25519.js';
import {
  p256,
  p256_hasher,
  p256_oprf,
  p384,
  p384_hasher,
  p384_oprf,
  p521,
  p521_hasher,
  p521_oprf,
} from '@noble/curves/nist.js';
import { getMinHashLength } from '@noble/curves/abstract/modular.js';
import {
  asciiToBytes as ascii,
  bytesToNumberBE,
  bytesToNumberLE,
  concatBytes as concat,
  numberToBytesBE,
  numberToBytesLE,
} from '@noble/curves/utils.js';
import { CryptoError } from '../../crypto-error.js';
import type {
  BlindEvaluateStep,
  EvaluateStep,
  FinalizeStep,
  OprfBackend,
  OprfEvaluated,
  OprfMode,
  OprfSuiteName,
} from '../backend.js';

interface GroupPoint {
  equals(other: GroupPoint): boolean;
  add(other: GroupPoint): GroupPoint;
  multiply(scalar: bigint): GroupPoint;
  multiplyUnsafe(scalar: bigint): GroupPoint;
  toBytes(): Uint8Array;
}

interface Group {
  readonly Point: { fromBytes(bytes: Uint8Array): GroupPoint; readonly BASE: GroupPoint; readonly ZERO: GroupPoint };
  readonly order: bigint;
  readonly littleEndian: boolean;
  hashToGroup(msg: Uint8Array, options: { DST: Uint8Array }): GroupPoint;
  hashToScalar(msg: Uint8Array, options: { DST: Uint8Array }): bigint;
  readonly noble: NobleOprf;
}

/** noble's oprf and voprf objects have evaluate() (mode-0/1 Evaluate), which its types omit. */
type Evaluating = { evaluate(secretKey: Uint8Array, input: Uint8Array): Uint8Array };
type NobleOprf = typeof p256_oprf & { readonly oprf: Evaluating; readonly voprf: Evaluating };

const group = (
  Point: Group['Point'] & { Fn: { ORDER: bigint; isLE: boolean } },
  hasher: { hashToCurve: Group['hashToGroup']; hashToScalar: Group['hashToScalar'] },
  noble: typeof p256_oprf,
): Group => ({
  Point,
  order: Point.Fn.ORDER,
  littleEndian: Point.Fn.isLE,
  hashToGroup: (msg, options) => hasher.hashToCurve(msg, options),
  hashToScalar: (msg, options) => hasher.hashToScalar(msg, options),
  noble: noble as NobleOprf,
});

const GROUPS: Record<OprfSuiteName, Group> = {
  'ristretto255-SHA512': group(ristretto255.Point, ristretto255_hasher, ristretto255_oprf),
  'P256-SHA256': group(p256.Point, p256_hasher, p256_oprf),
  'P384-SHA384': group(p384.Point, p384_hasher, p384_oprf),
  'P521-SHA512': group(p521.Point, p521_hasher, p521_oprf),
};

const EMPTY = new Uint8Array(0);

/** §3.1 contextString = "OPRFV1-" ‖ I2OSP(mode, 1) ‖ "-" ‖ identifier. */
const contextString = (suite: OprfSuiteName, mode: OprfMode): Uint8Array =>
  Uint8Array.from([...ascii('OPRFV1-'), mode, ...ascii(`-${suite}`)]);

const toNumber = (g: Group, bytes: Uint8Array): bigint =>
  g.littleEndian ? bytesToNumberLE(bytes) : bytesToNumberBE(bytes);

/** A secret key in 1 … order−1 (§2.1 DeserializeScalar, and nonzero), else INVALID_SCALAR. */
function secretScalar(g: Group, bytes: Uint8Array): bigint {
  const k = toNumber(g, bytes);
  if (k === 0n || k >= g.order) throw new CryptoError('INVALID_SCALAR');
  return k;
}

/** §3.3: a deserialized element that is not the identity, else INVALID_POINT. */
function element(g: Group, bytes: Uint8Array): GroupPoint {
  let p: GroupPoint | undefined;
  try {
    p = g.Point.fromBytes(bytes);
  } catch {
    // fall through: not an encoding of an element
  }
  if (p === undefined || p.equals(g.Point.ZERO)) throw new CryptoError('INVALID_POINT');
  return p;
}

/**
 * noble draws a random scalar as (r mod (order−1)) + 1 from getMinHashLength(order) rng bytes r
 * (mapHashToField, in the scalar's byte order); the rng that returns the encoding of scalar − 1
 * makes it draw exactly `scalar` (which is nonzero and below the order).
 */
function replay(g: Group, scalar: Uint8Array): () => Uint8Array<ArrayBuffer> {
  return () => {
    const r = toNumber(g, scalar) - 1n;
    const length = getMinHashLength(g.order);
    return new Uint8Array(g.littleEndian ? numberToBytesLE(r, length) : numberToBytesBE(r, length));
  };
}

/** §3.3.3 m = HashToScalar(framedInfo), framedInfo = "Info" ‖ I2OSP(len(info), 2) ‖ info. */
function infoScalar(suite: OprfSuiteName, info: Uint8Array): bigint {
  const framed = concat(ascii('Info'), Uint8Array.of(info.length >> 8, info.length & 0xff), info);
  return GROUPS[suite].hashToScalar(framed, { DST: concat(ascii('HashToScalar-'), contextString(suite, 2)) });
}

/** §3.3.3: skS + m = 0 has no inverse (InverseError). */
function requireInvertible(suite: OprfSuiteName, k: bigint, info: Uint8Array): void {
  if ((k + infoScalar(suite, info)) % GROUPS[suite].order === 0n) throw new CryptoError('INVERSE_ZERO');
}

function deriveKeyPair(suite: OprfSuiteName, mode: OprfMode, seed: Uint8Array, info: Uint8Array) {
  const o = GROUPS[suite].noble;
  try {
    return (mode === 0 ? o.oprf : mode === 1 ? o.voprf : o.poprf(EMPTY)).deriveKeyPair(seed, info);
  } catch {
    throw new CryptoError('INVALID_SCALAR'); // §3.2.1 DeriveKeyPairError: 256 zero candidates
  }
}

function blind(
  suite: OprfSuiteName,
  mode: OprfMode,
  inputs: readonly Uint8Array[],
  blinds: readonly Uint8Array[],
): Uint8Array[] {
  const g = GROUPS[suite];
  const DST = concat(ascii('HashToGroup-'), contextString(suite, mode));
  return inputs.map((input, i) => {
    const P = g.hashToGroup(input, { DST });
    if (P.equals(g.Point.ZERO)) throw new CryptoError('INVALID_INPUT');
    return P.multiply(toNumber(g, blinds[i]!)).toBytes();
  });
}

function tweakKey(suite: OprfSuiteName, publicKey: Uint8Array, info: Uint8Array): Uint8Array {
  const g = GROUPS[suite];
  const pkS = element(g, publicKey);
  const tweaked = g.Point.BASE.multiplyUnsafe(infoScalar(suite, info)).add(pkS);
  if (tweaked.equals(g.Point.ZERO)) throw new CryptoError('INVALID_INPUT');
  return tweaked.toBytes();
}

function blindEvaluate(suite: OprfSuiteName, mode: OprfMode, step: BlindEvaluateStep): OprfEvaluated {
  const { secretKey, publicKey, blinded, info, proofRandomness } = step;
  const g = GROUPS[suite];
  const k = secretScalar(g, secretKey);
  for (const b of blinded) element(g, b);
  const batch = [...blinded];
  if (mode === 0) return { evaluated: batch.map((b) => g.noble.oprf.blindEvaluate(secretKey, b)), proof: EMPTY };
  const rng = replay(g, proofRandomness!);
  if (mode === 1) return g.noble.voprf.blindEvaluateBatch(secretKey, publicKey, batch, rng);
  requireInvertible(suite, k, info!);
  return g.noble.poprf(info!).blindEvaluateBatch(secretKey, batch, rng);
}

function finalize(suite: OprfSuiteName, mode: OprfMode, step: FinalizeStep): Uint8Array[] {
  const { inputs, blinds, blinded, evaluated, key, proof, info } = step;
  const g = GROUPS[suite];
  for (const e of evaluated) element(g, e);
  if (mode === 0) return inputs.map((input, i) => g.noble.oprf.finalize(input, blinds[i]!, evaluated[i]!));
  element(g, key!);
  for (const b of blinded) element(g, b);
  const items = inputs.map((input, i) => ({
    input,
    blind: blinds[i]!,
    blinded: blinded[i]!,
    evaluated: evaluated[i]!,
  }));
  try {
    // The elements are checked above; what noble can still refuse is the proof (§2.2.2): c or s
    // not below the order, or a challenge that does not match.
    return mode === 1
      ? g.noble.voprf.finalizeBatch(items, key!, proof!)
      : g.noble.poprf(info!).finalizeBatch(items, proof!, key!);
  } catch {
    throw new CryptoError('PROOF_FAILED');
  }
}

function evaluate(suite: OprfSuiteName, mode: OprfMode, step: EvaluateStep): Uint8Array {
  const { secretKey, input, info } = step;
  const g = GROUPS[suite];
  const k = secretScalar(g, secretKey);
  if (mode === 2) requireInvertible(suite, k, info!);
  try {
    // With the key checked, noble refuses only an input that hashes to the identity.
    return mode === 0
      ? g.noble.oprf.evaluate(secretKey, input)
      : mode === 1
        ? g.noble.voprf.evaluate(secretKey, input)
        : g.noble.poprf(info!).evaluate(secretKey, input);
  } catch {
    throw new CryptoError('INVALID_INPUT');
  }
}

export const jsOprf: OprfBackend = {
  deriveKeyPair,
  publicKey: (suite, secretKey) => {
    const g = GROUPS[suite];
    return g.Point.BASE.multiply(secretScalar(g, secretKey)).toBytes();
  },
  blind,
  tweakKey,
  blindEvaluate,
  finalize,
  evaluate,
};
