// Malformed input: every prefix of a valid encoding, one flipped bit, and random bytes. Each decode
// either returns a message or throws a BhttpError, never anything else; a message it returns is
// valid, so it encodes again and decodes to itself (nothing partial, nothing unchecked).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { bhttp, BhttpError } from 'oblivia';
import { optionsArb, requestArb, responseArb, RUNS, smallContent } from './arbitraries.js';

type Kind = 'request' | 'response';

/** What decoding `bytes` as `kind` gives: 'message' or the BhttpError's code; anything else fails. */
function outcome(kind: Kind, bytes: Uint8Array): string {
  try {
    if (kind === 'request') {
      const message = bhttp.decodeRequest(bytes);
      expect(bhttp.decodeRequest(bhttp.encodeRequest(message))).toEqual(message);
    } else {
      const message = bhttp.decodeResponse(bytes);
      expect(bhttp.decodeResponse(bhttp.encodeResponse(message))).toEqual(message);
    }
    return 'message';
  } catch (e) {
    if (!(e instanceof BhttpError) || e.message === '') throw e;
    return e.code;
  }
}

const encodedArb = fc.oneof(
  fc
    .tuple(requestArb(smallContent), optionsArb)
    .map(([r, o]) => ({ kind: 'request' as const, bytes: bhttp.encodeRequest(r, o) })),
  fc
    .tuple(responseArb(smallContent), optionsArb)
    .map(([r, o]) => ({ kind: 'response' as const, bytes: bhttp.encodeResponse(r, o) })),
);

test('every prefix of a valid encoding: a message, or TRUNCATED', () => {
  fc.assert(
    fc.property(encodedArb, ({ kind, bytes }) => {
      const outcomes = new Set<string>();
      for (let length = 0; length < bytes.length; length++) outcomes.add(outcome(kind, bytes.subarray(0, length)));
      expect([...outcomes].filter((o) => o !== 'message' && o !== 'TRUNCATED')).toEqual([]);
    }),
    { numRuns: RUNS },
  );
});

test('a flipped bit: a message or a BhttpError', () => {
  fc.assert(
    fc.property(encodedArb, fc.nat(), fc.integer({ min: 0, max: 7 }), ({ kind, bytes }, at, bit) => {
      const flipped = bytes.slice();
      flipped[at % flipped.length]! ^= 1 << bit;
      outcome(kind, flipped);
    }),
    { numRuns: 4 * RUNS },
  );
});

test('random bytes after a framing indicator: a message or a BhttpError', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<Kind>('request', 'response'),
      fc.integer({ min: 0, max: 4 }),
      fc.uint8Array({ maxLength: 80 }),
      (kind, framing, rest) => {
        outcome(kind, Uint8Array.of(framing, ...rest));
      },
    ),
    { numRuns: 4 * RUNS },
  );
});

test('random bytes: a message or a BhttpError', () => {
  fc.assert(
    fc.property(fc.constantFrom<Kind>('request', 'response'), fc.uint8Array({ maxLength: 80 }), (kind, bytes) => {
      outcome(kind, bytes);
    }),
    { numRuns: 4 * RUNS },
  );
});
