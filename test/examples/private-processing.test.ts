// `npm start`'s program runs end to end: the attested session through relay, gateway and router to
// one of two simulated SEV-SNP nodes, the summary back; what each hop saw (the gateway's target
// ciphertext only, the node no client address or credential, the directory origins the mirror
// only); the client's session audit; a replayed token refused; and three bad nodes refused before
// anything was sent, each with its exact error chain.
import { execFileSync } from 'node:child_process';
import { sha384 } from 'oblivia';
import { expect, test } from 'vitest';

test('examples/private-processing: the attested session, its audit, and three bad nodes refused', () => {
  const program = new URL('../../build/out/examples/private-processing.js', import.meta.url);
  const started = Date.now();
  const output = execFileSync(process.execPath, [program.pathname], { encoding: 'utf8', timeout: 60_000 });
  const ended = Date.now();

  // The summary, from one of the two nodes.
  const chosen = /^Summary \(HTTP 200, from (node-[ab])\):$/m.exec(output)?.[1];
  expect(chosen).toBeDefined();
  const other = chosen === 'node-a' ? 'node-b' : 'node-a';
  expect(output).toContain(
    '  • Please bring the latency numbers for the new gateway.\n  • I will bring them Thursday.\n',
  );

  // What each hop saw.
  expect(output).toMatch(
    /│ issuer +│ 'epoch \d+ and 1 attribute value\(s\); 4 blinded elements, the first [0-9a-f]{16}…' +│/,
  );
  expect(output).toMatch(/│ relay +│ 'client address [0-9a-f.:]+; \d+-byte ciphertext' +│/);
  expect(output).toMatch(
    /│ mirror +│ '2 reads \(gateway keys, node directory\); origins fetched by the mirror only: key directory 1×, node directory 1×' +│/,
  );
  const gateway =
    /│ gateway +│ 'address header: none; token input [0-9a-f]{16}…: valid, unspent; ciphertext only: \d+-byte inner request to (node-[ab]), \d+-byte answer \(0 of the 7 plaintext phrases in either\)' +│/.exec(
      output,
    );
  expect(gateway?.[1]).toBe(chosen);
  expect(output).toMatch(
    new RegExp(
      `│ ${chosen} +│ '4 messages \\(the planted phrase among them\\); address header: none; authorization: none' +│`,
    ),
  );
  expect(output).toMatch(new RegExp(`│ ${other} +│ 'nothing \\(not chosen\\)' +│`));

  // The session audit: the chosen node's verified bundle.
  const measurement = Buffer.from(sha384(new TextEncoder().encode('oblivia summarise node 1.0.0 image'))).toString(
    'hex',
  );
  expect(output).toContain(`  node         ${chosen} (of 2 listed, 2 verified); status 200\n`);
  expect(output).toContain('  platform     sev-snp\n');
  expect(output).toContain(`  measurement  ${measurement}\n`);
  expect(output).toContain('  log          log.example/releases, tree size 2, leaf index 1\n');
  expect(output).toMatch(/^ {2}checkpoint {3}[0-9a-f]{64}$/m);
  expect(output).toContain('  witnesses    witness-1.example, witness-2.example\n');
  const key = /^ {2}key {10}id (\d), expires (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z)$/m.exec(output);
  expect(key?.[1]).toBe(chosen === 'node-a' ? '1' : '2');
  const expiry = Date.parse(key![2]!);
  expect(expiry).toBeGreaterThan(started + 3600_000 - 2000);
  expect(expiry).toBeLessThanOrEqual(ended + 3600_000);

  expect(output).toContain(
    "The same token replayed: SessionError NODE, the gateway's HTTP 401; nodes run: 0; credentials left: 3.",
  );

  // Three bad nodes, each refused with its exact error chain, the relay never called.
  expect(output).toContain(
    [
      'Three bad nodes, refused before anything is sent:',
      '  node-c (its measurement never released): SessionError NO_NODE ← SessionError UNRELEASED; nothing sent, the relay received nothing',
      '  node-d (its report data binds another key): SessionError NO_NODE ← AttestationError REPORT_DATA; nothing sent, the relay received nothing',
      '  node-e (a split view: a fork of the log, same size 2, key and witnesses): SessionError NO_NODE ← SessionError LOG ← TransparencyError INCONSISTENT; nothing sent, the relay received nothing',
    ].join('\n'),
  );
  expect(output).toMatch(/'gateway' +│ 'served' .*'UNAUTHORIZED'/); // the replay, in the gateway's log
});
