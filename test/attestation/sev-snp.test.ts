// AMD SEV-SNP: report parsing and the report signature, on the 3 real reports of
// shared/vectors/attestation/sev-snp (values from its expected.json).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { attestation, AttestationError, type SevSnpTcb } from 'oblivia/attestation';
import { hex, readJsonVector, unhex, VECTORS } from '../helpers.js';

const { sevSnp } = attestation;
const DIR = 'attestation/sev-snp';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected = readJsonVector(`${DIR}/expected.json`) as { reports: any[] };
const file = (name: string): Uint8Array => new Uint8Array(readFileSync(`${VECTORS}/${DIR}/${name}`));

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AttestationError);
    return (error as AttestationError).code;
  }
  return undefined;
}

const tcb = (t: SevSnpTcb) => ({ bl: t.bootloader, tee: t.tee, snp: t.snp, ucode: t.microcode });

describe.each(expected.reports.map((r) => [r.report_file as string, r]))('%s', (_, vector) => {
  const report = file(vector.report_file);
  const signer = file(vector.signer_cert_file);
  const f = vector.fields;

  test('every field of expected.json', () => {
    const r = sevSnp.parseReport(report);
    expect(r.version).toBe(f.version);
    expect(r.guestSvn).toBe(f.guest_svn);
    expect(r.policy.value).toBe(BigInt(f.policy));
    const policy = BigInt(f.policy);
    expect(r.policy.debug).toBe(((policy >> 19n) & 1n) === 1n);
    expect(r.policy.migrateMa).toBe(((policy >> 18n) & 1n) === 1n);
    expect(r.policy.smt).toBe(((policy >> 16n) & 1n) === 1n);
    expect(r.policy.abiMajor).toBe(Number((policy >> 8n) & 0xffn));
    expect(r.policy.abiMinor).toBe(Number(policy & 0xffn));
    expect(hex(r.familyId)).toBe(f.family_id);
    expect(hex(r.imageId)).toBe(f.image_id);
    expect(r.vmpl).toBe(f.vmpl);
    expect(r.signatureAlgo).toBe(f.sig_algo);
    expect(tcb(r.currentTcb)).toEqual(f.current_tcb);
    expect(r.platformInfo.value).toBe(BigInt(f.platform_info));
    expect(r.authorKeyEn).toBe(f.author_key_en === 1);
    expect(r.maskChipKey).toBe(f.mask_chip_key === 1);
    expect(r.signingKey).toBe(['VCEK', 'VLEK'][f.signing_key]);
    expect(hex(r.reportData)).toBe(f.report_data);
    expect(hex(r.measurement)).toBe(f.measurement);
    expect(hex(r.hostData)).toBe(f.host_data);
    expect(hex(r.idKeyDigest)).toBe(f.id_key_digest);
    expect(hex(r.authorKeyDigest)).toBe(f.author_key_digest);
    expect(hex(r.reportId)).toBe(f.report_id);
    expect(hex(r.reportIdMa)).toBe(f.report_id_ma);
    expect(tcb(r.reportedTcb)).toEqual(f.reported_tcb);
    expect([r.cpuid.family, r.cpuid.model, r.cpuid.stepping]).toEqual(f.cpuid_fam_mod_step);
    expect(hex(r.chipId)).toBe(f.chip_id);
    expect(tcb(r.committedTcb)).toEqual(f.committed_tcb);
    expect([r.currentVersion.build, r.currentVersion.minor, r.currentVersion.major]).toEqual(
      f.current_build_minor_major,
    );
    expect([r.committedVersion.build, r.committedVersion.minor, r.committedVersion.major]).toEqual(
      f.committed_build_minor_major,
    );
    expect(tcb(r.launchTcb)).toEqual(f.launch_tcb);
    expect(r.signed).toEqual(report.subarray(0, 0x2a0));
  });

  test('the signer certificate: kind, SPLs, hwID, serial number 0', () => {
    const s = sevSnp.parseSigner(signer);
    const c = vector.signer_cert;
    expect(s.kind).toBe(c.subject_cn === 'SEV-VCEK' ? 'VCEK' : 'VLEK');
    expect(s.tcb).toEqual({ bootloader: c.blSPL, tee: c.teeSPL, snp: c.snpSPL, microcode: c.ucodeSPL });
    expect(s.hwId === undefined ? undefined : hex(s.hwId)).toBe(c.hwID_hex);
    expect(hex(new Uint8Array(s.certificate.serialNumber))).toBe('00');
    expect(s.publicKey.length).toBe(97);
  });

  test('the signature verifies with its VCEK/VLEK', () => {
    expect(hex(sevSnp.verifyReportSignature(report, signer).measurement)).toBe(f.measurement);
    expect(sevSnp.verifyReportSignature(sevSnp.parseReport(report), sevSnp.parseSigner(signer)).version).toBe(
      f.version,
    );
  });

  test('a flipped byte in the signed region → SIGNATURE', () => {
    for (const at of [0x00 + 4, 0x50, 0x90, 0x140, 0x1a0]) {
      const bad = report.slice();
      bad[at]! ^= 1;
      expect(code(() => sevSnp.verifyReportSignature(bad, signer))).toBe('SIGNATURE');
    }
  });

  test('truncated or extended → MALFORMED; unknown version or algorithm → UNSUPPORTED', () => {
    expect(code(() => sevSnp.parseReport(report.subarray(0, 1183)))).toBe('MALFORMED');
    expect(code(() => sevSnp.parseReport(report.subarray(0, 0x2a0)))).toBe('MALFORMED');
    const longer = new Uint8Array(1185);
    longer.set(report);
    expect(code(() => sevSnp.parseReport(longer))).toBe('MALFORMED');
    for (const version of [0, 1, 4, 6]) {
      const bad = report.slice();
      bad[0] = version;
      expect(code(() => sevSnp.parseReport(bad))).toBe('UNSUPPORTED');
    }
    const algo = report.slice();
    algo[0x34] = 2;
    expect(code(() => sevSnp.parseReport(algo))).toBe('UNSUPPORTED');
  });

  test('non-zero reserved bytes or high signature bytes → MALFORMED', () => {
    for (const at of [0x4c, 0x19f, 0x29f - 0x10, 0x2a0 + 48, 0x2e8 + 71, 0x4a0 - 1]) {
      const bad = report.slice();
      bad[at]! ^= 0x80;
      const parsed = code(() => sevSnp.verifyReportSignature(bad, signer));
      expect(parsed, `offset ${at.toString(16)}`).toBe('MALFORMED');
    }
  });
});

describe('binding the report to its signer', () => {
  const [gosev, trustee, vlek] = expected.reports.map((r) => ({
    report: file(r.report_file),
    signer: file(r.signer_cert_file),
  }));

  test("another report's VCEK → SIGNATURE", () => {
    expect(code(() => sevSnp.verifyReportSignature(gosev!.report, trustee!.signer))).toBe('SIGNATURE');
    expect(code(() => sevSnp.verifyReportSignature(trustee!.report, gosev!.signer))).toBe('SIGNATURE');
  });

  test('a VCEK for a VLEK-signed report, or the reverse → CHAIN', () => {
    expect(code(() => sevSnp.verifyReportSignature(vlek!.report, trustee!.signer))).toBe('CHAIN');
    expect(code(() => sevSnp.verifyReportSignature(trustee!.report, vlek!.signer))).toBe('CHAIN');
  });

  // The certificate's own signature is the chain's business (next slice): here a VCEK whose hwID or
  // SPL is edited keeps its key, so the report signature verifies and the binding must refuse.
  const edit = (der: Uint8Array, from: string, to: string): Uint8Array => {
    const text = hex(der);
    expect(text.split(from).length).toBe(2);
    return unhex(text.replace(from, to));
  };

  test('chip_id ≠ hwID → CHAIN', () => {
    const hwId = expected.reports[0].signer_cert.hwID_hex as string;
    const other = edit(gosev!.signer, hwId, hwId.slice(0, -2) + '00');
    expect(code(() => sevSnp.verifyReportSignature(gosev!.report, other))).toBe('CHAIN');
  });

  test('REPORTED_TCB ≠ the SPL extensions → TCB', () => {
    // ucodeSPL 68 (0x44) as the DER INTEGER 02 01 44 after its OID 1.3.6.1.4.1.3704.1.3.8
    const other = edit(
      gosev!.signer,
      '2b060104019c78010308040302014',
      '2b060104019c78010308040302014'.slice(0, -1) + '5',
    );
    expect(code(() => sevSnp.verifyReportSignature(gosev!.report, other))).toBe('TCB');
  });

  test('the trustee report: current_tcb differs, REPORTED_TCB is what matches', () => {
    const r = sevSnp.verifyReportSignature(trustee!.report, trustee!.signer);
    expect(r.currentTcb.microcode).toBe(206);
    expect(r.reportedTcb.microcode).toBe(115);
  });

  test('the gosevguest report allows DEBUG (policy bit 19)', () => {
    expect(sevSnp.parseReport(gosev!.report).policy.debug).toBe(true);
    expect(sevSnp.parseReport(trustee!.report).policy.debug).toBe(false);
  });

  test('a certificate that is not DER → MALFORMED', () => {
    expect(code(() => sevSnp.parseSigner(gosev!.signer.subarray(0, 100)))).toBe('MALFORMED');
  });
});
