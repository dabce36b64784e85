// RFC 9380 hash_to_curve and expand_message_xmd (Appendices J.1.1, J.2.1, K.1, K.2, K.3), and the
// hashes to the groups of RFC 9497 through its Appendix A vectors: BlindedElement =
// Blind · HashToGroup(Input) (P-521 and ristretto255 have no RFC 9380 vectors of their own).
import { describe, expect, test } from 'vitest';
import { expandMessageXmd, p256, p384, p521, ristretto255, sha256, sha512, type NistCurve } from 'oblivia';
import { hex, readJsonVector, unhex } from '../helpers.js';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('hash_to_curve (RFC 9380 Appendix J)', () => {
  const suites: [string, NistCurve][] = [
    ['P256_XMD_SHA-256_SSWU_RO_.json', p256],
    ['P384_XMD_SHA-384_SSWU_RO_.json', p384],
  ];
  test.each(suites)('%s', (file, curve) => {
    const v = readJsonVector(`hash-to-curve/${file}`);
    expect(v.vectors).toHaveLength(5);
    for (const { msg, P } of v.vectors) {
      const point = curve.hashToCurve(ascii(msg), ascii(v.dst));
      expect(hex(point)).toBe(`04${P.x.slice(2)}${P.y.slice(2)}`);
    }
  });
});

describe('expand_message_xmd (RFC 9380 Appendix K)', () => {
  const files = [
    ['expand_message_xmd_SHA256_38.json', sha256, 38],
    ['expand_message_xmd_SHA256_256.json', sha256, 256], // over 255 bytes: hashed (§5.3.3)
    ['expand_message_xmd_SHA512_38.json', sha512, 38],
  ] as const;
  test.each(files)('%s', (file, hash, dstLength) => {
    const v = readJsonVector(`hash-to-curve/${file}`);
    expect(v.DST).toHaveLength(dstLength);
    expect(v.tests).toHaveLength(10);
    for (const t of v.tests) {
      const out = expandMessageXmd(hash, ascii(t.msg), ascii(v.DST), Number(t.len_in_bytes));
      expect(hex(out)).toBe(t.uniform_bytes);
    }
  });
});

describe('HashToGroup of RFC 9497 (Appendix A): Blind · HashToGroup(Input) = BlindedElement', () => {
  const split = (list: string) => list.split(',').map(unhex);
  const sets = readJsonVector('oprf/allVectors.json').filter(
    (s: { identifier: string }) => s.identifier !== 'decaf448-SHAKE256',
  );
  const curves: Record<string, NistCurve> = { 'P256-SHA256': p256, 'P384-SHA384': p384, 'P521-SHA512': p521 };

  test('12 suite × mode sets, 40 inputs', () => {
    expect(sets).toHaveLength(12);
    let inputs = 0;
    for (const set of sets) {
      const dst = unhex(set.groupDST);
      const curve = curves[set.identifier];
      for (const v of set.vectors) {
        const [input, blind, blinded] = [split(v.Input), split(v.Blind), split(v.BlindedElement)];
        expect(input).toHaveLength(v.Batch);
        for (let i = 0; i < v.Batch; i++, inputs++) {
          if (curve) {
            // x(blind · P), the x-coordinate of the compressed BlindedElement
            expect(hex(curve.getSharedSecret(blind[i]!, curve.hashToCurve(input[i]!, dst)))).toBe(
              hex(blinded[i]!.subarray(1)),
            );
          } else {
            expect(set.identifier).toBe('ristretto255-SHA512');
            expect(hex(ristretto255.multiply(blind[i]!, ristretto255.hashToGroup(input[i]!, dst)))).toBe(
              hex(blinded[i]!),
            );
          }
        }
      }
    }
    expect(inputs).toBe(40);
  });
});
