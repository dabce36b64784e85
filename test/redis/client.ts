// A node-redis client for the tests, as a gateway would make one: the store's recommended options
// (no offline queue, a bounded command queue), a quick reconnect, connection errors collected
// rather than thrown (node-redis emits them as 'error' events, which must have a listener).
import { afterAll, beforeAll } from 'vitest';
import { createClient } from 'redis';
import { REDIS_CLIENT_OPTIONS } from 'oblivia/redis';
import { startRedis, type RedisServer } from './server.js';

const create = (url: string) =>
  createClient({ url, ...REDIS_CLIENT_OPTIONS, socket: { connectTimeout: 500, reconnectStrategy: () => 50 } });

export type TestClient = ReturnType<typeof create> & { readonly errors: unknown[] };

export async function connectClient(url: string): Promise<TestClient> {
  const errors: unknown[] = [];
  const client = create(url);
  client.on('error', (e: unknown) => errors.push(e));
  await client.connect();
  return Object.assign(client, { errors });
}

/** Resolves once the client is connected again (after a restart), or rejects after `ms`. */
export async function untilReady(client: { readonly isReady: boolean }, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!client.isReady) {
    if (Date.now() > deadline) throw new Error('the client did not reconnect');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A redis-server and a client of the enclosing suite's own: started before its tests, stopped
 *  after them. Read `server` and `client` inside the tests. */
export function useRedis(): { server: RedisServer; client: TestClient } {
  const held = {} as { server: RedisServer; client: TestClient };
  beforeAll(async () => {
    held.server = await startRedis();
    held.client = await connectClient(held.server.url);
  });
  afterAll(async () => {
    held.client?.destroy();
    await held.server?.close();
  });
  return held;
}
