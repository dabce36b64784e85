// Wycheproof HKDF-SHA-256/384/512 (hkdf_test_schema_v1). Valid cases: hkdf() and
// expand(extract()) both give okm. Invalid cases (SizeTooLarge: size > 255·HashLen) throw a
// RangeError naming "length" from both paths.
import { describe, expect, test } from 'vitest';
import { CryptoError, hkdf, sha256, sha384, sha512 } from 'oblivia';
import { hex, unhex } from '../helpers.js';
import { readWycheproof, type WycheproofTest } from './wycheproof.js';

interface HkdfTest extends WycheproofTest {
  ikm: string;
  salt: string;
  info: string;
  size: number;
  okm: string;
}
interface HkdfGroup {
  type: string;
  keySize: number;
  tests: HkdfTest[];
}

// Counted once from the files. No test is skipped: every tcId runs, so skipped is 0 for each file.
// The invalid cases are exactly the SizeTooLarge ones (size = 255·HashLen + 1).
const FILES = [
  { file: 'hkdf_sha256_test.json', algorithm: 'HKDF-SHA-256', hash: sha256, valid: 83, invalid: 3, emptySalt: 23 },
  { file: 'hkdf_sha384_test.json', algorithm: 'HKDF-SHA-384', hash: sha384, valid: 80, invalid: 3, emptySalt: 22 },
  { file: 'hkdf_sha512_test.json', algorithm: 'HKDF-SHA-512', hash: sha512, valid: 80, invalid: 3, emptySalt: 22 },
] as const;
const SKIPPED = 0;

/** The thrown error, or a failure if nothing was thrown. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe.each(FILES)('Wycheproof $file', (spec) => {
  const data = readWycheproof<HkdfGroup>(spec.file);
  const cases = data.testGroups.flatMap((group) => group.tests);
  const max = 255 * spec.hash.outputLen;
  const ran = { valid: 0, invalid: 0 };

  test('file shape and counts', () => {
    expect(data.schema).toBe('hkdf_test_schema_v1.json');
    expect(data.algorithm).toBe(spec.algorithm);
    expect(cases.length).toBe(data.numberOfTests);
    expect(cases.length).toBe(spec.valid + spec.invalid + SKIPPED);
    expect(cases.filter((t) => t.result === 'valid').length).toBe(spec.valid);
    expect(cases.filter((t) => t.result === 'invalid').length).toBe(spec.invalid);
    expect(cases.filter((t) => t.result === 'invalid').map((t) => [t.size, t.flags])).toEqual(
      Array(spec.invalid).fill([max + 1, ['SizeTooLarge']]),
    );
    expect(cases.filter((t) => t.salt === '').length).toBe(spec.emptySalt);
    expect(cases.filter((t) => t.result === 'valid' && t.size === max).length).toBe(3); // MaximalOutputSize
    expect(new Set(cases.map((t) => t.tcId)).size).toBe(cases.length);
  });

  test.for(cases)('tcId $tcId: $result, size $size', (t) => {
    const ikm = unhex(t.ikm);
    const salt = unhex(t.salt);
    const info = unhex(t.info);
    if (t.result === 'valid') {
      expect(t.okm.length).toBe(2 * t.size);
      expect(hex(hkdf(spec.hash, ikm, salt, info, t.size))).toBe(t.okm);
      const prk = hkdf.extract(spec.hash, ikm, salt);
      expect(prk.length).toBe(spec.hash.outputLen);
      expect(hex(hkdf.expand(spec.hash, prk, info, t.size))).toBe(t.okm);
      // An absent salt or info reads as empty (RFC 5869 §2.2: salt of HashLen zeros).
      if (salt.length === 0) {
        expect(hex(hkdf.extract(spec.hash, ikm))).toBe(hex(prk));
        expect(hex(hkdf.extract(spec.hash, ikm, new Uint8Array(spec.hash.outputLen)))).toBe(hex(prk));
        expect(hex(hkdf(spec.hash, ikm, undefined, info.length === 0 ? undefined : info, t.size))).toBe(t.okm);
      }
      ran.valid++;
    } else if (t.result === 'invalid') {
      const prk = hkdf.extract(spec.hash, ikm, salt);
      for (const error of [
        thrown(() => hkdf(spec.hash, ikm, salt, info, t.size)),
        thrown(() => hkdf.expand(spec.hash, prk, info, t.size)),
      ]) {
        expect(error).toBeInstanceOf(RangeError);
        expect((error as Error).constructor).toBe(RangeError);
        expect(error).not.toBeInstanceOf(CryptoError);
        expect((error as Error).message).toMatch(/^"length" /);
        expect((error as Error).message).toContain(String(max));
      }
      ran.invalid++;
    } else {
      throw new Error(`unexpected result ${t.result}`);
    }
  });

  // Runs after the cases (tests in a file run in order).
  test('every case ran, none skipped', () => {
    expect(ran).toEqual({ valid: spec.valid, invalid: spec.invalid });
  });
});
