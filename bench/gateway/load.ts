// A closed-loop HTTP/1.1 load generator: `connections` keep-alive connections, each sending its
// next request as soon as the previous answer is read, for `seconds`. It writes prepared request
// bytes to raw sockets and reads each answer's status line and Content-Length only, so that it
// takes as little as it can of the cores the servers it measures run on (with node:http's client
// the bare node:http row read 20,472 requests/s; with this one 50,903–59,543). It runs in its own
// process, and reports its own CPU.
import { connect, type Socket } from 'node:net';

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

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** A POST of `body` as HTTP/1.1 bytes, the connection kept alive. */
function requestBytes(url: URL, contentType: string, body: Uint8Array): Buffer {
  const head =
    `POST ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: ${contentType}\r\n` +
    `content-length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:[ \t]*(\d+)/i;

/** One keep-alive connection: send(request) resolves with the status of its answer. */
class Connection {
  readonly #socket: Socket;
  #buffered: Buffer = Buffer.alloc(0);
  #waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;

  constructor(url: URL) {
    this.#socket = connect(Number(url.port), url.hostname);
    this.#socket.setNoDelay(true);
    this.#socket.on('data', (chunk) => this.#read(chunk));
    const fail = () => this.#waiting?.reject(new Error('connection closed'));
    this.#socket.on('error', fail).on('close', fail);
  }

  send(request: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.#socket.destroyed) return reject(new Error('connection closed'));
      this.#waiting = { resolve, reject };
      this.#socket.write(request);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  /** Completes the answer waited for once its header section and Content-Length bytes are in. */
  #read(chunk: Buffer): void {
    this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
    const end = this.#buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.#buffered.toString('latin1', 0, end);
    const length = CONTENT_LENGTH.exec(head);
    if (length === null) return this.#fail(new Error('an answer without Content-Length'));
    const total = end + HEADER_END.length + Number(length[1]);
    if (this.#buffered.length < total) return;
    if (this.#buffered.length > total) return this.#fail(new Error('bytes after the answer'));
    this.#buffered = Buffer.alloc(0);
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.resolve(Number(head.slice(9, 12)));
  }

  #fail(error: Error): void {
    this.#waiting?.reject(error);
    this.#socket.destroy();
  }
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const requests = options.bodies.map((body) => requestBytes(url, options.contentType, body));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + options.seconds * 1000;
  const run = async (): Promise<void> => {
    let connection = new Connection(url);
    while (performance.now() < deadline) {
      if (options.once === true && next >= requests.length) break; // every body sent: the run ends early
      const request = requests[next++ % requests.length]!;
      const sent = performance.now();
      try {
        const status = await connection.send(request);
        if (status === options.expectedStatus) latencies.push(performance.now() - sent);
        else errors++;
      } catch {
        errors++;
        connection.close();
        connection = new Connection(url);
      }
    }
    connection.close();
  };
  await Promise.all(Array.from({ length: options.connections }, run));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
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
