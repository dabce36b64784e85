// `npm start`'s program runs end to end: the summary comes back through relay and gateway, the
// client verified the gateway's (simulated) SEV-SNP attestation first, the issuer saw only blinded
// elements, the gateway a valid unspent token, and a replay is refused.
import { execFileSync } from 'node:child_process';
import { sha384 } from 'oblivia';
import { expect, test } from 'vitest';

test('examples/private-processing: credentials in the flow, the replayed token refused', () => {
  const program = new URL('../../build/out/examples/private-processing.js', import.meta.url);
  const output = execFileSync(process.execPath, [program.pathname], { encoding: 'utf8', timeout: 60_000 });
  expect(output).toMatch(
    /^Attestation: SEV-SNP report verified \(simulated Milan root; AMD's roots refuse it\): measurement ([0-9a-f]{16})…, TCB bootloader \d+, tee \d+, snp \d+, microcode \d+, guestSvn 0, REPORT_DATA = SHA-512 of the 1 key configuration\(s\) the client encrypts to\.$/m,
  );
  const measurement = sha384(new TextEncoder().encode('oblivia private-processing gateway image'));
  expect(output).toContain(`measurement ${Buffer.from(measurement).toString('hex').slice(0, 16)}…`);
  expect(output).toContain('Summary (HTTP 200):');
  expect(output).toMatch(
    /issuer +│ 'epoch \d+ and 1 attribute value\(s\); 4 blinded elements, the first [0-9a-f]{16}…'/,
  );
  expect(output).toMatch(/token input [0-9a-f]{16}…: valid, unspent/);
  expect(output).toContain(
    'The same token replayed: HTTP 401, urn:oblivia:problem:credential-spent; credentials left: 3.',
  );
});
