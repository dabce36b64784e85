// The simulated SEV-SNP platform through the production verifier: accepted only by a verifier given
// the simulator's ARK, refused by the default (AMD) roots; its CRL revokes; and the same policy and
// mutation rules hold as for real reports.
import { describe, expect, test } from 'vitest';
import { attestation } from 'oblivia/attestation';
import { attestationSimulator } from 'oblivia/attestation-simulator';
import { attestationCode as code } from './codes.js';

const { sevSnp } = attestation;
const AT = new Date('2025-06-01T00:00:00Z');
const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
const root = { product: 'Milan' as const, arkSha256: sim.arkSha256 };
const endorsements = { signer: sim.vcek, chain: sim.chainPem };
const reportData = new Uint8Array(64).map((_, i) => i);
const measurement = new Uint8Array(48).fill(0xa5);

describe('the simulator through the production verifier', () => {
  test('accepted with its root given explicitly, with exactly what was attested', async () => {
    const report = sim.attest({ reportData, measurement, guestSvn: 3 });
    const verifier = sevSnp.verifier({ roots: [root], policy: { measurements: [measurement], allowSmt: true } });
    const result = await verifier.verify(report, endorsements, { at: AT, reportData });
    expect(result.measurements.get('MEASUREMENT')).toEqual(measurement);
    expect(result.reportData).toEqual(reportData);
    expect(result.root).toEqual(sim.arkSha256);
    expect(result.tcb).toEqual({ ...sim.tcb, guestSvn: 3 });
    expect(result.product).toEqual({ name: 'Milan', stepping: 0 });
    expect(result.debug).toBe(false);
  });

  test('refused by the default roots, and by a verifier given another simulator’s root (CHAIN)', async () => {
    const report = sim.attest({ reportData });
    expect(await code(() => sevSnp.verifier().verify(report, endorsements, { at: AT }))).toBe('CHAIN');
    const other = await attestationSimulator.sevSnp({ product: 'Milan' });
    const verifier = sevSnp.verifier({ roots: [{ product: 'Milan', arkSha256: other.arkSha256 }] });
    expect(await code(() => verifier.verify(report, endorsements, { at: AT }))).toBe('CHAIN');
    // The other simulator's VCEK under this chain: its ASK did not sign it.
    const mixed = sevSnp.verifier({ roots: [root] });
    expect(await code(() => mixed.verify(report, { signer: other.vcek, chain: sim.chainPem }, { at: AT }))).toBe(
      'CHAIN',
    );
    other.destroy();
  });

  test('versions 2, 3 and 5 all verify', async () => {
    const verifier = sevSnp.verifier({ roots: [root] });
    for (const version of [2, 3, 5] as const) {
      const result = await verifier.verify(sim.attest({ reportData, version }), endorsements, { at: AT });
      expect(result.evidence.version).toBe(version);
    }
  });

  test('a debuggable guest: DEBUG; a migration agent: POLICY; unless allowed', async () => {
    const debug = sim.attest({ reportData, policy: 0x30000n | (1n << 19n) });
    const agent = sim.attest({ reportData, policy: 0x30000n | (1n << 18n) });
    const strict = sevSnp.verifier({ roots: [root] });
    expect(await code(() => strict.verify(debug, endorsements, { at: AT }))).toBe('DEBUG');
    expect(await code(() => strict.verify(agent, endorsements, { at: AT }))).toBe('POLICY');
    const lenient = sevSnp.verifier({ roots: [root], policy: { allowDebug: true, allowMigrationAgent: true } });
    expect((await lenient.verify(debug, endorsements, { at: AT })).debug).toBe(true);
    await lenient.verify(agent, endorsements, { at: AT });
  });

  test('outside the VCEK validity (2024-01-01 + 7 years): EXPIRED', async () => {
    const verifier = sevSnp.verifier({ roots: [root] });
    const report = sim.attest({ reportData });
    expect(await code(() => verifier.verify(report, endorsements, { at: new Date('2023-12-31T23:59:59Z') }))).toBe(
      'EXPIRED',
    );
    expect(await code(() => verifier.verify(report, endorsements, { at: new Date('2031-01-01T00:00:01Z') }))).toBe(
      'EXPIRED',
    );
  });
});

describe('CRLs', () => {
  const thisUpdate = new Date('2025-05-01T00:00:00Z');
  const nextUpdate = new Date('2025-07-01T00:00:00Z');
  const verifier = sevSnp.verifier({ roots: [root] });
  const report = sim.attest({ reportData });

  test('a current CRL that does not list the ASK: accepted', async () => {
    const crl = await sim.crl({ thisUpdate, nextUpdate, revoked: [12345n] });
    await verifier.verify(report, { ...endorsements, crls: [crl] }, { at: AT });
  });

  test('the ASK revoked: REVOKED', async () => {
    const crl = await sim.crl({ thisUpdate, nextUpdate, revoked: [sim.serialNumbers.ask] });
    expect(await code(() => verifier.verify(report, { ...endorsements, crls: [crl] }, { at: AT }))).toBe('REVOKED');
  });

  test('a CRL past its nextUpdate or before its thisUpdate: EXPIRED', async () => {
    const crl = await sim.crl({ thisUpdate, nextUpdate });
    const late = new Date('2025-07-01T00:00:01Z');
    expect(await code(() => verifier.verify(report, { ...endorsements, crls: [crl] }, { at: late }))).toBe('EXPIRED');
    const early = new Date('2025-04-30T23:59:59Z');
    expect(await code(() => verifier.verify(report, { ...endorsements, crls: [crl] }, { at: early }))).toBe('EXPIRED');
  });

  test('a CRL with the ARK’s name signed by another key: CHAIN; a flipped byte: refused', async () => {
    const other = await attestationSimulator.sevSnp({ product: 'Milan' });
    const forged = await other.crl({ thisUpdate, nextUpdate });
    expect(await code(() => verifier.verify(report, { ...endorsements, crls: [forged] }, { at: AT }))).toBe('CHAIN');
    other.destroy();
    const crl = await sim.crl({ thisUpdate, nextUpdate });
    for (const at of [crl.length - 1, crl.length - 200, 40]) {
      const flipped = crl.slice();
      flipped[at]! ^= 1;
      const got = await code(() => verifier.verify(report, { ...endorsements, crls: [flipped] }, { at: AT }));
      expect(['CHAIN', 'MALFORMED']).toContain(got);
    }
  });

  test('an outer algorithm other than the signed one, or parameters that break their schema: MALFORMED', async () => {
    const crl = await sim.crl({ thisUpdate, nextUpdate });
    // CertificateList ::= SEQUENCE { tbsCertList (its signature AlgorithmIdentifier at 7), signatureAlgorithm, … }
    const inner = 4 + 4 + 3;
    const outer = 4 + 4 + ((crl[6]! << 8) | crl[7]!);
    expect(crl.subarray(inner, inner + 72)).toEqual(crl.subarray(outer, outer + 72));
    // The hash's NULL parameters as an empty OCTET STRING, outside the signed part (RFC 5280 §5.1.1.2).
    const unsigned = crl.slice();
    unsigned[outer + 30]! ^= 1;
    expect(await code(() => verifier.verify(report, { ...endorsements, crls: [unsigned] }, { at: AT }))).toBe(
      'MALFORMED',
    );
    // MGF1's hash as a SET in both identifiers: pkijs's own schema error becomes MALFORMED.
    const both = crl.slice();
    both[inner + 47]! ^= 1;
    both[outer + 47]! ^= 1;
    expect(await code(() => verifier.verify(report, { ...endorsements, crls: [both] }, { at: AT }))).toBe('MALFORMED');
  });
});
