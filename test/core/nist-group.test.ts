// The core's RFC 9497 groups over P-256/384/521 (assembly/ec/nist-group.ts), which no export of
// the module reaches directly: compiled here with the debug target (bounds checks) and a test
// entry of thin wrappers, and checked against @noble/curves — compressed encode/decode, add,
// multiply, multiplyBase, scalars mod n, wide reduction, hashToGroup, hashToScalar — with the
// curve scratch wiped after every call and outputs that alias inputs.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import asc from 'assemblyscript/asc';
import { p256, p256_hasher, p384, p384_hasher, p521, p521_hasher } from '@noble/curves/nist.js';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { hex } from '../helpers.js';

const ENTRY = 'assembly/nist-group-test-entry.ts';
const SOURCE = `
import * as G from './ec/nist-group';
import { IO, OUT } from './mem';
const B: usize = IO + 256; // a second input
export function t_lengths(c: i32): i32 { return <i32>(G.elementLength(c) * 1000 + G.scalarLength(c)); }
export function t_hashToGroup(c: i32, msgLen: i32, dstLen: i32): bool { return G.hashToGroup(c, OUT, IO, msgLen, IO + msgLen, dstLen); }
export function t_hashToScalar(c: i32, msgLen: i32, dstLen: i32): void { G.hashToScalar(c, OUT, IO, msgLen, IO + msgLen, dstLen); }
export function t_isValidElement(c: i32): bool { return G.isValidElement(c, IO); }
export function t_multiply(c: i32, inPlace: bool): i32 { return G.multiply(c, inPlace ? B : OUT, IO, B); }
export function t_multiplyBase(c: i32): i32 { return G.multiplyBase(c, OUT, IO); }
export function t_add(c: i32): i32 { return G.add(c, OUT, IO, B); }
export function t_scalarMul(c: i32): void { G.scalarMul(c, OUT, IO, B); }
export function t_scalarAdd(c: i32): void { G.scalarAdd(c, OUT, IO, B); }
export function t_scalarSub(c: i32): void { G.scalarSub(c, OUT, IO, B); }
export function t_scalarInvert(c: i32, inPlace: bool): void { G.scalarInvert(c, inPlace ? IO : OUT, IO); }
export function t_scalarIsZero(c: i32): bool { return G.scalarIsZero(c, IO); }
export function t_scalarIsCanonical(c: i32): bool { return G.scalarIsCanonical(c, IO); }
export function t_scalarReduceWide(c: i32, len: i32): void { G.scalarReduceWide(c, OUT, IO, len); }
`;

/** The debug target of asconfig.json with the test entry beside assembly/index.ts. */
async function compile(): Promise<WebAssembly.Module> {
  let binary: Uint8Array<ArrayBuffer> | undefined;
  let log = '';
  const sink = { write: (text: string) => ((log += text), true) };
  const { error } = await asc.main(
    ['--config', 'asconfig.json', '--target', 'debug', ENTRY, '--outFile', 'test.wasm'],
    {
      stdout: sink,
      stderr: sink,
      readFile: (name: string, baseDir: string) => {
        if (name === ENTRY) return SOURCE;
        try {
          return readFileSync(join(baseDir, name), 'utf8');
        } catch {
          return null;
        }
      },
      writeFile: (name: string, contents: Uint8Array | string) => {
        if (name.endsWith('.wasm')) binary = contents as Uint8Array<ArrayBuffer>;
      },
    } as never,
  );
  if (error || !binary) throw new Error(`asc: ${error?.message}\n${log}`);
  return new WebAssembly.Module(binary);
}

type Fn = (...args: number[]) => number;
let ex: Record<string, Fn> & {
  memory: WebAssembly.Memory;
  IO: WebAssembly.Global;
  OUT: WebAssembly.Global;
  SCRATCH: WebAssembly.Global;
  SCRATCH_SIZE: WebAssembly.Global;
};
let mem: Uint8Array;
let IO: number, OUT: number;

beforeAll(async () => {
  ex = new WebAssembly.Instance(await compile(), {}).exports as typeof ex;
  mem = new Uint8Array(ex.memory.buffer);
  IO = ex.IO.value;
  OUT = ex.OUT.value;
}, 120_000);

/** The curve scratch (SCRATCH past the hash family's 1536 bytes, which the exports wipe) is zero. */
function expectCurveScratchClean(): void {
  const start = ex.SCRATCH.value + 1536,
    end = ex.SCRATCH.value + ex.SCRATCH_SIZE.value;
  expect(mem.subarray(start, end).findIndex((b) => b !== 0)).toBe(-1);
}

const put = (bytes: Uint8Array, at = 0) => mem.set(bytes, IO + at);
const take = (length: number, from = OUT) => {
  const out = mem.slice(from, from + length);
  mem.fill(0, from, from + length);
  return out;
};

const CURVES = [
  ['P-256', 0, p256, p256_hasher, 32],
  ['P-384', 1, p384, p384_hasher, 48],
  ['P-521', 2, p521, p521_hasher, 66],
] as const;

describe.each(CURVES)('%s', (_, c, curve, hasher, len) => {
  const { Point } = curve;
  const Fn = Point.Fn;
  const n = Fn.ORDER;
  const be = (k: bigint) => numberToBytesBE(k, len);
  const randomScalar = () => Fn.create(bytesToNumberBE(randomBytes(len + 16)));
  const none = new Uint8Array(len + 1);

  test('lengths', () => {
    expect(ex.t_lengths!(c)).toBe((len + 1) * 1000 + len);
  });

  test('multiply, multiplyBase and add against noble, and k = 0, P + (−P), P + P', () => {
    for (let i = 0; i < 8; i++) {
      const a = randomScalar() || 1n,
        b = randomScalar();
      const A = Point.BASE.multiply(a),
        B = Point.BASE.multiply(b || 1n);
      put(be(a));
      expect(ex.t_multiplyBase!(c)).toBe(0);
      expect(hex(take(len + 1))).toBe(hex(A.toBytes(true)));
      expectCurveScratchClean();
      put(be(b));
      put(A.toBytes(true), 256);
      expect(ex.t_multiply!(c, 0)).toBe(b === 0n ? 3 : 0);
      expect(hex(take(len + 1))).toBe(b === 0n ? hex(none) : hex(A.multiply(b).toBytes(true)));
      expectCurveScratchClean();
      put(be(b || 1n));
      expect(ex.t_multiply!(c, 1)).toBe(0); // out = the point's own bytes
      expect(hex(take(len + 1, IO + 256))).toBe(hex(A.multiply(b || 1n).toBytes(true)));
      put(A.toBytes(true));
      put(B.toBytes(true), 256);
      expect(ex.t_add!(c)).toBe(0);
      expect(hex(take(len + 1))).toBe(hex(A.add(B).toBytes(true)));
      expectCurveScratchClean();
      put(A.toBytes(true), 256);
      expect(ex.t_add!(c)).toBe(0);
      expect(hex(take(len + 1))).toBe(hex(A.double().toBytes(true)));
      put(A.negate().toBytes(true), 256);
      expect(ex.t_add!(c)).toBe(3);
      expect(hex(take(len + 1))).toBe(hex(none));
    }
    put(new Uint8Array(len));
    expect(ex.t_multiplyBase!(c)).toBe(3);
    expect(hex(take(len + 1))).toBe(hex(none));
    put(be(n - 1n));
    expect(ex.t_multiplyBase!(c)).toBe(0);
    expect(hex(take(len + 1))).toBe(hex(Point.BASE.negate().toBytes(true)));
    expectCurveScratchClean();
  });

  test('decoding: valid points, random x, wrong tags, x ≥ p; an invalid point is INVALID_POINT', () => {
    let valid = 0;
    for (let i = 0; i < 40; i++) {
      const bytes = randomBytes(len + 1);
      bytes[0] = 2 + (bytes[0]! & 1);
      if (c === 2) bytes[1]! &= 1;
      let expected = true;
      try {
        Point.fromBytes(bytes);
      } catch {
        expected = false;
      }
      valid += Number(expected);
      put(bytes);
      expect(ex.t_isValidElement!(c)).toBe(Number(expected));
      expectCurveScratchClean();
    }
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(40);
    const G = Point.BASE.toBytes(true);
    for (const tag of [0, 1, 4, 5, 6, 7]) {
      put(Uint8Array.from([tag, ...G.subarray(1)]));
      expect(ex.t_isValidElement!(c)).toBe(0);
    }
    const p = Point.Fp.ORDER;
    for (const x of [p, p + 1n, p + 3n]) {
      put(Uint8Array.from([2, ...numberToBytesBE(x, len)]));
      expect(ex.t_isValidElement!(c)).toBe(0);
    }
    put(be(1n));
    put(Uint8Array.from([2, ...numberToBytesBE(p, len)]), 256);
    expect(ex.t_multiply!(c, 0)).toBe(2);
    put(G);
    expect(ex.t_add!(c)).toBe(2);
    expectCurveScratchClean();
  });

  test('scalars: mul, add, sub, invert, isZero, isCanonical, reduceWide', () => {
    for (let i = 0; i < 12; i++) {
      const a = i === 0 ? 0n : i === 1 ? n - 1n : randomScalar(),
        b = randomScalar();
      put(be(a));
      put(be(b), 256);
      ex.t_scalarMul!(c);
      expect(hex(take(len))).toBe(hex(be(Fn.mul(a, b))));
      ex.t_scalarAdd!(c);
      expect(hex(take(len))).toBe(hex(be(Fn.add(a, b))));
      ex.t_scalarSub!(c);
      expect(hex(take(len))).toBe(hex(be(Fn.sub(a, b))));
      ex.t_scalarInvert!(c, 0);
      expect(hex(take(len))).toBe(hex(be(a === 0n ? 0n : Fn.inv(a))));
      expect(ex.t_scalarIsZero!(c)).toBe(Number(a === 0n));
      expect(ex.t_scalarIsCanonical!(c)).toBe(1);
      ex.t_scalarInvert!(c, 1);
      expect(hex(take(len, IO))).toBe(hex(be(a === 0n ? 0n : Fn.inv(a))));
      expectCurveScratchClean();
    }
    for (const k of [n, n + 1n, (1n << BigInt(8 * len)) - 1n]) {
      put(be(k));
      expect(ex.t_scalarIsCanonical!(c)).toBe(0);
    }
    for (const length of [0, 1, len - 1, len, len + 1, 48, 72, 97, 98]) {
      for (const wide of [randomBytes(length), new Uint8Array(length).fill(0xff)]) {
        put(wide);
        ex.t_scalarReduceWide!(c, length);
        expect(hex(take(len))).toBe(hex(be(length ? bytesToNumberBE(wide) % n : 0n)));
      }
    }
    expectCurveScratchClean();
  });

  test('hashToGroup and hashToScalar against noble', () => {
    for (let i = 0; i < 8; i++) {
      const msg = randomBytes(i * 37),
        dst = randomBytes(1 + i * 40);
      put(msg);
      put(dst, msg.length);
      expect(ex.t_hashToGroup!(c, msg.length, dst.length)).toBe(1);
      expect(hex(take(len + 1))).toBe(hex(hasher.hashToCurve(msg, { DST: dst }).toBytes(true)));
      expectCurveScratchClean();
      put(msg);
      put(dst, msg.length);
      ex.t_hashToScalar!(c, msg.length, dst.length);
      expect(hex(take(len))).toBe(hex(be(hasher.hashToScalar(msg, { DST: dst }))));
      expectCurveScratchClean();
    }
  });
});
