// The gateway the benchmark measures, as a module serveCluster's workers import (its default export
// builds the handler) and ./server.ts calls in-process for one worker: an OHTTP gateway on the
// backend and with the key given in `args` — the same key in every worker — in front of an
// in-process target that answers every request with 1 KiB, fetch-style (a Fetch Request in, a
// Response out) or in Binary HTTP (`{ bhttp }`: the decoded message in, a message out); with a
// replay store (RFC 9458 §6.5) in memory or on the Redis `args` names.
import { createClient } from 'redis';
import { ohttp, useBackend, type GatewayKey } from '../../bindings/index.js';
import { REDIS_CLIENT_OPTIONS, redisReplayStore } from '../../bindings/redis.js';
import { bytes, KiB } from '../inputs.js';

/** A gateway key as JSON: its byte fields in hex. */
export interface KeyJson {
  readonly keyId: number;
  readonly kem: GatewayKey['kem'];
  readonly publicKey: string;
  readonly privateKey: string;
  readonly suites: GatewayKey['suites'];
}

/** The gateway's replay store (RFC 9458 §6.5): none, in this process's memory, or on Redis. */
export type Store = 'none' | 'memory' | 'redis';

/** The kind of in-process target: fetch-style, or Binary HTTP. */
export type Target = 'fetch' | 'bhttp';

export interface GatewayArgs {
  readonly backend: 'wasm' | 'js';
  readonly key: KeyJson;
  readonly target: Target;
  readonly store: Store;
  /** redis://… for the Redis store. */
  readonly redis?: string;
}

export const keyToJson = (key: GatewayKey): KeyJson => ({
  ...key,
  publicKey: Buffer.from(key.publicKey).toString('hex'),
  privateKey: Buffer.from(key.privateKey).toString('hex'),
});

export const keyFromJson = (key: KeyJson): GatewayKey => ({
  ...key,
  publicKey: new Uint8Array(Buffer.from(key.publicKey, 'hex')),
  privateKey: new Uint8Array(Buffer.from(key.privateKey, 'hex')),
});

/** The target's answer to every request. */
export const ANSWER = bytes(KiB, 92);

export default async function build(args: GatewayArgs) {
  useBackend(args.backend);
  return ohttp.gateway({
    keys: [keyFromJson(args.key)],
    target: args.target === 'bhttp' ? bhttpTarget : fetchTarget,
    ...(args.store === 'none' ? {} : { replay: { store: await replayStore(args) } }),
  });
}

const HEADERS = [['content-type', 'application/octet-stream']] as const;
const fetchTarget = async () => new Response(ANSWER, { headers: { 'content-type': 'application/octet-stream' } });
const bhttpTarget = { bhttp: async () => ({ status: 200, headers: HEADERS, content: ANSWER }) };

async function replayStore(args: GatewayArgs) {
  if (args.store === 'memory') return ohttp.memoryReplayStore({ maxEntries: 1_000_000 });
  const client = createClient({ url: args.redis!, ...REDIS_CLIENT_OPTIONS });
  await client.connect();
  return redisReplayStore({ client });
}
