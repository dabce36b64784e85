// The default TokenChallenge of RFC 9577 §2.1.1:
//   struct { uint16_t token_type; opaque issuer_name<1..2^16-1>;
//            opaque redemption_context<0..32>; opaque origin_info<0..2^16-1>; } TokenChallenge;
import { bytes, describe, integer } from '../utils/arguments.js';
import { ascii, concat, u16 } from '../utils/bytes.js';
import { Reader } from '../utils/reader.js';
import { malformed, PrivacyPassError } from './privacypass-error.js';

/** RFC 9577 §2.1.1: what an origin challenges a client with. */
export interface TokenChallenge {
  tokenType: number;
  /** The issuer's authority (RFC 3986 §3.2), ASCII. */
  issuerName: string;
  /** Empty or 32 bytes. */
  redemptionContext: Uint8Array;
  /** Origin names, joined by "," on the wire; empty for a cross-origin token. */
  originInfo: string[];
}

const MAX = 0xffff;

/** Printable ASCII without spaces: an authority (RFC 3986 §3.2) may hold "," … */
const isIssuerName = (text: string): boolean => /^[\x21-\x7e]+$/.test(text);
/** … but an origin name may not: "," delimits origin_info. */
const isName = (text: string): boolean => /^[\x21-\x2b\x2d-\x7e]+$/.test(text);

export function encodeTokenChallenge(challenge: TokenChallenge): Uint8Array {
  if (typeof challenge !== 'object' || challenge === null)
    throw new TypeError(`"challenge" expected object, got ${describe(challenge)}`);
  const tokenType = integer(challenge.tokenType, 'challenge.tokenType', 0, MAX);
  const { issuerName, originInfo } = challenge;
  if (typeof issuerName !== 'string')
    throw new TypeError(`"challenge.issuerName" expected string, got ${describe(issuerName)}`);
  if (!isIssuerName(issuerName) || issuerName.length > MAX) {
    throw new RangeError('"challenge.issuerName" expected 1 to 65535 printable ASCII characters');
  }
  const context = bytes(challenge.redemptionContext, 'challenge.redemptionContext');
  if (context.length !== 0 && context.length !== 32) {
    throw new RangeError(
      `"challenge.redemptionContext" expected Uint8Array of length 0 or 32, got length=${context.length}`,
    );
  }
  if (!Array.isArray(originInfo))
    throw new TypeError(`"challenge.originInfo" expected an array of strings, got ${describe(originInfo)}`);
  originInfo.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || !isName(name)) {
      throw new RangeError(`"challenge.originInfo[${i}]" expected printable ASCII characters without ","`);
    }
  });
  const origins = ascii(originInfo.join(','));
  if (origins.length > MAX) throw new RangeError(`"challenge.originInfo" expected at most ${MAX} bytes joined`);
  const issuer = ascii(issuerName);
  return concat(
    u16(tokenType),
    u16(issuer.length),
    issuer,
    Uint8Array.of(context.length),
    context,
    u16(origins.length),
    origins,
  );
}

/** PrivacyPassError MALFORMED unless `encoded` is exactly one well-formed TokenChallenge. */
export function decodeTokenChallenge(encoded: Uint8Array): TokenChallenge {
  const r = new Reader(bytes(encoded, 'encoded'), malformed);
  const tokenType = r.uint16();
  const issuerName = text(r.take(r.uint16()));
  const contextLength = r.uint8();
  if (contextLength !== 0 && contextLength !== 32) throw new PrivacyPassError('MALFORMED');
  const redemptionContext = r.take(contextLength);
  const origins = text(r.take(r.uint16()));
  r.end();
  const originInfo = origins === '' ? [] : origins.split(',');
  if (!isIssuerName(issuerName) || !originInfo.every(isName)) throw new PrivacyPassError('MALFORMED');
  return { tokenType, issuerName, redemptionContext, originInfo };
}

const text = (b: Uint8Array): string => Array.from(b, (c) => String.fromCharCode(c)).join('');
