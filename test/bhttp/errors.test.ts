// Each way a message is invalid, with its exact code and message; and the encoders' argument errors.
import { describe, expect, test } from 'vitest';
import { bhttp, BhttpError } from 'oblivia';

/** Bytes from numbers (one byte each) and ASCII strings. */
function b(...parts: (number | string)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))));
}

/** Framing indicator 0 and the control data of GET https://x/: bytes 0–14. */
const GET = [0, 3, 'GET', 5, 'https', 1, 'x', 1, '/'];
/** The same with framing indicator 2. */
const GET_INDETERMINATE = [2, ...GET.slice(1)];

const request =
  (...parts: (number | string)[]) =>
  () =>
    bhttp.decodeRequest(b(...parts));
const response =
  (...parts: (number | string)[]) =>
  () =>
    bhttp.decodeResponse(b(...parts));

describe('decoding', () => {
  const cases: [string, () => unknown, BhttpError['code'], string][] = [
    // Framing indicator (§3.3)
    ['empty input', request(), 'TRUNCATED', 'the message ends before the framing indicator'],
    [
      'a varint cut short',
      request(0x40),
      'TRUNCATED',
      'the framing indicator at byte 0 runs past the end of the message',
    ],
    ['framing indicator 4', request(4), 'INVALID_FRAMING', 'the framing indicator is not 0, 1, 2 or 3'],
    [
      'framing indicator 2^62 − 1',
      response(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
      'INVALID_FRAMING',
      'the framing indicator is not 0, 1, 2 or 3',
    ],
    [
      'a response read as a request',
      request(1, 0x40, 200),
      'INVALID_FRAMING',
      'the framing indicator marks a response, not a request',
    ],
    [
      'a request read as a response',
      response(2),
      'INVALID_FRAMING',
      'the framing indicator marks a request, not a response',
    ],
    // Request control data (§3.4)
    ['no method', request(0), 'TRUNCATED', 'the message ends before the method length'],
    ['no path', request(0, 3, 'GET', 5, 'https', 0), 'TRUNCATED', 'the message ends before the path length'],
    [
      'a method running past the end',
      request(0, 5, 'GE'),
      'TRUNCATED',
      'the method at byte 2 of length 5 runs past the end of the message (2 bytes left)',
    ],
    [
      'an absurd length, refused without allocation',
      request(0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 'GET'),
      'TRUNCATED',
      'the method at byte 9 of length above 2^53 − 1 runs past the end of the message (3 bytes left)',
    ],
    [
      'a 4-byte length',
      request(0, 0x80, 1, 0, 0, 'GET'),
      'TRUNCATED',
      'the method at byte 5 of length 65536 runs past the end of the message (3 bytes left)',
    ],
    [
      'an empty method',
      request(0, 0, 5, 'https', 1, 'x', 1, '/'),
      'INVALID_CONTROL_DATA',
      'the method at byte 2 is not a token',
    ],
    [
      'a method with a space',
      request(0, 3, 'G T', 5, 'https', 1, 'x', 1, '/'),
      'INVALID_CONTROL_DATA',
      'the method at byte 2 is not a token',
    ],
    [
      'a scheme starting with a digit',
      request(0, 3, 'GET', 2, '1x', 1, 'x', 1, '/'),
      'INVALID_CONTROL_DATA',
      'the scheme at byte 6 is not a URI scheme',
    ],
    [
      'an authority with a space',
      request(0, 3, 'GET', 5, 'https', 3, 'x y', 1, '/'),
      'INVALID_CONTROL_DATA',
      'the authority at byte 12 holds a byte outside visible ASCII',
    ],
    [
      'a path with DEL',
      request(0, 3, 'GET', 5, 'https', 1, 'x', 2, '/', 0x7f),
      'INVALID_CONTROL_DATA',
      'the path at byte 14 holds a byte outside visible ASCII',
    ],
    [
      'a path with a non-ASCII byte',
      request(...GET.slice(0, -2), 2, '/', 0xe9),
      'INVALID_CONTROL_DATA',
      'the path at byte 14 holds a byte outside visible ASCII',
    ],
    // Known-length field sections (§3.1, §3.6)
    [
      'a header section running past the end',
      request(...GET, 9, 1, 'a'),
      'TRUNCATED',
      'the header section at byte 16 of length 9 runs past the end of the message (2 bytes left)',
    ],
    [
      'a value running past its section',
      request(...GET, 3, 1, 'a', 5, 'v'),
      'INVALID_LENGTH',
      'the field value at byte 19 of length 5 runs past the end of the header section (0 bytes left)',
    ],
    [
      'a section ending inside a line',
      request(...GET, 2, 1, 'a', 0),
      'INVALID_LENGTH',
      'the header section ends before the field value length',
    ],
    [
      'a name length cut by its section',
      request(...GET, 1, 0x40, 0),
      'INVALID_LENGTH',
      'the field name length at byte 16 runs past the end of the header section',
    ],
    ['an empty field name', request(...GET, 2, 0, 0), 'INVALID_FIELD', 'the field name at byte 17 is empty'],
    [
      'a field name with a space',
      request(...GET, 5, 3, 'a b', 0),
      'INVALID_FIELD',
      'the field name at byte 17 is not a token',
    ],
    ['a bare colon', request(...GET, 3, 1, ':', 0), 'INVALID_FIELD', 'the field name at byte 17 is not a token'],
    [
      'a field named :path',
      request(...GET, 8, 5, ':path', 1, '/'),
      'INVALID_FIELD',
      'the field name at byte 17 is a pseudo-field that control data carries',
    ],
    [
      'a field named :STATUS',
      request(...GET, 9, 7, ':STATUS', 0),
      'INVALID_FIELD',
      'the field name at byte 17 is a pseudo-field that control data carries',
    ],
    [
      'a pseudo-field after a regular field',
      request(...GET, 8, 1, 'a', 0, 3, ':pr', 0),
      'INVALID_FIELD',
      'the field name at byte 20 is a pseudo-field after a regular field',
    ],
    [
      'a pseudo-field in trailers',
      request(...GET, 0, 0, 4, 2, ':p', 0),
      'INVALID_FIELD',
      'the field name at byte 19 is a pseudo-field in a trailer section',
    ],
    [
      'a value with CR',
      request(...GET, 5, 1, 'a', 2, 'x\r'),
      'INVALID_FIELD',
      'the field value at byte 19 holds NUL, CR or LF',
    ],
    [
      'a value with NUL',
      request(...GET, 4, 1, 'a', 1, 0),
      'INVALID_FIELD',
      'the field value at byte 19 holds NUL, CR or LF',
    ],
    [
      'a value with a leading space',
      request(...GET, 5, 1, 'a', 2, ' x'),
      'INVALID_FIELD',
      'the field value at byte 19 starts or ends with whitespace',
    ],
    [
      'a value with a trailing tab',
      request(...GET, 5, 1, 'a', 2, 'x\t'),
      'INVALID_FIELD',
      'the field value at byte 19 starts or ends with whitespace',
    ],
    // Content (§3.1)
    [
      'content running past the end',
      request(...GET, 0, 4, 'abc'),
      'TRUNCATED',
      'the content at byte 17 of length 4 runs past the end of the message (3 bytes left)',
    ],
    // Indeterminate-length sections (§3.2)
    [
      'a header section without terminator',
      request(...GET_INDETERMINATE, 1, 'a', 0),
      'TRUNCATED',
      'the message ends before the terminator of the header section',
    ],
    [
      'content without terminator',
      request(...GET_INDETERMINATE, 0, 3, 'abc'),
      'TRUNCATED',
      'the message ends before the terminator of the content',
    ],
    [
      'a chunk running past the end',
      request(...GET_INDETERMINATE, 0, 3, 'ab'),
      'TRUNCATED',
      'the content chunk at byte 17 of length 3 runs past the end of the message (2 bytes left)',
    ],
    [
      'trailers without terminator',
      request(...GET_INDETERMINATE, 0, 0, 1, 'a', 0),
      'TRUNCATED',
      'the message ends before the terminator of the trailer section',
    ],
    // Response control data (§3.5)
    ['no status', response(1), 'TRUNCATED', 'the message ends before the status code'],
    ['no final status', response(1, 0x40, 100, 0), 'TRUNCATED', 'the message ends before the status code'],
    [
      'an informational response without its section',
      response(3, 0x40, 103),
      'TRUNCATED',
      'the message ends before the terminator of the informational header section',
    ],
    [
      'status 99',
      response(1, 0x40, 99),
      'INVALID_STATUS',
      'the status code at byte 1 is neither informational (100–199) nor final (200–599)',
    ],
    [
      'status 600',
      response(1, 0x42, 0x58),
      'INVALID_STATUS',
      'the status code at byte 1 is neither informational (100–199) nor final (200–599)',
    ],
    [
      'status 0 after a 1xx',
      response(1, 0x40, 100, 0, 0),
      'INVALID_STATUS',
      'the status code at byte 4 is neither informational (100–199) nor final (200–599)',
    ],
    [
      'a pseudo-field in a 1xx after a regular one',
      response(3, 0x40, 103, 1, 'a', 0, 2, ':p', 0, 0),
      'INVALID_FIELD',
      'the field name at byte 7 is a pseudo-field after a regular field',
    ],
    // Padding (§3.8)
    ['non-zero padding', request(...GET, 0, 0, 0, 0, 0, 1), 'INVALID_PADDING', 'padding at byte 20 is not zero'],
    [
      'non-zero padding after a response',
      response(3, 0x40, 200, 0, 0, 0, 7),
      'INVALID_PADDING',
      'padding at byte 6 is not zero',
    ],
  ];

  test.each(cases)('%s', (_, decode, code, message) => {
    const error = (() => {
      try {
        decode();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BhttpError);
    expect(error).toMatchObject({ name: 'BhttpError', code, message });
  });

  test('accepted: uppercase names (lowercased), pseudo-fields first, zero padding, non-minimal varints, a message ending after any part', () => {
    const m = bhttp.decodeRequest(
      b(0x40, 0, ...GET.slice(1), 0x40, 12, 4, ':ext', 1, 'v', 2, 'Ab', 1, 'c', 0x40, 1, 'z', 0, 0, 0, 0),
    );
    expect(m).toEqual({
      method: 'GET',
      scheme: 'https',
      authority: 'x',
      path: '/',
      headers: [
        [':ext', 'v'],
        ['ab', 'c'],
      ],
      content: b('z'),
      trailers: [],
    });
    const empty = { headers: [], content: new Uint8Array(0), trailers: [] };
    expect(bhttp.decodeRequest(b(...GET_INDETERMINATE))).toEqual({
      method: 'GET',
      scheme: 'https',
      authority: 'x',
      path: '/',
      ...empty,
    });
    expect(bhttp.decodeRequest(b(...GET_INDETERMINATE, 0))).toEqual(bhttp.decodeRequest(b(...GET)));
    expect(bhttp.decodeResponse(b(3, 0x40, 101, 0, 0x41, 0x2c, 0))).toEqual({
      informational: [{ status: 101, headers: [] }],
      status: 300,
      ...empty,
    });
  });

  test('the message is a Uint8Array', () => {
    expect(() => bhttp.decodeRequest([0] as never)).toThrow(new TypeError('"message" expected Uint8Array, got object'));
    expect(() => bhttp.decodeResponse(new Uint16Array(1) as never)).toThrow(
      new TypeError('"message" expected Uint8Array, got Uint16Array'),
    );
  });

  test('a view into a larger buffer decodes its own bytes only', () => {
    const buffer = b(9, ...GET, 0, 0, 0, 9);
    expect(bhttp.decodeRequest(buffer.subarray(1, -1)).path).toBe('/');
  });
});

describe('encoding', () => {
  const base = { method: 'GET', scheme: 'https', authority: 'x', path: '/' };
  const cases: [string, () => unknown, Error][] = [
    ['no request', () => bhttp.encodeRequest(null as never), new TypeError('"request" expected object, got null')],
    [
      'a method of the wrong type',
      () => bhttp.encodeRequest({ ...base, method: 1 as never }),
      new TypeError('"method" expected string, got number'),
    ],
    [
      'a method that is not a token',
      () => bhttp.encodeRequest({ ...base, method: 'G T' }),
      new RangeError('"method" is not a token'),
    ],
    [
      'a scheme that is not a scheme',
      () => bhttp.encodeRequest({ ...base, scheme: '-x' }),
      new RangeError('"scheme" is not a URI scheme'),
    ],
    [
      'an authority with a space',
      () => bhttp.encodeRequest({ ...base, authority: 'a b' }),
      new RangeError('"authority" holds a byte outside visible ASCII'),
    ],
    [
      'a path beyond bytes',
      () => bhttp.encodeRequest({ ...base, path: '/€' }),
      new RangeError('"path" expected a byte string, got U+20AC at index 1'),
    ],
    [
      'headers not an array',
      () => bhttp.encodeRequest({ ...base, headers: 'a' as never }),
      new TypeError('"headers" expected array, got string'),
    ],
    [
      'a field that is not a pair',
      () => bhttp.encodeRequest({ ...base, headers: [['a'] as never] }),
      new TypeError('"headers[0]" expected [name, value], two strings'),
    ],
    [
      'a name that is not a token',
      () =>
        bhttp.encodeRequest({
          ...base,
          headers: [
            ['a', 'b'],
            ['a b', 'c'],
          ],
        }),
      new RangeError('"headers[1][0]" is not a token'),
    ],
    [
      'an empty name',
      () => bhttp.encodeRequest({ ...base, trailers: [['', 'c']] }),
      new RangeError('"trailers[0][0]" is empty'),
    ],
    // The Kelvin sign lowercases to "k": a name is checked as bytes before it is lowercased.
    [
      'a name beyond bytes',
      () => bhttp.encodeRequest({ ...base, headers: [['\u212a', 'v']] }),
      new RangeError('"headers[0][0]" expected a byte string, got U+212A at index 0'),
    ],
    [
      'a field named :Path',
      () => bhttp.encodeRequest({ ...base, headers: [[':Path', '/']] }),
      new RangeError('"headers[0][0]" is a pseudo-field that control data carries'),
    ],
    [
      'a pseudo-field after a regular one',
      () =>
        bhttp.encodeRequest({
          ...base,
          headers: [
            ['a', 'b'],
            [':p', 'c'],
          ],
        }),
      new RangeError('"headers[1][0]" is a pseudo-field after a regular field'),
    ],
    [
      'a pseudo-field in trailers',
      () => bhttp.encodeRequest({ ...base, trailers: [[':p', 'c']] }),
      new RangeError('"trailers[0][0]" is a pseudo-field in a trailer section'),
    ],
    [
      'a value with LF',
      () => bhttp.encodeRequest({ ...base, headers: [['a', 'b\nc']] }),
      new RangeError('"headers[0][1]" holds NUL, CR or LF'),
    ],
    [
      'a value with a trailing space',
      () => bhttp.encodeRequest({ ...base, headers: [['a', 'b ']] }),
      new RangeError('"headers[0][1]" starts or ends with whitespace'),
    ],
    [
      'content of the wrong type',
      () => bhttp.encodeRequest({ ...base, content: 'x' as never }),
      new TypeError('"content" expected Uint8Array, got string'),
    ],
    [
      'options of the wrong type',
      () => bhttp.encodeRequest(base, 1 as never),
      new TypeError('"options" expected object, got number'),
    ],
    [
      'indeterminate of the wrong type',
      () => bhttp.encodeRequest(base, { indeterminate: 1 as never }),
      new TypeError('"indeterminate" expected boolean, got number'),
    ],
    [
      'negative padding',
      () => bhttp.encodeRequest(base, { padding: -1 }),
      new RangeError('"padding" expected integer in [0, 9007199254740991], got -1'),
    ],
    [
      'fractional padding',
      () => bhttp.encodeResponse({ status: 200 }, { padding: 1.5 }),
      new RangeError('"padding" expected integer in [0, 9007199254740991], got 1.5'),
    ],
    [
      'a final status of 1xx',
      () => bhttp.encodeResponse({ status: 199 }),
      new RangeError('"status" expected integer in [200, 599], got 199'),
    ],
    [
      'a final status of 600',
      () => bhttp.encodeResponse({ status: 600 }),
      new RangeError('"status" expected integer in [200, 599], got 600'),
    ],
    [
      'an informational status of 200',
      () => bhttp.encodeResponse({ informational: [{ status: 200 }], status: 200 }),
      new RangeError('"informational[0].status" expected integer in [100, 199], got 200'),
    ],
    [
      'informational not an array',
      () => bhttp.encodeResponse({ informational: {} as never, status: 200 }),
      new TypeError('"informational" expected array, got object'),
    ],
    [
      'an informational field in trailers form',
      () => bhttp.encodeResponse({ informational: [{ status: 103, headers: [['A', '\0']] }], status: 200 }),
      new RangeError('"informational[0].headers[0][1]" holds NUL, CR or LF'),
    ],
  ];

  test.each(cases)('%s', (_, encode, error) => {
    expect(encode).toThrow(error);
    try {
      encode();
    } catch (e) {
      expect((e as Error).constructor).toBe(error.constructor);
    }
  });

  test('field names are lowercased; every part present, no truncation', () => {
    const encoded = bhttp.encodeRequest({ ...base, headers: [['Content-Type', 'text/plain']] });
    expect(bhttp.decodeRequest(encoded).headers).toEqual([['content-type', 'text/plain']]);
    expect([...encoded.subarray(-2)]).toEqual([0, 0]);
    expect([...bhttp.encodeResponse({ status: 200 })]).toEqual([1, 0x40, 200, 0, 0, 0]);
    expect([...bhttp.encodeResponse({ status: 200 }, { indeterminate: true, padding: 2 })]).toEqual([
      3, 0x40, 200, 0, 0, 0, 0, 0,
    ]);
  });
});
