// A redis-server (Debian's) of a program's own, for examples/cluster.ts and the gateway benchmark:
// on a free loopback port, in a fresh temporary directory, with no persistence; ready once a
// node-redis client connects. `stop` ends it and removes the directory.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';

/** A port the system gives a listener on port 0, free now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export async function startRedisServer() {
  const dir = mkdtempSync(join(tmpdir(), 'oblivia-redis-'));
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = createClient({ url, socket: { reconnectStrategy: (retries) => (retries > 100 ? false : 50) } });
  await client.connect();
  return {
    url,
    /** A client of the program's own (the stores get theirs). */
    client,
    /** Dir where a program may keep files only its user reads. */
    dir,
    async stop(): Promise<void> {
      await client.quit();
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
