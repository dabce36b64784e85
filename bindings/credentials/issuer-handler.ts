// The issuer as a fetch-style handler: POST of an issuance request (MEDIA_TYPE.REQUEST) →
// 200 with the issuance response (MEDIA_TYPE.RESPONSE). Refusals: 405, 415, 413 with a
// fixed phrase; a request the issuer refuses → application/problem+json (RFC 9457) with a problem
// type per CredentialError code: 400 MALFORMED, VERSION, BATCH; 422 UNKNOWN_KEY; 403 ATTRIBUTES.
// It never throws: anything else is a 500 with a fixed phrase.
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  limitArgument,
  mediaTypeOf,
  readBody,
  statusResponse,
  TooLargeError,
  type Handler,
} from '../http/exchange.js';
import { CredentialError, type CredentialErrorCode } from './credential-error.js';
import type { Issuer } from './credential-issuer.js';

export const MEDIA_TYPE = Object.freeze({
  REQUEST: 'application/x-oblivia-credential-request',
  RESPONSE: 'application/x-oblivia-credential-response',
});

/** The problem type of a refusal: `urn:oblivia:problem:credential-` and the code, kebab-case. */
export const problemType = (code: CredentialErrorCode): string =>
  `urn:oblivia:problem:credential-${code.toLowerCase().replace(/_/g, '-')}`;

/** An application/problem+json response for a CredentialError (a gateway answers 401 with it). */
export function problemResponse(error: CredentialError, status: number): Response {
  const body = JSON.stringify({ type: problemType(error.code), title: error.message, status });
  return new Response(body, { status, headers: { 'content-type': 'application/problem+json' } });
}

const ISSUER_STATUS: Partial<Record<CredentialErrorCode, number>> = { UNKNOWN_KEY: 422, ATTRIBUTES: 403 };

/** Options of {@link credentials.issuerHandler}. */
export interface IssuerHandlerOptions {
  /** The largest issuance request accepted; default 1 MiB. */
  maxBodyBytes?: number;
}

export function createIssuerHandler(issuer: Issuer, options: IssuerHandlerOptions = {}): Handler {
  if (typeof issuer !== 'object' || issuer === null || typeof issuer.issue !== 'function')
    throw new TypeError('"issuer" expected an Issuer');
  const maxBodyBytes = limitArgument(options.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);

  return async (request) => {
    try {
      if (request.method !== 'POST') return statusResponse(405, { allow: 'POST' });
      if (mediaTypeOf(request.headers) !== MEDIA_TYPE.REQUEST) return statusResponse(415);
      const response = issuer.issue(await readBody(request, maxBodyBytes));
      return new Response(bodyOf(response), {
        status: 200,
        headers: { 'content-type': MEDIA_TYPE.RESPONSE },
      });
    } catch (e) {
      if (e instanceof TooLargeError) return statusResponse(413);
      if (e instanceof CredentialError) return problemResponse(e, ISSUER_STATUS[e.code] ?? 400);
      return statusResponse(500);
    }
  };
}
