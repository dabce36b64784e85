// The gateway's replay store (RFC 9458 §6.5) on Redis, shared by every gateway process: `add` is
// one `SET <prefix><hex id> 1 NX PX <ttl>` — atomic, so of two gateways given copies of one request
// at once exactly one gets 'OK'; Redis forgets the id when its time to live ends. It takes a client
// the application creates, connects and owns (node-redis' createClient or createCluster) and imports
// nothing of `redis`. It fails closed: the client not ready, an error, a reply other than 'OK' or
// null, or no reply within `timeoutMs` rejects, and the gateway answers 503.
import { addArgumentError, type ReplayStore } from '../http/replay.js';
import { bounded, type RedisCommandClient } from './client.js';

/** What the store needs of a client: SET (NX PX), and node-redis' `isReady`. */
export type RedisSetClient = Pick<RedisCommandClient, 'isReady' | 'set'>;

export interface RedisReplayStoreOptions {
  /** The connected client. */
  client: RedisSetClient;
  /** Put before each id's hex; default 'oblivia:ohttp-replay:'. */
  prefix?: string;
  /** How long one SET may take, in ms; default 1000. */
  timeoutMs?: number;
}

/** Thrown (as the rejection of `add`) when Redis cannot answer: the gateway answers 503. */
export class ReplayStoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('replay store unavailable', { cause });
    this.name = 'ReplayStoreUnavailableError';
  }
}

export function redisReplayStore(options: RedisReplayStoreOptions): ReplayStore {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" expected object');
  const { client } = options;
  if (typeof client !== 'object' || client === null || typeof client.set !== 'function')
    throw new TypeError('"options.client" expected a Redis client (an object with set)');
  const prefix = options.prefix ?? 'oblivia:ohttp-replay:';
  if (typeof prefix !== 'string') throw new TypeError('"options.prefix" expected string');
  const timeoutMs = options.timeoutMs ?? 1000;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1)
    throw new RangeError(`"options.timeoutMs" expected a positive integer, got ${String(timeoutMs)}`);

  return Object.freeze({
    add(id: Uint8Array, ttlMs: number): Promise<boolean> {
      const wrong = addArgumentError(id, ttlMs);
      if (wrong !== undefined) return Promise.reject(wrong);
      const key = prefix + Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('');
      return bounded(
        client,
        timeoutMs,
        () => client.set(key, '1', { condition: 'NX', expiration: { type: 'PX', value: ttlMs } }),
        (reply) => (reply === 'OK' ? true : reply === null ? false : undefined),
        (cause) => new ReplayStoreUnavailableError(cause),
      );
    },
  });
}
