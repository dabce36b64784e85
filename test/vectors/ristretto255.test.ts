// RFC 9496 Appendix A (ristretto255): multiples of the generator, invalid encodings, and the
// one-way map, on the backend of this project.
import { describe, expect, test } from 'vitest';
import { CryptoError, ristretto255 } from 'oblivia';
import { hex, readJsonVector, unhex } from '../helpers.js';

const v = readJsonVector('hash-to-curve/ristretto255.json');
const multiples: string[] = v.multiples_of_generator.encodings;
const invalid: string[] = v.invalid_encodings.groups.flatMap((g: { encodings: string[] }) => g.encodings);

const scalarOf = (k: number) => {
  const s = new Uint8Array(32);
  s[0] = k;
  return s;
};

describe('ristretto255 (RFC 9496 Appendix A)', () => {
  test('A.1: B·0 … B·15, by multiplyBase, multiply and repeated addition', () => {
    expect(multiples).toHaveLength(16);
    expect(ristretto255.isValid(unhex(multiples[0]!))).toBe(true);
    const B = unhex(multiples[1]!);
    let sum = unhex(multiples[0]!);
    for (let k = 1; k < 16; k++) {
      expect(hex(ristretto255.multiplyBase(scalarOf(k)))).toBe(multiples[k]);
      expect(hex(ristretto255.multiply(scalarOf(k), B))).toBe(multiples[k]);
      sum = ristretto255.add(sum, B);
      expect(hex(sum)).toBe(multiples[k]);
      expect(ristretto255.isValid(unhex(multiples[k]!))).toBe(true);
    }
    expect(hex(ristretto255.subtract(B, B))).toBe(multiples[0]);
  });

  test('A.2: every invalid encoding is rejected', () => {
    expect(invalid).toHaveLength(29);
    for (const bad of invalid) {
      expect(ristretto255.isValid(unhex(bad))).toBe(false);
      expect(() => ristretto255.multiply(scalarOf(1), unhex(bad))).toThrow(new CryptoError('INVALID_POINT'));
      expect(() => ristretto255.add(unhex(multiples[1]!), unhex(bad))).toThrow(new CryptoError('INVALID_POINT'));
    }
  });

  test('A.3: the one-way map (FROM_UNIFORM_BYTES)', () => {
    const vectors: { input: string; output: string }[] = v.from_uniform_bytes.vectors;
    expect(vectors).toHaveLength(7);
    for (const { input, output } of vectors) expect(hex(ristretto255.fromUniformBytes(unhex(input)))).toBe(output);
    const same = v.from_uniform_bytes_same_output;
    expect(same.inputs).toHaveLength(4);
    for (const input of same.inputs) expect(hex(ristretto255.fromUniformBytes(unhex(input)))).toBe(same.output);
  });
});
