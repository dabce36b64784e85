// The issuer of RFC 9578 §5.2 (BlindEvaluate with a DLEQ proof) and the verification of §5.4,
// which origin and issuer share in the privately verifiable type: recompute the PRF output of
// the token's AuthenticatorInput with the secret key and compare it to the authenticator.
import { equalBytes } from '../utils/bytes.js';
import { sha256 } from '../hash.js';
import type { BlindEvaluateOptions } from '../oprf.js';
import { bytes, optionsArgument } from '../utils/arguments.js';
import { PrivacyPassError } from './privacypass-error.js';
import { decodeTokenRequest, encodeTokenResponse } from './messages.js';
import { tokenKeyId, voprf } from './token-key.js';
import { decodeToken, encodeAuthenticatorInput, TOKEN_TYPE } from './token.js';

/** Options of {@link PrivacyPassIssuer.issue}. */
export interface IssueOptions {
  /** Known-answer tests only: the proof randomness r (RFC 9497 §2.2.1); reuse reveals the key. */
  proofRandomness?: BlindEvaluateOptions['proofRandomness'];
}

/** Options of {@link PrivacyPassIssuer.verify}. */
export interface VerifyOptions {
  /** The encoded TokenChallenge the origin sent: the token's challenge_digest must be its SHA-256. */
  challenge?: Uint8Array;
}

/** A Privacy Pass issuer (and verifier) with one key, from {@link privacyPass.issuer}. */
export interface PrivacyPassIssuer {
  /** pkI, a compressed P-384 point (the `token-key` of RFC 9577 §2.1 for type 0x0001). */
  readonly publicKey: Uint8Array;
  readonly tokenKeyId: Uint8Array;
  /** The encoded TokenResponse; PrivacyPassError MALFORMED, TOKEN_TYPE, KEY_ID, CryptoError INVALID_POINT. */
  issue(tokenRequest: Uint8Array, options?: IssueOptions): Uint8Array;
  /** Whether the token was issued under this key (and for `challenge`, if given); PrivacyPassError
   *  MALFORMED or TOKEN_TYPE for a token that does not decode as type 0x0001. */
  verify(token: Uint8Array, options?: VerifyOptions): boolean;
}

export function createIssuer(secretKey: Uint8Array): PrivacyPassIssuer {
  const server = voprf().server(secretKey);
  const keyId = tokenKeyId(server.publicKey);

  return Object.freeze({
    publicKey: server.publicKey,
    tokenKeyId: keyId,

    issue(tokenRequest: Uint8Array, options?: IssueOptions): Uint8Array {
      const o = optionsArgument(options, 'options');
      const request = decodeTokenRequest(tokenRequest);
      if (request.truncatedTokenKeyId !== keyId[31]) throw new PrivacyPassError('KEY_ID');
      const evaluation = server.blindEvaluate([request.blindedMsg], { proofRandomness: o.proofRandomness });
      return encodeTokenResponse({ evaluateMsg: evaluation.evaluated[0]!, evaluateProof: evaluation.proof! });
    },

    verify(token: Uint8Array, options?: VerifyOptions): boolean {
      const o = optionsArgument(options, 'options');
      const challenge = o.challenge === undefined ? undefined : bytes(o.challenge, 'challenge');
      const t = decodeToken(token);
      if (t.tokenType !== TOKEN_TYPE.VOPRF) throw new PrivacyPassError('TOKEN_TYPE');
      if (!equalBytes(t.tokenKeyId, keyId)) return false;
      if (challenge !== undefined && !equalBytes(t.challengeDigest, sha256(challenge))) return false;
      return equalBytes(server.evaluate(encodeAuthenticatorInput(t)), t.authenticator);
    },
  });
}
