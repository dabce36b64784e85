// What the Redis stores need of a client, and how each command is bounded. The application owns the
// client (node-redis' `createClient` or `createCluster`, connected by it); this entry never imports
// `redis`, so it needs no more of it than these two commands and `isReady`. A command fails closed:
// the client not ready, an error, a reply of another shape, or no reply within the time bound all
// reject with CredentialError STORE_UNAVAILABLE (docs/credentials.md §Redis spent-token store).
import { CredentialError } from '../credentials/credential-error.js';

/** SET's options as node-redis 6 takes them: `SET key value NX PX ttl`. A client that ignored
 *  them would answer OK to every SET, so the peer dependency is pinned to the major tested. */
export interface SetIfAbsent {
  condition: 'NX';
  expiration: { type: 'PX'; value: number };
}

/** The commands used, as node-redis' RedisClientType and RedisClusterType declare them. */
export interface RedisCommandClient {
  /** False while disconnected: commands then fail at once instead of waiting in a queue. */
  readonly isReady?: boolean;
  /** 'OK' when set, null when the key exists (NX). */
  set(key: string, value: string, options: SetIfAbsent): Promise<unknown>;
  /** How many of the keys exist. */
  exists(key: string): Promise<unknown>;
}

/** Options for node-redis' createClient that keep commands from waiting unboundedly: no offline
 *  queue (a command issued while disconnected rejects at once, ClientOfflineError), and at most
 *  10,000 commands queued or awaiting a reply (more reject at once). node-redis' own per-command
 *  timeout (5 s by default) is off: the stores bound each command themselves (`timeoutMs`), and it
 *  costs an AbortSignal.timeout per command (docs/credentials.md: what it cost a gateway). */
export const REDIS_CLIENT_OPTIONS = Object.freeze({
  disableOfflineQueue: true,
  commandsQueueMaxLength: 10_000,
  commandOptions: Object.freeze({ timeout: 0 }),
});

const storeUnavailable = (cause?: unknown): CredentialError => new CredentialError('STORE_UNAVAILABLE', { cause });

/** `command()`'s reply if the client is ready and it answers within `timeoutMs` and `accept`s it;
 *  else rejects with `unavailable(cause)` (default CredentialError STORE_UNAVAILABLE). The command is sent at once, in the caller's tick, so that
 *  node-redis pipelines concurrent commands. A late reply is dropped (the command may have run). */
export function bounded<T>(
  client: Pick<RedisCommandClient, 'isReady'>,
  timeoutMs: number,
  command: () => Promise<unknown>,
  accept: (reply: unknown) => T | undefined,
  unavailable: (cause?: unknown) => Error = storeUnavailable,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (client.isReady === false) return reject(unavailable());
    const timer = setTimeout(() => reject(unavailable(new Error(`no reply within ${timeoutMs} ms`))), timeoutMs);
    let sent: Promise<unknown>;
    try {
      sent = command();
    } catch (e) {
      clearTimeout(timer);
      return reject(unavailable(e));
    }
    Promise.resolve(sent).then(
      (reply) => {
        clearTimeout(timer);
        const value = accept(reply);
        if (value === undefined) reject(unavailable(new Error('unexpected reply')));
        else resolve(value);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(unavailable(e));
      },
    );
  });
}
