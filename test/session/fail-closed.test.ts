// Fail closed (issue 16): the attested-session client refuses, with a typed error and before a byte
// of the request is read, encrypted or sent, whenever no node of the directory verifies. One test
// per refusal: an unknown root, a bad report signature, a debuggable guest, a TCB below the
// policy's minimum, report data that binds another key, an expired bundle, an unreleased
// measurement, too few witness cosignatures, stale cosignatures, and a split view of the log. Each
// asserts the exact error — SessionError NO_NODE whose cause is an AggregateError of the exact
// per-node refusals — and that the relay was never called, the node never ran, the request's body
// was never read and the audit log is empty. Everything is in process: the directory and the relay
// are handlers, the relay → gateway → node path a working one, so a bundle that wrongly verified
// would make the request go through (and the test fail). Every client is made by `makeClient`.
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { hpke, ohttp, useBackend, type Handler, type KeyConfig } from 'oblivia';
import { AttestationError, type SevSnpMinimumTcb, type SevSnpRoot } from 'oblivia/attestation';
import { attestationSimulator } from 'oblivia/attestation-simulator';
import { session, SessionError, type BundleVerifier } from 'oblivia/session';
import { tlog, TransparencyError, type LogVerifier } from 'oblivia/tlog';
import { filler, HOUR, MEASUREMENT, releaseLog } from './fixtures/release-log.js';

afterAll(() => useBackend(undefined));

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const at = (seconds: number): Date => new Date(seconds * 1000);
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const GATEWAY = 'https://gateway.example';

// The release log under one key, two witnesses, a quorum of both, cosignatures at most an hour old.
const { witnesses, statement, publish, policy } = releaseLog(NOW);
const logPolicy = tlog.policy(policy());
const measurement = MEASUREMENT;
const proof = publish([filler(0), filler(1), filler(2), statement, filler(4)], 3);

// The platform (its TCB: bootloader 4, tee 0, snp 22, microcode 213). The client's policy: no debug
// (the default), and at least the platform's TCB — or, after a firmware advisory, a newer SNP.
const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
const PINNED: SevSnpRoot[] = [{ product: 'Milan', arkSha256: sim.arkSha256 }];
const CURRENT_TCB: SevSnpMinimumTcb = { ...sim.tcb };
const ADVISORY_TCB: SevSnpMinimumTcb = { ...sim.tcb, snp: sim.tcb.snp + 1 };

/** The client's bundle verifier: the simulator's root pinned (or AMD's own, the default, with
 *  `roots: 'amd'`), a minimum TCB, the log as a policy (or a `tlog.verifier`). */
const verifier = (o: { roots?: 'amd'; minimumTcb?: SevSnpMinimumTcb; log?: LogVerifier } = {}): BundleVerifier => {
  const policy = { minimumTcb: o.minimumTcb ?? CURRENT_TCB };
  return session.bundleVerifier({
    attestation: { sevSnp: o.roots === 'amd' ? { policy } : { roots: PINNED, policy } },
    log: o.log ?? logPolicy,
  });
};

const keyConfig = (id: number) => ohttp.generateKeyConfig(id, hpke.KEM.X25519_HKDF_SHA256, SUITES);
const nodeKey = keyConfig(1);

interface Make {
  expiry?: number;
  /** The key the evidence binds, if not the bundle's. */
  bound?: KeyConfig;
  /** The guest POLICY; the measurement the TEE runs; the statement and proof it carries. */
  guestPolicy?: bigint;
  measurement?: Uint8Array;
  statement?: Uint8Array;
  proof?: string;
}

/** The node's bundle: good unless `m` says otherwise. */
function makeBundle(m: Make = {}): Promise<Uint8Array> {
  const expiry = at(m.expiry ?? NOW_S + HOUR);
  return session.createBundle({
    keyConfig: nodeKey,
    expiry,
    attester: (reportData) =>
      sim.attest({
        reportData: m.bound === undefined ? reportData : session.reportData(m.bound, expiry),
        measurement: m.measurement ?? measurement,
        ...(m.guestPolicy === undefined ? {} : { policy: m.guestPolicy }),
      }),
    endorsements: { signer: sim.vcek, chain: sim.chainPem },
    statement: m.statement ?? statement,
    proof: m.proof ?? proof,
  });
}

const good = await makeBundle();

/** `bundle` with one byte of its report's signature (the low byte of R, at 0x2A0) flipped. */
function badSignature(bundle: Uint8Array): Uint8Array {
  const fields = session.decodeBundle(bundle);
  const evidence = fields.evidence.slice();
  evidence[0x2a0]! ^= 0x01;
  return session.encodeBundle({ ...fields, evidence });
}

const unreleased = new Uint8Array(48).fill(0x5a);
const DEBUG_POLICY = 0x30000n | (1n << 19n); // POLICY bit 19: the guest may be debugged
const bad = {
  signature: badSignature(good),
  debug: await makeBundle({ guestPolicy: DEBUG_POLICY }),
  reportData: await makeBundle({ bound: keyConfig(1) }),
  expiredNow: await makeBundle({ expiry: NOW_S }),
  expiredBefore: await makeBundle({ expiry: NOW_S - HOUR }),
  // Evidence of an unreleased measurement with the released statement; and its own statement, not logged.
  measurement: await makeBundle({ measurement: unreleased }),
  statement: await makeBundle({
    measurement: unreleased,
    statement: session.releaseStatement({
      platform: 'sev-snp',
      measurement: unreleased,
      name: 'node 1.0.1',
      time: NOW,
    }),
  }),
  quorum: await makeBundle({
    proof: publish([filler(0), filler(1), filler(2), statement, filler(4)], 3, { cosigners: witnesses.slice(0, 1) }),
  }),
  stale: await makeBundle({
    proof: publish([filler(0), filler(1), filler(2), statement, filler(4)], 3, { time: NOW_S - HOUR - 1 }),
  }),
  // The same size as the good bundle's tree, under the same key and witnesses, another first entry.
  fork: await makeBundle({ proof: publish([filler(9), filler(1), filler(2), statement, filler(4)], 3) }),
};

// The working path, in process: relay → gateway → (a target that passes /nodes/<any name> on, in
// place of session.router, which takes URLs) → node. A bundle that wrongly verified gets through.
const gatewayKey = keyConfig(9);
const ran: string[] = [];
const node = session.node({
  keys: nodeKey,
  handler: async (request) => {
    ran.push(`${request.method} ${new URL(request.url).pathname}`);
    return new Response(`answered ${(await request.text()).length} bytes`);
  },
});
const target: Handler = async (request) =>
  new URL(request.url).pathname.startsWith('/nodes/') ? node(request) : new Response('no such node', { status: 404 });
const relay = ohttp.relay({ gateway: ohttp.gateway({ keys: [gatewayKey], target }) });

beforeEach(() => {
  ran.length = 0;
});

/** The one place a client is made: its directory serves `nodes` (by name: a bundle), its relay
 *  records each call. */
function makeClient(nodes: Record<string, Uint8Array>, bundleVerifier: BundleVerifier = verifier()) {
  const relayCalls: string[] = [];
  const directory = session.nodeDirectory({
    nodes: Object.fromEntries(Object.entries(nodes).map(([name, bundle]) => [name, () => bundle])),
  });
  const client = session.client({
    relay: async (request) => {
      relayCalls.push(`${request.method} ${request.url}`);
      return relay(request);
    },
    keys: [ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(gatewayKey))],
    mirror: directory,
    verifier: bundleVerifier,
    gateway: GATEWAY,
    now: () => NOW,
  });
  return { client, relayCalls };
}

const request = () =>
  new Request('https://processing.example/v1/summarise', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'secret: my unread messages',
  });

/** A refusal as text: its class and code, and a TransparencyError cause's. */
function refusal(e: unknown): string {
  if (e instanceof AttestationError) return `AttestationError ${e.code}`;
  if (!(e instanceof SessionError)) return `unexpected ${String(e)}`;
  if (e.cause === undefined) return `SessionError ${e.code}`;
  if (e.cause instanceof TransparencyError) return `SessionError ${e.code} (TransparencyError ${e.cause.code})`;
  return `SessionError ${e.code} (unexpected cause ${String(e.cause)})`;
}

/** The client refuses with NO_NODE whose refusals are `expected`, and nothing left the client. */
async function expectRefused(made: ReturnType<typeof makeClient>, expected: string[]): Promise<void> {
  const req = request();
  const error = await made.client.fetch(req).then(
    () => 'sent',
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SessionError);
  expect((error as SessionError).code).toBe('NO_NODE');
  const cause = (error as SessionError).cause;
  expect(cause).toBeInstanceOf(AggregateError);
  expect((cause as AggregateError).errors.map(refusal)).toEqual(expected);
  expect(made.relayCalls).toEqual([]);
  expect(made.client.audit).toEqual([]);
  expect(req.bodyUsed).toBe(false);
  expect(ran).toEqual([]);
}

describe.each(['wasm', 'js'] as const)('on %s', (backend) => {
  beforeEach(() => useBackend(backend));

  test('control: the good bundle goes through relay, gateway and node', async () => {
    const made = makeClient({ good });
    const response = await made.client.fetch(request());
    expect(await response.text()).toBe('answered 26 bytes');
    expect(made.relayCalls).toHaveLength(1);
    expect(made.relayCalls[0]).toMatch(/^POST /);
    expect(ran).toEqual(['POST /v1/summarise']);
    expect(made.client.audit).toHaveLength(1);
  });

  test('unknown root: a verifier that pins only AMD’s roots refuses the simulator’s chain (CHAIN)', async () => {
    await expectRefused(makeClient({ good }, verifier({ roots: 'amd' })), ['AttestationError CHAIN']);
  });

  test('bad signature: one flipped byte of the report’s signature (SIGNATURE)', async () => {
    await expectRefused(makeClient({ node: bad.signature }), ['AttestationError SIGNATURE']);
  });

  test('debug policy: a guest that may be debugged (DEBUG)', async () => {
    await expectRefused(makeClient({ node: bad.debug }), ['AttestationError DEBUG']);
  });

  test('TCB: the platform’s SNP firmware is below the policy’s minimum (TCB)', async () => {
    await expectRefused(makeClient({ good }, verifier({ minimumTcb: ADVISORY_TCB })), ['AttestationError TCB']);
  });

  test('report-data mismatch: evidence that binds another key (REPORT_DATA)', async () => {
    await expectRefused(makeClient({ node: bad.reportData }), ['AttestationError REPORT_DATA']);
  });

  test('expired bundle: one that expires now, one an hour ago (EXPIRED)', async () => {
    await expectRefused(makeClient({ a: bad.expiredNow, b: bad.expiredBefore }), [
      'SessionError EXPIRED',
      'SessionError EXPIRED',
    ]);
  });

  test('unreleased measurement: with the released statement (UNRELEASED), with its own unlogged one (NOT_INCLUDED)', async () => {
    await expectRefused(makeClient({ a: bad.measurement, b: bad.statement }), [
      'SessionError UNRELEASED',
      'SessionError UNRELEASED (TransparencyError NOT_INCLUDED)',
    ]);
  });

  test('missing quorum: one witness of the two required cosigned (LOG, QUORUM)', async () => {
    await expectRefused(makeClient({ node: bad.quorum }), ['SessionError LOG (TransparencyError QUORUM)']);
  });

  test('stale checkpoint: both cosignatures a second older than maxAge (LOG, STALE)', async () => {
    await expectRefused(makeClient({ node: bad.stale }), ['SessionError LOG (TransparencyError STALE)']);
  });

  test('split view: after a request under one tree, a fork of the same size (LOG, INCONSISTENT)', async () => {
    // Alone, the fork verifies: only the checkpoint seen before makes it a split view.
    await expect(verifier().verify(bad.fork, { now: NOW })).resolves.toMatchObject({ log: { treeSize: 5 } });
    const bundleVerifier = verifier({ log: tlog.verifier({ policy: logPolicy }) });
    // The first request goes through, and the verifier remembers its tree (size 5).
    const first = makeClient({ good }, bundleVerifier);
    expect((await first.client.fetch(request())).status).toBe(200);
    expect(first.relayCalls).toHaveLength(1);
    expect(first.client.audit.map((e) => e.treeSize)).toEqual([5]);
    ran.length = 0;
    await expectRefused(makeClient({ node: bad.fork }, bundleVerifier), [
      'SessionError LOG (TransparencyError INCONSISTENT)',
    ]);
  });

  test('one good node and one bad: the good one is used, the relay called once', async () => {
    const made = makeClient({ bad: bad.debug, good });
    expect(await (await made.client.fetch(request())).text()).toBe('answered 26 bytes');
    expect(made.relayCalls).toHaveLength(1);
    expect(ran).toEqual(['POST /v1/summarise']);
    expect(made.client.audit.map((e) => [e.node, e.listed, e.verified])).toEqual([['good', 2, 1]]);
  });
});

afterAll(() => sim.destroy());
