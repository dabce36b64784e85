// ristretto255 and its scalars on the backend of this project, against @noble/curves.
import { randomBytes } from 'node:crypto';
import { ristretto255 as noble, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { describe, expect, test } from 'vitest';
import { CryptoError, ristretto255 } from 'oblivia';
import { hex } from '../helpers.js';

const { Point } = noble;
const { Fn } = Point;
const L = Fn.ORDER;
const le = (n: bigint) => numberToBytesLE(n, 32);
const randomScalar = () => Fn.create(bytesToNumberLE(randomBytes(64))) || 1n;
const randomPoint = () => ristretto255_hasher.deriveToCurve!(randomBytes(64));

describe('ristretto255 against @noble/curves', () => {
  test('fromUniformBytes, add, subtract, multiply, multiplyBase', () => {
    for (let i = 0; i < 20; i++) {
      const uniform = randomBytes(64);
      expect(hex(ristretto255.fromUniformBytes(uniform))).toBe(
        hex(ristretto255_hasher.deriveToCurve!(uniform).toBytes()),
      );
      const P = randomPoint(),
        Q = randomPoint(),
        k = randomScalar();
      expect(hex(ristretto255.add(P.toBytes(), Q.toBytes()))).toBe(hex(P.add(Q).toBytes()));
      expect(hex(ristretto255.subtract(P.toBytes(), Q.toBytes()))).toBe(hex(P.subtract(Q).toBytes()));
      expect(hex(ristretto255.multiply(le(k), P.toBytes()))).toBe(hex(P.multiply(k).toBytes()));
      expect(hex(ristretto255.multiplyBase(le(k)))).toBe(hex(Point.BASE.multiply(k).toBytes()));
    }
    for (const k of [1n, 2n, L - 1n, L - 2n, (1n << 252n) - 1n]) {
      expect(hex(ristretto255.multiplyBase(le(k)))).toBe(hex(Point.BASE.multiply(k).toBytes()));
      expect(hex(ristretto255.multiply(le(k), Point.BASE.toBytes()))).toBe(hex(Point.BASE.multiply(k).toBytes()));
    }
  });

  test('scalar reduce, invert, mul, add, sub, neg', () => {
    const edges = [
      new Uint8Array(64),
      new Uint8Array(64).fill(0xff),
      Uint8Array.from([...le(L), ...new Uint8Array(32)]),
    ];
    for (const wide of [...edges, ...Array.from({ length: 20 }, () => randomBytes(64))]) {
      expect(hex(ristretto255.scalar.reduce(wide))).toBe(hex(le(Fn.create(bytesToNumberLE(wide)))));
    }
    for (let i = 0; i < 20; i++) {
      const a = randomScalar(),
        b = randomScalar();
      expect(hex(ristretto255.scalar.invert(le(a)))).toBe(hex(le(Fn.inv(a))));
      expect(hex(ristretto255.scalar.mul(le(a), le(b)))).toBe(hex(le(Fn.mul(a, b))));
      expect(hex(ristretto255.scalar.add(le(a), le(b)))).toBe(hex(le(Fn.add(a, b))));
      expect(hex(ristretto255.scalar.sub(le(a), le(b)))).toBe(hex(le(Fn.sub(a, b))));
      expect(hex(ristretto255.scalar.neg(le(a)))).toBe(hex(le(Fn.neg(a))));
    }
  });

  test('invalid scalars: INVALID_SCALAR', () => {
    const B = Point.BASE.toBytes();
    for (const bad of [le(0n), le(L), new Uint8Array(32).fill(0xff)]) {
      expect(() => ristretto255.multiplyBase(bad)).toThrow(new CryptoError('INVALID_SCALAR'));
      expect(() => ristretto255.multiply(bad, B)).toThrow(new CryptoError('INVALID_SCALAR'));
      expect(() => ristretto255.scalar.invert(bad)).toThrow(new CryptoError('INVALID_SCALAR'));
    }
    expect(() => ristretto255.scalar.mul(le(L), le(1n))).toThrow(new CryptoError('INVALID_SCALAR'));
    expect(() => ristretto255.scalar.add(le(1n), le(L))).toThrow(new CryptoError('INVALID_SCALAR'));
    expect(() => ristretto255.scalar.neg(le(L))).toThrow(new CryptoError('INVALID_SCALAR'));
    expect(hex(ristretto255.scalar.mul(le(0n), le(5n)))).toBe(hex(le(0n)));
  });

  test('argument errors name the argument', () => {
    const B = Point.BASE.toBytes();
    expect(() => ristretto255.isValid(new Uint8Array(31))).toThrow(
      new RangeError('"point" expected Uint8Array of length 32, got length=31'),
    );
    expect(() => ristretto255.fromUniformBytes(new Uint8Array(32))).toThrow(
      new RangeError('"bytes" expected Uint8Array of length 64, got length=32'),
    );
    expect(() => ristretto255.add(B, new Uint8Array(33))).toThrow(
      new RangeError('"b" expected Uint8Array of length 32, got length=33'),
    );
    expect(() => ristretto255.multiply(new Uint8Array(31), B)).toThrow(
      new RangeError('"scalar" expected Uint8Array of length 32, got length=31'),
    );
    expect(() => ristretto255.scalar.reduce(new Uint8Array(32))).toThrow(RangeError);
    expect(() => ristretto255.multiplyBase('00' as unknown as Uint8Array)).toThrow(TypeError);
  });
});
