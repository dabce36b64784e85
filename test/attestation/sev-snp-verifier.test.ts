// The SEV-SNP verifier end to end on the 3 real reports of shared/vectors/attestation/sev-snp: the
// chain to AMD's pinned ARK, the product, the report signature and the policy, each at the
// verification time its expected.json pins; then every negative case of that README, and mutations.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attestation, AttestationError, type SevSnpEndorsements, type SevSnpPolicyOptions } from 'oblivia/attestation';
import { attestationCode as code } from './codes.js';
import { hex, readJsonVector, unhex, VECTORS } from '../helpers.js';

const { sevSnp } = attestation;
const DIR = 'attestation/sev-snp';
const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 100);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected = readJsonVector(`${DIR}/expected.json`) as { reports: any[]; ark_sha256_der: any };
const file = (name: string): Uint8Array => new Uint8Array(readFileSync(`${VECTORS}/${DIR}/${name}`));
const pem = (name: string): string => readFileSync(`${VECTORS}/${DIR}/${name}`, 'utf8');

const [goSevGuest, trusteeVcek, trusteeVlek] = expected.reports.map((vector) => ({
  vector,
  report: file(vector.report_file),
  endorsements: { signer: file(vector.signer_cert_file), chain: pem(vector.ask_ark_file) } as SevSnpEndorsements,
  at: new Date(vector.verify_at as string),
}));
const cases = { goSevGuest: goSevGuest!, trusteeVcek: trusteeVcek!, trusteeVlek: trusteeVlek! };
type Case = (typeof cases)['goSevGuest'];

/** The policy each report meets: go-sev-guest's report was launched with DEBUG allowed. */
const lenient: SevSnpPolicyOptions = { allowDebug: true };

const verify = (
  c: Case,
  policy: SevSnpPolicyOptions = lenient,
  overrides: Partial<SevSnpEndorsements> = {},
  reportData?: Uint8Array,
) =>
  sevSnp
    .verifier({ policy })
    .verify(c.report, { ...c.endorsements, ...overrides }, { at: c.at, ...(reportData ? { reportData } : {}) });

describe.each(Object.entries(cases))('%s', (_, c) => {
  const f = c.vector.fields;

  test('verifies at its verify_at, with every value of expected.json', async () => {
    const result = await verify(c);
    expect(result.platform).toBe('sev-snp');
    expect([...result.measurements.keys()]).toEqual(['MEASUREMENT']);
    expect(hex(result.measurements.get('MEASUREMENT')!)).toBe(f.measurement);
    expect(hex(result.reportData)).toBe(f.report_data);
    expect(result.tcb).toEqual({
      bootloader: f.reported_tcb.bl,
      tee: f.reported_tcb.tee,
      snp: f.reported_tcb.snp,
      microcode: f.reported_tcb.ucode,
      guestSvn: f.guest_svn,
    });
    expect(result.debug).toBe(((BigInt(f.policy) >> 19n) & 1n) === 1n);
    expect(hex(result.root)).toBe(expected.ark_sha256_der[c.vector.ask_ark_file].ark_sha256_der);
    expect(result.signingKey).toBe(c.vector.signer_cert.subject_cn === 'SEV-VCEK' ? 'VCEK' : 'VLEK');
    expect(result.product.name).toBe('Milan');
    expect(result.verifiedAt.toISOString()).toBe(c.at.toISOString());
    expect(hex(result.evidence.chipId)).toBe(f.chip_id);
  });

  test('Node Buffers and DER chains are accepted as well as Uint8Arrays and PEM', async () => {
    const [ask, ark] = readFileSync(`${VECTORS}/${DIR}/${c.vector.ask_ark_file}`, 'utf8')
      .split(/(?<=-----END CERTIFICATE-----)\s*/u)
      .filter((b) => b !== '')
      .map((b) => Buffer.from(b.replace(/-----[A-Z ]+-----|\s/gu, ''), 'base64'));
    const report = readFileSync(`${VECTORS}/${DIR}/${c.vector.report_file}`);
    const signer = readFileSync(`${VECTORS}/${DIR}/${c.vector.signer_cert_file}`);
    const result = await sevSnp
      .verifier({ policy: lenient })
      .verify(report, { signer, chain: [ask!, ark!] }, { at: c.at });
    expect(hex(result.measurements.get('MEASUREMENT')!)).toBe(f.measurement);
  });

  test('a certificate outside its validity: EXPIRED', async () => {
    const notAfter = new Date(c.vector.signer_cert.not_after.replace(' ', 'T'));
    const notBefore = new Date(c.vector.signer_cert.not_before.replace(' ', 'T'));
    const verifier = sevSnp.verifier({ policy: lenient });
    expect(
      await code(() => verifier.verify(c.report, c.endorsements, { at: new Date(notAfter.getTime() + 1000) })),
    ).toBe('EXPIRED');
    expect(
      await code(() => verifier.verify(c.report, c.endorsements, { at: new Date(notBefore.getTime() - 1000) })),
    ).toBe('EXPIRED');
    await verifier.verify(c.report, c.endorsements, { at: notAfter }); // the last valid second
  });

  test('the chain for another product (Genoa, Turin): CHAIN', async () => {
    const vlek = c.vector.ask_ark_file.includes('vlek');
    for (const other of vlek
      ? ['amd_ask_ark_genoa_vlek.pem', 'amd_ask_ark_turin_vlek.pem']
      : ['amd_ask_ark_genoa.pem', 'amd_ask_ark_turin_vcek.pem']) {
      expect(await code(() => verify(c, lenient, { chain: pem(other) }))).toBe('CHAIN');
    }
  });

  test('the ASK and ARK swapped, one missing, or one repeated: CHAIN', async () => {
    const [ask, ark] = pem(c.vector.ask_ark_file)
      .split(/(?<=-----END CERTIFICATE-----)\s*/u)
      .filter((b) => b !== '');
    for (const chain of [ark! + ask!, ark!, ask!, ark! + ark!, ask! + ask!, ask! + ark! + ark!]) {
      expect(await code(() => verify(c, lenient, { chain }))).toBe('CHAIN');
    }
  });

  test('minimum TCB: equal passes, one above the reported value in any component: TCB', async () => {
    const reported = {
      bootloader: f.reported_tcb.bl,
      tee: f.reported_tcb.tee,
      snp: f.reported_tcb.snp,
      microcode: f.reported_tcb.ucode,
    };
    await verify(c, { ...lenient, minimumTcb: reported });
    for (const part of Object.keys(reported) as (keyof typeof reported)[]) {
      const minimumTcb = { ...reported, [part]: reported[part] + 1 };
      expect(await code(() => verify(c, { ...lenient, minimumTcb }))).toBe('TCB');
    }
    expect(await code(() => verify(c, { ...lenient, minimumGuestSvn: f.guest_svn + 1 }))).toBe('POLICY');
  });

  test('measurement, report data, host data, family and image ids, VMPL: exact or refused', async () => {
    const measurement = unhex(f.measurement);
    const other = measurement.slice();
    other[47]! ^= 1;
    await verify(c, { ...lenient, measurements: [other, measurement] }, {}, unhex(f.report_data));
    expect(await code(() => verify(c, { ...lenient, measurements: [other] }))).toBe('POLICY');
    const reportData = unhex(f.report_data);
    reportData[63]! ^= 0x80;
    expect(await code(() => verify(c, lenient, {}, reportData))).toBe('REPORT_DATA');
    expect(await code(() => verify(c, { ...lenient, hostData: new Uint8Array(32).fill(1) }))).toBe('POLICY');
    await verify(c, {
      ...lenient,
      hostData: unhex(f.host_data),
      familyIds: [unhex(f.family_id)],
      imageIds: [unhex(f.image_id)],
    });
    expect(await code(() => verify(c, { ...lenient, familyIds: [new Uint8Array(16).fill(9)] }))).toBe('POLICY');
    expect(await code(() => verify(c, { ...lenient, imageIds: [new Uint8Array(16).fill(9)] }))).toBe('POLICY');
    await verify(c, { ...lenient, vmpl: f.vmpl });
    expect(await code(() => verify(c, { ...lenient, vmpl: (f.vmpl + 1) % 4 }))).toBe('POLICY');
  });

  test('SMT: the platform has it enabled, so allowSmt false refuses (POLICY)', async () => {
    const smtEnabled = (BigInt(f.platform_info) & 1n) === 1n;
    expect(await code(() => verify(c, { ...lenient, allowSmt: false }))).toBe(smtEnabled ? 'POLICY' : 'ACCEPTED');
    expect(smtEnabled).toBe(true);
  });

  test('the default AMD roots only: a verifier given other roots refuses it (CHAIN)', async () => {
    const elsewhere = { product: 'Milan' as const, arkSha256: new Uint8Array(32).fill(7) };
    const verifier = sevSnp.verifier({ roots: [elsewhere], policy: lenient });
    expect(await code(() => verifier.verify(c.report, c.endorsements, { at: c.at }))).toBe('CHAIN');
    // The Milan ARK pinned under another product's name: the VCEK's product name disagrees.
    const misnamed = {
      product: 'Genoa' as const,
      arkSha256: unhex(expected.ark_sha256_der['amd_ask_ark_milan.pem'].ark_sha256_der),
    };
    const confused = sevSnp.verifier({ roots: [misnamed], policy: lenient });
    expect(await code(() => confused.verify(c.report, c.endorsements, { at: c.at }))).toBe('CHAIN');
  });

  test('any flipped byte of the signed part gives the code its field calls for (fast-check)', async () => {
    const original = sevSnp.parseReport(c.report);
    const verifier = sevSnp.verifier({ policy: lenient });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: sevSnp.SIGNED_SIZE - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          const report = c.report.slice();
          report[at]! ^= mask;
          // The parser's refusal if it refuses; else a signer of another kind, else the signature.
          let wanted: string;
          try {
            const parsed = sevSnp.parseReport(report);
            if (parsed.signingKey === 'NONE' || parsed.maskChipKey) wanted = 'UNSUPPORTED';
            else if (parsed.signingKey !== original.signingKey) wanted = 'CHAIN';
            else wanted = 'SIGNATURE';
          } catch (error) {
            wanted = (error as AttestationError).code;
          }
          expect(await code(() => verifier.verify(report, c.endorsements, { at: c.at }))).toBe(wanted);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('any flipped byte of the signature is SIGNATURE, or MALFORMED in the zero padding', async () => {
    const verifier = sevSnp.verifier({ policy: lenient });
    for (const at of [0x2a0, 0x2a0 + 47, 0x2e8, 0x2e8 + 47]) {
      const report = c.report.slice();
      report[at]! ^= 1;
      expect(await code(() => verifier.verify(report, c.endorsements, { at: c.at }))).toBe('SIGNATURE');
    }
    for (const at of [0x2a0 + 48, 0x2e8 + 71, 0x330, 0x49f]) {
      const report = c.report.slice();
      report[at]! ^= 1;
      expect(await code(() => verifier.verify(report, c.endorsements, { at: c.at }))).toBe('MALFORMED');
    }
  });

  test('any flipped byte of the signer certificate is refused (fast-check)', async () => {
    const verifier = sevSnp.verifier({ policy: lenient });
    const der = c.endorsements.signer as Uint8Array;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: der.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          const signer = der.slice();
          signer[at]! ^= mask;
          const got = await code(() => verifier.verify(c.report, { ...c.endorsements, signer }, { at: c.at }));
          expect(['MALFORMED', 'UNSUPPORTED', 'CHAIN']).toContain(got);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the negative cases of the vectors README', () => {
  test('the vectors hold 3 real reports: 2 VCEK-signed, 1 VLEK-signed', () => {
    expect(expected.reports).toHaveLength(3);
    expect(expected.reports.map((r) => r.signer_cert.subject_cn)).toEqual(['SEV-VCEK', 'SEV-VCEK', 'SEV-VLEK']);
  });

  test('a kept verifier (its certificate cache warm) gives the same result, and still refuses', async () => {
    const c = cases.trusteeVcek;
    const verifier = sevSnp.verifier();
    const first = await verifier.verify(c.report, c.endorsements, { at: c.at });
    const again = await verifier.verify(c.report, c.endorsements, { at: c.at });
    expect(again.measurements).toEqual(first.measurements);
    expect(again.tcb).toEqual(first.tcb);
    const report = c.report.slice();
    report[0x90]! ^= 1;
    expect(await code(() => verifier.verify(report, c.endorsements, { at: c.at }))).toBe('SIGNATURE');
    expect(await code(() => verifier.verify(c.report, c.endorsements, { at: new Date('2031-01-01') }))).toBe('EXPIRED');
    // The caller's buffer changed after a verification: the cached certificate is a copy.
    const signer = (c.endorsements.signer as Uint8Array).slice();
    await verifier.verify(c.report, { ...c.endorsements, signer }, { at: c.at });
    signer[signer.length - 1]! ^= 1;
    expect(await code(() => verifier.verify(c.report, { ...c.endorsements, signer }, { at: c.at }))).toBe('CHAIN');
  });

  test('go-sev-guest report, DEBUG forbidden by default: DEBUG', async () => {
    expect(await code(() => verify(cases.goSevGuest, {}))).toBe('DEBUG');
    expect(await code(() => verify(cases.trusteeVcek, {}))).toBe('ACCEPTED');
  });

  test('go-sev-guest report, stepping 12 asked: POLICY (it is Milan-B0, stepping 0)', async () => {
    expect(await code(() => verify(cases.goSevGuest, { ...lenient, product: 'Milan', stepping: 12 }))).toBe('POLICY');
    const result = await verify(cases.goSevGuest, { ...lenient, product: 'Milan', stepping: 0 });
    expect(result.product).toEqual({ name: 'Milan', stepping: 0 });
    expect(await code(() => verify(cases.goSevGuest, { ...lenient, product: 'Genoa' }))).toBe('POLICY');
  });

  test('the VLEK report takes its stepping from CPUID (version 3): 1', async () => {
    const result = await verify(cases.trusteeVlek);
    expect(result.product).toEqual({ name: 'Milan', stepping: 1 });
    expect(result.evidence.vmpl).toBe(1);
  });

  test("a report with another report's VCEK: SIGNATURE", async () => {
    const { goSevGuest: a, trusteeVcek: b } = cases;
    const verifier = sevSnp.verifier({ policy: lenient });
    const at = new Date('2024-07-03T00:00:00Z'); // both VCEKs are valid
    expect(await code(() => verifier.verify(a.report, b.endorsements, { at: at }))).toBe('SIGNATURE');
    expect(await code(() => verifier.verify(b.report, a.endorsements, { at: at }))).toBe('SIGNATURE');
  });

  test('the VLEK with the VCEK chain, a VCEK with the VLEK chain: CHAIN', async () => {
    const { trusteeVcek: vcek, trusteeVlek: vlek } = cases;
    expect(await code(() => verify(vlek, lenient, { chain: vcek.endorsements.chain }))).toBe('CHAIN');
    expect(await code(() => verify(vcek, lenient, { chain: vlek.endorsements.chain }))).toBe('CHAIN');
    // A VLEK-signed report given a VCEK that chains: the signing key kind differs.
    expect(await code(() => verify(vlek, lenient, vcek.endorsements))).toBe('CHAIN');
  });
});

describe('arguments', () => {
  const c = cases.trusteeVcek;

  test('wrong types are TypeError, wrong sizes RangeError, before any work', async () => {
    const verifier = sevSnp.verifier();
    await expect(verifier.verify(c.report, c.endorsements, { at: '2024-07-03' as never })).rejects.toThrow(TypeError);
    await expect(verifier.verify(c.report, c.endorsements, { at: new Date(Number.NaN) })).rejects.toThrow(RangeError);
    await expect(verifier.verify(c.report, c.endorsements, c.at as never)).rejects.toThrow(TypeError);
    const short = new Uint8Array(63);
    await expect(verifier.verify(c.report, c.endorsements, { at: c.at, reportData: short })).rejects.toThrow(
      RangeError,
    );
    await expect(verifier.verify(c.report, { ...c.endorsements, chain: 7 as never }, { at: c.at })).rejects.toThrow(
      TypeError,
    );
    await expect(verifier.verify('report' as never, c.endorsements, { at: c.at })).rejects.toThrow(TypeError);
    expect(() => sevSnp.verifier({ policy: { measurements: [new Uint8Array(32)] } })).toThrow(RangeError);
    expect(() => sevSnp.verifier({ policy: { vmpl: 4 } })).toThrow(RangeError);
    expect(() => sevSnp.verifier({ policy: { allowDebug: 'yes' as never } })).toThrow(TypeError);
    expect(() => sevSnp.verifier({ roots: [] })).toThrow(TypeError);
  });

  test('a report of the wrong length, a PEM with junk: MALFORMED', async () => {
    const verifier = sevSnp.verifier();
    expect(await code(() => verifier.verify(c.report.subarray(1), c.endorsements, { at: c.at }))).toBe('MALFORMED');
    const chain = `${c.endorsements.chain as string}\nnot a certificate\n`;
    expect(await code(() => verifier.verify(c.report, { ...c.endorsements, chain }, { at: c.at }))).toBe('MALFORMED');
  });
});
