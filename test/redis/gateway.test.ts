// Through the gateway: an OHTTP gateway whose credential check (credentials.gatewayAuthorizer)
// spends tokens in the Redis store. A token is served once and refused the second time (401,
// credential-spent); with Redis stopped, the request is answered 503 (credential-store-unavailable)
// inside the encapsulation — the relay sees a 200 OHTTP response, the target is never called.
import { describe, expect, test } from 'vitest';
import { credentials, hpke, ohttp, oprf, type Handler } from 'oblivia';
import { redisSpentStore } from 'oblivia/redis';
import { untilReady, useRedis } from './client.js';
import { redisAvailable } from './server.js';

const available = redisAvailable();
if (!available.run) console.warn(available.reason);

describe.skipIf(!available.run)('an OHTTP gateway over the Redis store', () => {
  const redis = useRedis();

  function setup() {
    const issuerKey = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
    const ohttpKey = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
      { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
    ]);
    const served: string[] = [];
    const target: Handler = async (request) => {
      served.push(await request.text());
      return new Response('served');
    };
    const store = redisSpentStore({ client: redis.client, timeoutMs: 300 });
    const verifier = credentials.verifier({ secretKey: issuerKey.secretKey, store });
    const gateway = ohttp.gateway({ keys: [ohttpKey], target, authorize: credentials.gatewayAuthorizer(verifier) });
    const relaySaw: Array<[number, string | null]> = [];
    const relay: Handler = async (request) => {
      const response = await gateway(request);
      relaySaw.push([response.status, response.headers.get('content-type')]);
      return response;
    };
    const issuer = credentials.issuer({ secretKey: issuerKey.secretKey });
    const credentialClient = credentials.client({ publicKey: issuerKey.publicKey });
    const { bytes, pending } = credentialClient.request({ epoch: credentials.currentEpoch(), values: ['x'] }, 4);
    const wallet = credentialClient.finalize(pending, issuer.issue(bytes));
    const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(ohttpKey));
    /** A client that sends `header` as its Authorization (a token replayed), or redeems the next credential. */
    const client = (header?: string) =>
      ohttp.client({
        relay,
        keys: [config],
        authorize: async (request) => {
          if (header === undefined)
            return credentials.clientAuthorizer(credentialClient, () => wallet.shift()!)(request);
          const headers = new Headers(request.headers);
          headers.set('authorization', header);
          return new Request(request, { headers });
        },
      });
    const request = () => new Request('https://service.example/summarise', { method: 'POST', body: 'hello' });
    return { served, relaySaw, client, request, credentialClient, wallet };
  }

  test('a token is served once; presented again it is 401 credential-spent', async () => {
    const { served, client, request, credentialClient, wallet } = setup();
    const token = credentialClient.redeem(wallet.shift()!, await credentials.requestBinding(request()));
    const header = credentials.encodeAuthorization(token);
    const first = await client(header).fetch(request());
    expect([first.status, await first.text()]).toEqual([200, 'served']);
    const second = await client(header).fetch(request());
    expect(second.status).toBe(401);
    expect(second.headers.get('www-authenticate')).toBe('ObliviaToken');
    expect((await second.json()).type).toBe(credentials.problemType('SPENT'));
    expect(served).toEqual(['hello']);
  });

  test('Redis stopped: 503 credential-store-unavailable inside the encapsulation, never the target; back once Redis is', async () => {
    const { served, relaySaw, client, request } = setup();
    await redis.server.stop();
    try {
      const response = await client().fetch(request());
      expect(response.status).toBe(503);
      expect(response.headers.get('www-authenticate')).toBe(null);
      expect(await response.json()).toEqual({
        type: credentials.problemType('STORE_UNAVAILABLE'),
        title: 'spent-token store is unavailable',
        status: 503,
      });
      expect(relaySaw).toEqual([[200, 'message/ohttp-res']]);
      expect(served).toEqual([]);
    } finally {
      await redis.server.restart();
    }
    await untilReady(redis.client);
    const response = await client().fetch(request());
    expect([response.status, await response.text()]).toEqual([200, 'served']);
    expect(served).toEqual(['hello']);
  });
});
