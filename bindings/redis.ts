// oblivia/redis — state that many gateway processes share, on Redis: the spent-token store
// (docs/credentials.md §Redis spent-token store) and the OHTTP replay store (docs/ohttp.md). It takes a node-redis client the application
// creates and owns, and imports nothing of `redis` itself (an optional peer dependency).
export {
  createRedisSpentStore as redisSpentStore,
  type RedisSpentStore,
  type RedisSpentStoreOptions,
} from './redis/spent-store.js';
export { REDIS_CLIENT_OPTIONS, type RedisCommandClient, type SetIfAbsent } from './redis/client.js';
export {
  redisReplayStore,
  ReplayStoreUnavailableError,
  type RedisReplayStoreOptions,
  type RedisSetClient,
} from './redis/replay-store.js';
