// `npm start`'s program runs end to end: the summary comes back through relay and gateway, the
// issuer saw only blinded elements, the gateway a valid unspent token, and a replay is refused.
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('examples/private-processing: credentials in the flow, the replayed token refused', () => {
  const program = new URL('../../build/out/examples/private-processing.js', import.meta.url);
  const output = execFileSync(process.execPath, [program.pathname], { encoding: 'utf8', timeout: 60_000 });
  expect(output).toContain('Summary (HTTP 200):');
  expect(output).toMatch(
    /issuer +│ 'epoch \d+ and 1 attribute value\(s\); 4 blinded elements, the first [0-9a-f]{16}…'/,
  );
  expect(output).toMatch(/token input [0-9a-f]{16}…: valid, unspent/);
  expect(output).toContain(
    'The same token replayed: HTTP 401, urn:oblivia:problem:credential-spent; credentials left: 3.',
  );
});
