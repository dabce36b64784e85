// The gateway's replay store (RFC 9458 §6.5) on Redis, shared by every gateway process: `add` is
// one `SET <prefix><hex id> 1 NX PX <ttl>` — atomic, so of two gateways given copies of one request
// at once exactly one gets 'OK'; Redis forgets the id when its time to live ends. It takes a client
// the application creates, connects and owns (node-redis' createClient or createCluster) and imports
// nothing of `redis`. It fails closed: the client not ready, an error, a reply other than 'OK' or
// null, or no reply within `timeoutMs` rejects, and the gateway answers 503.
import { addArgumentError, type ReplayStore } from '../http/replay.js';
import { bytesToHex } from '../utils/bytes.js';
import { bounded, type RedisCommandClient } from './client.js';

/** What the store needs of a client: SET (NX PX), and node-redis' `isReady`. */
export type RedisSetClient = Pick<RedisCommandClient, 'isReady' | 'set'>;

/** Options of {@link redisReplayStore}. */
export interface RedisReplayStoreOptions {
  /** The connected client. */
  client: RedisSetClient;
  /** Put before each id's hex; default 'oblivia:ohttp-replay:'. */
  prefix?: string;
  /** How long one SET may take, in ms; default 1000. */
  timeoutMs?: number;
}

/**
 * Thrown (as the rejection of `add`) when Redis cannot answer: the gateway answers 503. Its `cause`
 * is what failed (not ready, an error, an unexpected reply, a timeout).
 *
 * @example
 * ```ts
 * const fresh = await store.add(id, 120_000).catch((e) => {
 *   if (e instanceof ReplayStoreUnavailableError) return undefined; // fail closed: refuse the request
 *   throw e;
 * });
 * ```
 */
export class ReplayStoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('replay store unavailable', { cause });
    this.name = 'ReplayStoreUnavailableError';
  }
}

/**
 * The OHTTP gateway's replay store (RFC 9458 §6.5) on Redis, shared by every gateway process: `add`
 * is one atomic `SET <prefix><hex id> 1 NX PX <ttl>`. It fails closed: the client not ready, an
 * error, an unexpected reply or no reply within `timeoutMs` rejects with
 * {@link ReplayStoreUnavailableError}, and the gateway answers 503.
 *
 * @throws `TypeError` for a missing client or prefix of the wrong type; `RangeError` for a bad
 * `timeoutMs`.
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { ohttp } from 'oblivia/ohttp';
 * import { REDIS_CLIENT_OPTIONS, redisReplayStore } from 'oblivia/redis';
 *
 * const client = await createClient({ url: 'redis://127.0.0.1:6379', ...REDIS_CLIENT_OPTIONS }).connect();
 * const gateway = ohttp.gateway({ keys, target, replay: { store: redisReplayStore({ client }), windowSeconds: 60 } });
 * ```
 */
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
      const key = prefix + bytesToHex(id);
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
