// Soak: a gateway with credentials, under a stream of requests over loopback sockets, holds its
// memory flat. OBLIVIA_SOAK_REQUESTS sets the size (default 3,000: a short run in `npm test`; a
// real soak is 10^5 or more). Ten RSS samples after garbage collection: every request answered
// 200, and from the third sample on (once the heap and the wasm arena have grown to their working
// size) the RSS grows by less than 24 MiB — the spent-token store's own growth, ~70 bytes a token,
// is far below that. A leak of one response (1 KiB) per request would pass 24 MiB at ~25,000.
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

const REQUESTS = Number(process.env['OBLIVIA_SOAK_REQUESTS'] ?? 3000);
const MiB = 1 << 20;

test(`gateway soak: ${REQUESTS} requests, RSS flat`, { timeout: 600_000 }, () => {
  const fixture = new URL('./fixtures/soak.mjs', import.meta.url).pathname;
  const output = execFileSync(process.execPath, ['--expose-gc', fixture, String(REQUESTS)], {
    encoding: 'utf8',
    timeout: 590_000,
  });
  const { statuses, samples } = JSON.parse(output) as { statuses: Record<string, number>; samples: number[] };
  expect(statuses).toEqual({ 200: REQUESTS });
  expect(samples).toHaveLength(10);
  const growth = Math.max(...samples.slice(2)) - samples[2]!;
  expect(growth).toBeLessThan(24 * MiB);
});
