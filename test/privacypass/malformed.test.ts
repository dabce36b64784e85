// Malformed Privacy Pass input (fast-check) on both backends: truncated, extended, bit-flipped,
// overwritten, spliced or random bytes in place of a TokenChallenge, TokenRequest, TokenResponse
// and Token, and mutated or random WWW-Authenticate and Authorization values. A decoded message
// re-encodes to the same bytes; a changed Token never verifies; a changed TokenResponse never
// finalizes; every refusal is a PrivacyPassError or CryptoError with a documented code, never
// another exception. OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CryptoError, privacyPass, PrivacyPassError, useBackend } from 'oblivia';
import { hex } from '../helpers.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);

afterAll(() => useBackend(undefined));

/** Random bytes instead, or the string truncated, extended, bit-flipped, overwritten or spliced. */
const mutated = (valid: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 2 * valid.length }),
    fc.nat({ max: valid.length - 1 }).map((n) => valid.slice(0, n)),
    fc.uint8Array({ minLength: 1, maxLength: 32 }).map((tail) => Uint8Array.of(...valid, ...tail)),
    fc.tuple(fc.nat({ max: valid.length - 1 }), fc.nat({ max: 7 })).map(([i, bit]) => {
      const copy = valid.slice();
      copy[i]! ^= 1 << bit;
      return copy;
    }),
    fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, byte]) => {
      const copy = valid.slice();
      copy[i] = byte;
      return copy;
    }),
    fc
      .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 8 }), fc.uint8Array({ maxLength: 8 }))
      .map(([at, removed, inserted]) =>
        Uint8Array.of(...valid.subarray(0, at), ...inserted, ...valid.subarray(at + removed)),
      ),
  );

/** The outcome of `f`: 'ok', or the refusal's class and code; any other exception fails the run. */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (error instanceof PrivacyPassError || error instanceof CryptoError) return `${error.name} ${error.code}`;
    throw error;
  }
}

const expectOneOf = (value: string, allowed: string[]) => expect(allowed).toContain(value);

for (const backend of ['wasm', 'js'] as const) {
  describe(`malformed messages on the ${backend} backend`, () => {
    beforeAll(() => useBackend(backend));
    const keys = privacyPass.generateKeyPair();
    const issuer = privacyPass.issuer(keys.secretKey);
    const client = privacyPass.client(keys.publicKey);
    const challenge = privacyPass.encodeTokenChallenge({
      tokenType: 1,
      issuerName: 'issuer.example',
      redemptionContext: new Uint8Array(32).fill(1),
      originInfo: ['a.example', 'b.example'],
    });
    const pending = client.createTokenRequest(challenge);
    const response = issuer.issue(pending.tokenRequest);
    const token = pending.finalize(response);
    // Crypto runs are slower on the js backend.
    const cryptoRuns = backend === 'js' ? Math.ceil(RUNS / 4) : RUNS;

    test('TokenChallenge: decoded ones re-encode; the client refuses the rest', () => {
      fc.assert(
        fc.property(mutated(challenge), (bytes) => {
          const decoded = outcome(() => privacyPass.decodeTokenChallenge(bytes));
          expectOneOf(decoded, ['ok', 'PrivacyPassError MALFORMED']);
          if (decoded === 'ok')
            expect(hex(privacyPass.encodeTokenChallenge(privacyPass.decodeTokenChallenge(bytes)))).toBe(hex(bytes));
          const requested = outcome(() => client.createTokenRequest(bytes));
          expectOneOf(requested, ['ok', 'PrivacyPassError MALFORMED', 'PrivacyPassError TOKEN_TYPE']);
        }),
        { numRuns: RUNS },
      );
    });

    test('TokenRequest: decoded ones re-encode; issue refuses the rest with a code', () => {
      fc.assert(
        fc.property(mutated(pending.tokenRequest), (bytes) => {
          const decoded = outcome(() => privacyPass.decodeTokenRequest(bytes));
          expectOneOf(decoded, ['ok', 'PrivacyPassError MALFORMED', 'PrivacyPassError TOKEN_TYPE']);
          if (decoded === 'ok')
            expect(hex(privacyPass.encodeTokenRequest(privacyPass.decodeTokenRequest(bytes)))).toBe(hex(bytes));
          const issued = outcome(() => issuer.issue(bytes));
          expectOneOf(issued, [
            'ok',
            'PrivacyPassError MALFORMED',
            'PrivacyPassError TOKEN_TYPE',
            'PrivacyPassError KEY_ID',
            'CryptoError INVALID_POINT',
          ]);
        }),
        { numRuns: cryptoRuns },
      );
    });

    test('TokenResponse: a changed one never finalizes', () => {
      fc.assert(
        fc.property(mutated(response), (bytes) => {
          const decoded = outcome(() => privacyPass.decodeTokenResponse(bytes));
          expectOneOf(decoded, ['ok', 'PrivacyPassError MALFORMED']);
          if (decoded === 'ok')
            expect(hex(privacyPass.encodeTokenResponse(privacyPass.decodeTokenResponse(bytes)))).toBe(hex(bytes));
          const finalized = outcome(() => pending.finalize(bytes));
          if (hex(bytes) === hex(response)) expect(finalized).toBe('ok');
          else
            expectOneOf(finalized, [
              'PrivacyPassError MALFORMED',
              'CryptoError INVALID_POINT',
              'CryptoError PROOF_FAILED',
            ]);
        }),
        { numRuns: cryptoRuns },
      );
    });

    test('Token: a changed one never verifies', () => {
      fc.assert(
        fc.property(mutated(token), (bytes) => {
          const decoded = outcome(() => privacyPass.decodeToken(bytes));
          expectOneOf(decoded, ['ok', 'PrivacyPassError MALFORMED', 'PrivacyPassError TOKEN_TYPE']);
          if (decoded === 'ok') expect(hex(privacyPass.encodeToken(privacyPass.decodeToken(bytes)))).toBe(hex(bytes));
          let verified: boolean | string = 'refused';
          const refusal = outcome(() => (verified = issuer.verify(bytes, { challenge })));
          expectOneOf(refusal, ['ok', 'PrivacyPassError MALFORMED', 'PrivacyPassError TOKEN_TYPE']);
          expect(verified).toBe(hex(bytes) === hex(token) ? true : refusal === 'ok' ? false : 'refused');
        }),
        { numRuns: cryptoRuns },
      );
    });
  });
}

describe('malformed headers', () => {
  const challenge = privacyPass.encodeTokenChallenge({
    tokenType: 1,
    issuerName: 'issuer.example',
    redemptionContext: new Uint8Array(0),
    originInfo: [],
  });
  const www = `Basic realm="x", ${privacyPass.formatWwwAuthenticate([{ challenge, tokenKey: new Uint8Array(49).fill(3), maxAge: 60 }])}`;
  const authorization = privacyPass.formatAuthorization(new Uint8Array(146).fill(5));
  const unit = fc.constantFrom(...'PrivateTokenchalgkyx-=",\\ \t;AQ_0189+/'.split(''), '\u0000', '\u00e9');
  /** The header with a random edit: characters deleted, inserted or replaced; or a random string. */
  const edited = (valid: string): fc.Arbitrary<string> =>
    fc.oneof(
      fc.string({ unit, maxLength: 80 }),
      fc
        .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 4 }), fc.string({ unit, maxLength: 4 }))
        .map(([at, removed, inserted]) => valid.slice(0, at) + inserted + valid.slice(at + removed)),
    );

  test('WWW-Authenticate: a list of challenges, or PrivacyPassError HEADER', () => {
    fc.assert(
      fc.property(edited(www), (value) => {
        const result = outcome(() => privacyPass.parseWwwAuthenticate(value));
        expectOneOf(result, ['ok', 'PrivacyPassError HEADER']);
        if (result === 'ok') {
          for (const c of privacyPass.parseWwwAuthenticate(value)) {
            expect(c.challenge.length).toBeGreaterThanOrEqual(2);
            expect(c.tokenType).toBe((c.challenge[0]! << 8) | c.challenge[1]!);
            expect(privacyPass.parseWwwAuthenticate(privacyPass.formatWwwAuthenticate([c]))).toEqual([c]);
          }
        }
      }),
      { numRuns: 4 * RUNS },
    );
  });

  test('Authorization: a token, or PrivacyPassError HEADER', () => {
    fc.assert(
      fc.property(edited(authorization), (value) => {
        const result = outcome(() => privacyPass.parseAuthorization(value));
        expectOneOf(result, ['ok', 'PrivacyPassError HEADER']);
        if (result === 'ok') {
          const token = privacyPass.parseAuthorization(value);
          expect(hex(privacyPass.parseAuthorization(privacyPass.formatAuthorization(token)))).toBe(hex(token));
        }
      }),
      { numRuns: 4 * RUNS },
    );
  });
});
