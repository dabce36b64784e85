// Binary HTTP floods and leaks: the decoder's limits on field lines, field-section bytes and
// informational responses fire at the limit, before the rest of the message is read (a message
// over the limit and then cut short or garbled gets the limit's error, not the later one); a
// flood of content chunks decodes with no object per chunk; the gateway answers a field flood
// with 431 inside the encapsulation and keeps serving; the client refuses a flooded response;
// and no BhttpError message repeats anything a message says.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  hpke,
  bhttp,
  BhttpError,
  ohttp,
  type BhttpRequest,
  type DecodeOptions,
  type Field,
  type GatewayOptions,
  type Handler,
  type LogEntry,
} from 'oblivia';
import { hex } from '../helpers.js';
import { optionsArb, requestArb, responseArb, RUNS, smallContent } from '../bhttp/arbitraries.js';

type Part = Uint8Array | readonly number[] | string;

/** Bytes from byte arrays, numbers' arrays and ASCII strings. */
function cat(...parts: Part[]): Uint8Array {
  const arrays = parts.map((p) =>
    typeof p === 'string' ? Uint8Array.from(p, (c) => c.charCodeAt(0)) : Uint8Array.from(p),
  );
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  arrays.reduce((at, a) => (out.set(a, at), at + a.length), 0);
  return out;
}

/** A variable-length integer (RFC 9000 §16) in its shortest form, below 2^30. */
function varint(n: number): number[] {
  if (n < 0x40) return [n];
  if (n < 0x4000) return [0x40 | (n >> 8), n & 0xff];
  return [0x80 | (n >>> 24), (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** `count` field lines "a" with an empty value: 3 bytes each. */
function lines(count: number): Uint8Array {
  const out = new Uint8Array(3 * count);
  for (let i = 0; i < count; i++) [out[3 * i], out[3 * i + 1]] = [1, 0x61];
  return out;
}

/** `bytes` `count` times over. */
function repeat(bytes: readonly number[], count: number): Uint8Array {
  const out = new Uint8Array(bytes.length * count);
  for (let i = 0; i < count; i++) out.set(bytes, i * bytes.length);
  return out;
}

/** One field line "a" whose value is `length` bytes "v". */
const line = (length: number) => cat([1, 0x61], varint(length), 'v'.repeat(length));

/** Control data of GET https://x/ after the framing indicator: bytes 1–14. */
const CONTROL = cat([3], 'GET', [5], 'https', [1], 'x', [1], '/');
/** A known-length request with these header (and trailer) field lines; its lines start at byte 15 + the length's size. */
const known = (headers: Uint8Array, trailers: Uint8Array = new Uint8Array(0)) =>
  cat([0], CONTROL, varint(headers.length), headers, [0], varint(trailers.length), trailers);
/** An indeterminate-length request; its header lines start at byte 15. */
const indeterminate = (headers: Uint8Array, trailers: Uint8Array = new Uint8Array(0)) =>
  cat([2], CONTROL, headers, [0], [0], trailers, [0]);

/** `count` decoded field lines "a" with an empty value. */
const fieldsA = (count: number): Field[] => Array.from({ length: count }, () => ['a', ''] as const);
/** GET https://x/ decoded, with these sections. */
const request = (headers: Field[], trailers: Field[] = []): BhttpRequest => ({
  method: 'GET',
  scheme: 'https',
  authority: 'x',
  path: '/',
  headers,
  content: new Uint8Array(0),
  trailers,
});

/** The code and message of the BhttpError `run` throws (anything else fails the test). */
function refusal(run: () => unknown): { code: BhttpError['code']; message: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof BhttpError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a BhttpError');
}

describe('field lines per section', () => {
  test('250,000 one-byte fields, known-length: refused by the section size before any line is read', () => {
    const flood = known(lines(250_000));
    expect(refusal(() => bhttp.decodeRequest(flood))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 19 is longer than 16384 bytes',
    });
    // With room for the bytes, the line count stops it.
    expect(refusal(() => bhttp.decodeRequest(flood, { maxFieldSectionBytes: 1 << 20 }))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 19 has more than 128 field lines',
    });
  });

  test('250,000 one-byte fields, indeterminate-length: refused at line 129', () => {
    expect(refusal(() => bhttp.decodeRequest(indeterminate(lines(250_000))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 15 has more than 128 field lines',
    });
  });

  test('exactly 128 lines in the header and trailer sections: accepted in both framings', () => {
    const expected = request(fieldsA(128), fieldsA(128));
    expect(bhttp.decodeRequest(known(lines(128), lines(128)))).toEqual(expected);
    expect(bhttp.decodeRequest(indeterminate(lines(128), lines(128)))).toEqual(expected);
  });

  test('129 trailer lines: refused in both framings', () => {
    expect(refusal(() => bhttp.decodeRequest(known(lines(0), lines(129))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the trailer section at byte 19 has more than 128 field lines',
    });
    expect(refusal(() => bhttp.decodeRequest(indeterminate(lines(0), lines(129))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the trailer section at byte 17 has more than 128 field lines',
    });
  });

  test('the decoder stops at line 129: what follows is not read', () => {
    // Cut short right after line 129's name length: the limit, not TRUNCATED.
    expect(refusal(() => bhttp.decodeRequest(cat([2], CONTROL, lines(128), [1])))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 15 has more than 128 field lines',
    });
    expect(refusal(() => bhttp.decodeRequest(cat([2], CONTROL, lines(127), [1])))).toEqual({
      code: 'TRUNCATED',
      message: 'the field name at byte 397 of length 1 runs past the end of the message (0 bytes left)',
    });
    // A name length of 2^62 − 1 as line 129.
    expect(
      refusal(() =>
        bhttp.decodeRequest(cat([2], CONTROL, lines(128), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
      ),
    ).toMatchObject({ code: 'FIELDS_TOO_LARGE' });
    // An invalid line 129 in a known-length section: the limit, not INVALID_FIELD.
    const garbage = [3, 0x20, 0, 0];
    expect(refusal(() => bhttp.decodeRequest(known(cat(lines(128), garbage))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 17 has more than 128 field lines',
    });
    expect(refusal(() => bhttp.decodeRequest(known(cat(lines(127), garbage))))).toEqual({
      code: 'INVALID_FIELD',
      message: 'the field name at byte 399 is not a token',
    });
  });
});

describe('bytes per section', () => {
  // A line of a 16,380-byte value is 1 + 1 + 2 + 16,380 = 16,384 bytes. A known-length section's
  // length of 16,384 or more takes 4 bytes, so its lines start at byte 19.
  test('exactly 16,384 bytes: accepted in both framings', () => {
    const expected = request([['a', 'v'.repeat(16_380)]]);
    expect(bhttp.decodeRequest(known(line(16_380)))).toEqual(expected);
    expect(bhttp.decodeRequest(indeterminate(line(16_380)))).toEqual(expected);
  });

  test('16,385 bytes: refused in both framings, over one line or several', () => {
    expect(refusal(() => bhttp.decodeRequest(known(line(16_381))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 19 is longer than 16384 bytes',
    });
    expect(refusal(() => bhttp.decodeRequest(indeterminate(line(16_381))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 15 is longer than 16384 bytes',
    });
    const two = cat(line(8_188), line(8_189)); // 8,192 + 8,193
    expect(refusal(() => bhttp.decodeRequest(known(two)))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 19 is longer than 16384 bytes',
    });
    expect(refusal(() => bhttp.decodeRequest(indeterminate(two)))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 15 is longer than 16384 bytes',
    });
  });

  test('the decoder stops at the declared length: the bytes past the limit are not read', () => {
    // A known-length section's length over the limit, in a message that ends right after it.
    expect(refusal(() => bhttp.decodeRequest(cat([0], CONTROL, varint(16_385))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 19 is longer than 16384 bytes',
    });
    expect(refusal(() => bhttp.decodeRequest(cat([0], CONTROL, varint(16_384))))).toEqual({
      code: 'TRUNCATED',
      message: 'the header section at byte 19 of length 16384 runs past the end of the message (0 bytes left)',
    });
    // An indeterminate-length value's length over the limit, and nothing after it.
    expect(refusal(() => bhttp.decodeRequest(cat([2], CONTROL, [1, 0x61], varint(16_381))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 15 is longer than 16384 bytes',
    });
    expect(refusal(() => bhttp.decodeRequest(cat([2], CONTROL, [1, 0x61], varint(16_380))))).toEqual({
      code: 'TRUNCATED',
      message: 'the field value at byte 19 of length 16380 runs past the end of the message (0 bytes left)',
    });
  });
});

describe('responses', () => {
  const final = [0x40, 200];
  test('the informational and trailer sections of a response have the same limits', () => {
    const section = (n: number) => cat(varint(3 * n), lines(n));
    expect(
      bhttp.decodeResponse(cat([1], [0x40, 103], section(128), final, section(128), [0], section(128)))
        .informational[0]!.headers,
    ).toHaveLength(128);
    expect(refusal(() => bhttp.decodeResponse(cat([1], [0x40, 103], section(129), final, [0, 0, 0])))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the informational header section at byte 5 has more than 128 field lines',
    });
    expect(refusal(() => bhttp.decodeResponse(cat([3], [0x40, 103], lines(129), [0], final, [0, 0, 0])))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the informational header section at byte 3 has more than 128 field lines',
    });
    expect(refusal(() => bhttp.decodeResponse(cat([1], final, [0, 0], varint(16_385))))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the trailer section at byte 9 is longer than 16384 bytes',
    });
  });

  test('16 informational responses are accepted; a 17th is refused before its section is read', () => {
    const interim = [0x40, 103, 0]; // 103 with an empty known-length section
    expect(bhttp.decodeResponse(cat([1], repeat(interim, 16), final)).informational).toHaveLength(16);
    expect(refusal(() => bhttp.decodeResponse(cat([1], repeat(interim, 17), final)))).toEqual({
      code: 'TOO_MANY_INFORMATIONAL',
      message: 'the response has more than 16 informational responses',
    });
    // A flood of 300,000, and a 17th whose section runs past the end.
    expect(refusal(() => bhttp.decodeResponse(cat([1], repeat(interim, 300_000), final)))).toMatchObject({
      code: 'TOO_MANY_INFORMATIONAL',
    });
    expect(refusal(() => bhttp.decodeResponse(cat([1], repeat(interim, 16), [0x40, 103, 0x3f])))).toMatchObject({
      code: 'TOO_MANY_INFORMATIONAL',
    });
    expect(refusal(() => bhttp.decodeResponse(cat([1], repeat(interim, 15), [0x40, 103, 0x3f])))).toEqual({
      code: 'TRUNCATED',
      message:
        'the informational header section at byte 49 of length 63 runs past the end of the message (0 bytes left)',
    });
  });
});

describe('content chunks', () => {
  test('500,000 one-byte chunks decode to their content (checked, then copied: no object per chunk)', () => {
    const count = 500_000;
    const chunks = new Uint8Array(2 * count);
    for (let i = 0; i < count; i++) [chunks[2 * i], chunks[2 * i + 1]] = [1, i & 0xff];
    const content = Uint8Array.from({ length: count }, (_, i) => i & 0xff);
    expect(hex(bhttp.decodeRequest(cat([2], CONTROL, [0], chunks, [0], [0])).content)).toBe(hex(content));
    // A flood that ends before its terminator allocates nothing and is TRUNCATED.
    expect(refusal(() => bhttp.decodeRequest(cat([2], CONTROL, [0], chunks)))).toEqual({
      code: 'TRUNCATED',
      message: 'the message ends before the terminator of the content',
    });
  });

  test('chunks of every size around the copy threshold', () => {
    const sizes = [1, 63, 64, 65, 66, 200];
    const parts = sizes.map((n, k) =>
      cat(
        varint(n),
        Uint8Array.from({ length: n }, (_, i) => (i + k) & 0xff),
      ),
    );
    const content = cat(...sizes.map((n, k) => Uint8Array.from({ length: n }, (_, i) => (i + k) & 0xff)));
    expect(bhttp.decodeRequest(cat([2], CONTROL, [0], ...parts, [0], [0])).content).toEqual(content);
  });
});

describe('options', () => {
  test('custom limits are honoured', () => {
    const options: DecodeOptions = { maxFieldLines: 2, maxFieldSectionBytes: 10, maxInformationalResponses: 1 };
    expect(bhttp.decodeRequest(known(lines(2)), options).headers).toHaveLength(2);
    expect(refusal(() => bhttp.decodeRequest(known(lines(3)), options))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 16 has more than 2 field lines',
    });
    expect(bhttp.decodeRequest(indeterminate(line(7)), options).headers).toEqual([['a', 'vvvvvvv']]);
    expect(refusal(() => bhttp.decodeRequest(indeterminate(line(8)), options))).toEqual({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 15 is longer than 10 bytes',
    });
    expect(refusal(() => bhttp.decodeResponse(cat([1], [0x40, 100, 0, 0x40, 103, 0, 0x40, 200]), options))).toEqual({
      code: 'TOO_MANY_INFORMATIONAL',
      message: 'the response has more than 1 informational responses',
    });
    // Raised above the defaults.
    expect(bhttp.decodeRequest(indeterminate(lines(1000)), { maxFieldLines: 1000 }).headers).toHaveLength(1000);
    expect(bhttp.decodeRequest(known(line(20_000)), { maxFieldSectionBytes: 20_006 }).headers[0]![1]).toHaveLength(
      20_000,
    );
    expect(
      bhttp.decodeResponse(cat([1], repeat([0x40, 103, 0], 20), [0x40, 200]), { maxInformationalResponses: 20 })
        .informational,
    ).toHaveLength(20);
    // An undefined limit is the default.
    expect(bhttp.decodeRequest(known(lines(128)), { maxFieldLines: undefined }).headers).toHaveLength(128);
  });

  test('bad limits: TypeError or RangeError naming the option', () => {
    const message = known(lines(1));
    const cases: [unknown, Error][] = [
      [null, new TypeError('"options" expected object, got null')],
      [5, new TypeError('"options" expected object, got number')],
      [{ maxFieldLines: 0 }, new RangeError('"maxFieldLines" expected integer in [1, 9007199254740991], got 0')],
      [{ maxFieldLines: -1 }, new RangeError('"maxFieldLines" expected integer in [1, 9007199254740991], got -1')],
      [{ maxFieldLines: 1.5 }, new RangeError('"maxFieldLines" expected integer in [1, 9007199254740991], got 1.5')],
      [{ maxFieldLines: NaN }, new RangeError('"maxFieldLines" expected integer in [1, 9007199254740991], got NaN')],
      [{ maxFieldLines: '128' }, new TypeError('"maxFieldLines" expected integer, got string')],
      [
        { maxFieldSectionBytes: 2 ** 53 },
        new RangeError('"maxFieldSectionBytes" expected integer in [1, 9007199254740991], got 9007199254740992'),
      ],
      [
        { maxFieldSectionBytes: Infinity },
        new RangeError('"maxFieldSectionBytes" expected integer in [1, 9007199254740991], got Infinity'),
      ],
      [
        { maxInformationalResponses: 0 },
        new RangeError('"maxInformationalResponses" expected integer in [1, 9007199254740991], got 0'),
      ],
      [{ maxInformationalResponses: null }, new TypeError('"maxInformationalResponses" expected integer, got null')],
    ];
    for (const [options, error] of cases) {
      for (const decode of [
        () => bhttp.decodeRequest(message, options as never),
        () => bhttp.decodeResponse(cat([1, 0x40, 200]), options as never),
      ]) {
        expect(decode).toThrow(error);
        expect(decode).toThrow(error.constructor as ErrorConstructor);
      }
    }
  });
});

describe('the gateway', () => {
  const key = ohttp.generateKeyConfig(7, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
  const target: Handler = async (r) => new Response(`served ${new URL(r.url).pathname}`);

  function setup(options: Partial<GatewayOptions> = {}) {
    const logs: LogEntry[] = [];
    let forwarded = 0;
    const gateway = ohttp.gateway({
      keys: [key],
      target: async (r) => (forwarded++, target(r)),
      log: (entry) => logs.push(entry),
      ...options,
    });
    /** The outer status and the decapsulated Binary HTTP response to `message`. */
    async function send(message: Uint8Array): Promise<{ status: number; inner: Uint8Array }> {
      const { encapsulatedRequest, context } = ohttp.encapsulateRequest(config, message);
      const body = encapsulatedRequest as Uint8Array<ArrayBuffer>;
      const response = await gateway(
        new Request('http://gateway.test/', {
          method: 'POST',
          headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
          body,
        }),
      );
      return {
        status: response.status,
        inner: context.decapsulateResponse(new Uint8Array(await response.arrayBuffer())),
      };
    }
    return { send, logs, forwarded: () => forwarded };
  }

  // The gateway pads every answer with zeros to a multiple of 512 bytes (RFC 9292 §3.8, padTo).
  const padded = (bytes: number[]) => [...bytes, ...new Array<number>(512 - bytes.length).fill(0)];
  const STATUS_431 = padded([1, 0x41, 0xaf, 0, 0, 0]);
  const STATUS_400 = padded([1, 0x41, 0x90, 0, 0, 0]);

  test('a field flood is answered 431 inside the encapsulation, not forwarded; a valid request after it is served', async () => {
    const { send, logs, forwarded } = setup();
    for (const flood of [known(lines(250_000)), indeterminate(lines(250_000))]) {
      const { status, inner } = await send(flood);
      expect(status).toBe(200);
      expect([...inner]).toEqual(STATUS_431);
    }
    expect(logs.map((l) => [l.event, l.status, l.error])).toEqual([
      ['served', 200, 'FIELDS_TOO_LARGE'],
      ['served', 200, 'FIELDS_TOO_LARGE'],
    ]);
    expect(forwarded()).toBe(0);
    const { status, inner } = await send(known(lines(128)));
    expect(status).toBe(200);
    expect(bhttp.decodeResponse(inner)).toMatchObject({ status: 200, content: new TextEncoder().encode('served /') });
    expect(forwarded()).toBe(1);
    expect(logs.at(-1)!.error).toBeUndefined();
  });

  test('other Binary HTTP errors stay 400', async () => {
    const { send, logs } = setup();
    const { inner } = await send(known(cat([1, 0x20, 0])));
    expect([...inner]).toEqual(STATUS_400);
    expect(logs.at(-1)!.error).toBe('INVALID_FIELD');
  });

  test('its options set the limits', async () => {
    const { send, forwarded } = setup({ maxFieldLines: 4, maxFieldSectionBytes: 64 });
    expect(bhttp.decodeResponse((await send(indeterminate(lines(4)))).inner).status).toBe(200);
    expect([...(await send(indeterminate(lines(5)))).inner]).toEqual(STATUS_431);
    expect([...(await send(known(line(62)))).inner]).toEqual(STATUS_431);
    expect(bhttp.decodeResponse((await send(known(line(61)))).inner).status).toBe(200);
    expect(forwarded()).toBe(2);
    const raised = setup({ maxFieldLines: 300 });
    expect(bhttp.decodeResponse((await raised.send(indeterminate(lines(300)))).inner).status).toBe(200);
  });

  test('bad limit options', () => {
    for (const [options, message] of [
      [{ maxFieldLines: 0 }, '"options.maxFieldLines" expected a positive integer, got 0'],
      [{ maxFieldLines: 2.5 }, '"options.maxFieldLines" expected a positive integer, got 2.5'],
      [{ maxFieldSectionBytes: -1 }, '"options.maxFieldSectionBytes" expected a positive integer, got -1'],
      [{ maxFieldSectionBytes: NaN }, '"options.maxFieldSectionBytes" expected a positive integer, got NaN'],
    ] as const) {
      expect(() => ohttp.gateway({ keys: [key], target, ...options })).toThrow(new RangeError(message));
      expect(() => ohttp.client({ relay: target, keys: [config], ...options })).toThrow(new RangeError(message));
    }
  });

  test('the log passes the new codes', () => {
    const entries: LogEntry[] = [];
    const log = ohttp.logger((l) => entries.push(l));
    log({ hop: 'gateway', event: 'served', error: 'FIELDS_TOO_LARGE' });
    log({ hop: 'client', event: 'refused', error: 'TOO_MANY_INFORMATIONAL' });
    expect(entries.map((l) => l.error)).toEqual(['FIELDS_TOO_LARGE', 'TOO_MANY_INFORMATIONAL']);
  });
});

describe('the client', () => {
  const key = ohttp.generateKeyConfig(9, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
  /** A hostile gateway: every response has `count` header fields. */
  const flooding =
    (count: number): Handler =>
    async (request) => {
      const { context } = ohttp.decapsulateRequest([key], new Uint8Array(await request.arrayBuffer()));
      const headers = Array.from({ length: count }, (_, i) => [`x-${i}`, 'v'] as const);
      const body = context.encapsulateResponse(
        bhttp.encodeResponse({ status: 200, headers }),
      ) as Uint8Array<ArrayBuffer>;
      return new Response(body, { headers: { 'content-type': ohttp.MEDIA_TYPE.RESPONSE } });
    };

  test('a response with more field lines than the limit fails with FIELDS_TOO_LARGE', async () => {
    const client = ohttp.client({ relay: flooding(129), keys: [config] });
    const error = await client.fetch(new Request('https://x.example/')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BhttpError);
    expect(error).toMatchObject({
      code: 'FIELDS_TOO_LARGE',
      message: 'the header section at byte 5 has more than 128 field lines',
    });
    expect(client.audit[0]!.error).toBe('FIELDS_TOO_LARGE');
    expect(
      (await ohttp.client({ relay: flooding(128), keys: [config] }).fetch(new Request('https://x.example/'))).status,
    ).toBe(200);
    const raised = await ohttp
      .client({ relay: flooding(129), keys: [config], maxFieldLines: 129 })
      .fetch(new Request('https://x.example/'));
    expect(raised.headers.get('x-128')).toBe('v');
    await expect(
      ohttp
        .client({ relay: flooding(2), keys: [config], maxFieldSectionBytes: 8 })
        .fetch(new Request('https://x.example/')),
    ).rejects.toThrow(new BhttpError('FIELDS_TOO_LARGE', 'the header section at byte 4 is longer than 8 bytes'));
  });
});

describe('error messages never carry message bytes', () => {
  // Markers placed in every part of a message; a message must never show any of them.
  const MARKERS = ['secret', 'patient', 'hiv', '987654'];
  const expectClean = (message: string) => expect(MARKERS.filter((m) => message.toLowerCase().includes(m))).toEqual([]);

  /** Control data and fields with markers, in the order of a request. */
  const ctl = (method: string, scheme: string, authority: string, path: string) =>
    cat([method.length], method, [scheme.length], scheme, [authority.length], authority, [path.length], path);
  const CONTROL_MARKED = ctl('SECRETMETHOD', 'https', 'secret.example', '/secret-path');
  const field = (name: string, value: string) => cat([name.length], name, [value.length], value);

  test('crafted inputs: the exact code and message, and no marker', () => {
    const marked = (over: Partial<BhttpRequest>): BhttpRequest => ({
      ...request([]),
      authority: 'secret.example',
      path: '/secret-path',
      ...over,
    });
    const cases: [() => unknown, BhttpError['code'], string][] = [
      [
        () => bhttp.decodeRequest(cat([0], ctl('SECRET METHOD', 'https', 'x', '/'))),
        'INVALID_CONTROL_DATA',
        'the method at byte 2 is not a token',
      ],
      [
        () => bhttp.decodeRequest(cat([0], ctl('GET', '1secret', 'x', '/'))),
        'INVALID_CONTROL_DATA',
        'the scheme at byte 6 is not a URI scheme',
      ],
      [
        () => bhttp.decodeRequest(cat([0], ctl('GET', 'https', 'secret host', '/'))),
        'INVALID_CONTROL_DATA',
        'the authority at byte 12 holds a byte outside visible ASCII',
      ],
      [
        () => bhttp.decodeRequest(cat([0], ctl('GET', 'https', 'x', '/secret-path\x7f'))),
        'INVALID_CONTROL_DATA',
        'the path at byte 14 holds a byte outside visible ASCII',
      ],
      [
        () => bhttp.decodeRequest(cat([2], CONTROL_MARKED, field('x-secret name', 'v'))),
        'INVALID_FIELD',
        'the field name at byte 49 is not a token',
      ],
      [
        () => bhttp.decodeRequest(cat([2], CONTROL_MARKED, field('a', 'b'), field(':patient-hiv-positive', 'yes'))),
        'INVALID_FIELD',
        'the field name at byte 53 is a pseudo-field after a regular field',
      ],
      [
        () => bhttp.decodeRequest(cat([2], CONTROL_MARKED, [0, 0], field(':patient-hiv-positive', 'yes'))),
        'INVALID_FIELD',
        'the field name at byte 51 is a pseudo-field in a trailer section',
      ],
      [
        () => bhttp.decodeRequest(cat([2], CONTROL_MARKED, field('x', 'secret\r'))),
        'INVALID_FIELD',
        'the field value at byte 51 holds NUL, CR or LF',
      ],
      [
        () => bhttp.decodeRequest(cat([2], CONTROL_MARKED, field('secret', 'patient'))),
        'TRUNCATED',
        'the message ends before the terminator of the header section',
      ],
      [
        () =>
          bhttp.decodeRequest(cat([2], CONTROL_MARKED, field(':patient-hiv-positive', 'secret'), [0]), {
            maxFieldSectionBytes: 8,
          }),
        'FIELDS_TOO_LARGE',
        'the header section at byte 48 is longer than 8 bytes',
      ],
      [() => bhttp.decodeRequest(cat(varint(987_654))), 'INVALID_FRAMING', 'the framing indicator is not 0, 1, 2 or 3'],
      [
        () => bhttp.decodeResponse(cat([1], varint(987_654))),
        'INVALID_STATUS',
        'the status code at byte 1 is neither informational (100–199) nor final (200–599)',
      ],
      [
        () => bhttp.requestFromBhttp(marked({ headers: [[':patient-hiv-positive', 'yes']] })),
        'UNSUPPORTED',
        'a pseudo-field has no Fetch form',
      ],
      [
        () => bhttp.requestFromBhttp(marked({ method: 'TRACE' })),
        'UNSUPPORTED',
        'the method is CONNECT, TRACE or TRACK, which Fetch forbids',
      ],
      [
        () => bhttp.requestFromBhttp(marked({ scheme: 'secret' })),
        'UNSUPPORTED',
        'the scheme is neither http nor https',
      ],
      [
        () => bhttp.requestFromBhttp(marked({ authority: 'patient@secret.example' })),
        'UNSUPPORTED',
        'the authority is not a host and port',
      ],
      [
        () => bhttp.requestFromBhttp(marked({ path: 'secret-path' })),
        'UNSUPPORTED',
        'the path is not an absolute path and query',
      ],
      [
        () => bhttp.requestFromBhttp(marked({ headers: [['host', 'patient.example']] })),
        'UNSUPPORTED',
        'the Host field differs from the authority',
      ],
      [
        () =>
          bhttp.responseFromBhttp({
            informational: [],
            status: 205,
            headers: [],
            content: new TextEncoder().encode('secret'),
            trailers: [],
          }),
        'UNSUPPORTED',
        'a 204, 205 or 304 response has content, which Fetch forbids',
      ],
    ];
    for (const [run, code, message] of cases) {
      expect(refusal(run)).toEqual({ code, message });
      expectClean(message);
    }
  });

  /** Every BhttpError message of decoding `bytes` as `kind` (with and without tight limits) and converting it. */
  function messages(kind: 'request' | 'response', bytes: Uint8Array): string[] {
    const out: string[] = [];
    for (const options of [undefined, { maxFieldLines: 1, maxFieldSectionBytes: 12, maxInformationalResponses: 1 }]) {
      try {
        if (kind === 'request') bhttp.requestFromBhttp(bhttp.decodeRequest(bytes, options));
        else bhttp.responseFromBhttp(bhttp.decodeResponse(bytes, options));
      } catch (e) {
        if (!(e instanceof BhttpError)) throw e;
        out.push(e.message);
      }
    }
    return out;
  }

  test('every prefix and every flipped bit of marked messages', () => {
    const content = new TextEncoder().encode('secret');
    const headers: Field[] = [
      [':patient-hiv-positive', 'secret'],
      ['x-secret', 'patient'],
    ];
    const trailers: Field[] = [['x-hiv', 'secret']];
    const markedRequest = {
      method: 'SECRETMETHOD',
      scheme: 'https',
      authority: 'secret.example',
      path: '/secret-path',
      headers,
      content,
      trailers,
    };
    const markedResponse = {
      informational: [{ status: 103, headers: [['x-secret', 'hiv'] as const] }],
      status: 200,
      headers,
      content,
      trailers,
    };
    const marked = [false, true].flatMap((indeterminate) => [
      ['request', bhttp.encodeRequest(markedRequest, { indeterminate })] as const,
      ['response', bhttp.encodeResponse(markedResponse, { indeterminate })] as const,
    ]);
    let seen = 0;
    for (const [kind, bytes] of marked) {
      for (let length = 0; length <= bytes.length; length++)
        for (const m of messages(kind, bytes.subarray(0, length))) {
          seen++;
          expectClean(m);
        }
      for (let bit = 0; bit < 8 * bytes.length; bit++) {
        const flipped = bytes.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        for (const m of messages(kind, flipped)) {
          seen++;
          expectClean(m);
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
  });

  test('random marked messages, cut or flipped (fast-check)', () => {
    const marked = fc.oneof(
      fc.tuple(requestArb(smallContent), optionsArb).map(([r, o]) => ({
        kind: 'request' as const,
        bytes: bhttp.encodeRequest(
          {
            ...r,
            method: 'SECRETMETHOD',
            path: '/secret-path',
            headers: [[':patient-hiv-positive', 'secret'], ...(r.headers ?? [])],
          },
          o,
        ),
      })),
      fc.tuple(responseArb(smallContent), optionsArb).map(([r, o]) => ({
        kind: 'response' as const,
        bytes: bhttp.encodeResponse(
          {
            ...r,
            headers: [[':patient-hiv-positive', 'secret'], ...(r.headers ?? [])],
            trailers: [['x-secret', 'hiv']],
          },
          o,
        ),
      })),
    );
    fc.assert(
      fc.property(marked, fc.nat(), fc.nat(7), fc.boolean(), ({ kind, bytes }, at, bit, cut) => {
        const mutated = cut ? bytes.subarray(0, at % bytes.length) : bytes.slice();
        if (!cut) mutated[at % mutated.length]! ^= 1 << bit;
        for (const m of [...messages(kind, bytes), ...messages(kind, mutated)]) expectClean(m);
      }),
      { numRuns: 4 * RUNS },
    );
  });
});
