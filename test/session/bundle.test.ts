// Attested key bundles end to end: a simulated SEV-SNP node binds its key config and expiry into its
// report, its measurement is released to an in-memory log that two witnesses cosign, and the client's
// bundle verifier accepts it with exact facts — then refuses each broken bundle with its exact code.
// The real SEV-SNP reports go through the same verifier and are refused for their report data only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attestation, AttestationError } from 'oblivia/attestation';
import { attestationSimulator } from 'oblivia/attestation-simulator';
import { hpke } from 'oblivia/hpke';
import { ohttp, type KeyConfig } from 'oblivia/ohttp';
import { session, SessionError, type BundleVerifierOptions, type ReleaseStatement } from 'oblivia/session';
import { tlog, TransparencyError } from 'oblivia/tlog';
import { hex, readJsonVector, VECTORS } from '../helpers.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 100);
const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const HOUR = 3600;
const at = (seconds: number): Date => new Date(seconds * 1000);
const sha = (algorithm: string, ...parts: Uint8Array[]): Uint8Array => {
  const h = createHash(algorithm);
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
};

const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
const crl = await sim.crl({ thisUpdate: at(NOW_S - 24 * HOUR), nextUpdate: at(NOW_S + 30 * 24 * HOUR) });
const endorsements = { signer: sim.vcek, chain: sim.chainPem, crls: [crl] };
const measurement = new Uint8Array(48).fill(0xa5);
const suites = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const nodeKey = ohttp.generateKeyConfig(7, hpke.KEM.X25519_HKDF_SHA256, suites);
const otherKey = ohttp.generateKeyConfig(7, hpke.KEM.X25519_HKDF_SHA256, suites);
const release: ReleaseStatement = { platform: 'sev-snp', measurement, name: 'node 1.0.0', time: at(NOW_S - 24 * HOUR) };
const statement = session.releaseStatement(release);

// The log and its two witnesses.
const ORIGIN = 'example.com/releases';
const witnesses = ['w1.example', 'w2.example'].map((name) => tlog.cosigner(tlog.generateKey(name).signerKey));

/** A fresh log; given an existing log's key, another tree under the same key (a fork). */
function makeLog(name = ORIGIN, key = tlog.generateKey(name)) {
  const storage = tlog.memoryStorage();
  return { key, storage, writer: tlog.logWriter({ storage, signer: key.signerKey }) };
}
type Log = ReturnType<typeof makeLog>;

/** Appends `entries` (the released statement among them), publishes, has `cosigners` cosign at
 *  `time`; the tlog-proof of entry `index`. */
function publish(log: Log, entries: Uint8Array[], index: number, cosigners = witnesses, time = NOW_S - 60): string {
  const first = log.writer.size;
  for (const entry of entries) log.writer.append(entry);
  let note = log.writer.publish();
  for (const w of cosigners) note = w.cosign(note, time);
  const hashes = tlog.tileReader(log.storage, log.writer.size).inclusionProof(first + index);
  return tlog.formatProof({ index: first + index, hashes, checkpoint: note });
}

const filler = (i: number): Uint8Array => new TextEncoder().encode(`another entry ${i}\n`);
const log = makeLog();
const entries = [filler(0), filler(1), filler(2), statement, filler(4)];
const proof = publish(log, entries, 3);
const logOptions = () => ({
  log: log.key.verifierKey,
  witnesses: witnesses.map((w) => w.verifierKey),
  quorum: 2,
  maxAge: HOUR,
});
const logPolicy = tlog.policy(logOptions());

const options = (overrides: Partial<BundleVerifierOptions> = {}): BundleVerifierOptions => ({
  attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
  log: logPolicy,
  ...overrides,
});
const verifier = session.bundleVerifier(options());

interface Make {
  keyConfig?: KeyConfig;
  expiry?: number;
  /** The key config and expiry the evidence binds, if not the bundle's. */
  bound?: { keyConfig: KeyConfig; expiry: number };
  measurement?: Uint8Array;
  statement?: Uint8Array;
  proof?: string;
}

function makeBundle(m: Make = {}): Promise<Uint8Array> {
  const keyConfig = m.keyConfig ?? nodeKey;
  const expiry = m.expiry ?? NOW_S + HOUR;
  return session.createBundle({
    keyConfig,
    expiry: at(expiry),
    attester: (reportData) =>
      sim.attest({
        reportData: m.bound ? session.reportData(m.bound.keyConfig, at(m.bound.expiry)) : reportData,
        measurement: m.measurement ?? measurement,
      }),
    endorsements,
    statement: m.statement ?? statement,
    proof: m.proof ?? proof,
  });
}

const good = await makeBundle();

/** How a verification ended: ACCEPTED, or the error's class and code (and its cause's code). */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SessionError) {
      const cause = error.cause instanceof TransparencyError ? ` ${error.cause.code}` : '';
      return `SessionError ${error.code}${cause}`;
    }
    if (error instanceof AttestationError) return `AttestationError ${error.code}`;
    throw error;
  }
  return 'ACCEPTED';
}

describe('the report data binding', () => {
  test('SHA-512 of the label, the RFC 9458 key config and the big-endian uint64 expiry in seconds', () => {
    const expiry = at(NOW_S + HOUR);
    const u64 = new Uint8Array(8);
    new DataView(u64.buffer).setBigUint64(0, BigInt(NOW_S + HOUR));
    const expected = sha(
      'sha512',
      new TextEncoder().encode('oblivia attested-key v1'),
      ohttp.encodeKeyConfig(nodeKey),
      u64,
    );
    expect(session.ATTESTED_KEY_LABEL).toBe('oblivia attested-key v1');
    expect(session.reportData(nodeKey, expiry)).toEqual(expected);
    expect(session.reportData(ohttp.encodeKeyConfig(nodeKey), expiry)).toEqual(expected);
    // Milliseconds are dropped: the expiry is whole seconds.
    expect(session.reportData(nodeKey, new Date(expiry.getTime() + 999))).toEqual(expected);
    expect(session.reportData(otherKey, expiry)).not.toEqual(expected);
  });
});

describe('encoding', () => {
  test('decodes to its fields, and encodes back to the same bytes', () => {
    const bundle = session.decodeBundle(good);
    expect(bundle.version).toBe(1);
    expect(bundle.platform).toBe('sev-snp');
    expect(bundle.expiry).toEqual(at(NOW_S + HOUR));
    expect(bundle.encodedKeyConfig).toEqual(ohttp.encodeKeyConfig(nodeKey));
    expect(bundle.keyConfig.publicKey).toEqual(nodeKey.publicKey);
    expect(bundle.evidence.length).toBe(attestation.sevSnp.REPORT_SIZE);
    expect(bundle.certificates).toEqual([sim.vcek, sim.ask, sim.ark]);
    expect(bundle.crls).toEqual([crl]);
    expect(bundle.statement).toEqual(statement);
    expect(bundle.release).toEqual(release);
    expect(bundle.proof).toBe(proof);
    expect(session.encodeBundle(bundle)).toEqual(good);
    // The layout: version, platform, expiry, then the key config with its length.
    expect([...good.subarray(0, 2)]).toEqual([1, 1]);
    expect(new DataView(good.buffer, good.byteOffset + 2).getBigUint64(0)).toBe(BigInt(NOW_S + HOUR));
    const configLength = ohttp.encodeKeyConfig(nodeKey).length;
    expect((good[10]! << 8) | good[11]!).toBe(configLength);
  });

  test('every truncation, a trailing byte and random bytes are MALFORMED', () => {
    for (let length = 0; length < good.length; length++) {
      expect(() => session.decodeBundle(good.subarray(0, length))).toThrow(
        expect.objectContaining({ name: 'SessionError', code: 'MALFORMED' }),
      );
    }
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(() => session.decodeBundle(longer)).toThrow(expect.objectContaining({ code: 'MALFORMED' }));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (garbage) => {
        expect(() => session.decodeBundle(garbage)).toThrow(SessionError);
      }),
      { numRuns: RUNS },
    );
    expect(() => session.decodeBundle(new Uint8Array(session.MAX_BUNDLE_SIZE + 1))).toThrow(SessionError);
  });

  test('another version or platform, an expiry beyond a Date, a count out of bounds: MALFORMED', () => {
    const changed = (at: number, ...values: number[]): Uint8Array => {
      const copy = good.slice();
      copy.set(values, at);
      return copy;
    };
    const evidenceEnd = 12 + ohttp.encodeKeyConfig(nodeKey).length + 2 + attestation.sevSnp.REPORT_SIZE;
    const cases = [
      changed(0, 2), // version
      changed(1, 0), // platform
      changed(1, 3),
      changed(2, 0, 0, 0x07, 0xdc, 0, 0, 0, 0), // 8.64e12 + a little more seconds
      changed(10, 0, 0), // an empty key config
      changed(evidenceEnd, 0), // no certificate
      changed(evidenceEnd, 9), // nine
    ];
    for (const bundle of cases) {
      expect(() => session.decodeBundle(bundle)).toThrow(
        expect.objectContaining({ name: 'SessionError', code: 'MALFORMED' }),
      );
    }
    expect(good[evidenceEnd]).toBe(3);
  });

  test('createBundle: an attester that returns no bytes, or is neither function nor bytes: TypeError', async () => {
    const base = { keyConfig: nodeKey, expiry: at(NOW_S + HOUR), endorsements, statement, proof };
    await expect(session.createBundle({ ...base, attester: () => 'report' as never })).rejects.toThrow(TypeError);
    await expect(session.createBundle({ ...base, attester: 42 as never })).rejects.toThrow(TypeError);
    await expect(
      session.createBundle({ ...base, attester: sim.attest({ reportData: new Uint8Array(64) }), proof: 'x' }),
    ).rejects.toThrow(TransparencyError);
  });

  test('arguments: wrong types are TypeError, sizes and counts RangeError', () => {
    const fields = session.decodeBundle(good);
    expect(() => session.decodeBundle('bundle' as never)).toThrow(TypeError);
    expect(() => session.encodeBundle({ ...fields, certificates: [] })).toThrow(RangeError);
    expect(() => session.encodeBundle({ ...fields, crls: Array(9).fill(crl) })).toThrow(RangeError);
    expect(() => session.encodeBundle({ ...fields, evidence: new Uint8Array(0x10000) })).toThrow(RangeError);
    expect(() => session.encodeBundle({ ...fields, platform: 'tdx' as never })).toThrow(RangeError);
    expect(() => session.encodeBundle({ ...fields, expiry: NOW_S as never })).toThrow(TypeError);
  });
});

describe('a good bundle', () => {
  test('verifies, with the facts an audit log records', async () => {
    const result = await verifier.verify(good, { now: NOW });
    expect(result.platform).toBe('sev-snp');
    expect(result.encodedKeyConfig).toEqual(ohttp.encodeKeyConfig(nodeKey));
    expect(result.keyConfig).toEqual({
      keyId: 7,
      kem: hpke.KEM.X25519_HKDF_SHA256,
      publicKey: nodeKey.publicKey,
      suites,
    });
    expect(result.expiry).toEqual(at(NOW_S + HOUR));
    expect(result.measurement).toEqual(measurement);
    expect(result.statement).toEqual(release);
    const checkpoint = proof.slice(proof.indexOf('\n\n') + 2);
    expect(result.log).toEqual({
      origin: ORIGIN,
      treeSize: 5,
      leafIndex: 3,
      rootHash: tlog.rootHash(entries.map((e) => tlog.leafHash(e))),
      checkpointHash: sha('sha256', new TextEncoder().encode(tlog.parseNote(checkpoint).text)),
      checkpoint,
      witnesses: [
        { name: 'w1.example', time: NOW_S - 60 },
        { name: 'w2.example', time: NOW_S - 60 },
      ],
    });
    expect(result.attestation.reportData).toEqual(session.reportData(nodeKey, result.expiry));
    expect(result.attestation.root).toEqual(sim.arkSha256);
  });

  test('verifies until one second before its expiry, and for exactly 24 hours ahead', async () => {
    expect(await outcome(() => verifier.verify(good, { now: at(NOW_S + HOUR - 1) }))).toBe('SessionError LOG STALE');
    const lenient = session.bundleVerifier(options({ log: { ...logOptions(), maxAge: 2 * HOUR } }));
    expect(await outcome(() => lenient.verify(good, { now: at(NOW_S + HOUR - 1) }))).toBe('ACCEPTED');
    const day = await makeBundle({ expiry: NOW_S + 24 * HOUR });
    expect(await outcome(() => verifier.verify(day, { now: NOW }))).toBe('ACCEPTED');
  });

  test('the log may be given as policy options, and as a tlog.verifier', async () => {
    for (const log of [logOptions(), tlog.verifier({ policy: logPolicy })]) {
      expect(await outcome(() => session.bundleVerifier(options({ log })).verify(good, { now: NOW }))).toBe('ACCEPTED');
    }
  });
});

describe('refusals, each with its code', () => {
  test('evidence binding another key, or another expiry: AttestationError REPORT_DATA', async () => {
    const other = await makeBundle({ bound: { keyConfig: otherKey, expiry: NOW_S + HOUR } });
    expect(await outcome(() => verifier.verify(other, { now: NOW }))).toBe('AttestationError REPORT_DATA');
    const later = await makeBundle({ bound: { keyConfig: nodeKey, expiry: NOW_S + 2 * HOUR } });
    expect(await outcome(() => verifier.verify(later, { now: NOW }))).toBe('AttestationError REPORT_DATA');
  });

  test('an expired bundle: EXPIRED, from its expiry on', async () => {
    expect(await outcome(() => verifier.verify(good, { now: at(NOW_S + HOUR) }))).toBe('SessionError EXPIRED');
    expect(await outcome(() => verifier.verify(good, { now: at(NOW_S + 48 * HOUR) }))).toBe('SessionError EXPIRED');
  });

  test('an expiry more than 24 hours ahead: LIFETIME', async () => {
    const long = await makeBundle({ expiry: NOW_S + 24 * HOUR + 1 });
    expect(await outcome(() => verifier.verify(long, { now: NOW }))).toBe('SessionError LIFETIME');
  });

  test('a statement that is not in the log: UNRELEASED (NOT_INCLUDED)', async () => {
    const unlogged = session.releaseStatement({ ...release, name: 'node 1.0.1' });
    const bundle = await makeBundle({ statement: unlogged });
    expect(await outcome(() => verifier.verify(bundle, { now: NOW }))).toBe('SessionError UNRELEASED NOT_INCLUDED');
  });

  test('a released statement of another measurement: UNRELEASED', async () => {
    const released = session.releaseStatement({ ...release, measurement: new Uint8Array(48).fill(0x5a) });
    const bundle = await makeBundle({ statement: released, proof: publish(makeLog(ORIGIN, log.key), [released], 0) });
    expect(await outcome(() => verifier.verify(bundle, { now: NOW }))).toBe('SessionError UNRELEASED');
    // And the evidence of an unreleased measurement with the released statement.
    const unreleased = await makeBundle({ measurement: new Uint8Array(48).fill(0x77) });
    expect(await outcome(() => verifier.verify(unreleased, { now: NOW }))).toBe('SessionError UNRELEASED');
  });

  test('a proof under another log key: LOG (UNVERIFIED), another origin: LOG (UNKNOWN_LOG)', async () => {
    const impostor = makeLog(ORIGIN);
    const bundle = await makeBundle({ proof: publish(impostor, entries, 3) });
    expect(await outcome(() => verifier.verify(bundle, { now: NOW }))).toBe('SessionError LOG UNVERIFIED');
    const elsewhere = makeLog('example.org/other');
    const moved = await makeBundle({ proof: publish(elsewhere, entries, 3) });
    expect(await outcome(() => verifier.verify(moved, { now: NOW }))).toBe('SessionError LOG UNKNOWN_LOG');
  });

  test('too few witnesses: LOG (QUORUM); stale cosignatures: LOG (STALE)', async () => {
    const bundle = await makeBundle({ proof: publish(makeLog(ORIGIN, log.key), entries, 3, witnesses.slice(0, 1)) });
    expect(await outcome(() => verifier.verify(bundle, { now: NOW }))).toBe('SessionError LOG QUORUM');
    const stale = await makeBundle({
      proof: publish(makeLog(ORIGIN, log.key), entries, 3, witnesses, NOW_S - 2 * HOUR),
    });
    expect(await outcome(() => verifier.verify(stale, { now: NOW }))).toBe('SessionError LOG STALE');
  });

  test('a split view: a tlog.verifier that saw one tree refuses another of the same size (LOG, INCONSISTENT)', async () => {
    const v = session.bundleVerifier(options({ log: tlog.verifier({ policy: logPolicy }) }));
    expect(await outcome(() => v.verify(good, { now: NOW }))).toBe('ACCEPTED');
    const fork = makeLog(ORIGIN, log.key);
    const forked = await makeBundle({
      proof: publish(fork, [filler(9), filler(1), filler(2), statement, filler(4)], 3),
    });
    expect(await outcome(() => verifier.verify(forked, { now: NOW }))).toBe('ACCEPTED'); // alone, it verifies
    expect(await outcome(() => v.verify(forked, { now: NOW }))).toBe('SessionError LOG INCONSISTENT');
  });

  test('a platform the verifier does not accept, or a statement of another platform: PLATFORM', async () => {
    const h100Only = session.bundleVerifier(options({ platforms: ['nvidia-h100'] }));
    expect(await outcome(() => h100Only.verify(good, { now: NOW }))).toBe('SessionError PLATFORM');
    const fields = session.decodeBundle(good);
    const gpu = session.releaseStatement({ ...release, platform: 'nvidia-h100' });
    const mixed = session.encodeBundle({ ...fields, statement: gpu });
    expect(await outcome(() => verifier.verify(mixed, { now: NOW }))).toBe('SessionError PLATFORM');
  });

  test('a CRL that no certificate of the bundle issued: MALFORMED (one with its ARK’s name is checked: CHAIN)', async () => {
    const other = await attestationSimulator.sevSnp({ product: 'Genoa' });
    const foreign = await other.crl({ thisUpdate: at(NOW_S - HOUR), nextUpdate: at(NOW_S + HOUR) });
    other.destroy();
    const bundle = session.encodeBundle({ ...session.decodeBundle(good), crls: [crl, foreign] });
    expect(await outcome(() => verifier.verify(bundle, { now: NOW }))).toBe('SessionError MALFORMED');
    const twin = await attestationSimulator.sevSnp({ product: 'Milan' });
    const forged = await twin.crl({ thisUpdate: at(NOW_S - HOUR), nextUpdate: at(NOW_S + HOUR) });
    twin.destroy();
    const withForged = session.encodeBundle({ ...session.decodeBundle(good), crls: [forged] });
    expect(await outcome(() => verifier.verify(withForged, { now: NOW }))).toBe('AttestationError CHAIN');
  });

  test('any flipped byte is refused with a typed error, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: good.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (i, mask) => {
          const bundle = good.slice();
          bundle[i]! ^= mask;
          expect(await outcome(() => verifier.verify(bundle, { now: NOW }))).not.toBe('ACCEPTED');
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// One bit flipped at evenly spaced positions: 256 by default, every position (7,668 verifications,
// about two minutes) with OBLIVIA_BUNDLE_FLIPS=all, or another count.
const FLIPS = process.env.OBLIVIA_BUNDLE_FLIPS ?? '256';
test('single-bit flips across the whole bundle are each refused with a typed error', async () => {
  const count = FLIPS === 'all' ? good.length : Math.min(good.length, Number(FLIPS));
  const positions = Array.from({ length: count }, (_, k) => Math.floor((k * good.length) / count));
  expect(new Set(positions).size).toBe(count);
  for (const i of positions) {
    const bundle = good.slice();
    bundle[i]! ^= 1 << (i % 8);
    expect(await outcome(() => verifier.verify(bundle, { now: NOW })), `byte ${i}`).not.toBe('ACCEPTED');
  }
}, 900_000);

describe('real SEV-SNP reports in a bundle', () => {
  const DIR = 'attestation/sev-snp';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const expected = readJsonVector(`${DIR}/expected.json`) as { reports: any[] };
  const file = (name: string): Uint8Array => new Uint8Array(readFileSync(`${VECTORS}/${DIR}/${name}`));

  test.each(expected.reports.map((v) => [v.report_file as string, v]))(
    '%s passes evidence, chain and policy, then is refused with REPORT_DATA',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async (_, vector: any) => {
      const report = file(vector.report_file);
      const real = {
        signer: file(vector.signer_cert_file),
        chain: readFileSync(`${VECTORS}/${DIR}/${vector.ask_ark_file}`, 'utf8'),
      };
      const when = new Date(vector.verify_at as string);
      const seconds = when.getTime() / 1000;
      const policy = { allowDebug: true };
      // The evidence alone verifies under AMD's roots at its time.
      const alone = await attestation.sevSnp.verifier({ policy }).verify(report, real, { at: when });
      const released = session.releaseStatement({
        platform: 'sev-snp',
        measurement: alone.measurements.get('MEASUREMENT')!,
        name: `real ${vector.report_file}`,
        time: when,
      });
      expect(hex(session.parseReleaseStatement(released).measurement)).toBe(vector.fields.measurement);
      const realLog = makeLog(ORIGIN, log.key);
      const bundle = await session.createBundle({
        keyConfig: nodeKey,
        expiry: at(seconds + HOUR),
        attester: report,
        endorsements: real,
        statement: released,
        proof: publish(realLog, [released], 0, witnesses, seconds - 60),
      });
      const v = session.bundleVerifier({ attestation: { sevSnp: { policy } }, log: logPolicy });
      expect(await outcome(() => v.verify(bundle, { now: when }))).toBe('AttestationError REPORT_DATA');
    },
  );
});

describe('real NVIDIA H100 evidence in a bundle', () => {
  const DIR = 'attestation/nvidia';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const expected = readJsonVector(`${DIR}/expected.json`) as { reports: any[] };
  const read = (name: string): string => readFileSync(`${VECTORS}/${DIR}/${name}`, 'utf8');
  // The certificates are valid from 2022-03-01 until 9999.
  const when = new Date('2025-01-01T00:00:00Z');
  const seconds = when.getTime() / 1000;

  test.each(expected.reports.map((v) => [v.report_file as string, v]))(
    '%s passes chain and signature, then is refused with REPORT_DATA (its nonce binds no key)',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async (_, vector: any) => {
      const evidence = new Uint8Array(Buffer.from(read(vector.report_file).trim(), 'hex'));
      const chain = read(vector.cert_chain_file);
      const policy = { allowTrailingZeros: vector.trailing_bytes === 1 };
      const alone = await attestation.h100
        .verifier({ policy })
        .verify(evidence, { chain }, { at: when, nonce: new Uint8Array(Buffer.from(vector.request_nonce_hex, 'hex')) });
      const released = session.releaseStatement({
        platform: 'nvidia-h100',
        measurement: session.h100Measurement(alone.measurements),
        name: `real ${vector.report_file}`,
        time: when,
      });
      const bundle = await session.createBundle({
        keyConfig: nodeKey,
        expiry: at(seconds + HOUR),
        attester: evidence,
        endorsements: { chain },
        statement: released,
        proof: publish(makeLog(ORIGIN, log.key), [released], 0, witnesses, seconds - 60),
      });
      expect(session.decodeBundle(bundle).certificates.length).toBe(5);
      const v = session.bundleVerifier({
        attestation: { h100: { policy } },
        log: logPolicy,
        platforms: ['nvidia-h100'],
      });
      expect(await outcome(() => v.verify(bundle, { now: when }))).toBe('AttestationError REPORT_DATA');
      expect(await outcome(() => verifier.verify(bundle, { now: when }))).toBe('SessionError PLATFORM');
    },
  );

  test('the composite measurement: SHA-384 over index, length and value, by increasing index', () => {
    const blocks = new Map([
      [2, Uint8Array.of(0xbb, 0xbb)],
      [1, Uint8Array.of(0xaa)],
    ]);
    const digest = sha('sha384', Uint8Array.of(1, 0, 1, 0xaa, 2, 0, 2, 0xbb, 0xbb));
    expect(session.h100Measurement(blocks)).toEqual(digest);
    expect(session.h100Measurement(new Map([...blocks].map(([i, v]) => [String(i), v])))).toEqual(digest);
    expect(session.h100Measurement({ 1: Uint8Array.of(0xaa), 2: Uint8Array.of(0xbb, 0xbb) })).toEqual(digest);
  });
});
