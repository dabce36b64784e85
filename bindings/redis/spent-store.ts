// The spent-token store on Redis, shared by every gateway process (docs/credentials.md §Redis
// spent-token store). One key per spent token input, standalone, so it runs on Redis Cluster too:
//   <prefix><key id, hex>:<epoch>:<token input, hex>  →  "1"
// `add` is one `SET key 1 NX PX ttl` (https://redis.io/docs/latest/commands/set/): Redis runs each
// command atomically, so of concurrent adds of one input exactly one gets OK, the others null. The
// TTL keeps the key until the end of epoch `epoch + retainEpochs − 1` on this process's clock (the
// clock its verifier accepts epochs by), so there is no `expire` to call.
import { bytesToHex } from '../utils/bytes.js';
import { bytes, integer } from '../utils/arguments.js';
import { CredentialError } from '../credentials/credential-error.js';
import { KEY_ID_LENGTH } from '../credentials/key-id.js';
import { optionsObject } from '../credentials/poprf-suite.js';
import type { SpentScope, SpentStore } from '../credentials/spent-store.js';
import { INPUT_LENGTH } from '../credentials/wire.js';
import { bounded, type RedisCommandClient } from './client.js';

/** Options of {@link redisSpentStore}. */
export interface RedisSpentStoreOptions {
  /** A connected node-redis client (createClient or createCluster), owned by the application: it
   *  connects, listens to its 'error' events and closes it. REDIS_CLIENT_OPTIONS bound its queue. */
  client: RedisCommandClient;
  /** Prepended to every key, 0 … 64 printable ASCII characters; default 'oblivia:spent:'. */
  prefix?: string;
  /** The longest wait for one command's reply, 1 … 60,000 ms; default 1,000. */
  timeoutMs?: number;
  /** How many epochs a spent input is kept: its own and those just after it, 1 … 366; default 3
   *  (the verifier's default acceptEpoch takes an epoch until the end of the next, plus one epoch
   *  of margin for the gateways' clocks). */
  retainEpochs?: number;
  /** The length of an epoch, 1 … 2^32 ms; default 86,400,000 (a UTC day, as currentEpoch). */
  epochMs?: number;
}

/** A SpentStore whose add and has always answer by a promise (or throw on bad arguments). */
export interface RedisSpentStore extends SpentStore {
  /** One `SET key 1 NX PX ttl`: true if the input was not yet spent in `scope`, false if it was. */
  add(scope: SpentScope, tokenInput: Uint8Array): Promise<boolean>;
  /** Whether the input is spent in `scope` (`EXISTS`). */
  has(scope: SpentScope, tokenInput: Uint8Array): Promise<boolean>;
  /** Nothing to do: Redis expires each key by its TTL. */
  expire(beforeEpoch: number): void;
}

const MAX_EPOCH = 0xffffffff;
const PREFIX = /^[\x21-\x7e]{0,64}$/;

/** A SpentStore on Redis. `add` and `has` throw TypeError / RangeError for bad arguments (the key
 *  id must be 8 bytes and the input 32, as in a token), throw EPOCH for an epoch whose retention
 *  has passed or lies further ahead than two retentions, and reject STORE_UNAVAILABLE when Redis
 *  does not answer as it should within timeoutMs — never resolving true for an unrecorded input.
 *
 * @throws `TypeError` / `RangeError` for a missing client or a bad option (`"options.…"`).
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { credentials } from 'oblivia/credentials';
 * import { REDIS_CLIENT_OPTIONS, redisSpentStore } from 'oblivia/redis';
 *
 * const client = await createClient({ url: 'redis://127.0.0.1:6379', ...REDIS_CLIENT_OPTIONS }).connect();
 * client.on('error', () => {}); // refusals come back as STORE_UNAVAILABLE
 * const verifier = credentials.verifier({ secretKey, store: redisSpentStore({ client }) });
 * ```
 */
export function createRedisSpentStore(options: RedisSpentStoreOptions): RedisSpentStore {
  optionsObject(options, 'options');
  const { client } = options;
  if (
    typeof client !== 'object' ||
    client === null ||
    typeof client.set !== 'function' ||
    typeof client.exists !== 'function'
  )
    throw new TypeError('"options.client" expected a node-redis client (set, exists)');
  const prefix = options.prefix ?? 'oblivia:spent:';
  if (typeof prefix !== 'string') throw new TypeError('"options.prefix" expected string');
  if (!PREFIX.test(prefix)) throw new RangeError('"options.prefix" expected 0 … 64 printable ASCII characters');
  const timeoutMs = integer(options.timeoutMs ?? 1000, 'options.timeoutMs', 1, 60_000);
  const retainEpochs = integer(options.retainEpochs ?? 3, 'options.retainEpochs', 1, 366);
  const epochMs = integer(options.epochMs ?? 86_400_000, 'options.epochMs', 1, 2 ** 32);

  const keyOf = (scope: SpentScope, tokenInput: Uint8Array): string => {
    if (typeof scope !== 'object' || scope === null) throw new TypeError('"scope" expected object');
    const keyId = bytesToHex(bytes(scope.keyId, 'scope.keyId', KEY_ID_LENGTH));
    const epoch = integer(scope.epoch, 'scope.epoch', 0, MAX_EPOCH);
    return `${prefix}${keyId}:${epoch}:${bytesToHex(bytes(tokenInput, 'tokenInput', INPUT_LENGTH))}`;
  };
  /** Milliseconds until the end of epoch `epoch + retainEpochs − 1`; EPOCH if that has passed or
   *  is more than two retentions away (a clock far off, or an epoch no verifier should accept). */
  const ttlOf = (epoch: number): number => {
    const ttl = (epoch + retainEpochs) * epochMs - Date.now();
    if (ttl <= 0 || ttl > 2 * retainEpochs * epochMs) throw new CredentialError('EPOCH');
    return ttl;
  };

  return Object.freeze({
    add(scope: SpentScope, tokenInput: Uint8Array): Promise<boolean> {
      const key = keyOf(scope, tokenInput);
      const expiration = { type: 'PX', value: ttlOf(scope.epoch) } as const;
      return bounded(
        client,
        timeoutMs,
        () => client.set(key, '1', { condition: 'NX', expiration }),
        (reply) => (reply === 'OK' ? true : reply === null ? false : undefined),
      );
    },
    has(scope: SpentScope, tokenInput: Uint8Array): Promise<boolean> {
      const key = keyOf(scope, tokenInput);
      return bounded(
        client,
        timeoutMs,
        () => client.exists(key),
        (reply) => (reply === 1 ? true : reply === 0 ? false : undefined),
      );
    },
    /** Nothing to do: each key expires by its TTL, set with it in `add`. */
    expire(beforeEpoch: number): void {
      integer(beforeEpoch, 'beforeEpoch', 0, MAX_EPOCH + 1);
    },
  });
}
