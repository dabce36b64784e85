// bindings/utils: strict base64url, the bounded reader, the coded-error factory and the random pool.
import { expect, test } from 'vitest';
import { decodeBase64url, encodeBase64url } from 'oblivia/utils/base64url.js';
import { codedError } from 'oblivia/utils/coded-error.js';
import { Reader } from 'oblivia/utils/reader.js';
import { pooledRandomBytes } from 'oblivia/utils/random-pool.js';
import { bytesToHex, hexToBytes } from 'oblivia/utils/bytes.js';

test('base64url equals node:buffer for 0 to 40 bytes, padded and not', () => {
  for (let n = 0; n <= 40; n++) {
    const data = crypto.getRandomValues(new Uint8Array(n));
    const plain = Buffer.from(data).toString('base64url');
    const padded = Buffer.from(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    expect(encodeBase64url(data)).toBe(plain);
    expect(encodeBase64url(data, true)).toBe(padded);
    expect(decodeBase64url(plain)).toEqual(data);
    expect(decodeBase64url(padded, true)).toEqual(data);
  }
});

test('base64url decoding refuses what is not canonical', () => {
  for (const [text, padded] of [
    ['AB', false], // non-zero trailing bits
    ['AAB=', true],
    ['A', false], // a length of 1 mod 4
    ['AA==', false], // padding where none is expected
    ['AA', true], // none where it is
    ['AA=', true],
    ['A===', true],
    ['AA+/', false], // base64, not base64url
    ['AA A', false],
  ] as const) {
    expect(decodeBase64url(text, padded), text).toBeUndefined();
  }
});

test('the reader reads big-endian, refuses a short read and trailing bytes with the given error', () => {
  const fail = () => new RangeError('short');
  const r = new Reader(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), fail);
  expect([r.uint8(), r.uint16(), r.uint32()]).toEqual([1, 0x0203, 0x04050607]);
  expect(() => r.end()).toThrow(fail());
  expect(() => r.take(3)).toThrow(fail());
  expect(r.take(2)).toEqual(Uint8Array.of(8, 9));
  r.end();
});

test('a coded error class: code, fixed message, name, cause, instanceof', () => {
  class TestError extends codedError('TestError', { A: 'first', B: 'second' }) {}
  const cause = new Error('underneath');
  const e = new TestError('B', { cause });
  expect(e).toBeInstanceOf(TestError);
  expect(e).toBeInstanceOf(Error);
  expect(e).toMatchObject({ name: 'TestError', code: 'B', message: 'second', cause });
  expect(new TestError('A')).toEqual(new TestError('A'));
  expect(new TestError('A')).not.toBeInstanceOf(codedError('TestError', { A: 'first' }));
});

test('the random pool: each draw is fresh across refills (4 KiB each); larger draws bypass it', () => {
  const draws = Array.from({ length: 1000 }, () => pooledRandomBytes(16)); // ~4 pools
  expect(draws.every((d) => d.length === 16)).toBe(true);
  expect(new Set(draws.map((d) => Buffer.from(d).toString('hex'))).size).toBe(1000);
  // Not zeros: what is handed out is copied before the pool's bytes are wiped.
  expect(draws.filter((d) => d.every((b) => b === 0))).toEqual([]);
  const odd = [pooledRandomBytes(4095), pooledRandomBytes(4096), pooledRandomBytes(4097), pooledRandomBytes(0)];
  expect(odd.map((d) => d.length)).toEqual([4095, 4096, 4097, 0]);
  expect(new Set(odd.slice(0, 3).map((d) => Buffer.from(d.subarray(0, 32)).toString('hex'))).size).toBe(3);
});

test('hex: both ways for every byte; anything but pairs of hex digits is a RangeError', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  expect(bytesToHex(all)).toBe(Buffer.from(all).toString('hex'));
  expect(hexToBytes(Buffer.from(all).toString('hex'))).toEqual(all);
  expect(hexToBytes('ABcd')).toEqual(Uint8Array.of(0xab, 0xcd));
  expect(hexToBytes('')).toEqual(new Uint8Array(0));
  for (const bad of ['a', 'abc', 'zz', '0x00', ' 00', '0g']) {
    expect(() => hexToBytes(bad)).toThrow(new RangeError('"hex" expected pairs of hex digits'));
  }
});
