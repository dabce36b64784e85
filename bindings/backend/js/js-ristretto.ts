// The js backend's ristretto255 (RFC 9496) and scalars mod ℓ over @noble/curves, with noble's
// errors sorted into the same CryptoError codes the wasm core returns.
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { CryptoError } from '../../crypto-error.js';
import type { ScalarOp } from '../backend.js';

const { Point } = ristretto255;
const { Fn } = Point;

function point(bytes: Uint8Array): InstanceType<typeof Point> {
  try {
    return Point.fromBytes(bytes);
  } catch {
    throw new CryptoError('INVALID_POINT');
  }
}

/** A scalar below ℓ (and nonzero when `nonzero`), else INVALID_SCALAR. */
function scalar(bytes: Uint8Array, nonzero = false): bigint {
  const n = bytesToNumberLE(bytes);
  if (n >= Fn.ORDER || (nonzero && n === 0n)) throw new CryptoError('INVALID_SCALAR');
  return n;
}

const encode = (n: bigint): Uint8Array => numberToBytesLE(n, 32);

export function ristretto255IsValid(bytes: Uint8Array): boolean {
  try {
    Point.fromBytes(bytes);
    return true;
  } catch {
    return false;
  }
}

export function ristretto255FromUniform(bytes: Uint8Array): Uint8Array {
  return ristretto255_hasher.deriveToCurve!(bytes).toBytes();
}

/** RFC 9380 Appendix B hash_to_ristretto255: expand_message_xmd with SHA-512, then §4.3.4. */
export function hashToRistretto255(msg: Uint8Array, dst: Uint8Array): Uint8Array {
  return ristretto255_hasher.hashToCurve(msg, { DST: dst }).toBytes();
}

export function ristretto255Add(a: Uint8Array, b: Uint8Array, subtract: boolean): Uint8Array {
  const p = point(a),
    q = point(b);
  return (subtract ? p.subtract(q) : p.add(q)).toBytes();
}

export function ristretto255Multiply(k: Uint8Array, bytes: Uint8Array | undefined): Uint8Array {
  const n = scalar(k, true);
  return (bytes ? point(bytes) : Point.BASE).multiply(n).toBytes();
}

export function scalar25519Reduce(bytes: Uint8Array): Uint8Array {
  return encode(Fn.create(bytesToNumberLE(bytes)));
}

export function scalar25519(op: ScalarOp, a: Uint8Array, b?: Uint8Array): Uint8Array {
  switch (op) {
    case 'invert':
      return encode(Fn.inv(scalar(a, true)));
    case 'neg':
      return encode(Fn.neg(scalar(a)));
    default: {
      const x = scalar(a),
        y = scalar(b!);
      return encode(op === 'mul' ? Fn.mul(x, y) : op === 'add' ? Fn.add(x, y) : Fn.sub(x, y));
    }
  }
}
