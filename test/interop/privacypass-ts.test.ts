// Privacy Pass interop with @cloudflare/privacypass-ts 0.8.1 (its privateVerif module, token type
// 0x0001) in both roles, on both backends: their client ↔ our issuer and our client ↔ their
// issuer, each token verified by both sides; and the PrivateToken headers each side writes,
// parsed by the other (their quoted form; their default bare form is not RFC 9110 syntax).
import { randomBytes } from 'node:crypto';
import {
  AuthorizationHeader,
  privateVerif,
  Token,
  TokenChallenge,
  WWWAuthenticateHeader,
} from '@cloudflare/privacypass-ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { privacyPass, useBackend } from 'oblivia';
import { hex } from '../helpers.js';

const { Client, Issuer, Origin, TokenRequest, TokenResponse, VOPRF, keyGen, verifyToken } = privateVerif;
const ROUNDS = 3;

/** Their TokenChallenge for a fresh redemption context (or none) and one or two origins. */
function theirChallenge(i: number): TokenChallenge {
  const context = i % 2 === 0 ? new Uint8Array(randomBytes(32)) : new Uint8Array(0);
  const origins = i % 3 === 0 ? ['origin.example'] : ['a.example', 'b.example'];
  return new Origin(origins).createTokenChallenge('issuer.example', context);
}

afterAll(() => useBackend(undefined));

for (const backend of ['wasm', 'js'] as const) {
  describe(`privacypass-ts interop on the ${backend} backend`, () => {
    beforeAll(() => useBackend(backend));

    test('their client, our issuer', async () => {
      const keys = privacyPass.generateKeyPair();
      const issuer = privacyPass.issuer(keys.secretKey);
      for (let i = 0; i < ROUNDS; i++) {
        const challenge = theirChallenge(i);
        const client = new Client();
        const request = await client.createTokenRequest(challenge, keys.publicKey);
        const response = issuer.issue(request.serialize());
        const token = (await client.finalize(TokenResponse.deserialize(response))).serialize();
        expect(token.length).toBe(146);
        expect(issuer.verify(token, { challenge: challenge.serialize() })).toBe(true);
        expect(await verifyToken(Token.deserialize(VOPRF, token), keys.secretKey)).toBe(true);
      }
    });

    test('our client, their issuer', async () => {
      const { privateKey, publicKey } = await keyGen();
      const issuer = new Issuer('issuer.example', privateKey, publicKey);
      const ours = privacyPass.issuer(privateKey);
      expect(hex(ours.publicKey)).toBe(hex(publicKey));
      expect(hex(ours.tokenKeyId)).toBe(hex(await issuer.tokenKeyID()));
      const client = privacyPass.client(publicKey);
      for (let i = 0; i < ROUNDS; i++) {
        const challenge = theirChallenge(i).serialize();
        const pending = client.createTokenRequest(challenge);
        const response = await issuer.issue(TokenRequest.deserialize(pending.tokenRequest.slice()));
        const token = pending.finalize(response.serialize());
        expect(await issuer.verify(Token.deserialize(VOPRF, token.slice()))).toBe(true);
        expect(await new Origin(['origin.example']).verify(Token.deserialize(VOPRF, token.slice()), privateKey)).toBe(
          true,
        );
        expect(ours.verify(token, { challenge })).toBe(true);
      }
    });

    test('tokens under another key fail on both sides', async () => {
      const { privateKey, publicKey } = await keyGen();
      const other = privacyPass.generateKeyPair();
      const pending = privacyPass.client(publicKey).createTokenRequest(theirChallenge(0).serialize());
      const token = pending.finalize(privacyPass.issuer(privateKey).issue(pending.tokenRequest));
      expect(privacyPass.issuer(other.secretKey).verify(token)).toBe(false);
      expect(await verifyToken(Token.deserialize(VOPRF, token.slice()), other.secretKey)).toBe(false);
    });

    test('headers: WWW-Authenticate and Authorization, each side parses the other', async () => {
      const { privateKey, publicKey } = await keyGen();
      const challenge = theirChallenge(0);
      const header = new WWWAuthenticateHeader(challenge, publicKey, 30);
      // By default privacypass-ts writes base64url with "=" padding as a bare token, which
      // RFC 9110 §11.2 does not allow ("=" is no tchar; RFC 9577 §2.1 asks for a quoted-string
      // then): refused. Its quoted form is what RFC 9577 describes.
      expect(header.toString()).toMatch(/token-key=[^"]+=,/);
      expect(() => privacyPass.parseWwwAuthenticate(header.toString())).toThrow(
        expect.objectContaining({ code: 'HEADER' }),
      );
      const theirs = header.toString(true);
      expect(privacyPass.parseWwwAuthenticate(theirs)).toEqual([
        { tokenType: 1, challenge: challenge.serialize(), tokenKey: publicKey, maxAge: 30 },
      ]);
      const ours = privacyPass.formatWwwAuthenticate([
        { challenge: challenge.serialize(), tokenKey: publicKey, maxAge: 30 },
      ]);
      const parsed = WWWAuthenticateHeader.parse(ours);
      expect(parsed.length).toBe(1);
      expect(hex(parsed[0]!.challenge.serialize())).toBe(hex(challenge.serialize()));
      expect(hex(parsed[0]!.tokenKey)).toBe(hex(publicKey));
      expect(parsed[0]!.maxAge).toBe(30);

      const pending = privacyPass.client(publicKey).createTokenRequest(challenge.serialize());
      const token = pending.finalize(privacyPass.issuer(privateKey).issue(pending.tokenRequest));
      const theirAuthorization = new AuthorizationHeader(Token.deserialize(VOPRF, token.slice())).toString(true);
      expect(hex(privacyPass.parseAuthorization(theirAuthorization))).toBe(hex(token));
      const back = AuthorizationHeader.parse(VOPRF, privacyPass.formatAuthorization(token));
      expect(back.length).toBe(1);
      expect(hex(back[0]!.token.serialize())).toBe(hex(token));
    });
  });
}
