// Privacy Pass known answers through the public API on the active backend:
// - RFC 9578 Appendix A.1 (basic-private-issuance-test-vectors.json, 5 vectors): with the vector's
//   nonce and blind the client's TokenRequest is byte-exact; the vector gives no proof randomness,
//   so our issuer's evaluate_msg is compared byte-exact and its fresh proof checked by Finalize, the
//   vector's own TokenResponse (its proof) is verified by Finalize, and both give the vector's Token.
// - RFC 9577 Appendix A.1 (token-test-vectors.json, 5 vectors; rfc9577-appendix-a.json, 6 with the
//   grease vector): TokenChallenge encoding and token_authenticator_input.
// - RFC 9577 Appendix A.2 (rfc9577-appendix-a.json, 3 headers): WWW-Authenticate parsing.
import { describe, expect, test } from 'vitest';
import { privacyPass, PrivacyPassError, sha256, type TokenChallenge } from 'oblivia';
import { hex, readJsonVector, unhex } from '../helpers.js';

interface IssuanceVector {
  skS: string;
  pkS: string;
  token_challenge: string;
  nonce: string;
  blind: string;
  token_request: string;
  token_response: string;
  token: string;
}

interface TokenVector {
  token_type: string;
  issuer_name?: string;
  redemption_context?: string;
  origin_info?: string;
  nonce?: string;
  token_key_id?: string;
  token_authenticator_input: string;
}

interface HeaderVector {
  challenges: { token_type: string; token_key: string; token_challenge: string; max_age?: number }[];
  www_authenticate: string;
}

const ISSUANCE = readJsonVector<IssuanceVector[]>('privacypass/basic-private-issuance-test-vectors.json');
const TOKENS = readJsonVector<TokenVector[]>('privacypass/token-test-vectors.json');
const RFC9577 = readJsonVector<{ challenge_and_redemption: TokenVector[]; http_header: { vectors: HeaderVector[] } }>(
  'privacypass/rfc9577-appendix-a.json',
);

const counts = { issuance: 0, tokens: 0, rfcTokens: 0, grease: 0, headers: 0, challenges: 0 };
const ascii = (h: string): string => Buffer.from(h, 'hex').toString('latin1');

function challengeOf(v: TokenVector): TokenChallenge {
  const origins = ascii(v.origin_info!);
  return {
    tokenType: parseInt(v.token_type, 16),
    issuerName: ascii(v.issuer_name!),
    redemptionContext: unhex(v.redemption_context!),
    originInfo: origins === '' ? [] : origins.split(','),
  };
}

function checkAuthenticatorInput(v: TokenVector): void {
  const challenge = privacyPass.encodeTokenChallenge(challengeOf(v));
  expect(privacyPass.decodeTokenChallenge(challenge)).toEqual(challengeOf(v));
  const input = privacyPass.encodeAuthenticatorInput({
    tokenType: parseInt(v.token_type, 16),
    nonce: unhex(v.nonce!),
    challengeDigest: sha256(challenge),
    tokenKeyId: unhex(v.token_key_id!),
  });
  expect(hex(input)).toBe(v.token_authenticator_input);
}

describe('RFC 9578 A.1: issuance, token type 0x0001', () => {
  test.each(ISSUANCE.map((v, i) => [i, v] as const))('vector %i', (_, v) => {
    const challenge = unhex(v.token_challenge);
    const issuer = privacyPass.issuer(unhex(v.skS));
    expect(hex(issuer.publicKey)).toBe(v.pkS);
    expect(hex(issuer.tokenKeyId)).toBe(hex(sha256(unhex(v.pkS))));
    const client = privacyPass.client(unhex(v.pkS));
    expect(hex(client.tokenKeyId)).toBe(hex(issuer.tokenKeyId));

    const pending = client.createTokenRequest(challenge, { nonce: unhex(v.nonce), blind: unhex(v.blind) });
    expect(hex(pending.tokenRequest)).toBe(v.token_request);
    expect(pending.tokenRequest.length).toBe(52);
    const request = privacyPass.decodeTokenRequest(pending.tokenRequest);
    expect(request.tokenType).toBe(1);
    expect(request.truncatedTokenKeyId).toBe(issuer.tokenKeyId[31]);
    expect(hex(privacyPass.encodeTokenRequest(request))).toBe(v.token_request);

    const ours = issuer.issue(pending.tokenRequest);
    expect(ours.length).toBe(145);
    expect(hex(ours.subarray(0, 49))).toBe(v.token_response.slice(0, 98));
    expect(hex(pending.finalize(ours))).toBe(v.token);
    expect(hex(pending.finalize(unhex(v.token_response)))).toBe(v.token);
    const response = privacyPass.decodeTokenResponse(unhex(v.token_response));
    expect(hex(privacyPass.encodeTokenResponse(response))).toBe(v.token_response);

    const token = privacyPass.decodeToken(unhex(v.token));
    expect(token.tokenType).toBe(1);
    expect(hex(token.nonce)).toBe(v.nonce);
    expect(hex(token.challengeDigest)).toBe(hex(sha256(challenge)));
    expect(hex(token.tokenKeyId)).toBe(hex(issuer.tokenKeyId));
    expect(token.authenticator.length).toBe(48);
    expect(hex(privacyPass.encodeToken(token))).toBe(v.token);
    expect(issuer.verify(unhex(v.token))).toBe(true);
    expect(issuer.verify(unhex(v.token), { challenge })).toBe(true);
    expect(hex(privacyPass.encodeTokenChallenge(privacyPass.decodeTokenChallenge(challenge)))).toBe(v.token_challenge);
    counts.issuance++;
  });
});

describe('RFC 9577 A.1: challenges and token_authenticator_input', () => {
  test.each(TOKENS.map((v, i) => [i, v] as const))('token-test-vectors.json %i', (_, v) => {
    checkAuthenticatorInput(v);
    counts.tokens++;
  });

  test.each(RFC9577.challenge_and_redemption.map((v, i) => [i, v] as const))('rfc9577-appendix-a.json %i', (_, v) => {
    if (v.token_type === '0000') {
      // the grease vector: random bytes after token type 0x0000, which no one decodes
      expect(v.token_authenticator_input.startsWith('0000')).toBe(true);
      expect(() => privacyPass.decodeToken(unhex(v.token_authenticator_input))).toThrow(
        expect.objectContaining({ name: 'PrivacyPassError', code: 'TOKEN_TYPE' }),
      );
      counts.grease++;
      return;
    }
    checkAuthenticatorInput(v);
    counts.rfcTokens++;
  });
});

describe('RFC 9577 A.2: WWW-Authenticate', () => {
  test.each(RFC9577.http_header.vectors.map((v, i) => [i, v] as const))('header %i', (_, v) => {
    const parsed = privacyPass.parseWwwAuthenticate(v.www_authenticate);
    const expected = v.challenges.map((c) => ({
      tokenType: parseInt(c.token_type, 16),
      challenge: unhex(c.token_challenge),
      tokenKey: unhex(c.token_key),
      ...(c.max_age === undefined ? {} : { maxAge: c.max_age }),
    }));
    expect(parsed).toEqual(expected);
    for (const c of parsed) {
      if (c.tokenType === 0) continue; // grease: the client ignores it (RFC 9577 §2.1)
      expect(hex(privacyPass.encodeTokenChallenge(privacyPass.decodeTokenChallenge(c.challenge)))).toBe(
        hex(c.challenge),
      );
      counts.challenges++;
    }
    expect(privacyPass.parseWwwAuthenticate(privacyPass.formatWwwAuthenticate(parsed))).toEqual(expected);
    counts.headers++;
  });
});

test('counts: 5 issuance, 5 + 5 token, 1 grease, 3 header vectors (4 decodable challenges)', () => {
  expect(counts).toEqual({ issuance: 5, tokens: 5, rfcTokens: 5, grease: 1, headers: 3, challenges: 4 });
  expect(PrivacyPassError.name).toBe('PrivacyPassError');
});
