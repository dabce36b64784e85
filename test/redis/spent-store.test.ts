// The Redis spent-token store against a redis-server of the test's own: add is a check-and-add
// (true once, then false), has is EXISTS, scopes (key id, epoch) are apart, expire is a no-op, and
// bad arguments are the memory store's TypeError / RangeError. The key layout and TTL are read
// from Redis directly.
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { credentials, CredentialError } from 'oblivia';
import type { createClient, createCluster } from 'redis';
import { redisSpentStore, type RedisCommandClient } from 'oblivia/redis';
import { useRedis } from './client.js';
import { redisAvailable } from './server.js';

const available = redisAvailable();
if (!available.run) console.warn(available.reason);

// node-redis' clients fit the few commands the store needs (checked by tsc): a single server's and
// a cluster's, whose keys the store never mixes in one command.
const fits = <_Client extends RedisCommandClient>(): void => undefined;
fits<ReturnType<typeof createClient>>();
fits<ReturnType<typeof createCluster>>();

const DAY = 86_400_000;
const today = credentials.currentEpoch();
const keyId = new Uint8Array(8).fill(0xab);
const input = () => new Uint8Array(randomBytes(32));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe.skipIf(!available.run)('redisSpentStore', () => {
  const redis = useRedis();

  test('add records an input once: true, then false; has answers whether it is spent', async () => {
    const store = redisSpentStore({ client: redis.client });
    const scope = { keyId, epoch: today };
    const x = input();
    expect(await store.has(scope, x)).toBe(false);
    expect(await store.add(scope, x)).toBe(true);
    expect(await store.add(scope, x)).toBe(false);
    expect(await store.has(scope, x)).toBe(true);
    expect(await store.has(scope, input())).toBe(false);
  });

  test('another key id or another epoch is another scope', async () => {
    const store = redisSpentStore({ client: redis.client });
    const x = input();
    expect(await store.add({ keyId, epoch: today }, x)).toBe(true);
    expect(await store.add({ keyId: new Uint8Array(8).fill(0xcd), epoch: today }, x)).toBe(true);
    expect(await store.add({ keyId, epoch: today - 1 }, x)).toBe(true);
    expect(await store.add({ keyId, epoch: today + 1 }, x)).toBe(true);
    expect(await store.has({ keyId, epoch: today - 2 }, x)).toBe(false);
  });

  test('one key per input, <prefix><key id>:<epoch>:<input>, kept until the end of epoch + 2 (default)', async () => {
    const store = redisSpentStore({ client: redis.client, prefix: 'test:layout:' });
    const x = input();
    for (const epoch of [today - 1, today, today + 1]) {
      const before = Date.now();
      expect(await store.add({ keyId, epoch }, x)).toBe(true);
      const key = `test:layout:${hex(keyId)}:${epoch}:${hex(x)}`;
      expect(await redis.client.get(key)).toBe('1');
      const ttl = await redis.client.pTTL(key);
      const end = (epoch + 3) * DAY; // end of epoch + 2, on this process's clock
      expect(ttl).toBeLessThanOrEqual(end - before);
      expect(ttl).toBeGreaterThan(end - Date.now() - 1000);
    }
    expect(await redis.client.keys('test:layout:*')).toHaveLength(3);
  });

  test('retainEpochs and epochMs set the TTL; an epoch past its retention or too far ahead is EPOCH', async () => {
    const store = redisSpentStore({ client: redis.client, prefix: 'test:ttl:', retainEpochs: 1, epochMs: 60_000 });
    const now = Math.floor(Date.now() / 60_000);
    const x = input();
    expect(await store.add({ keyId, epoch: now }, x)).toBe(true);
    expect(await redis.client.pTTL(`test:ttl:${hex(keyId)}:${now}:${hex(x)}`)).toBeLessThanOrEqual(60_000);
    expect(() => store.add({ keyId, epoch: now - 1 }, x)).toThrow(new CredentialError('EPOCH'));
    expect(() => store.add({ keyId, epoch: now + 2 }, x)).toThrow(new CredentialError('EPOCH'));
    const daily = redisSpentStore({ client: redis.client });
    expect(() => daily.add({ keyId, epoch: today - 3 }, x)).toThrow(new CredentialError('EPOCH'));
    expect(() => daily.add({ keyId, epoch: today + 4 }, x)).toThrow(new CredentialError('EPOCH'));
    expect(await daily.add({ keyId, epoch: today + 3 }, x)).toBe(true);
  });

  test('concurrent adds of one input in one tick (pipelined): exactly one is true', async () => {
    const store = redisSpentStore({ client: redis.client });
    const x = input();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.add({ keyId, epoch: today }, x)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('expire is a no-op (the TTL drops keys) that still checks its argument', async () => {
    const store = redisSpentStore({ client: redis.client });
    const x = input();
    await store.add({ keyId, epoch: today }, x);
    expect(store.expire(today + 10)).toBe(undefined);
    expect(await store.has({ keyId, epoch: today }, x)).toBe(true);
    const memory = credentials.memorySpentStore();
    for (const bad of [-1, 'x', 2 ** 33, 1.5])
      expect(() => store.expire(bad as number)).toThrow(captured(() => memory.expire(bad as number)));
  });

  test("bad arguments: the memory store's TypeError / RangeError, and exact lengths (8-byte key id, 32-byte input)", () => {
    const store = redisSpentStore({ client: redis.client });
    const memory = credentials.memorySpentStore();
    const x = input();
    const cases: Array<[unknown, unknown]> = [
      [{ keyId, epoch: -1 }, x],
      [{ keyId, epoch: '1' }, x],
      [{ keyId, epoch: 2 ** 32 }, x],
      [{ keyId, epoch: today }, 'x'],
    ];
    for (const [scope, tokenInput] of cases) {
      const expected = captured(() => memory.add(scope as never, tokenInput as never));
      expect(() => store.add(scope as never, tokenInput as never)).toThrow(expected);
      expect(() => store.has(scope as never, tokenInput as never)).toThrow(expected);
    }
    expect(() => store.add(null as never, x)).toThrow(new TypeError('"scope" expected object'));
    expect(() => store.add({ keyId: 'ab' as never, epoch: today }, x)).toThrow(
      new TypeError('"scope.keyId" expected Uint8Array, got string'),
    );
    expect(() => store.add({ keyId: new Uint8Array(9), epoch: today }, x)).toThrow(
      new RangeError('"scope.keyId" expected Uint8Array of length 8, got length=9'),
    );
    expect(() => store.add({ keyId, epoch: today }, new Uint8Array(31))).toThrow(
      new RangeError('"tokenInput" expected Uint8Array of length 32, got length=31'),
    );
  });

  test('bad options', () => {
    expect(() => redisSpentStore(null as never)).toThrow(TypeError);
    expect(() => redisSpentStore({ client: {} as never })).toThrow(
      new TypeError('"options.client" expected a node-redis client (set, exists)'),
    );
    expect(() => redisSpentStore({ client: redis.client, timeoutMs: 0 })).toThrow(
      new RangeError('"options.timeoutMs" expected integer in [1, 60000], got 0'),
    );
    expect(() => redisSpentStore({ client: redis.client, retainEpochs: 0 })).toThrow(RangeError);
    expect(() => redisSpentStore({ client: redis.client, epochMs: 1.5 })).toThrow(RangeError);
    expect(() => redisSpentStore({ client: redis.client, prefix: 'has space' })).toThrow(RangeError);
    expect(() => redisSpentStore({ client: redis.client, prefix: 1 as never })).toThrow(TypeError);
  });
});

/** The error `f` throws. */
function captured(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}
