// NIST CAVP GCMVS (SP 800-38D): gcmEncryptExtIV128/256.rsp, every IV length (8, 96, 1024 bits)
// and tag length. Our tags are 128 bits; a vector with a shorter tag checks the tag's prefix.
import { describe, expect, test } from 'vitest';
import { gcm } from 'oblivia';
import { hex, readVector, unhex } from '../helpers.js';
import { parseRsp, type RspEntry } from './rsp.js';

// Counted once from the files: 7875 encryptions each, 2625 per IV length.
const FILES = [
  { file: 'gcmEncryptExtIV128.rsp', keyBytes: 16, entries: 7875 },
  { file: 'gcmEncryptExtIV256.rsp', keyBytes: 32, entries: 7875 },
];
const IV_BITS = [8, 96, 1024];
const PER_IV_LENGTH = 2625;

describe.each(FILES)('$file', ({ file, keyBytes, entries }) => {
  const all = parseRsp(readVector(`nist/GCMVS/${file}`));

  test('entry count', () => {
    expect(all.length).toBe(entries);
    expect(all.every((e) => unhex(e.fields.Key!).length === keyBytes)).toBe(true);
  });

  test.each(IV_BITS)('IVlen = %i: ciphertext and tag match, and the result decrypts', (ivBits) => {
    const group = all.filter((e) => Number(e.section.IVlen) === ivBits);
    expect(group.length).toBe(PER_IV_LENGTH);
    for (const entry of group) check(entry);
  });
});

function check({ line, section, fields }: RspEntry): void {
  const key = unhex(fields.Key!);
  const iv = unhex(fields.IV!);
  const aad = unhex(fields.AAD!);
  const pt = unhex(fields.PT!);
  expect(iv.length * 8, `line ${line}`).toBe(Number(section.IVlen));
  expect(pt.length * 8, `line ${line}`).toBe(Number(section.PTlen));
  const sealed = gcm(key, iv, aad).encrypt(pt);
  const tagBytes = Number(section.Taglen) / 8;
  expect(hex(sealed.subarray(0, pt.length)), `CT, line ${line}`).toBe(fields.CT);
  expect(hex(sealed.subarray(pt.length, pt.length + tagBytes)), `Tag, line ${line}`).toBe(fields.Tag);
  expect(hex(gcm(key, iv, aad).decrypt(sealed)), `decrypt, line ${line}`).toBe(fields.PT);
}
