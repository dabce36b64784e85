// The public hash, HMAC and HKDF API on the backend of this project, against node:crypto.
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hkdf, hmac, sha256, sha384, sha512, type HashFunction } from 'oblivia';
import { hex } from '../helpers.js';

const HASHES: [string, HashFunction][] = [
  ['sha256', sha256],
  ['sha384', sha384],
  ['sha512', sha512],
];
const WINDOW = 65536; // the core's IO window: inputs above it stream through in chunks
const LENGTHS = [0, 1, 63, 64, 65, 127, 128, 129, WINDOW - 1, WINDOW, WINDOW + 1, 3 * WINDOW + 17];

/** `data` copied to a fresh buffer at byte offset `offset`, so views are unaligned. */
function atOffset(data: Uint8Array, offset: number): Uint8Array {
  const buffer = new Uint8Array(data.length + offset + 3);
  buffer.set(data, offset);
  return buffer.subarray(offset, offset + data.length);
}

describe.each(HASHES)('%s', (name, hash) => {
  test('properties', () => {
    expect([hash.outputLen, hash.blockLen, hash.algorithm]).toEqual(
      { sha256: [32, 64, 'sha256'], sha384: [48, 128, 'sha384'], sha512: [64, 128, 'sha512'] }[name],
    );
  });

  test.each(LENGTHS)('digest of %i bytes, one-shot and streamed, equals node:crypto', (length) => {
    const msg = randomBytes(length);
    const expected = createHash(name).update(msg).digest('hex');
    expect(hex(hash(msg))).toBe(expected);
    const h = hash.create();
    for (let at = 0; at < length; at += 1000 + (at % 7)) h.update(msg.subarray(at, at + 1000 + (at % 7)));
    expect(hex(h.digest())).toBe(expected);
  });

  test('views at offsets 0–7 and subarrays give the same digest; inputs are not mutated', () => {
    const msg = randomBytes(300);
    const copy = Uint8Array.from(msg);
    const expected = hex(hash(msg));
    for (let offset = 0; offset < 8; offset++) {
      const view = atOffset(msg, offset);
      expect(hex(hash(view))).toBe(expected);
      expect(hex(hash.create().update(view).digest())).toBe(expected);
    }
    expect(hex(msg)).toBe(hex(copy));
  });

  test('HMAC equals node:crypto for keys around the block size and messages around the window', () => {
    for (const keyLength of [0, 1, hash.blockLen - 1, hash.blockLen, hash.blockLen + 1, 1000, WINDOW + 5]) {
      for (const msgLength of [0, 65, WINDOW - keyLength, WINDOW + 1]) {
        if (msgLength < 0) continue;
        const key = randomBytes(keyLength);
        const msg = randomBytes(msgLength);
        const expected = createHmac(name, key).update(msg).digest('hex');
        expect(hex(hmac(hash, key, msg))).toBe(expected);
        expect(
          hex(hmac.create(hash, atOffset(key, 3)).update(msg.subarray(0, 7)).update(msg.subarray(7)).digest()),
        ).toBe(expected);
      }
    }
  });

  test('HKDF equals node:crypto, in one call and as extract then expand', () => {
    for (const [ikmLength, saltLength, infoLength, length] of [
      [32, 32, 10, 32],
      [0, 0, 0, 0],
      [22, 0, 0, 42],
      [80, 80, 80, 255 * hash.outputLen],
      [WINDOW, 16, 1024, 100], // salt ‖ IKM ‖ info exceed the window
    ] as const) {
      const ikm = randomBytes(ikmLength);
      const salt = randomBytes(saltLength);
      const info = randomBytes(infoLength);
      const expected = Buffer.from(hkdfSync(name, ikm, salt, info, length)).toString('hex');
      expect(hex(hkdf(hash, ikm, salt, info, length))).toBe(expected);
      const prk = hkdf.extract(hash, ikm, salt);
      expect(hex(prk)).toBe(createHmac(name, salt).update(ikm).digest('hex'));
      expect(hex(hkdf.expand(hash, prk, info, length))).toBe(expected);
    }
  });

  test('HKDF-Expand with info larger than the window equals the RFC 5869 definition', () => {
    const prk = randomBytes(hash.outputLen);
    const info = randomBytes(2 * WINDOW + 3);
    const length = 2 * hash.outputLen + 5;
    let previous = Buffer.alloc(0);
    let expected = Buffer.alloc(0);
    for (let i = 1; expected.length < length; i++) {
      previous = createHmac(name, prk).update(previous).update(info).update(Uint8Array.of(i)).digest();
      expected = Buffer.concat([expected, previous]);
    }
    expect(hex(hkdf.expand(hash, prk, info, length))).toBe(hex(expected.subarray(0, length)));
  });

  test('absent salt and info read as empty; an absent salt equals HashLen zero bytes (RFC 5869 §2.2)', () => {
    const ikm = randomBytes(40);
    const zeros = new Uint8Array(hash.outputLen);
    expect(hex(hkdf(hash, ikm, undefined, undefined, 50))).toBe(hex(hkdf(hash, ikm, zeros, new Uint8Array(0), 50)));
    expect(hex(hkdf.extract(hash, ikm))).toBe(hex(hkdf.extract(hash, ikm, zeros)));
  });
});

describe('streaming objects', () => {
  test('40 interleaved hashers and HMACs (more than the core has slots) all finish correctly', () => {
    const msg = randomBytes(5000);
    const key = randomBytes(20);
    const objects = Array.from({ length: 40 }, (_, i) => (i % 2 ? sha512.create() : hmac.create(sha256, key)));
    for (let round = 0; round < 5; round++) {
      objects.forEach((o, i) => o.update(msg.subarray(round * 1000, round * 1000 + ((i * 37) % 1000))));
    }
    objects.forEach((o, i) => {
      const expected = i % 2 ? createHash('sha512') : createHmac('sha256', key);
      for (let round = 0; round < 5; round++)
        expected.update(msg.subarray(round * 1000, round * 1000 + ((i * 37) % 1000)));
      expect(hex(o.digest())).toBe(expected.digest('hex'));
    });
  });

  test('update returns the object; digest finishes it', () => {
    const h = sha256.create();
    expect(h.update(new Uint8Array(1))).toBe(h);
    h.digest();
    expect(() => h.update(new Uint8Array(1))).toThrow(new TypeError('this object was already digested or destroyed'));
    expect(() => h.digest()).toThrow(TypeError);
  });

  test('destroy wipes the state and finishes the object; destroying twice is harmless', () => {
    const h = hmac.create(sha384, new Uint8Array(3));
    h.update(new Uint8Array(100));
    h.destroy();
    h.destroy();
    expect(() => h.digest()).toThrow(new TypeError('this object was already digested or destroyed'));
  });
});

describe('errors name the argument', () => {
  test('a wrong type is a TypeError', () => {
    expect(() => sha256('abc' as never)).toThrow(new TypeError('"msg" expected Uint8Array, got string'));
    expect(() => sha256([1, 2] as never)).toThrow(new TypeError('"msg" expected Uint8Array, got object'));
    expect(() => sha256(new Uint16Array(2) as never)).toThrow(
      new TypeError('"msg" expected Uint8Array, got Uint16Array'),
    );
    expect(() => sha256.create().update(null as never)).toThrow(new TypeError('"data" expected Uint8Array, got null'));
    expect(() => hmac(sha256, undefined as never, new Uint8Array(0))).toThrow(
      new TypeError('"key" expected Uint8Array, got undefined'),
    );
    expect(() => hmac((() => new Uint8Array(32)) as never, new Uint8Array(0), new Uint8Array(0))).toThrow(
      new TypeError('"hash" expected sha256, sha384 or sha512 from oblivia'),
    );
    expect(() => hkdf(sha256, new Uint8Array(1), 'salt' as never, undefined, 1)).toThrow(
      new TypeError('"salt" expected Uint8Array, got string'),
    );
    expect(() => hkdf(sha256, new Uint8Array(1), undefined, undefined, '1' as never)).toThrow(
      new TypeError('"length" expected integer, got string'),
    );
  });

  test('a length out of range is a RangeError', () => {
    const ikm = new Uint8Array(1);
    expect(() => hkdf(sha256, ikm, undefined, undefined, 255 * 32 + 1)).toThrow(
      new RangeError('"length" expected integer in [0, 8160], got 8161'),
    );
    expect(() => hkdf(sha512, ikm, undefined, undefined, -1)).toThrow(
      new RangeError('"length" expected integer in [0, 16320], got -1'),
    );
    expect(() => hkdf(sha384, ikm, undefined, undefined, 1.5)).toThrow(
      new RangeError('"length" expected integer in [0, 12240], got 1.5'),
    );
    expect(() => hkdf.expand(sha256, new Uint8Array(31), undefined, 10)).toThrow(
      new RangeError('"prk" expected at least 32 bytes, got length=31'),
    );
  });

  test('the largest output is allowed', () => {
    expect(hkdf(sha512, new Uint8Array(1), undefined, undefined, 255 * 64).length).toBe(255 * 64);
  });
});
