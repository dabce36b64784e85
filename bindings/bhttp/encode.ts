// Encoding of Binary HTTP (RFC 9292 §3): known-length (§3.1) or indeterminate-length (§3.2), every
// section present (no truncation, §3.8), then padding. Each part is checked as the decoder checks
// it, so whatever encodes decodes: a part of the wrong type is a TypeError, an invalid one a
// RangeError, and the message names it. Field names are lowercased (they are case-insensitive,
// RFC 9110 §5.1, and lowercase as HTTP/2 and HTTP/3 require).
import { describe, integer, optionalBytes } from '../utils/arguments.js';
import { fromByteString, lowercaseAscii } from './bytestring.js';
import {
  FieldOrder,
  fieldNameProblem,
  fieldValueProblem,
  methodProblem,
  schemeProblem,
  targetProblem,
  type Problem,
} from './rules.js';
import type { BhttpRequestInit, BhttpResponseInit, EncodeOptions } from './message.js';
import { varintSize } from './varint.js';
import { Writer } from './message-writer.js';

interface Line {
  name: Uint8Array;
  value: Uint8Array;
}

/** Encodes a request, with framing indicator 0 (known-length) or 2 (indeterminate-length). */
export function encodeRequest(request: BhttpRequestInit, options: EncodeOptions = {}): Uint8Array {
  object(request, 'request');
  const { indeterminate, padding } = encodeOptions(options);
  const w = new Writer();
  w.varint(indeterminate ? 2 : 0);
  // Request control data (§3.4).
  for (const [name, problem] of [
    ['method', methodProblem],
    ['scheme', schemeProblem],
    ['authority', targetProblem],
    ['path', targetProblem],
  ] as const) {
    const value = text(request[name], name, problem);
    w.varint(value.length);
    w.bytes(value);
  }
  writeRest(w, request, indeterminate, padding);
  return w.finish();
}

/** Encodes a response, with framing indicator 1 (known-length) or 3 (indeterminate-length). */
export function encodeResponse(response: BhttpResponseInit, options: EncodeOptions = {}): Uint8Array {
  object(response, 'response');
  const { indeterminate, padding } = encodeOptions(options);
  const w = new Writer();
  w.varint(indeterminate ? 3 : 1);
  const informational = response.informational ?? [];
  if (!Array.isArray(informational))
    throw new TypeError(`"informational" expected array, got ${describe(informational)}`);
  // Each informational response: its status code and header section (§3.5.1).
  informational.forEach((interim: unknown, i) => {
    const name = `informational[${i}]`;
    object(interim, name);
    const { status, headers } = interim as { status: unknown; headers?: unknown };
    w.varint(integer(status, `${name}.status`, 100, 199));
    writeSection(w, lines(headers, `${name}.headers`, false), indeterminate);
  });
  w.varint(integer(response.status, 'status', 200, 599)); // final response control data (§3.5)
  writeRest(w, response, indeterminate, padding);
  return w.finish();
}

function encodeOptions(options: EncodeOptions): { indeterminate: boolean; padding: number } {
  object(options, 'options');
  const { indeterminate = false, padding = 0 } = options;
  if (typeof indeterminate !== 'boolean')
    throw new TypeError(`"indeterminate" expected boolean, got ${describe(indeterminate)}`);
  return { indeterminate, padding: integer(padding, 'padding', 0, Number.MAX_SAFE_INTEGER) };
}

/** The header section, content and trailer section, then padding (§3.8). */
function writeRest(
  w: Writer,
  message: BhttpRequestInit | BhttpResponseInit,
  indeterminate: boolean,
  padding: number,
): void {
  const headers = lines(message.headers, 'headers', false);
  const content = optionalBytes(message.content, 'content');
  const trailers = lines(message.trailers, 'trailers', true);
  w.reserve(content.length + padding + 64);
  writeSection(w, headers, indeterminate);
  if (indeterminate) {
    // One chunk (a chunk is never empty), then the terminator (§3.2).
    if (content.length > 0) {
      w.varint(content.length);
      w.bytes(content);
    }
    w.varint(0);
  } else {
    w.varint(content.length);
    w.bytes(content);
  }
  writeSection(w, trailers, indeterminate);
  w.zeros(padding);
}

/** A field section: length-prefixed (§3.1) or ended by a zero name length (§3.2). */
function writeSection(w: Writer, lines: Line[], indeterminate: boolean): void {
  if (!indeterminate) {
    let size = 0;
    for (const { name, value } of lines)
      size += varintSize(name.length) + name.length + varintSize(value.length) + value.length;
    w.varint(size);
  }
  for (const { name, value } of lines) {
    w.varint(name.length);
    w.bytes(name);
    w.varint(value.length);
    w.bytes(value);
  }
  if (indeterminate) w.varint(0);
}

/** The checked field lines (§3.6) of `fields`, an optional array of [name, value] pairs. */
function lines(fields: unknown, label: string, trailer: boolean): Line[] {
  if (fields === undefined) return [];
  if (!Array.isArray(fields)) throw new TypeError(`"${label}" expected array, got ${describe(fields)}`);
  const order = new FieldOrder(trailer);
  return fields.map((field: unknown, i) => {
    const at = `${label}[${i}]`;
    if (!Array.isArray(field) || field.length !== 2 || typeof field[0] !== 'string' || typeof field[1] !== 'string') {
      throw new TypeError(`"${at}" expected [name, value], two strings`);
    }
    const name: string = field[0];
    const value: string = field[1];
    const nameBytes = fromByteString(name, `${at}[0]`);
    // Lowercased once valid, before its place is checked (":PATH" is ":path").
    const nameFound = fieldNameProblem(nameBytes) ?? order.next(lowercaseAscii(nameBytes));
    if (nameFound) throw new RangeError(`"${at}[0]" ${nameFound}`);
    return { name: nameBytes, value: text(value, `${at}[1]`, fieldValueProblem) };
  });
}

/** The bytes of the byte string `value`, checked by `problem`. */
function text(value: unknown, name: string, problem: Problem): Uint8Array {
  if (typeof value !== 'string') throw new TypeError(`"${name}" expected string, got ${describe(value)}`);
  const out = fromByteString(value, name);
  const found = problem(out);
  if (found) throw new RangeError(`"${name}" ${found}`);
  return out;
}

function object(value: unknown, name: string): void {
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`"${name}" expected object, got ${describe(value)}`);
}
