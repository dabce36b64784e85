// Regression, finding 1 (its second half): the gateway read the target's whole answer with no size
// cap and waited for it without a deadline. Now an answer over maxResponseBytes is a 502 and one
// slower than timeoutMs a 504, inside the encapsulation, for a URL target and an in-process one,
// and the gateway goes on serving. The relay bounds the gateway the same way, and the client its
// relay and key directory.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hpke, bhttp, ohttp, type Handler, type LogEntry } from 'oblivia';
import { serveNode, type NodeServer } from 'oblivia/node';
import { exchangeWith } from './gateway-exchange.js';

const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
  { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
]);
const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
const LIMIT = 64 * 1024;

/** An answer of `size` bytes; one that never ends; one that never comes. */
const behaviours: Record<string, Handler> = {
  '/at-limit': async () => new Response(new Uint8Array(LIMIT).fill(0x61)),
  '/over-limit': async () => new Response(new Uint8Array(LIMIT + 1)),
  '/endless': async () => {
    const chunk = new Uint8Array(16 * 1024);
    return new Response(new ReadableStream({ pull: (c) => c.enqueue(chunk) }));
  },
  '/declared-huge': async () => new Response(new Uint8Array(8), { headers: { 'content-length': String(1 << 30) } }),
  '/never': () => new Promise<Response>(() => {}),
  '/stalls-mid-body': async () => new Response(new ReadableStream({ start: (c) => c.enqueue(new Uint8Array(10)) })),
};
const behave: Handler = (request) => behaviours[new URL(request.url).pathname]!(request);

let upstream: NodeServer;
beforeAll(async () => {
  upstream = await serveNode(behave);
});
afterAll(() => upstream.close());

async function get(gateway: Handler, path: string): Promise<{ status: number; length: number }> {
  const message = bhttp.encodeRequest(await bhttp.bhttpFromRequest(new Request(`https://service.example${path}`)));
  const inner = await exchangeWith(gateway, config, message);
  return { status: inner.status, length: inner.content.length };
}

describe.each([
  ['a URL target', () => upstream.url],
  ['an in-process target', () => behave],
] as const)('%s', (_, target) => {
  const logs: LogEntry[] = [];
  let gateway: Handler;
  beforeAll(() => {
    gateway = ohttp.gateway({
      keys: [key],
      target: target(),
      maxResponseBytes: LIMIT,
      timeoutMs: 300,
      log: (l) => logs.push(l),
    });
  });

  test('an answer of exactly maxResponseBytes is forwarded', async () => {
    expect(await get(gateway, '/at-limit')).toEqual({ status: 200, length: LIMIT });
  });

  test('an answer over maxResponseBytes, declared or streamed without end, is a 502', async () => {
    expect(await get(gateway, '/over-limit')).toEqual({ status: 502, length: 0 });
    expect(await get(gateway, '/endless')).toEqual({ status: 502, length: 0 });
    if (typeof target() === 'function')
      expect(await get(gateway, '/declared-huge')).toEqual({ status: 502, length: 0 });
  });

  test('a target that does not answer in full within timeoutMs is a 504, and the gateway serves on', async () => {
    logs.length = 0;
    expect(await get(gateway, '/never')).toEqual({ status: 504, length: 0 });
    expect(await get(gateway, '/stalls-mid-body')).toEqual({ status: 504, length: 0 });
    expect(await get(gateway, '/at-limit')).toEqual({ status: 200, length: LIMIT });
    expect(logs.map((l) => [l.status, l.error])).toEqual([
      [200, 'UPSTREAM'],
      [200, 'UPSTREAM'],
      [200, undefined],
    ]);
  });
});

test('the relay bounds the gateway: a 502 over maxBodyBytes, a 504 after timeoutMs', async () => {
  const post = (relay: Handler) =>
    relay(
      new Request('http://relay.test/', {
        method: 'POST',
        headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
        body: 'x',
      }),
    );
  const huge = ohttp.relay({ gateway: async () => new Response(new Uint8Array(LIMIT + 1)), maxBodyBytes: LIMIT });
  const silent = ohttp.relay({ gateway: () => new Promise<Response>(() => {}), timeoutMs: 200 });
  expect([(await post(huge)).status, (await post(silent)).status]).toEqual([502, 504]);
});

test('the limits are checked at configuration', () => {
  expect(() => ohttp.gateway({ keys: [key], target: behave, maxResponseBytes: 0 })).toThrow(
    new RangeError('"options.maxResponseBytes" expected a positive integer, got 0'),
  );
  expect(() => ohttp.gateway({ keys: [key], target: behave, timeoutMs: 1.5 })).toThrow(
    new RangeError('"options.timeoutMs" expected a positive integer, got 1.5'),
  );
  expect(() => ohttp.relay({ gateway: behave, timeoutMs: -1 })).toThrow(
    new RangeError('"options.timeoutMs" expected a positive integer, got -1'),
  );
});

test('the client bounds its relay and its key directory in time and size', async () => {
  const silent: Handler = () => new Promise<Response>(() => {});
  const viaSilentRelay = ohttp.client({ relay: silent, keys: [config], timeoutMs: 200 });
  await expect(viaSilentRelay.fetch(new Request('https://service.example/'))).rejects.toMatchObject({
    name: 'ObliviousFetchError',
    code: 'RELAY',
  });
  const silentDirectory = await serveNode(silent, { writeTimeoutMs: 1_000 });
  try {
    const viaSilentDirectory = ohttp.client({ relay: silent, keys: silentDirectory.url, timeoutMs: 200 });
    await expect(viaSilentDirectory.fetch(new Request('https://service.example/'))).rejects.toMatchObject({
      name: 'ObliviousFetchError',
      code: 'KEYS',
    });
  } finally {
    await silentDirectory.close();
  }
  const huge: Handler = async () =>
    new Response(new Uint8Array((1 << 20) + 1), { headers: { 'content-type': ohttp.MEDIA_TYPE.RESPONSE } });
  await expect(
    ohttp.client({ relay: huge, keys: [config] }).fetch(new Request('https://service.example/')),
  ).rejects.toMatchObject({ code: 'RELAY' });
  expect(() => ohttp.client({ relay: silent, keys: [config], timeoutMs: 0 })).toThrow(
    new RangeError('"options.timeoutMs" expected a positive integer, got 0'),
  );
});
