// Wycheproof HMAC-SHA-256/384/512 (mac_test_schema_v1). Our API computes the full MAC; a group whose
// tagSize is below the hash output is a truncated-tag group, checked on the first tagSize/8 bytes:
// equal to the tag when the result is "valid", different when "invalid".
import { describe, expect, test } from 'vitest';
import { hmac, sha256, sha384, sha512, type HashFunction } from 'oblivia';
import { hex, unhex } from '../helpers.js';
import { readWycheproof, type WycheproofTest } from './wycheproof.js';

interface MacTest extends WycheproofTest {
  key: string;
  msg: string;
  tag: string;
}
interface MacGroup {
  type: string;
  keySize: number;
  tagSize: number;
  tests: MacTest[];
}

// Counted once from the files. No test is skipped: every tcId runs, so skipped is 0 for each file.
const FILES = [
  { file: 'hmac_sha256_test.json', algorithm: 'HMACSHA256', hash: sha256, valid: 66, invalid: 108, truncated: 87 },
  { file: 'hmac_sha384_test.json', algorithm: 'HMACSHA384', hash: sha384, valid: 66, invalid: 108, truncated: 87 },
  { file: 'hmac_sha512_test.json', algorithm: 'HMACSHA512', hash: sha512, valid: 66, invalid: 108, truncated: 87 },
] as const;
const SKIPPED = 0;

/** Streams `msg` into hmac.create in irregular pieces: empty, 1 byte, then pieces of 1..97 bytes. */
function streamed(hash: HashFunction, key: Uint8Array, msg: Uint8Array, tcId: number): Uint8Array {
  const mac = hmac.create(hash, key);
  mac.update(msg.subarray(0, 0));
  let at = 0;
  for (let step = tcId; at < msg.length; step = (step * 37 + 11) % 97) {
    const next = Math.min(msg.length, at + 1 + step);
    mac.update(msg.subarray(at, next));
    at = next;
  }
  return mac.digest();
}

describe.each(FILES)('Wycheproof $file', (spec) => {
  const data = readWycheproof<MacGroup>(spec.file);
  const cases = data.testGroups.flatMap((group) =>
    group.tests.map((t) => ({ ...t, tagSize: group.tagSize, keySize: group.keySize })),
  );
  const ran = { valid: 0, invalid: 0 };

  test('file shape and counts', () => {
    expect(data.schema).toBe('mac_test_schema_v1.json');
    expect(data.algorithm).toBe(spec.algorithm);
    expect(cases.length).toBe(data.numberOfTests);
    expect(cases.length).toBe(spec.valid + spec.invalid + SKIPPED);
    expect(cases.filter((t) => t.result === 'valid').length).toBe(spec.valid);
    expect(cases.filter((t) => t.result === 'invalid').length).toBe(spec.invalid);
    expect(cases.filter((t) => t.tagSize < spec.hash.outputLen * 8).length).toBe(spec.truncated);
    expect(new Set(cases.map((t) => t.tcId)).size).toBe(cases.length);
    for (const group of data.testGroups) {
      expect(group.type).toBe('MacTest');
      expect(group.tagSize % 8).toBe(0);
      expect(group.tagSize).toBeLessThanOrEqual(spec.hash.outputLen * 8);
    }
  });

  test.for(cases)('tcId $tcId: $result, keySize $keySize, tagSize $tagSize', (t) => {
    const result = t.result;
    if (result !== 'valid' && result !== 'invalid') throw new Error(`unexpected result ${result}`);
    const key = unhex(t.key);
    const msg = unhex(t.msg);
    expect(key.length * 8).toBe(t.keySize);
    expect(t.tag.length * 4).toBe(t.tagSize);

    const full = hmac(spec.hash, key, msg);
    const stream = streamed(spec.hash, key, msg, t.tcId);
    expect(full.length).toBe(spec.hash.outputLen);
    expect(hex(stream)).toBe(hex(full));

    const bytes = t.tagSize / 8;
    for (const mac of [full, stream]) {
      const truncated = hex(mac.subarray(0, bytes));
      if (result === 'valid') expect(truncated).toBe(t.tag);
      else expect(truncated).not.toBe(t.tag);
    }
    ran[result]++;
  });

  // Runs after the cases (tests in a file run in order).
  test('every case ran, none skipped', () => {
    expect(ran).toEqual({ valid: spec.valid, invalid: spec.invalid });
  });
});
