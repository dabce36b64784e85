// The crypto ceiling of the gateway benchmark: what a gateway computes per request, without HTTP —
// decapsulate a 1 KiB Encapsulated Request, encapsulate a 1 KiB response to it — in a closed loop
// for `seconds`, in this process, on one backend. Latency is per request, as for the HTTP rows.
import { bhttp, ohttp, useBackend, type GatewayKey } from '../../bindings/index.js';
import { ANSWER } from './gateway-module.js';
import { percentile, type LoadResult } from './load.js';

export function cryptoOnly(
  backend: 'wasm' | 'js',
  key: GatewayKey,
  bodies: readonly Uint8Array[],
  seconds: number,
): LoadResult {
  useBackend(backend);
  const response = bhttp.encodeResponse({ status: 200, content: ANSWER });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const sent = performance.now();
    try {
      const { context } = ohttp.decapsulateRequest(key, bodies[i % bodies.length]!);
      context.encapsulateResponse(response);
      latencies.push(performance.now() - sent);
    } catch {
      errors++;
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}
