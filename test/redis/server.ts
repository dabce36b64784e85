// A redis-server of the tests' own (Debian's, /usr/bin/redis-server): on a free loopback port, in a
// fresh temporary directory, without persistence (--save "" --appendonly no), so nothing outlives
// a test. `stop` ends it (SIGTERM, then awaits its exit); `restart` starts it again on the same
// port; `pause` / `resume` freeze and thaw it (SIGSTOP / SIGCONT), for fault tests. Suites that
// need it ask `redisAvailable()`: they are skipped only where redis-server is absent outside CI;
// under CI (process.env.CI set) an absent server fails them.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = '/usr/bin/redis-server';
const START_TIMEOUT_MS = 5000;

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGTERM, and resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGSTOP: the server keeps its connections but answers nothing (until `resume`). */
  pause(): void;
  /** SIGCONT after `pause`. */
  resume(): void;
  /** Starts it again on the same port (a fresh, empty server: nothing is persisted). */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/** Whether the suites that need Redis run, or why they are skipped (never under CI). */
export function redisAvailable(): { run: true } | { run: false; reason: string } {
  if (existsSync(REDIS_SERVER)) return { run: true };
  if (process.env.CI)
    throw new Error(`${REDIS_SERVER} is missing, and CI is set: .ci/run installs Debian's redis-server`);
  return {
    run: false,
    reason: `${REDIS_SERVER} is missing (apt-get install redis-server): the Redis tests are skipped`,
  };
}

/** A port no one listens on now: the one the system gives a listener on port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

/** Resolves once a PING on a fresh connection gets +PONG; rejects after START_TIMEOUT_MS. */
async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      let reply = '';
      socket.setTimeout(500, () => socket.destroy());
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (data) => {
        reply += data.toString('latin1');
        if (reply.includes('\r\n')) socket.end();
      });
      socket.on('close', () => resolve(reply.startsWith('+PONG')));
      socket.on('error', () => undefined);
    });
    if (pong) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oblivia-redis-'));
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = async (): Promise<void> => {
    const args = ['--port', `${port}`, '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
    const proc = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await Promise.race([
      untilPong(port),
      exited.then(() => Promise.reject(new Error(`redis-server exited on start (port ${port})`))),
    ]);
  };
  const stop = async (): Promise<void> => {
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGCONT'); // a paused server handles SIGTERM only once it runs
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    restart: async () => {
      await stop();
      await start();
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
