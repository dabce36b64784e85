// `npm run bench:gateway`: OHTTP gateway throughput on loopback, side by side in one run with its two
// ceilings. Each HTTP row's server runs in a process of its own (./server.ts) — a bare node:http
// server (the HTTP ceiling), serveNode without crypto, the gateway under serveNode (one process) and
// under serveCluster (GATEWAY_WORKERS processes, default os.availableParallelism()), wasm and js,
// its target fetch-style or Binary HTTP —
// and this process, the load generator, keeps GATEWAY_CONNECTIONS keep-alive connections busy for
// GATEWAY_SECONDS with 1 KiB requests (encapsulated beforehand, one checked end to end first),
// recording requests/s and p50/p99 latency. The crypto ceiling (./crypto.ts) runs here, without
// HTTP. Each gateway is also given as a share of its combined ceiling 1/(1/http + 1/crypto).
// Writes bench/results/gateway.json and the table in docs/serving.md (§ Throughput).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { backend as activeBackend, bhttp, hpke, ohttp, useBackend, type KeyConfig } from '../../bindings/index.js';
import { RESULTS_DIR, SERVING_DOC } from '../config.js';
import { bytes, KiB } from '../inputs.js';
import { updateBlock, type Markers } from '../readme.js';
import { machineInfo } from '../run-info.js';
import { startRedisServer } from '../../examples/redis-server.js';
import { cryptoOnly } from './crypto.js';
import { load, type LoadResult } from './load.js';

const MARKERS: Markers = {
  start: '<!-- gateway:start -->',
  end: '<!-- gateway:end -->',
  heading: '## Throughput',
};

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0)) throw new RangeError(`${name} expected a number > 0, got "${raw}"`);
  return value;
}
const SECONDS = setting('GATEWAY_SECONDS', 10);
const CONNECTIONS = setting('GATEWAY_CONNECTIONS', 16);
const WORKERS = setting('GATEWAY_WORKERS', availableParallelism());
const REQUESTS = 64;
/** The most requests/s a row with a replay store can take: each is sent once. */
const UNIQUE_RATE = setting('GATEWAY_UNIQUE_RATE', 10_000);

type Backend = 'wasm' | 'js';

interface Row {
  readonly name: string;
  /** A ceiling, or a gateway measured against one. */
  readonly kind: 'http' | 'crypto' | 'plain' | 'gateway';
  readonly backend?: Backend;
  /** Serving processes (serveCluster's primary not counted); 1 when absent. */
  readonly workers?: number;
  /** The gateway's target: fetch-style (a Fetch Request in, a Response out) or Binary HTTP. */
  readonly target?: 'fetch' | 'bhttp';
  /** The gateway's replay store. */
  readonly store?: 'none' | 'memory' | 'redis';
  readonly result: LoadResult;
}

function startServer(args: string[]): Promise<{ url: string; keys: string; stop: () => void }> {
  const script = fileURLToPath(new URL('./server.js', import.meta.url));
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server ${args.join(' ')} exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { url, keys } = JSON.parse(line) as { url: string; keys: string };
      resolve({ url, keys, stop: () => child.stdin!.end() });
    });
  });
}

/** A 1 KiB POST as Binary HTTP, encapsulated to `config`; with its Date (RFC 9458 §6.5.1) for a
 *  gateway with a replay store. */
function encapsulated(config: KeyConfig, seed: number, date?: string) {
  const request = bhttp.encodeRequest({
    method: 'POST',
    scheme: 'https',
    authority: 'service.example',
    path: '/summarise',
    headers: date === undefined ? [] : [['date', date]],
    content: bytes(KiB, seed),
  });
  return ohttp.encapsulateRequest(config, request);
}

/** Requests a gateway with a replay store answers once each: enough for `seconds` at `UNIQUE_RATE`. */
function uniqueBodies(config: KeyConfig, seconds: number): Uint8Array[] {
  const date = new Date().toUTCString();
  return Array.from(
    { length: Math.ceil(seconds * UNIQUE_RATE) },
    (_, i) => encapsulated(config, i, date).encapsulatedRequest,
  );
}

/** Loads the server `args` starts: with 1 KiB plain bodies, or encapsulated to its keys (each sent
 *  once when `unique`: the gateway refuses replays). */
async function measure(args: string[], unique = false): Promise<LoadResult> {
  const server = await startServer(args);
  try {
    const config = server.keys === '' ? undefined : ohttp.decodeKeyConfigs(Buffer.from(server.keys, 'hex'))[0]!;
    // One request end to end: the answer must be a 200 with 1 KiB (decapsulated, for a gateway).
    const probe = config === undefined ? undefined : encapsulated(config, 1, new Date().toUTCString());
    const answer = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': probe === undefined ? 'application/octet-stream' : ohttp.MEDIA_TYPE.REQUEST },
      body: probe === undefined ? bytes(KiB, 1) : new Uint8Array(probe.encapsulatedRequest),
    });
    const body = new Uint8Array(await answer.arrayBuffer());
    const inner = probe === undefined ? body : bhttp.decodeResponse(probe.context.decapsulateResponse(body)).content;
    if (answer.status !== 200 || inner.length !== KiB) throw new Error(`${args.join(' ')}: the probe request failed`);
    const common = {
      url: server.url,
      contentType: config === undefined ? 'application/octet-stream' : ohttp.MEDIA_TYPE.REQUEST,
      connections: CONNECTIONS,
      expectedStatus: 200,
      once: unique,
    };
    const bodies = (seconds: number) =>
      unique
        ? uniqueBodies(config!, seconds)
        : Array.from({ length: REQUESTS }, (_, i) =>
            config === undefined ? bytes(KiB, i + 2) : encapsulated(config, i + 2).encapsulatedRequest,
          );
    await load({ ...common, bodies: bodies(1), seconds: 1 }); // warm-up
    return await load({ ...common, bodies: bodies(SECONDS), seconds: SECONDS });
  } finally {
    server.stop();
  }
}

function crypto(backend: Backend): LoadResult {
  const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const bodies = Array.from({ length: REQUESTS }, (_, i) => encapsulated(key, i + 2).encapsulatedRequest);
  const before = activeBackend();
  try {
    cryptoOnly(backend, key, bodies, 1); // warm-up
    return cryptoOnly(backend, key, bodies, SECONDS);
  } finally {
    useBackend(before);
  }
}

const rows: Row[] = [
  { name: 'node:http, bare: the HTTP ceiling', kind: 'http', result: await measure(['http']) },
  { name: 'serveNode, no crypto', kind: 'plain', workers: 1, result: await measure(['serve']) },
  { name: 'OHTTP crypto only: the crypto ceiling', kind: 'crypto', backend: 'wasm', result: crypto('wasm') },
  { name: 'OHTTP crypto only: the crypto ceiling', kind: 'crypto', backend: 'js', result: crypto('js') },
];
const redis = await startRedisServer();
try {
  for (const [backend, workers, target, store] of [
    ['wasm', 1, 'fetch', 'none'],
    ['wasm', 1, 'bhttp', 'none'],
    ['wasm', 1, 'bhttp', 'memory'],
    ['wasm', 1, 'bhttp', 'redis'],
    ['wasm', WORKERS, 'fetch', 'none'],
    ['wasm', WORKERS, 'bhttp', 'none'],
    ['wasm', WORKERS, 'bhttp', 'memory'],
    ['wasm', WORKERS, 'bhttp', 'redis'],
    ['js', 1, 'bhttp', 'none'],
  ] as const) {
    const name = workers === 1 ? 'gateway, serveNode' : 'gateway, serveCluster';
    const result = await measure(['gateway', backend, String(workers), target, store, redis.url], store !== 'none');
    rows.push({ name, kind: 'gateway', backend, workers, target, store, result });
  }
} finally {
  await redis.stop();
}

const rate = (
  kind: Row['kind'],
  backend?: Backend,
  workers?: number,
  store: Row['store'] = 'none',
  target: Row['target'] = 'bhttp',
) =>
  rows.find(
    (r) =>
      r.kind === kind &&
      r.backend === backend &&
      (workers === undefined || r.workers === workers) &&
      (r.kind !== 'gateway' || (r.store === store && r.target === target)),
  )!.result.requestsPerSecond;
/** 1/(1/http + 1/crypto): one process doing the HTTP of the bare server and the crypto, in turn. */
const ceiling = (backend: Backend) => 1 / (1 / rate('http') + 1 / rate('crypto', backend));

/** How much fewer requests/s a store gives than none, in percent (negative: more). */
const cost = (workers: number, store: Row['store']) =>
  `${fmt(100 * (1 - rate('gateway', 'wasm', workers, store) / rate('gateway', 'wasm', workers)))} %`;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const share = (row: Row) =>
  row.kind === 'gateway' ? `${fmt((100 * row.result.requestsPerSecond) / ceiling(row.backend!))} %` : '';
const lines = [
  `OHTTP gateway on loopback, every row in one run: ${CONNECTIONS} keep-alive connections from a separate load-generator process, ${SECONDS} s per row, 1 KiB requests in, 1 KiB answers from an in-process target, X25519 / HKDF-SHA256 / AES-128-GCM. Target: fetch-style (a Fetch Request in, a Response out) or Binary HTTP (\`{ bhttp }\`: the decoded message in, a message out). The crypto rows decapsulate a request and encapsulate an answer in a loop, without HTTP, in one process. Store: the gateway's replay store (RFC 9458 §6.5) — none, in memory (one per process), or one Redis (Debian's redis-server, on loopback) for all; with a store each request is sent once, dated.`,
  '',
  '| server | backend | workers | target | store | requests/s | p50 ms | p99 ms | errors | of the ceiling | load generator CPU |',
  '| --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.backend ?? ''} | ${r.workers ?? 1} | ${r.target ?? ''} | ${r.store ?? ''} | ${fmt(r.result.requestsPerSecond)} | ${fmt(r.result.p50, 2)} | ${fmt(r.result.p99, 2)} | ${r.result.errors} | ${share(r)} | ${r.result.loadCpu === undefined ? '' : `${fmt(100 * r.result.loadCpu)} %`} |`,
  ),
  '',
  `Combined ceiling of one process, 1/(1/http + 1/crypto): ${fmt(ceiling('wasm'))} requests/s with wasm, ${fmt(ceiling('js'))} with js; "of the ceiling" is each gateway's share of it (${WORKERS} processes can exceed it). "Load generator CPU" is the share of one core the load generator itself took from the machine the server runs on.`,
  '',
  `Binary HTTP target ÷ fetch-style (wasm, no store): ${(rate('gateway', 'wasm', 1) / rate('gateway', 'wasm', 1, 'none', 'fetch')).toFixed(2)}× (1 worker), ${(rate('gateway', 'wasm', WORKERS) / rate('gateway', 'wasm', WORKERS, 'none', 'fetch')).toFixed(2)}× (${WORKERS} workers).`,
  '',
  `Replay store cost (wasm, Binary HTTP target), requests/s against none: memory ${cost(1, 'memory')}, Redis ${cost(1, 'redis')} (1 worker); memory ${cost(WORKERS, 'memory')}, Redis ${cost(WORKERS, 'redis')} (${WORKERS} workers).`,
  '',
  `${WORKERS} workers ÷ 1: ${(rate('gateway', 'wasm', WORKERS) / rate('gateway', 'wasm', 1)).toFixed(2)}× the requests per second (wasm, Binary HTTP target; ${availableParallelism()} cores, shared with the load generator). wasm ÷ js: ${(rate('gateway', 'wasm', 1) / rate('gateway', 'js', 1)).toFixed(2)}× (one process). Regenerate with \`npm run bench:gateway\`.`,
];
for (const line of lines) console.log(line);
writeFileSync(
  join(RESULTS_DIR, 'gateway.json'),
  JSON.stringify(
    {
      ...machineInfo(),
      seconds: SECONDS,
      connections: CONNECTIONS,
      workers: WORKERS,
      ceilings: { wasm: ceiling('wasm'), js: ceiling('js') },
      rows,
    },
    null,
    2,
  ) + '\n',
);
const inDoc = updateBlock(SERVING_DOC, lines.join('\n'), MARKERS);
console.log(`\nwrote ${RESULTS_DIR}/gateway.json${inDoc ? ' and the table in docs/serving.md' : ''}`);
