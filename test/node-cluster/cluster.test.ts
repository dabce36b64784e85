// serveCluster: two worker processes serve one gateway module on one port, with the same key (derived
// from a seed); requests through ohttp.client reach both; a worker killed under load is restarted
// while the other keeps serving; close() lets a request in flight finish and frees the port. No
// timing is asserted: the machine is shared, so every wait is a generous bound.
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { ohttp } from 'oblivia';
import { serveCluster, type ClusterEvent, type NodeCluster } from 'oblivia/node';
import { afterAll, expect, test } from 'vitest';
import { gatewayKey } from './fixtures/pid-gateway.mjs';

const SEED = 'cluster-test-seed';
const MODULE = new URL('./fixtures/pid-gateway.mjs', import.meta.url);

let server: NodeCluster | undefined;
const events: ClusterEvent[] = [];
afterAll(() => server?.close(0));

/** `n` requests at once through ohttp.client: each a worker's pid, or undefined if it failed. */
async function pidsOf(client: ReturnType<typeof ohttp.client>, n: number, path = '/pid') {
  return Promise.all(
    Array.from({ length: n }, async () => {
      try {
        const response = await client.fetch(new Request(`https://service.example${path}`, { method: 'POST' }));
        return response.status === 200 ? Number(await response.text()) : undefined;
      } catch {
        return undefined;
      }
    }),
  );
}

/** Waits (up to 20 s) until `ready()`, calling `step` between checks. */
async function until(ready: () => boolean, step: () => Promise<unknown> = () => sleep(50)) {
  const deadline = Date.now() + 20_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await step();
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('two workers share the port and the key; a killed worker is restarted; close() drains and frees the port', async () => {
  server = await serveCluster({
    module: MODULE,
    args: { seed: SEED },
    workers: 2,
    restartWindowMs: 1_000,
    onEvent: (event) => events.push(event),
  });
  const url = new URL(server.url);
  expect(url.hostname).toBe('127.0.0.1');
  const first = server.pids();
  expect(first).toHaveLength(2);

  // Each connection goes to the next worker: concurrent requests open several and reach both.
  const client = ohttp.client({ relay: server.url, keys: [gatewayKey(SEED)] });
  const seen = new Set<number | undefined>();
  await until(
    () => first.every((pid) => seen.has(pid)),
    async () => (await pidsOf(client, 8)).forEach((pid) => seen.add(pid)),
  );
  expect(seen).toEqual(new Set(first)); // every request answered, by one of the two workers

  // Kill one worker under load: the other keeps answering; the killed one comes back with a new pid.
  const [victim, survivor] = first as [number, number];
  let loading = true;
  const during: (number | undefined)[] = [];
  const load = (async () => {
    while (loading) during.push(...(await pidsOf(client, 4)));
  })();
  await sleep(100);
  process.kill(victim, 'SIGKILL');
  const listening = () => events.filter((e) => e.type === 'listening').map((e) => e.pid);
  await until(() => listening().length === 3);
  loading = false;
  await load;
  expect(during).toContain(survivor);
  const restarted = listening()[2]!;
  expect(server.pids().sort()).toEqual([survivor, restarted].sort());
  expect(events).toContainEqual(expect.objectContaining({ type: 'exit', pid: victim, signal: 'SIGKILL' }));

  // After the restart every request succeeds, and the new worker answers some.
  const after = new Set<number | undefined>();
  await until(
    () => after.has(restarted),
    async () => (await pidsOf(client, 8)).forEach((pid) => after.add(pid)),
  );
  expect(after).toEqual(new Set([survivor, restarted]));

  // close() while a request is at the target: it is answered, then every worker exits.
  const arrived: number[] = [];
  const onMessage = (_: unknown, message: { fixture?: string; pid?: number }) => {
    if (message?.fixture === 'slow') arrived.push(message.pid!);
  };
  cluster.on('message', onMessage);
  const slow = pidsOf(client, 1, '/slow');
  await until(() => arrived.length === 1);
  await server.close(10_000);
  cluster.off('message', onMessage);
  expect(await slow).toEqual(arrived);
  expect(server.pids()).toEqual([]);
  expect(events.filter((e) => e.type === 'exit')).toHaveLength(3);

  // The port is free again.
  const probe = createServer();
  await new Promise<void>((resolve, reject) =>
    probe.once('error', reject).listen(Number(url.port), '127.0.0.1', resolve),
  );
  await new Promise((resolve) => probe.close(resolve));
});

test('a module that cannot build a handler fails serveCluster with its error, and no worker is left', async () => {
  const exits: ClusterEvent[] = [];
  const onEvent = (event: ClusterEvent) => void (event.type === 'exit' && exits.push(event));
  const failing = serveCluster({ module: MODULE, args: null, workers: 2, onEvent }); // args.seed: a TypeError
  await expect(failing).rejects.toThrow(TypeError);
  expect(exits).toHaveLength(2);
});

test('a crash loop is restarted at most maxRestarts times a window, then waits; close() ends the wait', async () => {
  const events: ClusterEvent[] = [];
  const looping = await serveCluster({
    module: MODULE,
    args: { seed: SEED, exitAfterMs: 500 },
    workers: 1,
    maxRestarts: 2,
    restartWindowMs: 60_000,
    onEvent: (event) => events.push(event),
  });
  await until(() => events.some((e) => e.type === 'restart-delayed'));
  await looping.close();
  const types = events.map((e) => e.type);
  expect(types.filter((t) => t === 'listening').length).toBeLessThanOrEqual(3); // the first and two restarts
  expect(types.filter((t) => t === 'exit')).toHaveLength(3);
  expect(events.find((e) => e.type === 'restart-delayed')!.delayMs).toBeGreaterThan(0);
  expect(looping.pids()).toEqual([]);
});
