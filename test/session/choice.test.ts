// The client's node choice: uniform by rejection sampling over 32-bit draws (the biased tail is
// drawn again, never folded in by a modulo), and uniform in practice (chi-square, fixed seed).
// And the session client's argument checks.
import { describe, expect, test } from 'vitest';
import { uniformIndex } from 'oblivia/session/session-client.js';
import { session } from 'oblivia/session';

/** A byte source giving `words` as big-endian 32-bit draws, counting them. */
function words(...values: number[]) {
  const source = (bytes: Uint8Array) => {
    new DataView(bytes.buffer, bytes.byteOffset, 4).setUint32(0, values[source.calls++]!);
  };
  source.calls = 0;
  return source;
}

describe('uniformIndex', () => {
  test('rejects draws at or above the largest multiple of n, and takes the next', () => {
    // n = 3: 2^32 mod 3 = 1, so only 0xffffffff is rejected.
    const a = words(0xffffffff, 4);
    expect(uniformIndex(3, a)).toBe(1);
    expect(a.calls).toBe(2);
    const b = words(0xfffffffe);
    expect(uniformIndex(3, b)).toBe(0xfffffffe % 3);
    expect(b.calls).toBe(1);
    // n = 5: 2^32 mod 5 = 1 as well; n = 6: 4 values rejected.
    const c = words(0xfffffffc, 0xfffffffd, 0xffffffff, 7);
    expect(uniformIndex(6, c)).toBe(1);
    expect(c.calls).toBe(4);
    expect(uniformIndex(1, words(123))).toBe(0);
  });

  test('uniform: chi-square over 3 and 7 choices, 21000 draws, fixed seed', () => {
    let x = 0x2545f491;
    const random = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        bytes[i] = x & 0xff;
      }
    };
    // Critical values at p = 0.001: 13.82 (2 degrees of freedom), 22.46 (6).
    for (const [n, critical] of [
      [3, 13.82],
      [7, 22.46],
    ] as const) {
      const counts = new Array<number>(n).fill(0);
      const draws = 21000;
      for (let i = 0; i < draws; i++) counts[uniformIndex(n, random)]!++;
      const expected = draws / n;
      const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(critical);
    }
  });
});

describe('session.client arguments', () => {
  const verifier = { verify: async () => ({}) as never };
  const base = { relay: 'https://relay.example/', mirror: 'https://relay.example/mirror/' };
  test('the gateway is an origin; the verifier, now and random are checked', () => {
    expect(() => session.client({ ...base, verifier, gateway: 'https://gateway.example' })).not.toThrow();
    for (const gateway of ['https://gateway.example/prefix', 'https://u:p@gateway.example', 'ftp://x', 'x'])
      expect(() => session.client({ ...base, verifier, gateway })).toThrow(RangeError);
    expect(() => session.client({ ...base, verifier: {} as never, gateway: 'https://g.example' })).toThrow(TypeError);
    expect(() => session.client({ ...base, verifier, gateway: 'https://g.example', now: 1 as never })).toThrow(
      TypeError,
    );
    expect(() => session.client({ ...base, verifier, gateway: 'https://g.example', random: 1 as never })).toThrow(
      TypeError,
    );
    for (const bad of [{ mirror: 'relative' }, { confirm: 'relative' }, { minKeyLifetime: 0 }])
      expect(() => session.client({ ...base, ...bad, verifier, gateway: 'https://g.example' })).toThrow(RangeError);
    expect(() =>
      session.client({ ...base, mirror: undefined as never, verifier, gateway: 'https://g.example' }),
    ).toThrow(TypeError);
    expect(() => session.client(null as never)).toThrow(TypeError);
  });

  test('fetch takes a Request', async () => {
    const client = session.client({ ...base, verifier, gateway: 'https://gateway.example' });
    await expect(client.fetch('https://x.example/' as never)).rejects.toThrow(TypeError);
  });
});
