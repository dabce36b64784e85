// The token in an HTTP request: `Authorization: ObliviaToken token="<base64url>"` (RFC 9110 §11.6.2;
// the scheme is case-insensitive, the value base64url without padding, RFC 4648 §5).
import { decodeBase64url, encodeBase64url } from '../utils/base64url.js';
import { CredentialError } from './credential-error.js';

export const AUTH_SCHEME = 'ObliviaToken';

/** The largest token accepted in a header (64 KiB of framed attributes and more). */
const MAX_HEADER = 96 * 1024;

export function encodeAuthorization(token: Uint8Array): string {
  if (!(token instanceof Uint8Array)) throw new TypeError('"token" expected Uint8Array');
  return `${AUTH_SCHEME} token="${encodeBase64url(token)}"`;
}

/** The token bytes of an Authorization value; MISSING if there is none or it is another scheme,
 *  MALFORMED if an ObliviaToken value does not parse. */
export function parseAuthorization(value: string | null | undefined): Uint8Array {
  if (value === null || value === undefined) throw new CredentialError('MISSING');
  if (typeof value !== 'string') throw new TypeError('"value" expected string');
  const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?:[ \t]+(.*))?$/s.exec(value.trim());
  if (match === null) throw new CredentialError('MALFORMED');
  if (match[1]!.toLowerCase() !== AUTH_SCHEME.toLowerCase()) throw new CredentialError('MISSING');
  if (value.length > MAX_HEADER) throw new CredentialError('MALFORMED');
  const param = /^token[ \t]*=[ \t]*(?:"([A-Za-z0-9_-]+)"|([A-Za-z0-9_-]+))$/i.exec(match[2] ?? '');
  const encoded = param?.[1] ?? param?.[2];
  const token = encoded === undefined ? undefined : decodeBase64url(encoded);
  if (token === undefined) throw new CredentialError('MALFORMED');
  return token;
}
