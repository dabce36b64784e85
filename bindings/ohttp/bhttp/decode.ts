// Strict decoding of Binary HTTP (RFC 9292 §3). An invalid message (§4) is a BhttpError and nothing
// of it is returned; every length is checked against the bytes left before anything is copied.
import { bytes } from '../../validate.js';
import { lowercaseAscii, toByteString } from './bytestring.js';
import { BhttpError } from './error.js';
import { Reader } from './reader.js';
import { FieldOrder, fieldNameProblem, fieldValueProblem, methodProblem, schemeProblem, targetProblem } from './rules.js';
import type { BhttpRequest, BhttpResponse, Field, InformationalResponse } from './types.js';

type Section = 'header section' | 'informational header section' | 'trailer section';

/** Decodes a request (framing indicator 0 or 2); the message may end with zero bytes of padding. */
export function decodeRequest(message: Uint8Array): BhttpRequest {
  const r = new Reader(bytes(message, 'message'), 0, message.length);
  const indeterminate = framing(r, 'request');
  // Request control data (§3.4).
  const method = control(r, 'method', methodProblem);
  const scheme = control(r, 'scheme', schemeProblem);
  const authority = control(r, 'authority', targetProblem);
  const path = control(r, 'path', targetProblem);
  return { method, scheme, authority, path, ...rest(r, indeterminate) };
}

/** Decodes a response (framing indicator 1 or 3); the message may end with zero bytes of padding. */
export function decodeResponse(message: Uint8Array): BhttpResponse {
  const r = new Reader(bytes(message, 'message'), 0, message.length);
  const indeterminate = framing(r, 'response');
  const informational: InformationalResponse[] = [];
  // Informational responses repeat until a final status code (§3.5.1).
  for (;;) {
    const at = r.offset;
    const status = r.varint('the status code');
    if (status >= 200 && status <= 599) return { informational, status, ...rest(r, indeterminate) };
    if (status < 100 || status > 599) {
      throw new BhttpError('INVALID_STATUS', `the status code at byte ${at} is ${status}: neither informational (100–199) nor final (200–599)`);
    }
    informational.push({ status, headers: fields(r, indeterminate, 'informational header section') });
  }
}

/** The framing indicator (§3.3): whether the message is indeterminate-length. */
function framing(r: Reader, kind: 'request' | 'response'): boolean {
  const value = r.varint('the framing indicator');
  if (value > 3) throw new BhttpError('INVALID_FRAMING', `the framing indicator is ${value}, not 0, 1, 2 or 3`);
  const isResponse = value % 2 === 1;
  if (isResponse !== (kind === 'response')) {
    throw new BhttpError('INVALID_FRAMING', `the framing indicator ${value} marks a ${isResponse ? 'response' : 'request'}, not a ${kind}`);
  }
  return value >= 2;
}

function control(r: Reader, name: string, problem: (bytes: Uint8Array) => string | undefined): string {
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
function rest(r: Reader, indeterminate: boolean): { headers: Field[]; content: Uint8Array; trailers: Field[] } {
  const headers = r.done ? [] : fields(r, indeterminate, 'header section');
  const content = r.done ? new Uint8Array(0) : body(r, indeterminate);
  const trailers = r.done ? [] : fields(r, indeterminate, 'trailer section');
  r.padding();
  return { headers, content, trailers };
}

/** A field section: known-length (§3.1) or ended by a zero name length (§3.2). */
function fields(r: Reader, indeterminate: boolean, section: Section): Field[] {
  const order = new FieldOrder(section === 'trailer section');
  const lines: Field[] = [];
  if (!indeterminate) {
    const s = r.sub(r.varint(`the ${section} length`), section);
    while (!s.done) lines.push(line(s, s.varint('the field name length'), order));
    return lines;
  }
  for (;;) {
    if (r.done) throw new BhttpError('TRUNCATED', `the message ends before the terminator of the ${section}`);
    const nameLength = r.varint('the field name length');
    if (nameLength === 0) return lines;
    lines.push(line(r, nameLength, order));
  }
}

/** A field line (§3.6) whose name length has been read. */
function line(r: Reader, nameLength: number, order: FieldOrder): Field {
  const name = r.take(nameLength, 'the field name');
  const at = r.offset - name.length;
  const lower = lowercaseAscii(name.slice());
  const nameFound = fieldNameProblem(name) ?? order.next(lower);
  if (nameFound) throw new BhttpError('INVALID_FIELD', `the field name at byte ${at} ${nameFound}`);
  const value = r.take(r.varint('the field value length'), 'the field value');
  const valueFound = fieldValueProblem(value);
  if (valueFound) throw new BhttpError('INVALID_FIELD', `the field value at byte ${r.offset - value.length} ${valueFound}`);
  return [toByteString(lower), toByteString(value)];
}

/** The content: length-prefixed (§3.1), or chunks ended by a zero length (§3.2). A copy. */
function body(r: Reader, indeterminate: boolean): Uint8Array {
  if (!indeterminate) return r.take(r.varint('the content length'), 'the content').slice();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    if (r.done) throw new BhttpError('TRUNCATED', 'the message ends before the terminator of the content');
    const length = r.varint('the content chunk length');
    if (length === 0) break;
    chunks.push(r.take(length, 'the content chunk'));
    total += length;
  }
  const content = new Uint8Array(total);
  for (let i = 0, offset = 0; i < chunks.length; offset += chunks[i]!.length, i++) content.set(chunks[i]!, offset);
  return content;
}
