// The attested end-to-end session (docs/session.md, issue 16): what a client pays to set a session
// up — verify one node's attested key bundle: simulated SEV-SNP evidence, its VCEK ← ASK ← ARK chain,
// the release statement's inclusion in a tlog-proof whose checkpoint two witnesses cosign (2 of 2)
// — and what the inner layer adds to each request: a 1 KiB request and a 1 KiB response through
// plain OHTTP, then the same with the inner encapsulation to the node's key inside the OHTTP one.
// Message level (Binary HTTP bytes and the encapsulations), no Fetch objects and no sockets: the
// crypto and encoding cost only. oblivia wasm against oblivia js: the same calls, the backend switched.
import { bhttp, hpke, ohttp, useBackend, type Field, type GatewayKey } from '../../bindings/index.js';
import { attestationSimulator } from '../../bindings/attestation-simulator.js';
import { session } from '../../bindings/session.js';
import { tlog } from '../../bindings/tlog.js';
import { bytes, KiB } from '../inputs.js';
import type { BenchCase, Impl } from '../types.js';

export const SESSION_BODY = KiB;

export type SessionCaseId = 'session-verify-bundle' | 'session-inner-1KiB' | 'session-plain-ohttp-1KiB';

/** The fixed verification time; the witnesses cosign a minute before it, the bundle expires an hour after. */
const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const HOUR = 3600;
const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const OCTETS: Field = ['content-type', 'application/octet-stream'];

/** The same call on the wasm (SIMD build) and js backends. */
function bothBackends(run: () => Uint8Array | Promise<Uint8Array>): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}

/** A release log with `statement` among other entries, cosigned by two witnesses: the log policy
 *  (2 of 2, an hour's freshness) and the statement's tlog-proof. */
function releaseLog(statement: Uint8Array): { log: ReturnType<typeof tlog.policy>; proof: string } {
  const logKey = tlog.generateKey('example.com/releases');
  const storage = tlog.memoryStorage();
  const writer = tlog.logWriter({ storage, signer: logKey.signerKey });
  const witnesses = ['w1.example', 'w2.example'].map((name) => tlog.cosigner(tlog.generateKey(name).signerKey));
  for (let i = 0; i < 3; i++) writer.append(new TextEncoder().encode(`another entry ${i}\n`));
  const index = writer.append(statement);
  writer.append(new TextEncoder().encode('another entry 4\n'));
  let checkpoint = writer.publish();
  for (const w of witnesses) checkpoint = w.cosign(checkpoint, NOW_S - 60);
  const hashes = tlog.tileReader(storage, writer.size).inclusionProof(index);
  const log = tlog.policy({
    log: logKey.verifierKey,
    witnesses: witnesses.map((w) => w.verifierKey),
    quorum: 2,
    maxAge: HOUR,
  });
  return { log, proof: tlog.formatProof({ index, hashes, checkpoint }) };
}

/** A Binary HTTP request carrying `content`. */
function request(authority: string, path: string, contentType: Field, content: Uint8Array): Uint8Array {
  return bhttp.encodeRequest({ method: 'POST', scheme: 'https', authority, path, headers: [contentType], content });
}

/** A 200 Binary HTTP response carrying `content`. */
function response(contentType: Field, content: Uint8Array): Uint8Array {
  return bhttp.encodeResponse({ status: 200, headers: [contentType], content });
}

export async function sessionCases(): Promise<BenchCase[]> {
  // A simulated SEV-SNP node whose measurement was released; its attested key bundle, made once.
  const measurement = new Uint8Array(48).fill(0xa5);
  const statement = session.releaseStatement({
    platform: 'sev-snp',
    measurement,
    name: 'node 1.0.0',
    time: new Date((NOW_S - 24 * HOUR) * 1000),
  });
  const { log, proof } = releaseLog(statement);
  const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
  const nodeKey: GatewayKey = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, SUITES);
  const bundle = await session.createBundle({
    keyConfig: nodeKey,
    expiry: new Date((NOW_S + HOUR) * 1000),
    attester: (reportData) => sim.attest({ reportData, measurement }),
    endorsements: { signer: sim.vcek, chain: sim.chainPem },
    statement,
    proof,
  });
  sim.destroy();
  // The client's verifier, made once and kept (as session.client keeps it); the log as a
  // tlog.policy, which keeps no checkpoint, so every verification is the same work.
  const verifier = session.bundleVerifier({
    attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
    log,
  });

  const gatewayKey: GatewayKey = ohttp.generateKeyConfig(9, hpke.KEM.X25519_HKDF_SHA256, SUITES);
  const requestBody = bytes(SESSION_BODY, 92);
  const responseBody = bytes(SESSION_BODY, 93);
  const innerRequestType: Field = ['content-type', session.INNER_MEDIA_TYPE.REQUEST];
  const innerResponseType: Field = ['content-type', session.INNER_MEDIA_TYPE.RESPONSE];
  useBackend(undefined);

  const common = { group: 'session', unit: 'ops/s' } as const;
  return [
    {
      ...common,
      id: 'session-verify-bundle' satisfies SessionCaseId,
      title:
        'Session setup: verify one attested key bundle (SEV-SNP evidence, VCEK ← ASK ← ARK, tlog-proof, 2-of-2 witnesses)',
      chartLabel: ['Session setup', 'verify one bundle'],
      bytes: bundle.length,
      expected: measurement,
      impls: bothBackends(async () => {
        return (await verifier.verify(bundle, { now: NOW })).measurement;
      }),
    },
    {
      ...common,
      id: 'session-plain-ohttp-1KiB' satisfies SessionCaseId,
      title: 'Plain OHTTP round trip: 1 KiB request and response (Binary HTTP, client and gateway)',
      chartLabel: ['Plain OHTTP', 'round trip, 1 KiB each way'],
      bytes: SESSION_BODY,
      expected: responseBody,
      impls: bothBackends(() => {
        // Client: the Binary HTTP request, encapsulated to the gateway.
        const client = ohttp.encapsulateRequest(
          gatewayKey,
          request('processing.example', '/v1/summarise', OCTETS, requestBody),
        );
        // Gateway: open it, decode it; the target's answer, encoded and encapsulated.
        const gateway = ohttp.decapsulateRequest(gatewayKey, client.encapsulatedRequest);
        bhttp.decodeRequest(gateway.bhttpRequest);
        const answer = gateway.context.encapsulateResponse(response(OCTETS, responseBody));
        // Client: open and decode the answer.
        return bhttp.decodeResponse(client.context.decapsulateResponse(answer)).content;
      }),
    },
    {
      ...common,
      id: 'session-inner-1KiB' satisfies SessionCaseId,
      title: 'Attested session round trip: the same, with the inner layer to the node’s key inside the OHTTP one',
      chartLabel: ['Attested session', 'round trip, 1 KiB each way'],
      bytes: SESSION_BODY,
      expected: responseBody,
      impls: bothBackends(() => {
        // Client: the request encapsulated to the node (inner), carried in a request to the
        // gateway's /nodes/a, encapsulated to the gateway (outer).
        const inner = session.encapsulateInner(
          nodeKey,
          request('processing.example', '/v1/summarise', OCTETS, requestBody),
        );
        const outer = ohttp.encapsulateRequest(
          gatewayKey,
          request('gateway.example', '/nodes/a', innerRequestType, inner.encapsulatedRequest),
        );
        // Gateway: open the outer layer; the router passes the inner request on unchanged.
        const gateway = ohttp.decapsulateRequest(gatewayKey, outer.encapsulatedRequest);
        const forwarded = bhttp.decodeRequest(gateway.bhttpRequest).content;
        // Node: open the inner layer, decode; its answer encoded and encapsulated to the client.
        const node = session.decapsulateInner(nodeKey, forwarded);
        bhttp.decodeRequest(node.bhttpRequest);
        const nodeAnswer = node.context.encapsulateResponse(response(OCTETS, responseBody));
        // Gateway: the node's answer as the target's response, encapsulated.
        const answer = gateway.context.encapsulateResponse(response(innerResponseType, nodeAnswer));
        // Client: open the outer answer, then the node's inside it.
        const carried = bhttp.decodeResponse(outer.context.decapsulateResponse(answer)).content;
        return bhttp.decodeResponse(inner.context.decapsulateResponse(carried)).content;
      }),
    },
  ];
}
