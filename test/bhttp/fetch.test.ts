// Conversion to and from the Fetch API: round trips of random messages that Fetch can represent,
// the RFC 9292 §5 examples as a Request and Responses, what is dropped (1xx responses, trailers,
// connection-specific fields, Host) or combined (Cookie), and what is refused, with its message.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bhttp, BhttpError, type BhttpRequest, type BhttpResponse, type Field } from 'oblivia';
import { readJsonVector, unhex } from '../helpers.js';
import { fieldValue, RUNS } from './arbitraries.js';

const EMPTY = new Uint8Array(0);
const request = (m: Partial<BhttpRequest>): BhttpRequest => ({
  method: 'GET',
  scheme: 'https',
  authority: 'a.example',
  path: '/',
  headers: [],
  content: EMPTY,
  trailers: [],
  ...m,
});
const response = (m: Partial<BhttpResponse>): BhttpResponse => ({
  informational: [],
  status: 200,
  headers: [],
  content: EMPTY,
  trailers: [],
  ...m,
});
/** The lines of Fetch Headers (lib.dom here has no Headers iterator). */
function lines(headers: Headers): Field[] {
  const out: Field[] = [];
  headers.forEach((value, name) => out.push([name, value]));
  return out;
}
const sorted = (fields: Field[]) => [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// What Fetch carries unchanged: lowercase unique names that are not Host, Cookie or connection-specific.
const SPECIAL = [
  'host',
  'cookie',
  'set-cookie',
  'connection',
  'proxy-connection',
  'keep-alive',
  'te',
  'transfer-encoding',
  'upgrade',
];
const name = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_.!'), minLength: 1, maxLength: 10 })
  .filter((n) => !SPECIAL.includes(n));
const fields = fc.uniqueArray(fc.tuple(name, fieldValue), { selector: ([n]) => n, maxLength: 6 }).map(sorted);
const segment = fc
  .string({ unit: fc.constantFrom(...'abcxyz019-_~%2F'), maxLength: 6 })
  .filter((s) => !/%(?![0-9A-F]{2})/.test(s));
const path = fc
  .tuple(
    fc.array(segment, { maxLength: 4 }),
    fc.option(fc.string({ unit: fc.constantFrom(...'abc=&19'), maxLength: 8 }), { nil: undefined }),
  )
  .map(([segments, query]) => `/${segments.join('/')}${query === undefined ? '' : `?${query}`}`);
const authority = fc
  .tuple(
    fc.constantFrom('a.example', 'b.c.example', '127.0.0.1', '[::1]'),
    fc.option(fc.integer({ min: 1000, max: 9999 }), { nil: undefined }),
  )
  .map(([host, port]) => (port === undefined ? host : `${host}:${port}`));

const fetchableRequest = fc
  .record({
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'QUERY'),
    scheme: fc.constantFrom('https', 'http'),
    authority,
    path,
    headers: fields,
    content: fc.uint8Array({ maxLength: 64 }),
  })
  .map((m) => request({ ...m, content: m.method === 'GET' || m.method === 'HEAD' ? EMPTY : m.content }));

const fetchableResponse = fc
  .record({ status: fc.integer({ min: 200, max: 599 }), headers: fields, content: fc.uint8Array({ maxLength: 64 }) })
  .map((m) => response({ ...m, content: [204, 205, 304].includes(m.status) ? EMPTY : m.content }));

describe('round trips', () => {
  test('BhttpRequest → Request → BhttpRequest', async () => {
    await fc.assert(
      fc.asyncProperty(fetchableRequest, async (m) => {
        const back = await bhttp.bhttpFromRequest(bhttp.requestFromBhttp(m));
        expect(back).toEqual(m);
      }),
      { numRuns: RUNS },
    );
  });

  test('BhttpResponse → Response → BhttpResponse', async () => {
    await fc.assert(
      fc.asyncProperty(fetchableResponse, async (m) => {
        expect(await bhttp.bhttpFromResponse(bhttp.responseFromBhttp(m))).toEqual(m);
      }),
      { numRuns: RUNS },
    );
  });

  test('Request → encoded, either framing → Request', async () => {
    const original = new Request('https://a.example:8443/p/q?r=1#fragment', {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Id', '7'],
        ['Accept', '*/*'],
      ],
      body: '{"a":1}',
    });
    for (const indeterminate of [false, true]) {
      const encoded = bhttp.encodeRequest(await bhttp.bhttpFromRequest(original.clone()), {
        indeterminate,
        padding: 5,
      });
      const copy = bhttp.requestFromBhttp(bhttp.decodeRequest(encoded));
      expect(copy.url).toBe('https://a.example:8443/p/q?r=1');
      expect(copy.method).toBe('POST');
      expect(lines(copy.headers)).toEqual(lines(original.headers));
      expect(await copy.text()).toBe('{"a":1}');
    }
  });
});

describe('the RFC 9292 §5 examples', () => {
  const v = readJsonVector('bhttp/rfc9292-examples.json');

  test('the request: authority from Host, which is not a Fetch header', () => {
    const r = bhttp.requestFromBhttp(bhttp.decodeRequest(unhex(v.request_example.known_length.hex)));
    expect(r.url).toBe('https://www.example.com/hello.txt');
    expect(r.method).toBe('GET');
    expect(lines(r.headers)).toEqual([
      ['accept-language', 'en, mi'],
      ['user-agent', 'curl/7.16.3 libcurl/7.16.3 OpenSSL/0.9.7l zlib/1.2.3'],
    ]);
  });

  test('the response with 102 and 103: the final response only', async () => {
    const r = bhttp.responseFromBhttp(bhttp.decodeResponse(unhex(v.response_example.indeterminate_length.hex)));
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"34aa387-d-1568eb00"');
    expect(r.headers.get('link')).toBeNull();
    expect(await r.text()).toBe('Hello World! My content includes a trailing CRLF.\r\n');
  });

  test('the chunked response: content without its trailers', async () => {
    const r = bhttp.responseFromBhttp(bhttp.decodeResponse(unhex(v.chunked_response_example.known_length.hex)));
    expect(lines(r.headers)).toEqual([]);
    expect(await r.text()).toBe('This content contains CRLF.\r\n');
  });
});

describe('dropped and combined', () => {
  const connection: Field[] = [
    ['connection', 'close, X-Hop'],
    ['x-hop', '1'],
    ['keep-alive', '5'],
    ['proxy-connection', 'keep-alive'],
    ['te', 'trailers'],
    ['transfer-encoding', 'chunked'],
    ['upgrade', 'h2c'],
    ['x-kept', '1'],
  ];

  test('connection-specific fields (RFC 9110 §7.6.1), both ways', async () => {
    expect(lines(bhttp.requestFromBhttp(request({ headers: connection })).headers)).toEqual([['x-kept', '1']]);
    expect(lines(bhttp.responseFromBhttp(response({ headers: connection })).headers)).toEqual([['x-kept', '1']]);
    const fetched = new Request('https://a.example/', { headers: connection as [string, string][] });
    expect((await bhttp.bhttpFromRequest(fetched)).headers).toEqual([['x-kept', '1']]);
    expect(
      (await bhttp.bhttpFromResponse(new Response(null, { headers: connection as [string, string][] }))).headers,
    ).toEqual([['x-kept', '1']]);
  });

  test('Cookie lines joined with "; " (RFC 9292 §3.6)', () => {
    const r = bhttp.requestFromBhttp(
      request({
        headers: [
          ['cookie', 'a=1'],
          ['x', 'y'],
          ['cookie', 'b=2'],
        ],
      }),
    );
    expect(r.headers.get('cookie')).toBe('a=1; b=2');
  });

  test('Set-Cookie lines kept apart', async () => {
    const m = response({
      headers: [
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
      ],
    });
    expect(bhttp.responseFromBhttp(m).headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await bhttp.bhttpFromResponse(bhttp.responseFromBhttp(m))).toEqual(m);
  });

  test('trailers and informational responses', async () => {
    const m = response({
      informational: [{ status: 103, headers: [['link', '</a>']] }],
      content: Uint8Array.of(1),
      trailers: [['x-t', '1']],
    });
    const r = bhttp.responseFromBhttp(m);
    expect(lines(r.headers)).toEqual([]);
    expect(await bhttp.bhttpFromResponse(r)).toEqual(response({ content: Uint8Array.of(1) }));
  });

  test('Host and the fragment of a Request; an authority given by Host alone', async () => {
    const m = await bhttp.bhttpFromRequest(
      new Request('https://a.example/p#f', { headers: { host: 'other.example', x: '1' } }),
    );
    expect(m).toEqual(request({ path: '/p', headers: [['x', '1']] }));
    expect(bhttp.requestFromBhttp(request({ authority: '', headers: [['host', 'B.example:81']] })).url).toBe(
      'https://b.example:81/',
    );
    expect(bhttp.requestFromBhttp(request({ headers: [['host', 'A.EXAMPLE']] })).headers.has('host')).toBe(false);
  });
});

describe('refused', () => {
  const cases: [string, () => unknown, string][] = [
    [
      'CONNECT',
      () => bhttp.requestFromBhttp(request({ method: 'CONNECT', scheme: '', path: '' })),
      'the method is CONNECT, TRACE or TRACK, which Fetch forbids',
    ],
    [
      'trace',
      () => bhttp.requestFromBhttp(request({ method: 'trace' })),
      'the method is CONNECT, TRACE or TRACK, which Fetch forbids',
    ],
    [
      'GET with content',
      () => bhttp.requestFromBhttp(request({ content: Uint8Array.of(1) })),
      'a GET or HEAD request has content, which Fetch forbids',
    ],
    [
      'HEAD with content',
      () => bhttp.requestFromBhttp(request({ method: 'HEAD', content: Uint8Array.of(1) })),
      'a GET or HEAD request has content, which Fetch forbids',
    ],
    ['scheme ftp', () => bhttp.requestFromBhttp(request({ scheme: 'ftp' })), 'the scheme is neither http nor https'],
    [
      'no authority',
      () => bhttp.requestFromBhttp(request({ authority: '' })),
      'the request has neither an authority nor a Host field',
    ],
    [
      'two Host fields',
      () =>
        bhttp.requestFromBhttp(
          request({
            headers: [
              ['host', 'a.example'],
              ['host', 'a.example'],
            ],
          }),
        ),
      'the request has more than one Host field',
    ],
    [
      'Host differing from the authority',
      () => bhttp.requestFromBhttp(request({ headers: [['host', 'b.example']] })),
      'the Host field differs from the authority',
    ],
    [
      'userinfo',
      () => bhttp.requestFromBhttp(request({ authority: 'u@a.example' })),
      'the authority is not a host and port',
    ],
    [
      'a Host with a space',
      () => bhttp.requestFromBhttp(request({ authority: '', headers: [['host', 'a b']] })),
      'the authority is not a host and port',
    ],
    [
      'a bad port',
      () => bhttp.requestFromBhttp(request({ authority: 'a.example:99999' })),
      'the scheme, authority and path do not form a URL',
    ],
    [
      'asterisk form',
      () => bhttp.requestFromBhttp(request({ method: 'OPTIONS', path: '*' })),
      'the path is not an absolute path and query',
    ],
    [
      'a fragment',
      () => bhttp.requestFromBhttp(request({ path: '/#f' })),
      'the path is not an absolute path and query',
    ],
    [
      'a pseudo-field',
      () => bhttp.requestFromBhttp(request({ headers: [[':protocol', 'websocket']] })),
      'a pseudo-field has no Fetch form',
    ],
    [
      'a 204 with content',
      () => bhttp.responseFromBhttp(response({ status: 204, content: Uint8Array.of(1) })),
      'a 204, 205 or 304 response has content, which Fetch forbids',
    ],
    [
      'a 304 with content',
      () => bhttp.responseFromBhttp(response({ status: 304, content: Uint8Array.of(1) })),
      'a 204, 205 or 304 response has content, which Fetch forbids',
    ],
  ];

  test.each(cases)('%s', (_, convert, message) => {
    expect(convert).toThrow(new BhttpError('UNSUPPORTED', message));
    expect(convert).toThrow(BhttpError);
  });

  test('a network error Response, a data: Request', async () => {
    await expect(bhttp.bhttpFromResponse(Response.error())).rejects.toThrow(
      new BhttpError('UNSUPPORTED', 'the Response has no status: a network error or an opaque response'),
    );
    await expect(bhttp.bhttpFromRequest(new Request('data:,x'))).rejects.toThrow(
      new BhttpError('UNSUPPORTED', 'the scheme is neither http nor https'),
    );
  });

  test('arguments of the wrong type', async () => {
    await expect(bhttp.bhttpFromRequest('https://a.example/' as never)).rejects.toThrow(
      new TypeError('"request" expected Request, got string'),
    );
    await expect(bhttp.bhttpFromResponse(null as never)).rejects.toThrow(
      new TypeError('"response" expected Response, got null'),
    );
  });
});
