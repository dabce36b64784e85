// The PrivateToken authentication scheme of RFC 9577 §2.1 (WWW-Authenticate) and §2.2
// (Authorization) over the challenge and credentials grammar of RFC 9110 §11:
//   challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param = token BWS "=" BWS ( token / quoted-string )
// Scheme and parameter names are case-insensitive; a parameter may appear once per challenge;
// values are padded base64url (RFC 9577 §2.1); unknown parameters and other schemes are ignored.
import { bytes, describe, integer } from '../utils/arguments.js';
import { decodeBase64url, encodeBase64url } from '../utils/base64url.js';
import { readU16 } from '../utils/bytes.js';
import { PrivacyPassError } from './privacypass-error.js';

/** One PrivateToken challenge of a WWW-Authenticate header (RFC 9577 §2.1). */
export interface PrivateTokenChallenge {
  /** The first two bytes of `challenge` (RFC 9577 §2.1: every challenge starts with its type). */
  tokenType: number;
  /** The encoded TokenChallenge, as hashed into challenge_digest. */
  challenge: Uint8Array;
  /** The issuer's public key; may be absent when clients obtain it out of band. */
  tokenKey?: Uint8Array;
  /** Seconds the origin accepts the challenge for. */
  maxAge?: number;
}

const SCHEME = 'PrivateToken';
const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /[A-Za-z0-9\-._~+/]/;

interface Parsed {
  scheme: string;
  /** Lower-cased names; undefined for a challenge with a token68. */
  params?: Map<string, string>;
}

/** RFC 9110 §11: a comma-separated list of challenges (or one credentials). */
function parse(value: string): Parsed[] {
  const fail = (): never => {
    throw new PrivacyPassError('HEADER');
  };
  let i = 0;
  const ws = () => {
    while (value[i] === ' ' || value[i] === '\t') i++;
  };
  const token = (): string => {
    const start = i;
    while (i < value.length && TCHAR.test(value[i]!)) i++;
    return value.slice(start, i);
  };
  const quoted = (): string => {
    let out = '';
    for (i++; i < value.length; i++) {
      let c = value[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        if (++i === value.length) break;
        c = value[i]!;
      }
      const code = c.charCodeAt(0);
      if ((code < 0x20 && c !== '\t') || code === 0x7f) fail();
      out += c;
    }
    return fail();
  };
  /** At i: an auth-param name, BWS, "=", BWS and a value; i is unchanged when it is not one. */
  const param = (): [string, string] | undefined => {
    const start = i;
    const name = token();
    ws();
    if (name === '' || value[i] !== '=') {
      i = start;
      return undefined;
    }
    i++;
    ws();
    const v = value[i] === '"' ? quoted() : token();
    if (v === '' && value[i - 1] !== '"') {
      i = start;
      return undefined;
    }
    return [name.toLowerCase(), v];
  };
  /** At i: a token68 that ends the challenge (followed by OWS and "," or the end). */
  const token68 = (): boolean => {
    const start = i;
    while (i < value.length && TOKEN68.test(value[i]!)) i++;
    if (i === start) return false;
    while (value[i] === '=') i++;
    ws();
    if (i === value.length || value[i] === ',') return true;
    i = start;
    return false;
  };
  const add = (current: Parsed, [name, v]: [string, string]) => {
    if (current.params!.has(name)) fail(); // RFC 9110 §11.2: each name at most once
    current.params!.set(name, v);
  };

  const out: Parsed[] = [];
  let current: Parsed | undefined;
  for (;;) {
    ws();
    while (value[i] === ',') {
      i++;
      ws();
    }
    if (i === value.length) break;
    // after a comma: a further auth-param of the current challenge, or a new scheme
    const p = current?.params === undefined ? undefined : param();
    if (p !== undefined) {
      add(current!, p);
    } else {
      const scheme = token();
      if (scheme === '') fail();
      current = { scheme, params: new Map() };
      out.push(current);
      if (value[i] === ' ') {
        ws();
        const first = param();
        if (first !== undefined) add(current, first);
        else if (token68()) current.params = undefined;
      }
    }
    ws();
    if (i !== value.length && value[i] !== ',') fail();
  }
  return out;
}

const isPrivateToken = (p: Parsed): boolean => p.scheme.toLowerCase() === SCHEME.toLowerCase();

function privateTokenParams(p: Parsed): Map<string, string> {
  if (p.params === undefined) throw new PrivacyPassError('HEADER');
  return p.params;
}

/** The bytes of a padded base64url value (RFC 9577 §2.1); HEADER otherwise. */
function base64(text: string): Uint8Array {
  const decoded = decodeBase64url(text, true);
  if (decoded === undefined) throw new PrivacyPassError('HEADER');
  return decoded;
}

/** Every PrivateToken challenge of a WWW-Authenticate value, in order; other schemes are skipped.
 *  PrivacyPassError HEADER for a value that is not a challenge list, or a PrivateToken challenge
 *  without a padded base64url `challenge` of at least two bytes or with a bad parameter. */
export function parseWwwAuthenticate(value: string): PrivateTokenChallenge[] {
  if (typeof value !== 'string') throw new TypeError(`"value" expected string, got ${describe(value)}`);
  return parse(value)
    .filter(isPrivateToken)
    .map((p) => {
      const params = privateTokenParams(p);
      const encoded = params.get('challenge');
      if (encoded === undefined) throw new PrivacyPassError('HEADER');
      const challenge = base64(encoded);
      if (challenge.length < 2) throw new PrivacyPassError('HEADER');
      const out: PrivateTokenChallenge = { tokenType: readU16(challenge, 0), challenge };
      const key = params.get('token-key');
      if (key !== undefined) out.tokenKey = base64(key);
      const maxAge = params.get('max-age');
      if (maxAge !== undefined) {
        if (!/^[0-9]{1,15}$/.test(maxAge)) throw new PrivacyPassError('HEADER');
        out.maxAge = Number(maxAge);
      }
      return out;
    });
}

/** A WWW-Authenticate value with one PrivateToken challenge per entry (RFC 9577 §2.1). */
export function formatWwwAuthenticate(challenges: Omit<PrivateTokenChallenge, 'tokenType'>[]): string {
  if (!Array.isArray(challenges) || challenges.length === 0) {
    throw new TypeError(`"challenges" expected a non-empty array, got ${describe(challenges)}`);
  }
  return challenges
    .map((c, n) => {
      if (typeof c !== 'object' || c === null)
        throw new TypeError(`"challenges[${n}]" expected object, got ${describe(c)}`);
      const challenge = bytes(c.challenge, `challenges[${n}].challenge`);
      if (challenge.length < 2)
        throw new RangeError(`"challenges[${n}].challenge" expected at least 2 bytes, got length=${challenge.length}`);
      let out = `${SCHEME} challenge="${encodeBase64url(challenge, true)}"`;
      if (c.tokenKey !== undefined)
        out += `, token-key="${encodeBase64url(bytes(c.tokenKey, `challenges[${n}].tokenKey`), true)}"`;
      if (c.maxAge !== undefined)
        out += `, max-age="${integer(c.maxAge, `challenges[${n}].maxAge`, 0, Number.MAX_SAFE_INTEGER)}"`;
      return out;
    })
    .join(', ');
}

/** The Token of an Authorization value `PrivateToken token="…"` (RFC 9577 §2.2); PrivacyPassError
 *  HEADER for another scheme, more than one credentials, or a missing or bad `token`. */
export function parseAuthorization(value: string): Uint8Array {
  if (typeof value !== 'string') throw new TypeError(`"value" expected string, got ${describe(value)}`);
  const parsed = parse(value);
  if (parsed.length !== 1 || !isPrivateToken(parsed[0]!)) throw new PrivacyPassError('HEADER');
  const token = privateTokenParams(parsed[0]!).get('token');
  if (token === undefined) throw new PrivacyPassError('HEADER');
  return base64(token);
}

export function formatAuthorization(token: Uint8Array): string {
  return `${SCHEME} token="${encodeBase64url(bytes(token, 'token'), true)}"`;
}
