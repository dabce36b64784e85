// The acceptance test of the shared store (issue 17): three gateway-like processes, each with its
// own Redis connection, store and verifier, redeem 10^4 presentations of 10^3 tokens (each token
// presented 10 times, shuffled with a fixed seed and dealt across the processes) all at once on one
// Redis: exactly 10^3 are accepted in total, each token once; every other presentation is SPENT.
import { fork, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { credentials, oprf, sha256, type Credential } from 'oblivia';
import { connectClient } from './client.js';
import { redisAvailable, startRedis, type RedisServer } from './server.js';

const available = redisAvailable();
if (!available.run) console.warn(available.reason);

const TOKENS = 1000;
const PRESENTATIONS = 10;
const PROCESSES = 3;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** mulberry32: a fixed-seed PRNG, so the shuffle is the same on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

describe.skipIf(!available.run)('three gateway processes on one Redis', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.close();
  });

  test('10^4 concurrent redemptions of 10^3 tokens: exactly 10^3 accepted, each token once', async () => {
    const { secretKey, publicKey } = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
    const issuer = credentials.issuer({ secretKey });
    const client = credentials.client({ publicKey });
    const wallet: Credential[] = [];
    while (wallet.length < TOKENS) {
      const { bytes, pending } = client.request({ epoch: credentials.currentEpoch(), values: ['summarise'] }, 25);
      wallet.push(...client.finalize(pending, issuer.issue(bytes)));
    }
    const binding = sha256(new TextEncoder().encode('one request'));
    const tokens = wallet.map((c) => hex(client.redeem(c, binding)));
    const presentations = shuffled(
      Array.from({ length: TOKENS * PRESENTATIONS }, (_, i) => i % TOKENS),
      prng(17),
    );

    const children: ChildProcess[] = [];
    try {
      const replies = Array.from({ length: PROCESSES }, (_, p) => {
        const child = fork(new URL('./fixtures/redeemer.mjs', import.meta.url), { stdio: 'inherit' });
        children.push(child);
        const messages: unknown[] = [];
        const waiters: Array<(m: unknown) => void> = [];
        child.on('message', (m) => (waiters.length > 0 ? waiters.shift()!(m) : messages.push(m)));
        const next = () =>
          new Promise<unknown>((resolve, reject) => {
            if (messages.length > 0) return resolve(messages.shift());
            waiters.push(resolve);
            child.once('exit', (code) => reject(new Error(`redeemer ${p} exited (${code})`)));
          });
        const mine = presentations
          .map((index) => ({ index, token: tokens[index]! }))
          .filter((_, i) => i % PROCESSES === p);
        child.send({ url: server.url, secretKey: hex(secretKey), binding: hex(binding), tokens: mine });
        return { child, next };
      });
      for (const { next } of replies) expect(await next()).toBe('ready');
      for (const { child } of replies) child.send('go');
      const results = (await Promise.all(replies.map(({ next }) => next()))) as Array<{
        accepted: number[];
        refused: string[];
      }>;

      const accepted = results.flatMap((r) => r.accepted);
      expect(accepted).toHaveLength(TOKENS);
      expect(new Set(accepted).size).toBe(TOKENS);
      for (const r of results) expect(r.refused).toEqual(['SPENT']);
      expect(results.every((r) => r.accepted.length > 0)).toBe(true); // every process won some races
      const redis = await connectClient(server.url);
      expect(await redis.dbSize()).toBe(TOKENS); // one key per spent token
      redis.destroy();
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill();
    }
  });
});
