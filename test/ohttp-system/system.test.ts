// End to end over loopback sockets, on each backend: the answer comes back; the relay saw the
// client's address and ciphertext only, the gateway neither the address nor the client's headers;
// no log line of any hop holds the secret planted in the body and in a cookie; a failing service
// is a 502 inside the encapsulation.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ohttp, useBackend, bhttp, type KeyConfig } from 'oblivia';
import { CLIENT_ADDRESS_HEADER, serveNode } from 'oblivia/node';
import { headersOf, startStack, type Stack } from './stack.js';

const SECRET = 'tell-no-one-7f3a9c';
const ALLOWED_LOG_FIELDS = new Set([
  'hop',
  'event',
  'status',
  'requestBytes',
  'responseBytes',
  'keyId',
  'durationMs',
  'error',
]);

const contains = (haystack: Uint8Array, needle: string): boolean => Buffer.from(haystack).includes(needle);

afterAll(() => useBackend(undefined));

describe.each(['wasm', 'js'] as const)('%s backend', (name) => {
  let stack: Stack;
  beforeAll(async () => {
    useBackend(name);
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const secretRequest = () =>
    new Request('https://service.example/summarise?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `session=${SECRET}`, 'user-agent': 'private-app/1.0' },
      body: JSON.stringify({ note: SECRET }),
    });

  test('the client gets the service answer through relay and gateway; each hop saw only its part', async () => {
    useBackend(name);
    const client = ohttp.client({ relay: stack.servers.relay.url, keys: `${stack.servers.directory.url}` });
    const response = await client.fetch(secretRequest());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      method: 'POST',
      path: '/summarise?lang=en',
      body: JSON.stringify({ note: SECRET }),
      cookie: `session=${SECRET}`,
    });

    const [relaySaw] = stack.seen.relay.slice(-1);
    const [gatewaySaw] = stack.seen.gateway.slice(-1);
    const [serviceSaw] = stack.seen.service.slice(-1);
    // The relay: the client's address, and a body that is ciphertext.
    expect(relaySaw!.headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1');
    expect(relaySaw!.headers['content-type']).toBe(ohttp.MEDIA_TYPE.REQUEST);
    expect(contains(relaySaw!.body, SECRET)).toBe(false);
    expect(contains(relaySaw!.body, 'summarise')).toBe(false);
    // The gateway: the same ciphertext, no address.
    expect(gatewaySaw!.body).toEqual(relaySaw!.body);
    expect(gatewaySaw!.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();
    // The service: the decrypted request, and no address either.
    expect(serviceSaw!.headers.cookie).toBe(`session=${SECRET}`);
    expect(serviceSaw!.headers[CLIENT_ADDRESS_HEADER]).toBeUndefined();

    const [entry] = client.audit;
    expect(entry).toMatchObject({
      relay: stack.servers.relay.url,
      keyId: stack.directory.configs()[0]!.keyId,
      method: 'POST',
      target: 'https://service.example/summarise',
      requestBytes: relaySaw!.body.length,
      status: 200,
    });
    expect(JSON.stringify(client.audit)).not.toContain(SECRET);
  });

  test("the relay forwards none of the client's headers to the gateway", async () => {
    useBackend(name);
    const config = stack.directory.configs()[0] as KeyConfig;
    const message = bhttp.encodeRequest(await bhttp.bhttpFromRequest(new Request('https://service.example/ping')));
    const { encapsulatedRequest, context } = ohttp.encapsulateRequest(config, message);
    const outer = await fetch(stack.servers.relay.url, {
      method: 'POST',
      headers: {
        'content-type': ohttp.MEDIA_TYPE.REQUEST,
        cookie: `id=${SECRET}`,
        'user-agent': `agent-${SECRET}`,
        forwarded: 'for=192.0.2.7',
        'x-forwarded-for': '192.0.2.7',
        'x-real-ip': '192.0.2.7',
        [CLIENT_ADDRESS_HEADER]: '192.0.2.7',
        authorization: `Bearer ${SECRET}`,
      },
      body: encapsulatedRequest as Uint8Array<ArrayBuffer>,
    });
    expect(outer.status).toBe(200);
    expect(
      Object.keys(headersOf(outer.headers)).filter(
        (h) => !['content-type', 'content-length', 'connection', 'keep-alive', 'date'].includes(h),
      ),
    ).toEqual([]);
    const inner = bhttp.decodeResponse(context.decapsulateResponse(new Uint8Array(await outer.arrayBuffer())));
    expect(inner.status).toBe(200);

    const relaySaw = stack.seen.relay.at(-1)!;
    const gatewaySaw = stack.seen.gateway.at(-1)!;
    expect(relaySaw.headers[CLIENT_ADDRESS_HEADER]).toBe('127.0.0.1'); // the adapter's, not the spoofed one
    for (const h of ['cookie', 'forwarded', 'x-forwarded-for', 'x-real-ip', CLIENT_ADDRESS_HEADER, 'authorization'])
      expect(gatewaySaw.headers[h]).toBeUndefined();
    expect(JSON.stringify(gatewaySaw.headers)).not.toContain(SECRET);
    expect(JSON.stringify(gatewaySaw.headers)).not.toContain('192.0.2.7');
    expect(JSON.stringify(stack.seen.service.at(-1)!.headers)).not.toContain('192.0.2.7');
  });

  test('no log line of any hop holds the secret; every line has only allow-listed fields', () => {
    expect(stack.logs.length).toBeGreaterThan(0);
    expect(new Set(stack.logs.map((l) => l.hop))).toEqual(new Set(['directory', 'relay', 'gateway']));
    for (const line of stack.logs) {
      const text = JSON.stringify(line);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('127.0.0.1');
      for (const field of Object.keys(line)) expect(ALLOWED_LOG_FIELDS.has(field)).toBe(true);
    }
  });

  test('a failing service is a 502 inside the encapsulation; the gateway keeps serving', async () => {
    useBackend(name);
    const down = await serveNode(async () => new Response());
    const url = down.url;
    await down.close();
    const logs: unknown[] = [];
    const gateway = ohttp.gateway({ keys: stack.directory.keys, target: url, log: (l) => logs.push(l) });
    const client = ohttp.client({ relay: gateway, keys: stack.directory.configs() });
    const response = await client.fetch(secretRequest());
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('');
    expect(logs).toMatchObject([{ hop: 'gateway', event: 'served', status: 200, error: 'UPSTREAM' }]);
  });
});
