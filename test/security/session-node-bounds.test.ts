// The processing node (session.node) under hostile input: a body over maxRequestBytes is refused
// with 413 whether its length is declared or not, and the node stops reading it (an endless body
// costs at most the limit and one chunk); a flood of garbage bodies — random bytes, and random bytes
// behind a valid header — is answered with clear-text 4xx only, never a 500 or a throw, never a
// call to the application; and the node serves a genuine request afterwards. Both backends, and
// once over a loopback socket.
import { afterAll, describe, expect, test } from 'vitest';
import { hpke, ohttp, useBackend, type Handler } from 'oblivia';
import { serveNode } from 'oblivia/node';
import { session } from 'oblivia/session';

afterAll(() => useBackend(undefined));

const KEM = hpke.KEM.X25519_HKDF_SHA256;
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 }];
const LIMIT = 4096;

/** xorshift32: a fixed sequence, so a failure replays. */
function random(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://node.test/', {
    method: 'POST',
    headers: { 'content-type': session.INNER_MEDIA_TYPE.REQUEST, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe.each(['wasm', 'js'] as const)('on %s', (backend) => {
  test('size bound: 413 at limit + 1, declared or streamed; an endless body is read no further', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    let calls = 0;
    const node = session.node({
      keys: key,
      maxRequestBytes: LIMIT,
      handler: async () => {
        calls++;
        return new Response('ok');
      },
    });
    expect((await node(post(new Uint8Array(LIMIT + 1) as Uint8Array<ArrayBuffer>))).status).toBe(413);
    expect((await node(post(new Uint8Array(8), { 'content-length': String(1 << 30) }))).status).toBe(413);

    let pulled = 0;
    const chunk = new Uint8Array(1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const answer = await node(post(endless));
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(pulled).toBeLessThanOrEqual(LIMIT / chunk.length + 2);

    // At the limit exactly, a genuine request goes through (padded to LIMIT bytes of Binary HTTP).
    const { body, context } = await session.encapsulateRequest(
      key,
      new Request('https://node.example/', { method: 'POST', body: new Uint8Array(LIMIT - 7 - 32 - 16 - 64) }),
    );
    expect(body.length).toBeLessThanOrEqual(LIMIT);
    const outer = await node(post(body as Uint8Array<ArrayBuffer>));
    expect(outer.status).toBe(200);
    expect(await context.openResponse(new Uint8Array(await outer.arrayBuffer())).text()).toBe('ok');
    expect(calls).toBe(1);
  });

  test('a flood of garbage bodies: 4xx only, the application never called, the node still serves', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    let calls = 0;
    const node = session.node({
      keys: key,
      maxRequestBytes: LIMIT,
      handler: async () => {
        calls++;
        return new Response('ok');
      },
    });
    const next = random(0x5e55_1011);
    const statuses = new Map<number, number>();
    const header = Uint8Array.of(1, 0, KEM, 0, SUITES[0]!.kdf, 0, SUITES[0]!.aead);
    for (let i = 0; i < 400; i++) {
      const body = new Uint8Array(next(200));
      for (let j = 0; j < body.length; j++) body[j] = next(256);
      if (i % 2 === 1 && body.length >= 7) body.set(header); // a valid header: the KEM and AEAD run
      const answer = await node(post(body));
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect([400, 422]).toContain(answer.status);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(calls).toBe(0);
    expect(statuses.get(400)).toBeGreaterThan(100); // the header-valid half got as far as the AEAD
    const { body, context } = await session.encapsulateRequest(key, new Request('https://node.example/'));
    const outer = await node(post(body as Uint8Array<ArrayBuffer>));
    expect(outer.status).toBe(200);
    expect(await context.openResponse(new Uint8Array(await outer.arrayBuffer())).text()).toBe('ok');
  });
});

test('over a loopback socket: a chunked body past the limit is a 413, and the server keeps serving', async () => {
  const key = ohttp.generateKeyConfig(1, KEM, SUITES);
  const handler: Handler = async (request) => new Response(`saw ${request.method}`);
  const server = await serveNode(session.node({ keys: key, handler, maxRequestBytes: LIMIT }));
  try {
    const chunk = new Uint8Array(1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const big = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': session.INNER_MEDIA_TYPE.REQUEST },
      body: stream,
      duplex: 'half',
    } as RequestInit).catch(() => undefined);
    // The server either answers 413 or closes the connection once the limit is passed.
    if (big !== undefined) expect(big.status).toBe(413);

    const { body, context } = await session.encapsulateRequest(key, new Request('https://node.example/'));
    const outer = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': session.INNER_MEDIA_TYPE.REQUEST },
      body: body as Uint8Array<ArrayBuffer>,
    });
    expect(outer.status).toBe(200);
    expect(await context.openResponse(new Uint8Array(await outer.arrayBuffer())).text()).toBe('saw GET');
  } finally {
    await server.close();
  }
});
