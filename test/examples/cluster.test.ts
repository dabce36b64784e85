// `npm run example:cluster` runs end to end: two gateway processes on one Redis behind a relay —
// both serve, Redis holds each spent token once, every replayed token is refused whichever process
// gets it, and a replayed Encapsulated Request does not run the service again.
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { redisAvailable } from '../redis/server.js';

const available = redisAvailable();

test.skipIf(!available.run)('examples/cluster: both processes serve; no token is accepted twice', () => {
  const program = new URL('../../build/out/examples/cluster.js', import.meta.url);
  const output = execFileSync(process.execPath, [program.pathname], { encoding: 'utf8', timeout: 60_000 });
  expect(output).toMatch(/^6 requests, 6 credentials: served by 2 gateway processes \(\d+, \d+\)\.$/m);
  expect(output).toContain('Redis holds 6 spent tokens.');
  expect(output).toContain('36 replays of those tokens across both processes: 36 refused (401).');
  expect(output).toContain(
    'The first Encapsulated Request sent 6 times more by the relay: the service ran 0 more times.',
  );
});
