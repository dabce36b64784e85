// The replay store on a real Redis (Debian's redis-server, started here on a free port): two
// gateway handlers sharing it serve one request once, SET NX PX is what `add` sends, and a Redis
// that is gone makes the gateway answer 503 inside the encapsulation.
import { describe, expect, test } from 'vitest';
import { bhttp, hpke, ohttp, type Handler } from 'oblivia';
import { redisReplayStore } from 'oblivia/redis';
import { useRedis } from '../redis/client.js';
import { exchangeWith } from '../security/gateway-exchange.js';
import { gatewayWithStore } from './store-gateway.js';
import { redisAvailable } from '../redis/server.js';

describe.skipIf(!redisAvailable().run)('the replay store on a real Redis', () => {
  const redis = useRedis();

  test('two gateways sharing one Redis store serve a request once', async () => {
    const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
      { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
    ]);
    const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
    const prefix = `test:${Math.random()}:`;
    const store = redisReplayStore({ client: redis.client, prefix });
    let runs = 0;
    const target: Handler = async () => new Response(`run ${++runs}`);
    const gateways = [0, 1].map(() => ohttp.gateway({ keys: [key], target, replay: { store } }));
    const bhttpRequest = bhttp.encodeRequest({
      method: 'GET',
      scheme: 'https',
      authority: 'service.example',
      path: '/',
      headers: [['date', new Date().toUTCString()]],
    });
    const skE = crypto.getRandomValues(new Uint8Array(32));
    const statuses: number[] = [];
    for (const gateway of [...gateways, ...gateways])
      statuses.push((await exchangeWith(gateway, config, bhttpRequest, { skE })).status);
    expect(statuses).toEqual([200, 400, 400, 400]);
    expect(runs).toBe(1);
    // One key, kept for 2 × 60 s + 1 s.
    const [stored] = await redis.client.keys(`${prefix}*`);
    expect(stored).toMatch(/^test:[\d.]+:[0-9a-f]{64}$/);
    expect(await redis.client.pTTL(stored!)).toBeLessThanOrEqual(121_000);
  });

  test('add is SET NX PX: true once, then false; the key expires', async () => {
    const prefix = `test:${Math.random()}:`;
    const store = redisReplayStore({ client: redis.client, prefix });
    const id = new Uint8Array([0xab, 0xcd]);
    expect(await store.add(id, 60_000)).toBe(true);
    expect(await store.add(id, 60_000)).toBe(false);
    const ttl = await redis.client.pTTL(`${prefix}abcd`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

test('a Redis client that fails, hangs or is not ready: add rejects, the gateway answers 503', async () => {
  const failing = redisReplayStore({ client: { set: () => Promise.reject(new Error('ECONNREFUSED')) } });
  await expect(failing.add(new Uint8Array([1]), 1000)).rejects.toThrow('replay store unavailable');
  const odd = redisReplayStore({ client: { set: async () => 'QUEUED' } });
  await expect(odd.add(new Uint8Array([1]), 1000)).rejects.toThrow('replay store unavailable');
  const offline = redisReplayStore({ client: { isReady: false, set: async () => 'OK' } });
  await expect(offline.add(new Uint8Array([1]), 1000)).rejects.toThrow('replay store unavailable');
  const hanging = redisReplayStore({ client: { set: () => new Promise(() => {}) }, timeoutMs: 20 });
  await expect(hanging.add(new Uint8Array([1]), 1000)).rejects.toThrow('replay store unavailable');

  const { client, target } = gatewayWithStore(failing);
  expect((await client.fetch(new Request('https://service.example/'))).status).toBe(503);
  expect(target.runs).toBe(0);
});
