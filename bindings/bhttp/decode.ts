// Strict decoding of Binary HTTP (RFC 9292 §3). An invalid message (§4) is a BhttpError and nothing
// of it is returned; every length is checked against the bytes left, and against the limits
// (./limits.ts), before anything is copied.
import { bytes } from '../utils/arguments.js';
import { lowercaseAscii, toByteString } from './bytestring.js';
import { BhttpError } from './bhttp-error.js';
import { decodeLimits, SectionLimit, type Limits } from './limits.js';
import { Reader } from './message-reader.js';
import {
  FieldOrder,
  fieldNameProblem,
  fieldValueProblem,
  methodProblem,
  schemeProblem,
  targetProblem,
  type Problem,
} from './rules.js';
import type { BhttpRequest, BhttpResponse, DecodeOptions, Field, InformationalResponse } from './message.js';

type Section = 'header section' | 'informational header section' | 'trailer section';

/** Decodes a request (framing indicator 0 or 2); the message may end with zero bytes of padding. */
export function decodeRequest(message: Uint8Array, options?: DecodeOptions): BhttpRequest {
  const r = new Reader(bytes(message, 'message'), 0, message.length);
  const limits = decodeLimits(options);
  const indeterminate = framing(r, 'request');
  // Request control data (§3.4).
  const method = control(r, 'method', methodProblem);
  const scheme = control(r, 'scheme', schemeProblem);
  const authority = control(r, 'authority', targetProblem);
  const path = control(r, 'path', targetProblem);
  return { method, scheme, authority, path, ...rest(r, indeterminate, limits) };
}

/** Decodes a response (framing indicator 1 or 3); the message may end with zero bytes of padding. */
export function decodeResponse(message: Uint8Array, options?: DecodeOptions): BhttpResponse {
  const r = new Reader(bytes(message, 'message'), 0, message.length);
  const limits = decodeLimits(options);
  const indeterminate = framing(r, 'response');
  const informational: InformationalResponse[] = [];
  // Informational responses repeat until a final status code (§3.5.1).
  for (;;) {
    const at = r.offset;
    const status = r.varint('the status code');
    if (status >= 200 && status <= 599) return { informational, status, ...rest(r, indeterminate, limits) };
    if (status < 100 || status > 599) {
      throw new BhttpError(
        'INVALID_STATUS',
        `the status code at byte ${at} is neither informational (100–199) nor final (200–599)`,
      );
    }
    if (informational.length === limits.maxInformationalResponses) {
      throw new BhttpError(
        'TOO_MANY_INFORMATIONAL',
        `the response has more than ${limits.maxInformationalResponses} informational responses`,
      );
    }
    informational.push({ status, headers: fields(r, indeterminate, 'informational header section', limits) });
  }
}

/** The framing indicator (§3.3): whether the message is indeterminate-length. */
function framing(r: Reader, kind: 'request' | 'response'): boolean {
  const value = r.varint('the framing indicator');
  if (value > 3) throw new BhttpError('INVALID_FRAMING', 'the framing indicator is not 0, 1, 2 or 3');
  const isResponse = value % 2 === 1;
  if (isResponse !== (kind === 'response')) {
    throw new BhttpError(
      'INVALID_FRAMING',
      `the framing indicator marks a ${isResponse ? 'response' : 'request'}, not a ${kind}`,
    );
  }
  return value >= 2;
}

/** One length-prefixed part of the request control data (§3.4). */
function control(r: Reader, name: string, problem: Problem): string {
  const value = r.take(r.varint(`the ${name} length`), `the ${name}`);
  const found = problem(value);
  if (found) throw new BhttpError('INVALID_CONTROL_DATA', `the ${name} at byte ${r.offset - value.length} ${found}`);
  return toByteString(value);
}

/**
 * The header section, content and trailer section, then padding. A message may end before any of
 * the three: the parts it leaves out are empty (§3.8, and the RFC 9458 Appendix A examples, which
 * end after the control data).
 */
function rest(
  r: Reader,
  indeterminate: boolean,
  limits: Limits,
): { headers: Field[]; content: Uint8Array; trailers: Field[] } {
  const headers = r.done ? [] : fields(r, indeterminate, 'header section', limits);
  const content = r.done ? new Uint8Array(0) : body(r, indeterminate);
  const trailers = r.done ? [] : fields(r, indeterminate, 'trailer section', limits);
  r.padding();
  return { headers, content, trailers };
}

/**
 * A field section: known-length (§3.1) or ended by a zero name length (§3.2). A known-length
 * section's length is its size, checked before any line is read; an indeterminate-length one is
 * counted as its lines are read.
 */
function fields(r: Reader, indeterminate: boolean, section: Section, limits: Limits): Field[] {
  const order = new FieldOrder(section === 'trailer section');
  const lines: Field[] = [];
  if (!indeterminate) {
    const length = r.varint(`the ${section} length`);
    const limit = new SectionLimit(limits, section, r.offset);
    limit.bytes(r.offset, length);
    const s = r.sub(length, section);
    while (!s.done) {
      limit.line();
      lines.push(line(s, s.varint('the field name length'), order, limit));
    }
    return lines;
  }
  const limit = new SectionLimit(limits, section, r.offset);
  for (;;) {
    if (r.done) throw new BhttpError('TRUNCATED', `the message ends before the terminator of the ${section}`);
    const nameLength = r.varint('the field name length');
    if (nameLength === 0) return lines;
    limit.line();
    lines.push(line(r, nameLength, order, limit));
  }
}

/** A field line (§3.6) whose name length has been read. */
function line(r: Reader, nameLength: number, order: FieldOrder, limit: SectionLimit): Field {
  limit.bytes(r.offset, nameLength);
  const name = r.take(nameLength, 'the field name');
  const at = r.offset - name.length;
  const lower = lowercaseAscii(name.slice());
  const nameFound = fieldNameProblem(name) ?? order.next(lower);
  if (nameFound) throw new BhttpError('INVALID_FIELD', `the field name at byte ${at} ${nameFound}`);
  const valueLength = r.varint('the field value length');
  limit.bytes(r.offset, valueLength);
  const value = r.take(valueLength, 'the field value');
  const valueFound = fieldValueProblem(value);
  if (valueFound)
    throw new BhttpError('INVALID_FIELD', `the field value at byte ${r.offset - value.length} ${valueFound}`);
  return [toByteString(lower), toByteString(value)];
}

/**
 * The content: length-prefixed (§3.1), or chunks ended by a zero length (§3.2). A copy. Chunks are
 * read twice, to check and sum their lengths and then to copy them, so that a flood of tiny chunks
 * costs a pass over its bytes and keeps no object per chunk.
 */
function body(r: Reader, indeterminate: boolean): Uint8Array {
  if (!indeterminate) return r.take(r.varint('the content length'), 'the content').slice();
  const start = r.offset;
  let total = 0;
  for (let length = chunkLength(r); length > 0; length = chunkLength(r)) {
    r.skip(length, 'the content chunk');
    total += length;
  }
  const end = r.offset;
  const content = new Uint8Array(total);
  r.offset = start;
  for (let at = 0; at < total;) {
    const length = r.varint('the content chunk length');
    r.copy(length, 'the content chunk', content, at);
    at += length;
  }
  r.offset = end;
  return content;
}

/** The next chunk's length; 0 for the terminator. */
function chunkLength(r: Reader): number {
  if (r.done) throw new BhttpError('TRUNCATED', 'the message ends before the terminator of the content');
  return r.varint('the content chunk length');
}
