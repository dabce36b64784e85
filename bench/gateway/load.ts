// A closed-loop HTTP load generator: `connections` keep-alive connections, each sending its next
// request as soon as the previous answer is read, for `seconds`. Only node:http; it runs in its
// own process, apart from the server it measures.
import { Agent, request } from 'node:http';

export interface LoadOptions {
  readonly url: string;
  /** Request bodies, sent in turn. */
  readonly bodies: readonly Uint8Array[];
  readonly contentType: string;
  readonly connections: number;
  readonly seconds: number;
  /** The status every answer must have; any other counts as an error. */
  readonly expectedStatus: number;
  /** Send each body once (a gateway that refuses replays): the run ends early if they run out. */
  readonly once?: boolean;
}

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles of the successful requests, milliseconds. */
  readonly p50: number;
  readonly p99: number;
  /** The CPU time the load generator (this process) used, as a share of one core over the run. */
  readonly loadCpu?: number;
}

function post(agent: Agent, url: URL, body: Uint8Array, contentType: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': body.length } },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export async function load(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + options.seconds * 1000;
  const connection = async (): Promise<void> => {
    while (performance.now() < deadline) {
      if (options.once === true && next >= options.bodies.length) throw new RangeError('the load ran out of bodies');
      const body = options.bodies[next++ % options.bodies.length]!;
      const sent = performance.now();
      try {
        const status = await post(agent, url, body, options.contentType);
        if (status === options.expectedStatus) latencies.push(performance.now() - sent);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    loadCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}
