// Wycheproof AEAD (aead_test_schema_v1): ChaCha20-Poly1305, XChaCha20-Poly1305 and AES-GCM. A valid
// case must seal to exactly ct ‖ tag and open to msg. An invalid case must be refused: a nonce of
// an unsupported size by the constructor (RangeError naming "nonce"), anything else by decrypt
// (CryptoError INVALID_TAG). Every count is asserted, so no case can go missing silently.
import { describe, expect, test } from 'vitest';
import { chacha20poly1305, CryptoError, gcm, xchacha20poly1305, type AeadFunction } from 'oblivia';
import { hex, unhex } from '../helpers.js';
import { readWycheproof, type WycheproofTest } from './wycheproof.js';

interface AeadTest extends WycheproofTest {
  key: string;
  iv: string;
  aad: string;
  msg: string;
  ct: string;
  tag: string;
}
interface AeadGroup {
  ivSize: number;
  keySize: number;
  tagSize: number;
  tests: AeadTest[];
}

// Counted once from the files; every tag is 128 bits.
const FILES: { file: string; aead: AeadFunction; valid: number; badNonce: number; badTag: number }[] = [
  { file: 'chacha20_poly1305_test.json', aead: chacha20poly1305, valid: 256, badNonce: 9, badTag: 60 },
  { file: 'xchacha20_poly1305_test.json', aead: xchacha20poly1305, valid: 246, badNonce: 9, badTag: 60 },
  { file: 'aes_gcm_test.json', aead: gcm, valid: 229, badNonce: 6, badTag: 81 },
];

describe.each(FILES)('$file', ({ file, aead, valid, badNonce, badTag }) => {
  const data = readWycheproof<AeadGroup>(file);
  const tests = data.testGroups.flatMap((group) => group.tests.map((t) => ({ ...t, group })));
  const seen = { valid: 0, badNonce: 0, badTag: 0 };

  test('every group has 128-bit tags, and numberOfTests matches', () => {
    expect(data.testGroups.every((g) => g.tagSize === 128)).toBe(true);
    expect(tests.length).toBe(data.numberOfTests);
  });

  test.each(tests)('tcId $tcId ($result) $comment', (t) => {
    const key = unhex(t.key);
    const nonce = unhex(t.iv);
    const aad = unhex(t.aad);
    const sealed = unhex(t.ct + t.tag);
    if (t.result === 'valid') {
      expect(hex(aead(key, nonce, aad).encrypt(unhex(t.msg)))).toBe(t.ct + t.tag);
      expect(hex(aead(key, nonce, aad).decrypt(sealed))).toBe(t.msg);
      seen.valid++;
      return;
    }
    expect(t.result).toBe('invalid');
    let cipher;
    try {
      cipher = aead(key, nonce, aad);
    } catch (error) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as Error).message).toMatch(/^"nonce" expected Uint8Array of length /);
      seen.badNonce++;
      return;
    }
    const out = new Uint8Array(sealed.length - 16).fill(0x5a);
    expect(() => cipher.decrypt(sealed, out)).toThrow(new CryptoError('INVALID_TAG'));
    expect(out.every((b) => b === 0x5a)).toBe(true); // the output was not touched
    seen.badTag++;
  });

  test('every case ran: exact counts of valid, bad-nonce and bad-tag cases', () => {
    expect(seen).toEqual({ valid, badNonce, badTag });
  });
});
