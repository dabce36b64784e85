// The gateway's Binary HTTP target (`target: { bhttp }`): it gets the decoded request exactly as
// the client sent it (RFC 9292 §3) and its answer reaches the client byte for byte, with no Fetch
// objects on the way; with `authorize` it gets the request authorize let through. Its failures
// are the fetch-style target's: 502 for a throw, a bad answer or one over maxResponseBytes, 504
// after timeoutMs — inside the encapsulation. The decoded content is wiped once the answer is
// encoded; the target's own answer is left as it is.
import { expect, test } from 'vitest';
import { bhttp, hpke, ohttp, type BhttpRequest, type BhttpResponseInit, type BhttpTarget, type Handler } from 'oblivia';
import { exchangeWith } from '../security/gateway-exchange.js';

const key = ohttp.generateKeyConfig(3, hpke.KEM.X25519_HKDF_SHA256, [
  { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
]);
const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));

const REQUEST = {
  method: 'POST',
  scheme: 'https',
  authority: 'service.example',
  path: '/v1/summarise?lang=en',
  headers: [
    ['content-type', 'application/json'],
    ['x-trace', 'a1'],
  ] as [string, string][],
  content: new TextEncoder().encode('{"messages":["hello"]}'),
};

/** Sends `message` (REQUEST by default) through `gateway`: the decoded inner response. */
const send = (gateway: Handler, message = bhttp.encodeRequest(REQUEST)) => exchangeWith(gateway, config, message);

/** A target that records what it got (and a reference to the content) and answers `answer`. */
function recording(answer: (request: BhttpRequest) => Promise<BhttpResponseInit>) {
  const seen: { request: BhttpRequest; copy: Uint8Array }[] = [];
  const target: BhttpTarget = {
    bhttp: async (request) => {
      seen.push({ request, copy: request.content.slice() });
      return answer(request);
    },
  };
  return { seen, target };
}

test('the target gets the decoded request; its answer reaches the client byte for byte', async () => {
  const content = new TextEncoder().encode('summary: 1 message');
  const { seen, target } = recording(async () => ({
    status: 201,
    headers: [['content-type', 'text/plain']],
    content,
    trailers: [['x-done', '1']],
  }));
  const response = await send(ohttp.gateway({ keys: [key], target }));
  expect(response).toEqual({
    informational: [],
    status: 201,
    headers: [['content-type', 'text/plain']],
    content: new TextEncoder().encode('summary: 1 message'),
    trailers: [['x-done', '1']],
  });
  expect(seen).toHaveLength(1);
  const { request, copy } = seen[0]!;
  expect({ ...request, content: copy }).toEqual({ ...REQUEST, trailers: [] });
  // The decoded content is wiped once the answer is encoded; the target's answer is its own.
  expect(request.content).toEqual(new Uint8Array(REQUEST.content.length));
  expect(new TextDecoder().decode(content)).toBe('summary: 1 message');
});

test('with authorize, the target gets the request authorize let through, as Binary HTTP', async () => {
  const { seen, target } = recording(async (request) => ({ status: 200, content: request.content.slice() }));
  const gateway = ohttp.gateway({
    keys: [key],
    target,
    authorize: async (request) => {
      if (request.headers.get('x-trace') !== 'a1') return new Response('no', { status: 401 });
      const headers = new Headers(request.headers);
      headers.delete('x-trace');
      return new Request(request, { headers });
    },
  });
  const response = await send(gateway);
  expect(response.status).toBe(200);
  expect(new TextDecoder().decode(response.content)).toBe('{"messages":["hello"]}');
  expect(seen.map(({ request }) => [request.method, request.authority, request.path, request.headers])).toEqual([
    ['POST', 'service.example', '/v1/summarise?lang=en', [['content-type', 'application/json']]],
  ]);
  const refused = await send(gateway, bhttp.encodeRequest({ ...REQUEST, headers: [] }));
  expect([refused.status, new TextDecoder().decode(refused.content)]).toEqual([401, 'no']);
  expect(seen).toHaveLength(1);
});

test('failures: a throw, a bad answer, an answer over maxResponseBytes → 502; too slow → 504', async () => {
  const cases: [BhttpTarget['bhttp'], number][] = [
    [async () => Promise.reject(new Error('down')), 502],
    [async () => null as unknown as BhttpResponseInit, 502],
    [async () => ({ status: 99 }), 502],
    [async () => ({ status: 200, headers: [['bad name', 'x']] }), 502],
    [async () => ({ status: 200, content: new Uint8Array(101) }), 502],
    [() => new Promise<BhttpResponseInit>(() => {}), 504],
  ];
  for (const [answer, status] of cases) {
    const gateway = ohttp.gateway({ keys: [key], target: { bhttp: answer }, maxResponseBytes: 100, timeoutMs: 20 });
    expect((await send(gateway)).status).toBe(status);
  }
  const ok = ohttp.gateway({
    keys: [key],
    target: { bhttp: async () => ({ status: 200, content: new Uint8Array(100) }) },
    maxResponseBytes: 100,
  });
  expect((await send(ok)).content).toEqual(new Uint8Array(100));
});

test('the target option: a function, { bhttp } or a URL string', () => {
  for (const target of [{}, { bhttp: 'x' }, 7, null]) {
    expect(() => ohttp.gateway({ keys: [key], target: target as never })).toThrow(
      new TypeError(
        `"options.target" expected function, { bhttp } or URL string, got ${target === null ? 'null' : typeof target}`,
      ),
    );
  }
});

test('under serveNode (the byte path: no Fetch objects from socket to target and back)', async () => {
  const { serveNode } = await import('oblivia/node');
  const { seen, target } = recording(async (request) => ({ status: 200, content: request.content.slice().reverse() }));
  const server = await serveNode(ohttp.gateway({ keys: [key], target }));
  try {
    const response = await send((request) => fetch(server.url, request));
    expect(new TextDecoder().decode(response.content)).toBe('}]"olleh"[:"segassem"{');
    expect(seen).toHaveLength(1);
  } finally {
    await server.close();
  }
});
