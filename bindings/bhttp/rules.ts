// What HTTP allows in each part of a message, checked on bytes by the encoder and the decoder alike,
// so that whatever encodes also decodes.
import { toByteString } from './bytestring.js';

/** A check of one part's bytes: why they are refused, or undefined. */
export type Problem = (bytes: Uint8Array) => string | undefined;

// tchar (RFC 9110 §5.6.2): ALPHA, DIGIT and !#$%&'*+-.^_`|~
const TCHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
  TCHAR[c.charCodeAt(0)] = 1;

function isToken(bytes: Uint8Array, from = 0): boolean {
  if (bytes.length <= from) return false;
  for (let i = from; i < bytes.length; i++) if (TCHAR[bytes[i]!] !== 1) return false;
  return true;
}

/** A method is a token (RFC 9110 §9.1). */
export function methodProblem(bytes: Uint8Array): string | undefined {
  return isToken(bytes) ? undefined : 'is not a token';
}

/** A scheme is empty (as in a CONNECT request) or ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1). */
export function schemeProblem(bytes: Uint8Array): string | undefined {
  const alpha = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  const valid = (c: number, i: number) =>
    alpha(c) || (i > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e));
  return bytes.every(valid) ? undefined : 'is not a URI scheme';
}

/**
 * An authority or path holds only visible ASCII (0x21–0x7e), which every character a URI allows
 * (RFC 3986) is; no control byte, space or DEL can split the request when it is replayed.
 */
export function targetProblem(bytes: Uint8Array): string | undefined {
  return bytes.every((c) => c >= 0x21 && c <= 0x7e) ? undefined : 'holds a byte outside visible ASCII';
}

/**
 * A field name is a token (RFC 9110 §5.1), or a colon and a token for a pseudo-field (RFC 9292 §3.6).
 * Uppercase letters are allowed: names are case-insensitive, and the codec lowercases them.
 */
export function fieldNameProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'is empty';
  return isToken(bytes, bytes[0] === 0x3a ? 1 : 0) ? undefined : 'is not a token';
}

/** A field value holds no NUL, CR or LF and no whitespace at either end (RFC 9113 §8.2.1, RFC 9292 §3.6). */
export function fieldValueProblem(bytes: Uint8Array): string | undefined {
  if (bytes.some((c) => c === 0x00 || c === 0x0a || c === 0x0d)) return 'holds NUL, CR or LF';
  const space = (c: number | undefined) => c === 0x20 || c === 0x09;
  return space(bytes[0]) || space(bytes[bytes.length - 1]) ? 'starts or ends with whitespace' : undefined;
}

/** The control data that pseudo-fields of HTTP/2 carry and a field line must not (RFC 9292 §3.6). */
const CONTROL_PSEUDO_FIELDS = new Set([':method', ':scheme', ':authority', ':path', ':status']);

/** Where pseudo-fields may appear, for the lines of one field section in order (RFC 9292 §3.6). */
export class FieldOrder {
  private regular = false;

  constructor(private readonly trailer: boolean) {}

  /** The problem with the next line's `name` (valid and lowercase) where it stands, if any. */
  next(name: Uint8Array): string | undefined {
    if (name[0] !== 0x3a) {
      this.regular = true;
      return undefined;
    }
    if (CONTROL_PSEUDO_FIELDS.has(toByteString(name))) return 'is a pseudo-field that control data carries';
    if (this.trailer) return 'is a pseudo-field in a trailer section';
    if (this.regular) return 'is a pseudo-field after a regular field';
    return undefined;
  }
}
