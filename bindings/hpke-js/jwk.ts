// JSON Web Keys as hpke-js's importKey('jwk', …) takes them: EC keys (RFC 7518 §6.2) for the NIST
// curves, OKP keys (RFC 8037 §2) for X25519. Members are base64url without padding (RFC 7515 §2).
import { base64urlArgument } from './buffers.js';
import type { KeyKind } from './keys.js';

/**
 * hpke-js's JsonWebKey with the `pub` and `priv` members of the AKP key type (its post-quantum KEMs),
 * for type compatibility; the adapter's DHKEMs take EC and OKP keys only.
 */
export interface JsonWebKeyExtended extends JsonWebKey {
  pub?: string;
  priv?: string;
}

function member(jwk: JsonWebKey, name: 'x' | 'y' | 'd', length: number): Uint8Array {
  const bytes = base64urlArgument(jwk[name], name);
  if (bytes.length !== length) throw new RangeError(`"${name}" expected ${length} bytes, got length=${bytes.length}`);
  return bytes;
}

/** TypeError unless the JWK is of `kind`'s kty and crv; whether it is EC (else OKP). */
function checkType(jwk: JsonWebKey, kind: KeyKind): boolean {
  const ec = kind.algorithm.name === 'ECDH';
  const [kty, crv] = ec ? ['EC', (kind.algorithm as EcKeyAlgorithm).namedCurve] : ['OKP', kind.algorithm.name];
  if (jwk.kty !== kty || jwk.crv !== crv) {
    throw new TypeError(`expected a JWK with kty "${kty}" and crv "${crv}", got kty "${jwk.kty}" and crv "${jwk.crv}"`);
  }
  return ec;
}

/** The public key `04 ‖ x ‖ y` (EC, SEC1 uncompressed) or `x` (OKP); coordinates have `size` bytes. */
function publicPart(jwk: JsonWebKey, ec: boolean, size: number): Uint8Array {
  const x = member(jwk, 'x', size);
  return ec ? Uint8Array.of(0x04, ...x, ...member(jwk, 'y', size)) : x;
}

/** The serialized public key in a public JWK of `kind` (which must not hold `d`). */
export function jwkPublicKey(jwk: JsonWebKey, kind: KeyKind, size: number): Uint8Array {
  const ec = checkType(jwk, kind);
  if (jwk.d !== undefined) throw new TypeError('a public JWK must not hold "d"');
  return publicPart(jwk, ec, size);
}

/** The private key `d` of a private JWK of `kind`, and its public key if the JWK holds `x`. */
export function jwkPrivateKey(
  jwk: JsonWebKey,
  kind: KeyKind,
  size: number,
): { privateKey: Uint8Array; publicKey?: Uint8Array } {
  const ec = checkType(jwk, kind);
  const privateKey = member(jwk, 'd', size);
  return jwk.x === undefined ? { privateKey } : { privateKey, publicKey: publicPart(jwk, ec, size) };
}
