// The authorization hooks: the client's `authorize` prepares each request before encapsulation,
// the gateway's decides on each decapsulated request — forwarding what it returns, or answering
// its response inside the encapsulation — and a throwing hook is a 500 that leaves the gateway
// serving. In process: the client's relay is the gateway handler itself.
import { expect, test } from 'vitest';
import { hpke, ohttp, type Handler, type LogEntry } from 'oblivia';

const PROBLEM = { type: 'https://example.test/problems/credential', title: 'credential required' };

function setup(authorizeClient?: (request: Request) => Promise<Request>) {
  const key = ohttp.generateKeyConfig(3, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
  const targetSaw: Array<string | null> = [];
  const logs: LogEntry[] = [];
  let failNext = false;
  const target: Handler = async (request) => {
    targetSaw.push(request.headers.get('x-credential'));
    return new Response('served');
  };
  const gateway = ohttp.gateway({
    keys: [key],
    target,
    log: (entry) => logs.push(entry),
    authorize: async (request) => {
      if (failNext) {
        failNext = false;
        throw new Error('store unavailable');
      }
      if (request.headers.get('x-credential') !== 'valid') {
        return new Response(JSON.stringify(PROBLEM), {
          status: 401,
          headers: { 'content-type': 'application/problem+json' },
        });
      }
      const headers = new Headers(request.headers);
      headers.delete('x-credential');
      return new Request(request, { headers });
    },
  });
  const client = ohttp.client({ relay: gateway, keys: [config], authorize: authorizeClient });
  return { client, targetSaw, logs, failNextAuthorization: () => (failNext = true) };
}

const withCredential = async (request: Request) => {
  const headers = new Headers(request.headers);
  headers.set('x-credential', 'valid');
  return new Request(request, { headers });
};

test("the client's hook adds a credential; the gateway checks it and forwards the request without it", async () => {
  const { client, targetSaw, logs } = setup(withCredential);
  const response = await client.fetch(new Request('https://service.example/summarise', { method: 'POST', body: 'x' }));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('served');
  expect(targetSaw).toEqual([null]);
  expect(logs.map((l) => [l.event, l.status, l.error])).toEqual([['served', 200, undefined]]);
});

test("a refused request gets the hook's response inside the encapsulation; the target never sees it", async () => {
  const { client, targetSaw, logs } = setup();
  const response = await client.fetch(new Request('https://service.example/summarise'));
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await response.json()).toEqual(PROBLEM);
  expect(targetSaw).toEqual([]);
  // The outer exchange succeeded (the relay saw a 200); the log says why the inner one did not.
  expect(logs.map((l) => [l.event, l.status, l.error])).toEqual([['served', 200, 'UNAUTHORIZED']]);
});

test('a throwing hook is an encapsulated 500, and the gateway keeps serving', async () => {
  const { client, targetSaw, failNextAuthorization, logs } = setup(withCredential);
  failNextAuthorization();
  expect((await client.fetch(new Request('https://service.example/a'))).status).toBe(500);
  expect((await client.fetch(new Request('https://service.example/b'))).status).toBe(200);
  expect(targetSaw).toEqual([null]);
  expect(logs.map((l) => l.error)).toEqual(['INTERNAL', undefined]);
});

test('the hooks must be functions', () => {
  const key = ohttp.generateKeyConfig(3, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const target: Handler = async () => new Response('');
  expect(() => ohttp.gateway({ keys: [key], target, authorize: 'yes' as never })).toThrow(
    new TypeError('"options.authorize" expected function'),
  );
  expect(() =>
    ohttp.client({ relay: target, keys: [ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key))], authorize: 1 as never }),
  ).toThrow(new TypeError('"options.authorize" expected function'));
});
