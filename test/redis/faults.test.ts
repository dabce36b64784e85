// The Redis store fails closed: while Redis is down, frozen, or answers what it should not, every
// add rejects with CredentialError STORE_UNAVAILABLE within its time bound — none resolves true,
// none hangs, nothing queues while disconnected — and once Redis is back (same port) and the
// client has reconnected, adds work again. The test's server keeps nothing (--save ""), so a
// restart forgets the spends before it: persistence is the operator's choice (docs/credentials.md).
import { randomBytes } from 'node:crypto';
import { describe, expect, test, vi } from 'vitest';
import { credentials, CredentialError } from 'oblivia';
import { redisSpentStore, type RedisCommandClient } from 'oblivia/redis';
import { untilReady, useRedis } from './client.js';
import { redisAvailable } from './server.js';

const available = redisAvailable();
if (!available.run) console.warn(available.reason);

const TIMEOUT = 300;
const scope = { keyId: new Uint8Array(8).fill(7), epoch: credentials.currentEpoch() };
const input = () => new Uint8Array(randomBytes(32));

/** What an add came to. */
async function outcome(run: () => Promise<boolean>): Promise<{ result: string }> {
  let result: string;
  try {
    result = String(await run());
  } catch (e) {
    result = e instanceof CredentialError ? e.code : `unexpected ${String(e)}`;
  }
  return { result };
}

describe('without Redis: what the client does is bounded and checked', () => {
  const fake = (client: RedisCommandClient) => redisSpentStore({ client, timeoutMs: TIMEOUT });
  const never = () => new Promise<never>(() => undefined);

  /** `run`'s outcome, on a fake clock: what it came to after `ms` of it, if it has settled. */
  async function after(ms: number, run: () => Promise<boolean>): Promise<string | undefined> {
    vi.useFakeTimers();
    try {
      let settled: string | undefined;
      void outcome(run).then((o) => (settled = o.result));
      await vi.advanceTimersByTimeAsync(ms);
      return settled;
    } finally {
      vi.useRealTimers();
    }
  }

  test('no reply within timeoutMs: STORE_UNAVAILABLE, at timeoutMs and not before', async () => {
    const store = fake({ set: never, exists: never });
    expect(await after(TIMEOUT - 1, () => store.add(scope, input()))).toBeUndefined();
    expect(await after(TIMEOUT, () => store.add(scope, input()))).toBe('STORE_UNAVAILABLE');
    expect(await after(TIMEOUT, () => store.has(scope, input()))).toBe('STORE_UNAVAILABLE');
  });

  test('a client not ready is not asked: STORE_UNAVAILABLE at once, with no time passing', async () => {
    let asked = 0;
    const store = fake({ isReady: false, set: async () => (asked++, 'OK'), exists: async () => (asked++, 0) });
    expect([await after(0, () => store.add(scope, input())), asked]).toEqual(['STORE_UNAVAILABLE', 0]);
  });

  test('an error, a synchronous throw, or a reply of another shape: STORE_UNAVAILABLE with the cause', async () => {
    const replies: Array<() => Promise<unknown>> = [
      () => Promise.reject(new Error('ECONNRESET')),
      () => {
        throw new Error('The client is closed');
      },
      async () => 'QUEUED',
      async () => 1,
      async () => undefined,
    ];
    for (const reply of replies) {
      const store = fake({ set: reply, exists: reply });
      const error = await store.add(scope, input()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CredentialError);
      expect((error as CredentialError).code).toBe('STORE_UNAVAILABLE');
      expect((error as CredentialError).message).toBe('spent-token store is unavailable');
      expect((error as CredentialError).cause).toBeInstanceOf(Error);
    }
  });
});

describe.skipIf(!available.run)('a real Redis stopped, frozen and restarted', () => {
  const redis = useRedis();

  test('stopped mid-run: every add settles within the bound, none true twice; then STORE_UNAVAILABLE; back after a restart', async () => {
    const store = redisSpentStore({ client: redis.client, timeoutMs: TIMEOUT });
    const before = Array.from({ length: 20 }, input);
    expect(await Promise.all(before.map((x) => store.add(scope, x)))).toEqual(before.map(() => true));

    // Adds keep coming, every 2 ms, fresh inputs and replays of `before`; the server stops after 20.
    const running: Array<Promise<{ result: string }>> = [];
    const replays: Array<Promise<{ result: string }>> = [];
    let stopped: Promise<void> | undefined;
    for (let i = 0; i < 100; i++) {
      if (i === 20) stopped = redis.server.stop();
      running.push(outcome(() => store.add(scope, input())));
      replays.push(outcome(() => store.add(scope, before[i % before.length]!)));
      await new Promise((r) => setTimeout(r, 2));
    }
    await stopped;
    const settled = [...(await Promise.all(running)), ...(await Promise.all(replays))];
    // Every one settled (none hangs: the store's own timer bounds it, as tested above).
    for (const { result } of settled) expect(['true', 'false', 'STORE_UNAVAILABLE']).toContain(result);
    expect((await Promise.all(replays)).map((o) => o.result)).not.toContain('true'); // none accepted twice
    expect(settled.map((o) => o.result)).toContain('true'); // served while up
    expect(settled.map((o) => o.result)).toContain('STORE_UNAVAILABLE');

    // Down: every add and has rejects at once (no offline queue), none resolves.
    const down = await Promise.all(
      Array.from({ length: 50 }, () => outcome(() => store.add(scope, input()))).concat(
        outcome(() => store.has(scope, before[0]!)),
      ),
    );
    for (const { result } of down) expect(result).toBe('STORE_UNAVAILABLE');

    // Back on the same port, empty (nothing persisted): once reconnected, adds work again.
    await redis.server.restart();
    await untilReady(redis.client);
    const after = input();
    expect(await store.add(scope, after)).toBe(true);
    expect(await store.add(scope, after)).toBe(false);
    expect(await store.add(scope, before[0]!)).toBe(true); // forgotten: the server kept nothing
    expect(redis.client.errors.length).toBeGreaterThan(0); // the connection errors reached the application
  });

  test('frozen (connected, no replies): every add rejects at its time bound; thawed, adds work', async () => {
    await untilReady(redis.client);
    const store = redisSpentStore({ client: redis.client, timeoutMs: TIMEOUT });
    redis.server.pause();
    try {
      const frozen = await Promise.all(Array.from({ length: 20 }, () => outcome(() => store.add(scope, input()))));
      // A frozen server never replies: only the store's time bound (tested above) settles them.
      for (const { result } of frozen) expect(result).toBe('STORE_UNAVAILABLE');
    } finally {
      redis.server.resume();
    }
    const x = input();
    expect(await store.add(scope, x)).toBe(true);
    expect(await store.add(scope, x)).toBe(false);
  });
});
