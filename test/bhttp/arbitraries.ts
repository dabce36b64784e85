// fast-check arbitraries of valid Binary HTTP messages, and what decoding them must give back.
import fc from 'fast-check';
import type { BhttpRequest, BhttpRequestInit, BhttpResponse, BhttpResponseInit, Field } from 'oblivia';

export const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);

const TCHAR = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const chars = (text: string) => fc.constantFrom(...text);
const byteChar = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCharCode(c));

export const token = fc.string({ unit: chars(TCHAR), minLength: 1, maxLength: 12 });
const visible = fc.string({ unit: byteChar(0x21, 0x7e), maxLength: 24 });
const scheme = fc.oneof(
  fc.constantFrom('https', 'http', ''),
  fc.tuple(chars('abcXYZ'), fc.string({ unit: chars('az09+-.'), maxLength: 6 })).map(([a, b]) => a + b),
);

/** Any byte but NUL, CR and LF, and no SP or HTAB at either end (RFC 9113 §8.2.1). */
export const fieldValue = fc
  .string({ unit: byteChar(0, 255).filter((c) => c !== '\0' && c !== '\r' && c !== '\n'), maxLength: 30 })
  .filter((v) => !/^[ \t]|[ \t]$/.test(v));

const regularField = fc.tuple(token, fieldValue);
const pseudoField = fc
  .tuple(
    token.map((t) => `:${t}`),
    fieldValue,
  )
  .filter(([name]) => ![':method', ':scheme', ':authority', ':path', ':status'].includes(name.toLowerCase()));

/** A header section: pseudo-fields first (RFC 9292 §3.6). */
const headers = fc
  .tuple(fc.array(pseudoField, { maxLength: 2 }), fc.array(regularField, { maxLength: 6 }))
  .map(([p, r]) => [...p, ...r]);
const trailers = fc.array(regularField, { maxLength: 4 });
const content = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 100 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((n) => new Uint8Array(n).map((_, i) => i * 31)) },
);

/** Small messages, for properties that decode every prefix of an encoding. */
export const smallContent = fc.uint8Array({ maxLength: 40 });

export const requestArb = (body = content): fc.Arbitrary<BhttpRequestInit> =>
  fc.record(
    { method: token, scheme, authority: visible, path: visible, headers, content: body, trailers },
    { requiredKeys: ['method', 'scheme', 'authority', 'path'] },
  );

export const responseArb = (body = content): fc.Arbitrary<BhttpResponseInit> =>
  fc.record(
    {
      informational: fc.array(
        fc.record({ status: fc.integer({ min: 100, max: 199 }), headers }, { requiredKeys: ['status'] }),
        { maxLength: 3 },
      ),
      status: fc.integer({ min: 200, max: 599 }),
      headers,
      content: body,
      trailers,
    },
    { requiredKeys: ['status'] },
  );

export const optionsArb = fc.record({
  indeterminate: fc.boolean(),
  padding: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
});

const lower = (fields: readonly Field[] = []): Field[] => fields.map(([n, v]) => [n.toLowerCase(), v]);

/** The decoded form of a valid request: absent parts empty, names lowercase. */
export function expectedRequest(r: BhttpRequestInit): BhttpRequest {
  const { method, scheme, authority, path } = r;
  return {
    method,
    scheme,
    authority,
    path,
    headers: lower(r.headers),
    content: r.content ?? new Uint8Array(0),
    trailers: lower(r.trailers),
  };
}

/** The decoded form of a valid response: absent parts empty, names lowercase. */
export function expectedResponse(r: BhttpResponseInit): BhttpResponse {
  return {
    informational: (r.informational ?? []).map(({ status, headers }) => ({ status, headers: lower(headers) })),
    status: r.status,
    headers: lower(r.headers),
    content: r.content ?? new Uint8Array(0),
    trailers: lower(r.trailers),
  };
}
