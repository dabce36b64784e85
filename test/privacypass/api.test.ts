// The privacyPass API on both backends: issuance round trips, verification outcomes, the typed
// errors of each step (PrivacyPassError codes, CryptoError codes, TypeError/RangeError for
// arguments), and the header grammar: what RFC 9577 §2.1/§2.2 and RFC 9110 §11 allow is
// accepted, the rest refused with PrivacyPassError HEADER.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CryptoError, privacyPass, PrivacyPassError, sha256, useBackend, type TokenChallenge } from 'oblivia';
import { hex } from '../helpers.js';

afterAll(() => useBackend(undefined));

const CHALLENGE: TokenChallenge = {
  tokenType: 1,
  issuerName: 'issuer.example',
  redemptionContext: new Uint8Array(32).fill(7),
  originInfo: ['origin.example'],
};
const encoded = privacyPass.encodeTokenChallenge(CHALLENGE);
const b64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes)
    .toString('base64url')
    .padEnd(Math.ceil((bytes.length * 4) / 3 / 4) * 4, '=');

const refused = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'PrivacyPassError', code }));
const cryptoFailure = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'CryptoError', code }));
const flip = (bytes: Uint8Array, i: number): Uint8Array => {
  const copy = bytes.slice();
  copy[i]! ^= 1;
  return copy;
};

for (const backend of ['wasm', 'js'] as const) {
  describe(`issuance and verification on the ${backend} backend`, () => {
    beforeAll(() => useBackend(backend));
    const keys = privacyPass.generateKeyPair();
    const issuer = privacyPass.issuer(keys.secretKey);
    const client = privacyPass.client(keys.publicKey);

    test('a round trip: sizes, key id, verification with and without the challenge', () => {
      expect(keys.secretKey.length).toBe(48);
      expect(keys.publicKey.length).toBe(49);
      expect(hex(issuer.publicKey)).toBe(hex(keys.publicKey));
      expect(hex(issuer.tokenKeyId)).toBe(hex(sha256(keys.publicKey)));
      expect(hex(privacyPass.tokenKeyId(keys.publicKey))).toBe(hex(issuer.tokenKeyId));
      const pending = client.createTokenRequest(encoded);
      expect(pending.tokenRequest.length).toBe(52);
      const response = issuer.issue(pending.tokenRequest);
      expect(response.length).toBe(145);
      const token = pending.finalize(response);
      expect(token.length).toBe(146);
      expect(issuer.verify(token)).toBe(true);
      expect(issuer.verify(token, { challenge: encoded })).toBe(true);
      const other = privacyPass.encodeTokenChallenge({ ...CHALLENGE, originInfo: ['other.example'] });
      expect(issuer.verify(token, { challenge: other })).toBe(false);
    });

    test('two requests for one challenge share nothing the issuer sees', () => {
      const a = client.createTokenRequest(encoded);
      const b = client.createTokenRequest(encoded);
      expect(hex(a.tokenRequest.subarray(0, 3))).toBe(hex(b.tokenRequest.subarray(0, 3)));
      expect(hex(a.tokenRequest)).not.toBe(hex(b.tokenRequest));
      const ta = privacyPass.decodeToken(a.finalize(issuer.issue(a.tokenRequest)));
      const tb = privacyPass.decodeToken(b.finalize(issuer.issue(b.tokenRequest)));
      expect(hex(ta.nonce)).not.toBe(hex(tb.nonce));
    });

    test('verify: any changed field or another key gives false', () => {
      const pending = client.createTokenRequest(encoded);
      const token = pending.finalize(issuer.issue(pending.tokenRequest));
      for (const i of [2, 33, 34, 65, 66, 97, 98, 145]) expect(issuer.verify(flip(token, i))).toBe(false);
      expect(privacyPass.issuer(privacyPass.generateKeyPair().secretKey).verify(token)).toBe(false);
      refused(() => issuer.verify(token.subarray(0, 145)), 'MALFORMED');
      refused(() => issuer.verify(Uint8Array.of(0, 3, ...token.subarray(2))), 'TOKEN_TYPE');
      const rsa = privacyPass.encodeToken({
        ...privacyPass.decodeToken(token),
        tokenType: 2,
        authenticator: new Uint8Array(256),
      });
      refused(() => issuer.verify(rsa), 'TOKEN_TYPE');
      expect(() => issuer.verify('token' as never)).toThrow(TypeError);
      expect(() => issuer.verify(token, { challenge: 1 as never })).toThrow(TypeError);
    });

    test('issue: token type, key id, length and point refused', () => {
      const { tokenRequest } = client.createTokenRequest(encoded);
      refused(() => issuer.issue(Uint8Array.of(0, 2, ...tokenRequest.subarray(2))), 'TOKEN_TYPE');
      refused(() => issuer.issue(flip(tokenRequest, 2)), 'KEY_ID');
      refused(() => issuer.issue(tokenRequest.subarray(0, 51)), 'MALFORMED');
      refused(() => issuer.issue(Uint8Array.of(...tokenRequest, 0)), 'MALFORMED');
      cryptoFailure(
        () => issuer.issue(Uint8Array.of(...tokenRequest.subarray(0, 3), 5, ...tokenRequest.subarray(4))),
        'INVALID_POINT',
      );
      expect(() => issuer.issue(tokenRequest, { proofRandomness: new Uint8Array(3) })).toThrow(RangeError);
      expect(() => issuer.issue([] as never)).toThrow(TypeError);
    });

    test('finalize: a bad proof, point or length refused', () => {
      const pending = client.createTokenRequest(encoded);
      const response = issuer.issue(pending.tokenRequest);
      cryptoFailure(() => pending.finalize(flip(response, 100)), 'PROOF_FAILED');
      cryptoFailure(() => pending.finalize(Uint8Array.of(5, ...response.subarray(1))), 'INVALID_POINT');
      refused(() => pending.finalize(response.subarray(1)), 'MALFORMED');
      const stranger = privacyPass.issuer(privacyPass.generateKeyPair().secretKey);
      const theirs = stranger.issue(
        Uint8Array.of(
          ...pending.tokenRequest.subarray(0, 2),
          stranger.tokenKeyId[31]!,
          ...pending.tokenRequest.subarray(3),
        ),
      );
      cryptoFailure(() => pending.finalize(theirs), 'PROOF_FAILED');
      expect(hex(privacyPass.decodeToken(pending.finalize(response)).challengeDigest)).toBe(hex(sha256(encoded)));
    });

    test('client and issuer arguments', () => {
      expect(() => privacyPass.client(keys.publicKey.subarray(1))).toThrow(RangeError);
      expect(() => privacyPass.client('key' as never)).toThrow(TypeError);
      cryptoFailure(() => privacyPass.issuer(new Uint8Array(48)), 'INVALID_SCALAR');
      expect(() => privacyPass.issuer(new Uint8Array(32))).toThrow(RangeError);
      refused(
        () => client.createTokenRequest(privacyPass.encodeTokenChallenge({ ...CHALLENGE, tokenType: 2 })),
        'TOKEN_TYPE',
      );
      refused(() => client.createTokenRequest(encoded.subarray(0, -1)), 'MALFORMED');
      refused(() => client.createTokenRequest(Uint8Array.of(0, 0, 0xff, 0xff, 7)), 'TOKEN_TYPE'); // grease: no structure to check
      refused(() => client.createTokenRequest(Uint8Array.of(0, 1)), 'MALFORMED');
      expect(() => client.createTokenRequest(encoded, { nonce: new Uint8Array(31) })).toThrow(RangeError);
      cryptoFailure(() => client.createTokenRequest(encoded, { blind: new Uint8Array(48) }), 'INVALID_SCALAR');
      expect(() => client.createTokenRequest(encoded, 7 as never)).toThrow(TypeError);
    });
  });
}

describe('encodings', () => {
  test('TokenChallenge: fields, limits and argument errors', () => {
    expect(hex(encoded.subarray(0, 4))).toBe('0001000e');
    expect(privacyPass.decodeTokenChallenge(encoded)).toEqual(CHALLENGE);
    const open = { tokenType: 0xffff, issuerName: 'i', redemptionContext: new Uint8Array(0), originInfo: [] };
    expect(hex(privacyPass.encodeTokenChallenge(open))).toBe('ffff000169000000');
    expect(privacyPass.decodeTokenChallenge(privacyPass.encodeTokenChallenge(open))).toEqual(open);
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, issuerName: '' })).toThrow(RangeError);
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, issuerName: 'é.example' })).toThrow(RangeError);
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, issuerName: 'a b' })).toThrow(RangeError);
    const comma = { ...CHALLENGE, issuerName: 'a,b.example' }; // an authority may hold sub-delims (RFC 3986 §3.2.2)
    expect(privacyPass.decodeTokenChallenge(privacyPass.encodeTokenChallenge(comma))).toEqual(comma);
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, redemptionContext: new Uint8Array(16) })).toThrow(
      RangeError,
    );
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, originInfo: ['a,b'] })).toThrow(RangeError);
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, originInfo: 'a' as never })).toThrow(TypeError);
    expect(() => privacyPass.encodeTokenChallenge({ ...CHALLENGE, tokenType: 0x10000 })).toThrow(RangeError);
    expect(() => privacyPass.encodeTokenChallenge(null as never)).toThrow(TypeError);
    refused(() => privacyPass.decodeTokenChallenge(Uint8Array.of(0, 1, 0, 0, 0, 0, 0)), 'MALFORMED'); // empty issuer_name
    refused(
      () => privacyPass.decodeTokenChallenge(Uint8Array.of(0, 1, 0, 1, 0x69, 16, ...new Uint8Array(16), 0, 0)),
      'MALFORMED',
    ); // context of 16
    refused(
      () => privacyPass.decodeTokenChallenge(Uint8Array.of(0, 1, 0, 1, 0x69, 0, 0, 3, 0x61, 0x2c, 0x62, 0)),
      'MALFORMED',
    ); // trailing byte
    refused(() => privacyPass.decodeTokenChallenge(Uint8Array.of(0, 1, 0, 1, 0x69, 0, 0, 2, 0x61, 0x2c)), 'MALFORMED'); // empty origin name
    refused(() => privacyPass.decodeTokenChallenge(Uint8Array.of(0, 1, 0, 1, 0xe9, 0, 0, 0)), 'MALFORMED'); // not ASCII
  });

  test('Token, TokenRequest, TokenResponse: lengths and types', () => {
    const token = {
      tokenType: 1,
      nonce: new Uint8Array(32),
      challengeDigest: new Uint8Array(32),
      tokenKeyId: new Uint8Array(32),
      authenticator: new Uint8Array(48),
    };
    expect(privacyPass.encodeToken(token).length).toBe(146);
    expect(privacyPass.encodeToken({ ...token, tokenType: 2, authenticator: new Uint8Array(256) }).length).toBe(354);
    refused(() => privacyPass.encodeToken({ ...token, tokenType: 3 }), 'TOKEN_TYPE');
    expect(() => privacyPass.encodeToken({ ...token, authenticator: new Uint8Array(47) })).toThrow(RangeError);
    expect(() => privacyPass.encodeAuthenticatorInput({ ...token, nonce: new Uint8Array(0) })).toThrow(RangeError);
    refused(() => privacyPass.decodeToken(new Uint8Array(1)), 'MALFORMED');
    const request = { tokenType: 1, truncatedTokenKeyId: 255, blindedMsg: new Uint8Array(49) };
    expect(hex(privacyPass.encodeTokenRequest(request).subarray(0, 3))).toBe('0001ff');
    refused(() => privacyPass.encodeTokenRequest({ ...request, tokenType: 2 }), 'TOKEN_TYPE');
    expect(() => privacyPass.encodeTokenRequest({ ...request, truncatedTokenKeyId: 256 })).toThrow(RangeError);
    expect(() =>
      privacyPass.encodeTokenResponse({ evaluateMsg: new Uint8Array(49), evaluateProof: new Uint8Array(95) }),
    ).toThrow(RangeError);
    refused(() => privacyPass.decodeTokenResponse(new Uint8Array(146)), 'MALFORMED');
    expect(privacyPass.TOKEN_TYPE.VOPRF).toBe(1);
    expect(privacyPass.TOKEN_TYPE.BLIND_RSA).toBe(2);
  });

  test('errors: class, name, code and fixed message', () => {
    const error = new PrivacyPassError('KEY_ID');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PrivacyPassError');
    expect(error.message).toBe('token key identifier does not match the issuer key');
    expect(new CryptoError('PROOF_FAILED')).not.toBeInstanceOf(PrivacyPassError);
  });
});

describe('headers', () => {
  const key = new Uint8Array(49).fill(2);
  const c = b64(encoded);
  const k = b64(key);
  const expected = [{ tokenType: 1, challenge: encoded, tokenKey: key, maxAge: 10 }];

  test('formatting: quoted padded base64url, one challenge per entry', () => {
    expect(privacyPass.formatWwwAuthenticate([{ challenge: encoded, tokenKey: key, maxAge: 10 }])).toBe(
      `PrivateToken challenge="${c}", token-key="${k}", max-age="10"`,
    );
    expect(privacyPass.formatWwwAuthenticate([{ challenge: encoded }, { challenge: encoded }])).toBe(
      `PrivateToken challenge="${c}", PrivateToken challenge="${c}"`,
    );
    expect(privacyPass.formatAuthorization(Uint8Array.of(1, 2))).toBe('PrivateToken token="AQI="');
    expect(() => privacyPass.formatWwwAuthenticate([])).toThrow(TypeError);
    expect(() => privacyPass.formatWwwAuthenticate([{ challenge: new Uint8Array(1) }])).toThrow(RangeError);
    expect(() => privacyPass.formatWwwAuthenticate([{ challenge: encoded, maxAge: -1 }])).toThrow(RangeError);
    expect(() => privacyPass.formatAuthorization('x' as never)).toThrow(TypeError);
  });

  test.each([
    ['canonical', `PrivateToken challenge="${c}", token-key="${k}", max-age="10"`],
    ['case-insensitive scheme and names', `privatetoken Challenge="${c}", TOKEN-KEY="${k}", Max-Age=10`],
    ['whitespace around "=" and ","', `PrivateToken challenge = "${c}" ,\ttoken-key=\t"${k}",max-age= 10`],
    ['quoted-pairs', `PrivateToken challenge="${c.replace(/A/g, '\\A')}", token-key="${k}", max-age="1\\0"`],
    [
      'unknown parameters and realm',
      `PrivateToken realm="x", challenge="${c}", foo=bar, token-key="${k}", baz="a, b=c", max-age=10`,
    ],
    [
      'other schemes and empty elements',
      `Basic realm="r", , Negotiate abc+/~.==, PrivateToken challenge="${c}", token-key="${k}", max-age=10, Bearer`,
    ],
  ])('accepted: %s', (_, value) => {
    expect(privacyPass.parseWwwAuthenticate(value)).toEqual(expected);
  });

  test('a challenge without token-key or max-age; none at all', () => {
    expect(privacyPass.parseWwwAuthenticate(`PrivateToken challenge="${c}"`)).toEqual([
      { tokenType: 1, challenge: encoded },
    ]);
    expect(privacyPass.parseWwwAuthenticate('Basic realm="r"')).toEqual([]);
    expect(privacyPass.parseWwwAuthenticate('')).toEqual([]);
    expect(() => privacyPass.parseWwwAuthenticate(7 as never)).toThrow(TypeError);
  });

  test.each([
    ['no challenge', `PrivateToken token-key="${k}"`],
    ['a repeated parameter', `PrivateToken challenge="${c}", Challenge="${c}"`],
    ['unpadded base64url', `PrivateToken challenge="${c.replace(/=+$/, '')}"`],
    ['base64 "+"', `PrivateToken challenge="${c.replace(/-/g, '+').replace(/A/, '+')}"`],
    ['non-zero trailing bits', 'PrivateToken challenge="AAF="'],
    ['a challenge of one byte', 'PrivateToken challenge="AA=="'],
    ['padding as a bare token', `PrivateToken challenge=${c}`],
    ['a bad max-age', `PrivateToken challenge="${c}", max-age="-1"`],
    ['an empty max-age', `PrivateToken challenge="${c}", max-age=""`],
    ['a token68', 'PrivateToken abcd=='],
    ['an unterminated quote', `PrivateToken challenge="${c}`],
    ['a control character', `PrivateToken challenge="${c}\u0001"`],
    ['junk after a value', `PrivateToken challenge="${c}" x`],
    ['a parameter without a value', `PrivateToken challenge="${c}", x=`],
    ['a leading "="', `=PrivateToken challenge="${c}"`],
  ])('refused with HEADER: %s', (_, value) => {
    refused(() => privacyPass.parseWwwAuthenticate(value), 'HEADER');
  });

  test('Authorization: one PrivateToken credentials with a token', () => {
    const token = new Uint8Array(146).fill(9);
    expect(hex(privacyPass.parseAuthorization(privacyPass.formatAuthorization(token)))).toBe(hex(token));
    expect(hex(privacyPass.parseAuthorization(`privateToken  Token = "${b64(token)}", ext="ignored"`))).toBe(
      hex(token),
    );
    refused(() => privacyPass.parseAuthorization(`Bearer token="${b64(token)}"`), 'HEADER');
    refused(() => privacyPass.parseAuthorization('PrivateToken ext="x"'), 'HEADER');
    refused(
      () => privacyPass.parseAuthorization(`PrivateToken token="${b64(token)}", PrivateToken token="${b64(token)}"`),
      'HEADER',
    );
    refused(
      () => privacyPass.parseAuthorization(`PrivateToken token="${b64(token)}", token="${b64(token)}"`),
      'HEADER',
    );
    refused(() => privacyPass.parseAuthorization(''), 'HEADER');
    expect(() => privacyPass.parseAuthorization(null as never)).toThrow(TypeError);
  });

  test('base64url: every length 0 … 9 round trips through the headers', () => {
    for (let n = 2; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 251 - 17 * i);
      const [parsed] = privacyPass.parseWwwAuthenticate(
        privacyPass.formatWwwAuthenticate([{ challenge: bytes, tokenKey: bytes.subarray(0, n - 2) }]),
      );
      expect(hex(parsed!.challenge)).toBe(hex(bytes));
      expect(hex(parsed!.tokenKey!)).toBe(hex(bytes.subarray(0, n - 2)));
      expect(privacyPass.formatAuthorization(bytes)).toBe(`PrivateToken token="${b64(bytes)}"`);
    }
  });
});
