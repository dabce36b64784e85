// The gateway handler against hostile input (fast-check), on each backend: garbage, truncations
// and bit flips of a valid Encapsulated Request are each answered with a 4xx and a fixed body —
// never a throw, never a 5xx — and a valid request right after still succeeds. Wrong method,
// media type and size get 405, 415 and 413.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { bhttp, ohttp, useBackend, type LogEntry } from 'oblivia';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 2;
const FIXED_BODIES = new Set([
  'Bad Request\n',
  'Method Not Allowed\n',
  'Content Too Large\n',
  'Unsupported Media Type\n',
]);

afterAll(() => useBackend(undefined));

describe.each(['wasm', 'js'] as const)('%s backend', (name) => {
  const directory = ohttp.keyDirectory();
  const logs: LogEntry[] = [];
  const gateway = ohttp.gateway({
    keys: directory.keys,
    target: async (request) => new Response(`hello ${new URL(request.url).pathname}`),
    log: (l) => logs.push(l),
    maxBodyBytes: 4096,
  });
  afterAll(() => directory.destroy());

  const post = (body: Uint8Array, type: string = ohttp.MEDIA_TYPE.REQUEST, method = 'POST') =>
    gateway(
      new Request('http://gateway.test/', {
        method,
        headers: { 'content-type': type },
        body: method === 'GET' ? null : (body as Uint8Array<ArrayBuffer>),
      }),
    );

  async function valid(): Promise<{ encapsulatedRequest: Uint8Array; open: (r: Response) => Promise<number> }> {
    const message = bhttp.encodeRequest(await bhttp.bhttpFromRequest(new Request('https://service.test/ok')));
    const { encapsulatedRequest, context } = ohttp.encapsulateRequest(directory.configs()[0]!, message);
    const open = async (r: Response) =>
      bhttp.decodeResponse(context.decapsulateResponse(new Uint8Array(await r.arrayBuffer()))).status;
    return { encapsulatedRequest, open };
  }

  /** A refusal: a 4xx with a fixed phrase or the §5.3 problem, nothing else. */
  async function expectRefusal(response: Response): Promise<void> {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    if (response.status === 422) expect(JSON.parse(text).type).toBe(ohttp.PROBLEM_TYPE_KEY);
    else expect(FIXED_BODIES.has(text)).toBe(true);
  }

  test('garbage, truncations and bit flips are 4xx; a valid request right after succeeds', async () => {
    useBackend(name);
    const { encapsulatedRequest } = await valid();
    const n = encapsulatedRequest.length;
    const mutation = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.nat(n - 1).map((length) => encapsulatedRequest.slice(0, length)),
      fc.tuple(fc.nat(n - 1), fc.nat(7)).map(([i, bit]) => {
        const flipped = encapsulatedRequest.slice();
        flipped[i]! ^= 1 << bit;
        return flipped;
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (body) => {
        await expectRefusal(await post(body));
        const ok = await valid();
        const response = await post(ok.encapsulatedRequest);
        expect(response.status).toBe(200);
        expect(await ok.open(response)).toBe(200);
      }),
      { numRuns: RUNS },
    );
    expect(logs.every((l) => l.hop === 'gateway' && (l.status === 200 || (l.status! >= 400 && l.status! < 500)))).toBe(
      true,
    );
  });

  test('405, 415 and 413 before any decryption', async () => {
    useBackend(name);
    const { encapsulatedRequest } = await valid();
    const get = await post(encapsulatedRequest, ohttp.MEDIA_TYPE.REQUEST, 'GET');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post(encapsulatedRequest, 'application/octet-stream')).status).toBe(415);
    expect((await post(new Uint8Array(4097))).status).toBe(413);
    expect(logs.slice(-3).map((l) => l.error)).toEqual(['METHOD', 'MEDIA_TYPE', 'TOO_LARGE']);
  });

  test('a request that opens but is not valid Binary HTTP is an encapsulated 400', async () => {
    useBackend(name);
    const { encapsulatedRequest, context } = ohttp.encapsulateRequest(
      directory.configs()[0]!,
      new Uint8Array([0x07, 0x00]),
    );
    const response = await post(encapsulatedRequest);
    expect(response.status).toBe(200);
    expect(bhttp.decodeResponse(context.decapsulateResponse(new Uint8Array(await response.arrayBuffer()))).status).toBe(
      400,
    );
    expect(logs.at(-1)).toMatchObject({ status: 200, error: 'INVALID_FRAMING' });
  });
});
