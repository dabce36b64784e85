// The processing node's handler (session.node): the application sees exactly the client's request;
// every bad input is a clear-text 4xx (problem+json) and the node keeps serving; label separation
// against the OHTTP gateway with the very same key; key rotation destroys the old key so a
// recorded request can no longer be opened; errors after decapsulation stay inside it. Both backends.
import { afterAll, describe, expect, test } from 'vitest';
import { bhttp, hpke, ohttp, useBackend, type Handler, type KeyConfig, type LogEntry } from 'oblivia';
import { session } from 'oblivia/session';

afterAll(() => useBackend(undefined));

const KEM = hpke.KEM.X25519_HKDF_SHA256;
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const INNER = session.INNER_MEDIA_TYPE;

const echo: Handler = async (request) =>
  new Response(await request.arrayBuffer(), { status: 200, headers: { 'x-method': request.method } });

/** POST of `body` to the node with `type`. */
const post = (body: Uint8Array, type: string = INNER.REQUEST, init: RequestInit = {}) =>
  new Request('http://node.test/', {
    method: 'POST',
    headers: { 'content-type': type },
    body: body as Uint8Array<ArrayBuffer>,
    ...init,
  });

/** A request's inner body to `key`, and the context for its answer. */
const seal = (key: KeyConfig, request = new Request('https://node.example/ping')) =>
  session.encapsulateRequest(key, request);

/** The field lines of Headers, in order. */
function fieldsOf(headers: Headers): [string, string][] {
  const fields: [string, string][] = [];
  headers.forEach((value, name) => fields.push([name, value]));
  return fields;
}

async function problemOf(response: Response): Promise<{ status: number; body: unknown }> {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return { status: response.status, body: await response.json() };
}

describe.each(['wasm', 'js'] as const)('node on %s', (backend) => {
  test('the handler sees the exact request; the client gets the exact response', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    const seen: { method: string; url: string; headers: [string, string][]; body: string }[] = [];
    const node = session.node({
      keys: key,
      handler: async (request) => {
        seen.push({
          method: request.method,
          url: request.url,
          headers: fieldsOf(request.headers),
          body: await request.text(),
        });
        return new Response('summary: 3 messages', {
          status: 201,
          headers: { 'content-type': 'text/plain', 'x-node': 'n1' },
        });
      },
    });
    useBackend(backend === 'wasm' ? 'js' : 'wasm'); // the client on the other backend
    const { body, context } = await seal(
      key,
      new Request('https://service.example/v1/summarise?lang=en', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-planted': 'header-secret' },
        body: '{"messages":["planted-secret"]}',
      }),
    );
    useBackend(backend);
    const outer = await node(post(body));
    expect(outer.status).toBe(200);
    expect(outer.headers.get('content-type')).toBe(INNER.RESPONSE);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: 'https://service.example/v1/summarise?lang=en',
        headers: [
          ['content-type', 'application/json'],
          ['x-planted', 'header-secret'],
        ],
        body: '{"messages":["planted-secret"]}',
      },
    ]);
    const response = context.openResponse(new Uint8Array(await outer.arrayBuffer()));
    expect(response.status).toBe(201);
    expect(fieldsOf(response.headers)).toEqual([
      ['content-type', 'text/plain'],
      ['x-node', 'n1'],
    ]);
    expect(await response.text()).toBe('summary: 3 messages');
  });

  test('clear-text refusals: 405, 415, 413, 400, 422 — problem+json with fixed bodies', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    const node = session.node({ keys: key, handler: echo, maxRequestBytes: 1000 });
    const { body } = await seal(key);

    const get = await node(new Request('http://node.test/'));
    expect(get.headers.get('allow')).toBe('POST');
    expect(await problemOf(get)).toEqual({
      status: 405,
      body: { type: 'about:blank', title: 'Method Not Allowed', status: 405 },
    });
    for (const type of [ohttp.MEDIA_TYPE.REQUEST, 'application/octet-stream', '']) {
      expect(await problemOf(await node(post(body, type)))).toEqual({
        status: 415,
        body: { type: 'about:blank', title: 'Unsupported Media Type', status: 415 },
      });
    }
    // Parameters and case of the media type do not matter.
    expect((await node(post((await seal(key)).body, 'Message/Oblivia-Attested-Request; x=1'))).status).toBe(200);
    expect(await problemOf(await node(post(new Uint8Array(1001))))).toEqual({
      status: 413,
      body: { type: 'about:blank', title: 'Content Too Large', status: 413 },
    });
    expect((await node(post(Uint8Array.of(1, 0, KEM, 0, 1, 0, 1, 0, 0, 0)))).status).toBe(400); // too short
    expect((await node(post(new Uint8Array(10)))).status).toBe(422); // key id 0: not the node's
    const unknown = (await seal(key)).body;
    unknown[0] = 9;
    expect(await problemOf(await node(post(unknown)))).toEqual({
      status: 422,
      body: { type: session.NODE_KEY_PROBLEM_TYPE, title: 'Unprocessable Content', status: 422 },
    });
    expect((await node(post(body))).status).toBe(200); // still serving
  });

  test('answers are padded to a multiple of padTo (default 512): one length for small answers', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    const lengths = async (node: Handler) => {
      const out: number[] = [];
      for (const size of [0, 1, 300]) {
        const { body } = await seal(
          key,
          new Request('https://node.example/', { method: 'POST', body: 'x'.repeat(size) }),
        );
        out.push((await (await node(post(body))).arrayBuffer()).byteLength);
      }
      return out;
    };
    // response_nonce (16 for AES-128-GCM) + 512 bytes of padded Binary HTTP + tag (16).
    expect(await lengths(session.node({ keys: key, handler: echo }))).toEqual([544, 544, 544]);
    const unpadded = await lengths(session.node({ keys: key, handler: echo, padTo: 1 }));
    expect(new Set(unpadded).size).toBe(3);
    expect(() => session.node({ keys: key, handler: echo, padTo: 0 })).toThrow(
      new RangeError('"options.padTo" expected a positive integer, got 0'),
    );
  });

  test('tampered ciphertext → 400, and the node keeps serving', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    const node = session.node({ keys: key, handler: echo });
    const { body } = await seal(key);
    for (const at of [7, 7 + 32, body.length - 1]) {
      const tampered = body.slice();
      tampered[at]! ^= 0x80;
      expect(await problemOf(await node(post(tampered)))).toEqual({
        status: 400,
        body: { type: 'about:blank', title: 'Bad Request', status: 400 },
      });
    }
    const { body: fresh, context } = await seal(key);
    const outer = await node(post(fresh));
    expect(outer.status).toBe(200);
    expect(context.openResponse(new Uint8Array(await outer.arrayBuffer())).headers.get('x-method')).toBe('GET');
  });

  test('label separation: the node refuses OHTTP messages, the OHTTP gateway refuses inner ones (same key)', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    const node = session.node({ keys: key, handler: echo });
    const gateway = ohttp.gateway({ keys: [key], target: echo });
    const message = bhttp.encodeRequest(await bhttp.bhttpFromRequest(new Request('https://node.example/ping')));

    const { encapsulatedRequest: ohttpMessage } = ohttp.encapsulateRequest(key, message);
    expect((await node(post(ohttpMessage))).status).toBe(400); // with the inner media type: does not open
    expect((await node(post(ohttpMessage, ohttp.MEDIA_TYPE.REQUEST))).status).toBe(415);

    const { body: innerMessage } = await seal(key);
    const refused = await gateway(post(innerMessage, ohttp.MEDIA_TYPE.REQUEST));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe('Bad Request\n');
    expect((await gateway(post(innerMessage))).status).toBe(415);

    // Each still serves its own.
    expect((await node(post((await seal(key)).body))).status).toBe(200);
    const { encapsulatedRequest } = ohttp.encapsulateRequest(key, message);
    expect((await gateway(post(encapsulatedRequest, ohttp.MEDIA_TYPE.REQUEST))).status).toBe(200);
  });

  test('rotation: the previous key is accepted once rotated, destroyed at the next rotation → 422', async () => {
    useBackend(backend);
    const first = ohttp.generateKeyConfig(1, KEM, SUITES);
    const node = session.node({ keys: first, handler: echo });
    expect(node.configs().map((c) => c.keyId)).toEqual([1]);
    expect(node.configs()[0]).not.toHaveProperty('privateKey');
    const recorded = (await seal(first)).body; // a request someone records

    const second = node.rotate();
    expect(second.keyId).toBe(2);
    expect(node.configs().map((c) => c.keyId)).toEqual([2, 1]);
    expect((await node(post(recorded.slice()))).status).toBe(200); // the previous key still opens it
    const { body, context } = await seal(second);
    const outer = await node(post(body));
    expect(outer.status).toBe(200);
    expect(context.openResponse(new Uint8Array(await outer.arrayBuffer())).status).toBe(200);

    const third = ohttp.generateKeyConfig(7, KEM, SUITES);
    expect(node.rotate(third)).toEqual({
      keyId: 7,
      kem: KEM,
      publicKey: third.publicKey,
      suites: third.suites,
    });
    expect(node.configs().map((c) => c.keyId)).toEqual([7, 2]);
    expect(first.privateKey.every((b) => b === 0)).toBe(true); // wiped in place
    expect(await problemOf(await node(post(recorded)))).toEqual({
      status: 422,
      body: { type: session.NODE_KEY_PROBLEM_TYPE, title: 'Unprocessable Content', status: 422 },
    });
    // Not even the old key's bytes, were they kept, open it any more: they are zero.
    expect(() => session.decapsulateInner(first, recorded)).toThrow();

    expect(() => node.rotate(third)).toThrow(RangeError); // the current key id
    expect(() => node.rotate({ ...third, keyId: 9 })).toThrow(RangeError); // a key the ring holds
    node.destroy();
    expect(third.privateKey.every((b) => b === 0)).toBe(true);
    expect((await node(post(body))).status).toBe(503);
    expect(() => node.rotate()).toThrow(TypeError);
  });

  test('errors after decapsulation stay inside it: bad Binary HTTP, a throwing, oversized or slow handler', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(1, KEM, SUITES);
    const handlers: Record<string, Handler> = {
      '/throws': () => Promise.reject(new Error('planted-secret')),
      '/large': async () => new Response(new Uint8Array(2000)),
      '/slow': () => new Promise((resolve) => setTimeout(() => resolve(new Response('late')), 500)),
      '/not-a-response': async () => 'text' as unknown as Response,
    };
    const node = session.node({
      keys: key,
      handler: (request) => handlers[new URL(request.url).pathname]!(request),
      maxResponseBytes: 1000,
      timeoutMs: 50,
    });
    const innerStatus = async (path: string) => {
      const { body, context } = await seal(key, new Request(`https://node.example${path}`));
      const outer = await node(post(body));
      expect(outer.status).toBe(200);
      const text = new TextDecoder().decode(new Uint8Array(await outer.clone().arrayBuffer()));
      expect(text).not.toContain('planted-secret');
      return context.openResponse(new Uint8Array(await outer.arrayBuffer())).status;
    };
    expect(await innerStatus('/throws')).toBe(500);
    expect(await innerStatus('/large')).toBe(500);
    expect(await innerStatus('/slow')).toBe(504);
    expect(await innerStatus('/not-a-response')).toBe(500);

    // Binary HTTP that does not decode, sealed properly: an inner 400.
    const { encapsulatedRequest, context } = session.encapsulateInner(key, Uint8Array.of(0x00, 0xff));
    const outer = await node(post(encapsulatedRequest));
    expect(outer.status).toBe(200);
    const inner = bhttp.decodeResponse(context.decapsulateResponse(new Uint8Array(await outer.arrayBuffer())));
    expect(inner.status).toBe(400);
  });

  test('the log: one filtered line per request, hop "node", no payload', async () => {
    useBackend(backend);
    const key = ohttp.generateKeyConfig(4, KEM, SUITES);
    const lines: LogEntry[] = [];
    const node = session.node({ keys: key, handler: echo, log: (entry) => lines.push(entry) });
    const { body } = await seal(key, new Request('https://node.example/', { method: 'POST', body: 'planted-secret' }));
    await node(post(body));
    await node(post(new Uint8Array(3)));
    for (const line of lines) expect(line.durationMs).toBeTypeOf('number');
    expect(lines.map((line) => ({ ...line, durationMs: 0 }))).toEqual([
      {
        hop: 'node',
        event: 'served',
        status: 200,
        keyId: 4,
        requestBytes: body.length,
        responseBytes: expect.any(Number),
        durationMs: 0,
      },
      { hop: 'node', event: 'refused', status: 400, error: 'MALFORMED', requestBytes: 3, durationMs: 0 },
    ]);
    expect(JSON.stringify(lines)).not.toContain('planted');
  });
});

test('options are checked', () => {
  const key = () => ohttp.generateKeyConfig(1, KEM, SUITES);
  expect(() => session.node(undefined as never)).toThrow(TypeError);
  expect(() => session.node({ keys: key() } as never)).toThrow(TypeError);
  expect(() => session.node({ keys: [], handler: echo })).toThrow(RangeError);
  expect(() => session.node({ keys: [key(), ohttp.generateKeyConfig(2, KEM, SUITES), key()], handler: echo })).toThrow(
    RangeError,
  );
  expect(() => session.node({ keys: [key(), key()], handler: echo })).toThrow(RangeError); // same key id
  expect(() => session.node({ keys: key(), handler: echo, maxRequestBytes: 0 })).toThrow(RangeError);
  expect(() => session.node({ keys: { ...key(), privateKey: new Uint8Array(31) }, handler: echo })).toThrow(RangeError);
});
