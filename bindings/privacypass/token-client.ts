// The client of RFC 9578 §5.1 and §5.3: token input = token_type ‖ nonce ‖ challenge_digest ‖
// token_key_id, blinded into a TokenRequest; Finalize checks the issuer's proof and yields the
// PRF output, the Token's authenticator.
import { sha256 } from '../hash.js';
import { bytes, optionsArgument } from '../utils/arguments.js';
import { readU16 } from '../utils/bytes.js';
import { decodeTokenChallenge } from './challenge.js';
import { PrivacyPassError } from './privacypass-error.js';
import { decodeTokenResponse, encodeTokenRequest } from './messages.js';
import { tokenKeyId, voprf } from './token-key.js';
import { encodeAuthenticatorInput, encodeToken, TOKEN_TYPE } from './token.js';

/** Options of {@link PrivacyPassClient.createTokenRequest}. */
export interface TokenRequestOptions {
  /** Known-answer tests only: the 32-byte nonce instead of a random one. */
  nonce?: Uint8Array;
  /** Known-answer tests only: the OPRF blind, a nonzero P-384 scalar; reusing it links requests. */
  blind?: Uint8Array;
}

/** One issuance in flight: send `tokenRequest` to the issuer, pass its TokenResponse to finalize. */
export interface PendingToken {
  readonly tokenRequest: Uint8Array;
  /** The encoded Token; PrivacyPassError MALFORMED, CryptoError PROOF_FAILED or INVALID_POINT. */
  finalize(tokenResponse: Uint8Array): Uint8Array;
}

/** A Privacy Pass client for one issuer key, from {@link privacyPass.client}. */
export interface PrivacyPassClient {
  readonly tokenKeyId: Uint8Array;
  /** PrivacyPassError MALFORMED for a bad TokenChallenge, TOKEN_TYPE unless its type is 0x0001. */
  createTokenRequest(challenge: Uint8Array, options?: TokenRequestOptions): PendingToken;
}

export function createClient(issuerPublicKey: Uint8Array): PrivacyPassClient {
  const keyId = tokenKeyId(issuerPublicKey);
  const client = voprf().client(issuerPublicKey);

  function createTokenRequest(challenge: Uint8Array, options?: TokenRequestOptions): PendingToken {
    const o = optionsArgument(options, 'options');
    // RFC 9577 §2.1: a client ignores other token types (whatever follows them), and checks the
    // TokenChallenge is well formed.
    const c = bytes(challenge, 'challenge');
    if (c.length >= 2 && readU16(c, 0) !== TOKEN_TYPE.VOPRF) throw new PrivacyPassError('TOKEN_TYPE');
    decodeTokenChallenge(c);
    const nonce =
      o.nonce === undefined ? crypto.getRandomValues(new Uint8Array(32)) : new Uint8Array(bytes(o.nonce, 'nonce', 32));
    const input = { tokenType: TOKEN_TYPE.VOPRF, nonce, challengeDigest: sha256(c), tokenKeyId: keyId };
    const blinding = client.blind(
      [encodeAuthenticatorInput(input)],
      o.blind === undefined ? undefined : { blinds: [o.blind] },
    );
    const tokenRequest = encodeTokenRequest({
      tokenType: TOKEN_TYPE.VOPRF,
      truncatedTokenKeyId: keyId[31]!,
      blindedMsg: blinding.blinded[0]!,
    });
    return Object.freeze({
      tokenRequest,
      finalize(tokenResponse: Uint8Array): Uint8Array {
        const response = decodeTokenResponse(tokenResponse);
        const [authenticator] = client.finalize(blinding, {
          evaluated: [response.evaluateMsg],
          proof: response.evaluateProof,
        });
        return encodeToken({ ...input, authenticator: authenticator! });
      },
    });
  }

  return Object.freeze({ tokenKeyId: keyId, createTokenRequest });
}
