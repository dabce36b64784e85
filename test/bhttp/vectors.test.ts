// RFC 9292 §5 examples (../shared/vectors/bhttp/rfc9292-examples.json), byte for byte both ways:
// each decodes to the structure the file gives, and encoding that structure in the example's
// framing, with its padding, gives the example's bytes. Then the truncations §5.1 allows, and the
// truncated messages of RFC 9458 Appendix A.
import { describe, expect, test } from 'vitest';
import { bhttp, BhttpError, type BhttpRequest, type BhttpResponse, type Field } from 'oblivia';
import { hex, readJsonVector, unhex } from '../helpers.js';

interface Decoded {
  framing_indicator: 0 | 1 | 2 | 3;
  kind: 'request' | 'response';
  method?: string;
  scheme?: string;
  authority?: string;
  path?: string;
  informational?: { status: number; fields: Field[] }[];
  status?: number;
  header_fields: Field[];
  content: string;
  trailer_fields: Field[];
  padding_length: number;
}

interface Example {
  figure_title: string;
  hex: string;
  decoded: Decoded;
}

const FILE = readJsonVector('bhttp/rfc9292-examples.json');
const EXAMPLES: Example[] = [
  FILE.request_example.known_length,
  FILE.request_example.indeterminate_length,
  FILE.response_example.indeterminate_length,
  FILE.chunked_response_example.known_length,
];
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every object of the file that holds an encoded example. */
function examplesIn(value: unknown): Example[] {
  if (typeof value !== 'object' || value === null) return [];
  if ('hex' in value && 'decoded' in value) return [value as Example];
  return Object.values(value).flatMap(examplesIn);
}

test('all four examples of RFC 9292 §5 are here, and the file has no other', () => {
  expect(examplesIn(FILE)).toEqual(EXAMPLES);
  expect(EXAMPLES.map((e) => e.figure_title)).toEqual([
    'Known-Length Binary Encoding of Request',
    'Indeterminate-Length Binary Encoding of Request',
    'Binary Response, including Informational Responses',
    'Known-Length Encoding of Response',
  ]);
});

describe.each(EXAMPLES)('$figure_title', ({ hex: encoded, decoded: d }) => {
  const options = { indeterminate: d.framing_indicator >= 2, padding: d.padding_length };

  test('decodes to the structure of the example', () => {
    const common = { headers: d.header_fields, trailers: d.trailer_fields };
    if (d.kind === 'request') {
      const m: BhttpRequest = bhttp.decodeRequest(unhex(encoded));
      expect({ ...m, content: text(m.content) }).toEqual({
        method: d.method,
        scheme: d.scheme,
        authority: d.authority,
        path: d.path,
        ...common,
        content: d.content,
      });
    } else {
      const m: BhttpResponse = bhttp.decodeResponse(unhex(encoded));
      const informational = d.informational!.map(({ status, fields }) => ({ status, headers: fields }));
      expect({ ...m, content: text(m.content) }).toEqual({
        informational,
        status: d.status,
        ...common,
        content: d.content,
      });
    }
  });

  test('encodes to the bytes of the example', () => {
    const content = new TextEncoder().encode(d.content);
    const common = { headers: d.header_fields, content, trailers: d.trailer_fields };
    const bytes =
      d.kind === 'request'
        ? bhttp.encodeRequest(
            { method: d.method!, scheme: d.scheme!, authority: d.authority!, path: d.path!, ...common },
            options,
          )
        : bhttp.encodeResponse(
            {
              informational: d.informational!.map(({ status, fields }) => ({ status, headers: fields })),
              status: d.status!,
              ...common,
            },
            options,
          );
    expect(hex(bytes)).toBe(encoded);
  });
});

describe('truncation (RFC 9292 §3.8, §5.1)', () => {
  const [known, indeterminate] = EXAMPLES as [Example, Example];
  const original = bhttp.decodeRequest(unhex(known.hex));

  test('the known-length request loses its last two bytes (content, trailers) without changing meaning', () => {
    for (const cut of [1, 2]) expect(bhttp.decodeRequest(unhex(known.hex).subarray(0, -cut))).toEqual(original);
    expect(() => bhttp.decodeRequest(unhex(known.hex).subarray(0, -3))).toThrow(BhttpError);
  });

  test('the indeterminate-length request loses up to 12 bytes (padding, terminators) without changing meaning', () => {
    for (let cut = 1; cut <= 12; cut++)
      expect(bhttp.decodeRequest(unhex(indeterminate.hex).subarray(0, -cut))).toEqual(original);
    expect(() => bhttp.decodeRequest(unhex(indeterminate.hex).subarray(0, -13))).toThrow(
      new BhttpError('TRUNCATED', 'the message ends before the terminator of the header section'),
    );
  });

  test('RFC 9458 Appendix A: a request and a response that end after their control data', () => {
    const { request_bhttp_hex: request, response_bhttp_hex: response } = readJsonVector(
      'ohttp/rfc9458-appendix-a.json',
    );
    const empty = { headers: [], content: new Uint8Array(0), trailers: [] };
    expect(bhttp.decodeRequest(unhex(request))).toEqual({
      method: 'GET',
      scheme: 'https',
      authority: 'example.com',
      path: '/',
      ...empty,
    });
    expect(bhttp.decodeResponse(unhex(response))).toEqual({ informational: [], status: 200, ...empty });
  });
});
