// Credentials on the Oblivious HTTP path (docs/credentials.md, "Redemption over OHTTP"): the
// client's `authorize` hook redeems one credential per request, bound to that request; the
// gateway's checks it after decapsulation — so the relay sees nothing of it — and forwards the
// request without it, or answers 401 with the problem type of the refusal.
import { sha256 } from '../hash.js';
import { utf8, writeU32 } from '../utils/bytes.js';
import type { Credential, CredentialClient } from './credential-client.js';
import { CredentialError } from './credential-error.js';
import { problemResponse } from './issuer-handler.js';
import { AUTH_SCHEME, encodeAuthorization, parseAuthorization } from './header.js';
import type { Verified, Verifier } from './credential-verifier.js';

const LABEL = utf8('oblivia-acs-v1 request');

/** I2OSP(len(x), 4) ‖ x for each part. */
function framed(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  let at = 0;
  for (const part of parts) {
    writeU32(out, at, part.length);
    out.set(part, at + 4);
    at += 4 + part.length;
  }
  return out;
}

/** The 32-byte binding of a request: SHA-256 of the framed label, method, URL and body. The
 *  request itself is left unread (its clone is). */
export async function requestBinding(request: Request): Promise<Uint8Array> {
  const body = new Uint8Array(await request.clone().arrayBuffer());
  const input = framed([LABEL, utf8(request.method), utf8(request.url), body]);
  try {
    return sha256(input);
  } finally {
    input.fill(0);
    body.fill(0);
  }
}

/** The client's hook: each request gets `Authorization: ObliviaToken token="…"` from the next
 *  credential `next` gives (it throws when none is left). */
export function clientAuthorizer(
  client: CredentialClient,
  next: () => Credential | Promise<Credential>,
): (request: Request) => Promise<Request> {
  if (typeof next !== 'function') throw new TypeError('"next" expected function');
  return async (request) => {
    const token = client.redeem(await next(), await requestBinding(request));
    const headers = new Headers(request.headers);
    headers.set('authorization', encodeAuthorization(token));
    return new Request(request, { headers });
  };
}

/** The gateway's hook over the verifiers of the issuer keys in use (a token names its key):
 *  the request without its Authorization header, or a 401 with `WWW-Authenticate: ObliviaToken`
 *  and the refusal's problem type (503 for STORE_FULL and STORE_UNAVAILABLE). Other failures
 *  reject (the gateway answers 500). */
export function gatewayAuthorizer(
  verifiers: Verifier | readonly Verifier[],
): (request: Request) => Promise<Request | Response> {
  const list = Array.isArray(verifiers) ? [...(verifiers as readonly Verifier[])] : [verifiers as Verifier];
  if (list.length === 0) throw new RangeError('"verifiers" expected at least one verifier');
  return async (request) => {
    try {
      const token = parseAuthorization(request.headers.get('authorization'));
      await verifyWithAny(list, token, await requestBinding(request));
    } catch (e) {
      if (!(e instanceof CredentialError)) throw e;
      // The token is good but could not be recorded (STORE_FULL: it stays unspent), or the store did
      // not answer (STORE_UNAVAILABLE: fail closed, unserved): the gateway's fault, not the client's.
      if (e.code === 'STORE_FULL' || e.code === 'STORE_UNAVAILABLE') return problemResponse(e, 503);
      const refusal = problemResponse(e, 401);
      refusal.headers.set('www-authenticate', AUTH_SCHEME);
      return refusal;
    }
    const headers = new Headers(request.headers);
    headers.delete('authorization');
    return new Request(request, { headers });
  };
}

/** The first verifier whose key the token names; UNKNOWN_KEY from the last when none does. */
async function verifyWithAny(
  verifiers: readonly Verifier[],
  token: Uint8Array,
  binding: Uint8Array,
): Promise<Verified> {
  for (let i = 0; ; i++) {
    try {
      return await verifiers[i]!.verify(token, binding);
    } catch (e) {
      if (!(e instanceof CredentialError) || e.code !== 'UNKNOWN_KEY' || i === verifiers.length - 1) throw e;
    }
  }
}
