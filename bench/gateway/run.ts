// `npm run bench:gateway`: OHTTP gateway throughput on loopback, wasm against js. For each backend
// a gateway process starts (./server.ts); this process, the load generator, encapsulates 1 KiB
// requests beforehand, checks one answer end to end, then keeps GATEWAY_CONNECTIONS keep-alive
// connections busy for GATEWAY_SECONDS and records requests/s and p50/p99 latency. Writes
// bench/results/gateway.json and the README's gateway section.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bhttp, ohttp } from '../../bindings/index.js';
import { README, RESULTS_DIR } from '../config.js';
import { bytes, KiB } from '../inputs.js';
import { updateBlock, type Markers } from '../readme.js';
import { machineInfo } from '../run-info.js';
import { load, type LoadResult } from './load.js';

const MARKERS: Markers = {
  start: '<!-- gateway:start -->',
  end: '<!-- gateway:end -->',
  heading: '### Gateway throughput',
};
const SECONDS = Number(process.env['GATEWAY_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['GATEWAY_CONNECTIONS'] ?? 16);
const REQUESTS = 64;

interface Started {
  readonly url: string;
  readonly keys: string;
  readonly stop: () => void;
}

function startGateway(backend: 'wasm' | 'js'): Promise<Started> {
  const script = fileURLToPath(new URL('./server.js', import.meta.url));
  const child = spawn(process.execPath, [script, backend], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { url, keys } = JSON.parse(line) as { url: string; keys: string };
      resolve({ url, keys, stop: () => child.stdin!.end() });
    });
  });
}

/** A 1 KiB POST as Binary HTTP, encapsulated to the gateway's first key config. */
function encapsulated(keys: string, seed: number) {
  const [config] = ohttp.decodeKeyConfigs(Buffer.from(keys, 'hex'));
  const request = bhttp.encodeRequest({
    method: 'POST',
    scheme: 'https',
    authority: 'service.example',
    path: '/summarise',
    content: bytes(KiB, seed),
  });
  return ohttp.encapsulateRequest(config!, request);
}

async function measure(backend: 'wasm' | 'js'): Promise<LoadResult> {
  const gateway = await startGateway(backend);
  try {
    // One request end to end: the answer must decapsulate to the target's 200 and 1 KiB.
    const probe = encapsulated(gateway.keys, 1);
    const answer = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
      body: new Uint8Array(probe.encapsulatedRequest),
    });
    const inner = bhttp.decodeResponse(probe.context.decapsulateResponse(new Uint8Array(await answer.arrayBuffer())));
    if (answer.status !== 200 || inner.status !== 200 || inner.content.length !== KiB)
      throw new Error(`${backend}: the probe request failed`);
    const bodies = Array.from({ length: REQUESTS }, (_, i) => encapsulated(gateway.keys, i + 2).encapsulatedRequest);
    const common = {
      url: gateway.url,
      bodies,
      contentType: ohttp.MEDIA_TYPE.REQUEST,
      connections: CONNECTIONS,
      expectedStatus: 200,
    };
    await load({ ...common, seconds: 1 }); // warm-up
    return await load({ ...common, seconds: SECONDS });
  } finally {
    gateway.stop();
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const results = { wasm: await measure('wasm'), js: await measure('js') };
const lines = [
  `OHTTP gateway on loopback (node:http, one process, ${CONNECTIONS} keep-alive connections from a separate load-generator process, ${SECONDS} s per backend): 1 KiB requests in, 1 KiB answers from an in-process target, X25519 / HKDF-SHA256 / AES-128-GCM.`,
  '',
  '| backend | requests/s | p50 ms | p99 ms | errors |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...(['wasm', 'js'] as const).map(
    (b) =>
      `| ${b} | ${fmt(results[b].requestsPerSecond)} | ${fmt(results[b].p50, 2)} | ${fmt(results[b].p99, 2)} | ${results[b].errors} |`,
  ),
  '',
  `wasm ÷ js: ${(results.wasm.requestsPerSecond / results.js.requestsPerSecond).toFixed(2)}× the requests per second. Regenerate with \`npm run bench:gateway\`.`,
];
for (const line of lines) console.log(line);
writeFileSync(
  join(RESULTS_DIR, 'gateway.json'),
  JSON.stringify({ ...machineInfo(), seconds: SECONDS, connections: CONNECTIONS, results }, null, 2) + '\n',
);
const inReadme = updateBlock(README, lines.join('\n'), MARKERS);
console.log(`\nwrote ${RESULTS_DIR}/gateway.json${inReadme ? ' and the README gateway section' : ''}`);
