// The simulated SEV-SNP platform: its reports parse to exactly the requested fields and verify with
// the VCEK's key, its certificates and CRL verify under their issuers, carry AMD's layout (compared
// with the real Milan ASK of shared/vectors) and are accepted by OpenSSL. One simulator per product
// is made for the whole file: RSA-4096 key generation takes seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attestationSimulator, type SevSnpSimulator } from 'oblivia/attestation-simulator';
// The parser behind attestation.sevSnp.parseReport, imported alone: oblivia/attestation also loads the
// signer check, whose X.509 layer is being replaced on main.
import { parseSevSnpReport } from 'oblivia/attestation/sev-snp-report.js';
import { p384 } from 'oblivia/curves';
import { sha256 } from 'oblivia/hash';
import { hex, VECTORS } from '../helpers.js';

const buffer = (data: Uint8Array): ArrayBuffer => data.slice().buffer;
const bytesOf = (n: number, length: number): Uint8Array => new Uint8Array(length).map((_, i) => (n + i) & 0xff);
const certificate = (der: Uint8Array): pkijs.Certificate => pkijs.Certificate.fromBER(buffer(der));
const commonName = (name: pkijs.RelativeDistinguishedNames): string =>
  name.typesAndValues.find((t) => t.type === '2.5.4.3')!.value.valueBlock.value as string;

/** Whether `signed` (TBS DER) carries a valid RSASSA-PSS SHA-384 signature (salt 48) by `issuer`. */
async function rsaPssValid(tbs: Uint8Array, signature: Uint8Array, issuer: pkijs.Certificate): Promise<boolean> {
  const spki = new Uint8Array(issuer.subjectPublicKeyInfo.toSchema().toBER());
  const key = await crypto.subtle.importKey('spki', buffer(spki), { name: 'RSA-PSS', hash: 'SHA-384' }, false, [
    'verify',
  ]);
  return crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 48 }, key, buffer(signature), buffer(tbs));
}

const certificateValid = (cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> =>
  rsaPssValid(cert.tbsView, cert.signatureValue.valueBlock.valueHexView, issuer);

/** The 48-byte big-endian R ‖ S of a report's 72-byte little-endian fields. */
function compactSignature(report: Uint8Array): Uint8Array {
  expect(report.subarray(0x2a0 + 48, 0x2e8).every((b) => b === 0)).toBe(true);
  expect(report.subarray(0x2e8 + 48, 0x330).every((b) => b === 0)).toBe(true);
  const signature = new Uint8Array(96);
  signature.set(report.slice(0x2a0, 0x2a0 + 48).reverse(), 0);
  signature.set(report.slice(0x2e8, 0x2e8 + 48).reverse(), 48);
  return signature;
}

const reportValid = (report: Uint8Array, vcek: Uint8Array): boolean =>
  p384.verify(compactSignature(report), report.subarray(0, 0x2a0), vcekPublicKey(vcek), {
    prehash: true,
    format: 'compact',
  });

const vcekPublicKey = (vcek: Uint8Array): Uint8Array =>
  certificate(vcek).subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice();

/** extnID → extnValue of a certificate. */
const extensionsOf = (cert: pkijs.Certificate): Map<string, string> =>
  new Map((cert.extensions ?? []).map((e) => [e.extnID, hex(e.extnValue.valueBlock.valueHexView)]));

const MILAN_TCB = { bootloader: 3, tee: 0, snp: 8, microcode: 206 };
const CHIP_ID = bytesOf(0xa0, 64);
let milan: SevSnpSimulator;
let turin: SevSnpSimulator;

beforeAll(async () => {
  [milan, turin] = await Promise.all([
    attestationSimulator.sevSnp({ tcb: MILAN_TCB, chipId: CHIP_ID }),
    attestationSimulator.sevSnp({
      product: 'Turin',
      notBefore: new Date('2025-03-01T12:00:00Z'),
      notAfter: new Date('2025-09-01T12:00:00Z'),
    }),
  ]);
}, 120_000);

afterAll(() => {
  milan?.destroy();
  turin?.destroy();
});

describe('reports', () => {
  const request = {
    reportData: bytesOf(1, 64),
    measurement: bytesOf(2, 48),
    policy: 0x3001fn,
    vmpl: 2,
    hostData: bytesOf(3, 32),
    familyId: bytesOf(4, 16),
    imageId: bytesOf(5, 16),
    idKeyDigest: bytesOf(6, 48),
    authorKeyDigest: bytesOf(7, 48),
    guestSvn: 0x01020304,
  };

  test.each([2, 3, 5] as const)('version %i: every field is the one requested, at its place', (version) => {
    const report = milan.attest({ ...request, version, launchMitVector: 5n, currentMitVector: 7n });
    expect(report.length).toBe(1184);
    const r = parseSevSnpReport(report);
    expect(r.version).toBe(version);
    expect(r.guestSvn).toBe(request.guestSvn);
    expect(r.policy.value).toBe(0x3001fn);
    expect(r.policy.debug).toBe(false);
    expect(hex(r.familyId)).toBe(hex(request.familyId));
    expect(hex(r.imageId)).toBe(hex(request.imageId));
    expect(r.vmpl).toBe(2);
    expect(r.signatureAlgo).toBe(1);
    expect(r.platformInfo.value).toBe(1n);
    expect(r.authorKeyEn).toBe(true);
    expect(r.maskChipKey).toBe(false);
    expect(r.signingKey).toBe('VCEK');
    expect(hex(r.reportData)).toBe(hex(request.reportData));
    expect(hex(r.measurement)).toBe(hex(request.measurement));
    expect(hex(r.hostData)).toBe(hex(request.hostData));
    expect(hex(r.idKeyDigest)).toBe(hex(request.idKeyDigest));
    expect(hex(r.authorKeyDigest)).toBe(hex(request.authorKeyDigest));
    expect(r.reportId.some((b) => b !== 0)).toBe(true);
    expect(hex(r.reportIdMa)).toBe('ff'.repeat(32));
    expect(hex(r.chipId)).toBe(hex(CHIP_ID));
    for (const tcb of [r.currentTcb, r.reportedTcb, r.committedTcb, r.launchTcb]) {
      expect(hex(tcb.raw)).toBe('03000000000008ce');
      expect({ bl: tcb.bootloader, tee: tcb.tee, snp: tcb.snp, ucode: tcb.microcode }).toEqual({
        bl: 3,
        tee: 0,
        snp: 8,
        ucode: 206,
      });
    }
    expect(r.cpuid).toEqual(
      version >= 3 ? { family: 0x19, model: 1, stepping: 0 } : { family: 0, model: 0, stepping: 0 },
    );
    expect(r.currentVersion).toEqual({ major: 1, minor: 55, build: 21 });
    expect(r.committedVersion).toEqual({ major: 1, minor: 55, build: 21 });
    expect(r.launchMitVector).toBe(version >= 5 ? 5n : undefined);
    expect(r.currentMitVector).toBe(version >= 5 ? 7n : undefined);
  });

  test('defaults: version 3, policy 0x30000 (SMT, no debug), zero measurement, no author key', () => {
    const r = parseSevSnpReport(milan.attest({ reportData: new Uint8Array(64) }));
    expect(r.version).toBe(3);
    expect(r.policy.value).toBe(0x30000n);
    expect([r.policy.smt, r.policy.debug]).toEqual([true, false]);
    expect(r.measurement.every((b) => b === 0)).toBe(true);
    expect([r.vmpl, r.guestSvn, r.authorKeyEn]).toEqual([0, 0, false]);
  });

  test('the signature verifies with the VCEK key pkijs reads, and no other', () => {
    const report = milan.attest(request);
    expect(reportValid(report, milan.vcek)).toBe(true);
    expect(reportValid(report, turin.vcek)).toBe(false);
    for (const at of [0x00, 0x50, 0x1a0, 0x29f]) {
      const tampered = report.slice();
      tampered[at]! ^= 1;
      expect(reportValid(tampered, milan.vcek)).toBe(false);
    }
  });

  test('Turin: FMC first in TCB_VERSION, family 0x1A, the fmcSPL extension', () => {
    const report = turin.attest({ reportData: bytesOf(9, 64) });
    const r = parseSevSnpReport(report);
    expect(r.cpuid.family).toBe(0x1a);
    expect(hex(r.reportedTcb.raw)).toBe('0101010300000048');
    expect(r.reportedTcb.fmc).toBe(1);
    expect(reportValid(report, turin.vcek)).toBe(true);
    expect(extensionsOf(certificate(turin.vcek)).get('1.3.6.1.4.1.3704.1.3.9')).toBe('020101');
  });

  test('arguments are checked', () => {
    expect(() => milan.attest({ reportData: new Uint8Array(63) })).toThrow(RangeError);
    expect(() => milan.attest({ reportData: 'x' as unknown as Uint8Array })).toThrow(TypeError);
    const data = new Uint8Array(64);
    expect(() => milan.attest({ reportData: data, policy: 0x10000 })).toThrow(RangeError); // bit 17 clear
    expect(() => milan.attest({ reportData: data, policy: (1n << 30n) | 0x20000n })).toThrow(RangeError);
    expect(() => milan.attest({ reportData: data, version: 4 as 3 })).toThrow(RangeError);
    expect(() => milan.attest({ reportData: data, vmpl: 4 })).toThrow(RangeError);
    expect(() => milan.attest({ reportData: data, measurement: new Uint8Array(32) })).toThrow(RangeError);
  });
});

describe('certificates', () => {
  test('ARK self-signed, ASK by ARK, VCEK by ASK (RSASSA-PSS SHA-384, salt 48), not crosswise', async () => {
    const [ark, ask, vcek] = [milan.ark, milan.ask, milan.vcek].map(certificate) as [
      pkijs.Certificate,
      pkijs.Certificate,
      pkijs.Certificate,
    ];
    expect(await certificateValid(ark, ark)).toBe(true);
    expect(await certificateValid(ask, ark)).toBe(true);
    expect(await certificateValid(vcek, ask)).toBe(true);
    expect(await certificateValid(vcek, ark)).toBe(false);
    expect(await certificateValid(ask, certificate(turin.ark))).toBe(false);
    expect(ask.issuer.isEqual(ark.subject)).toBe(true);
    expect(vcek.issuer.isEqual(ask.subject)).toBe(true);
    expect([commonName(ark.subject), commonName(ask.subject), commonName(vcek.subject)]).toEqual([
      'ARK-Milan-SIMULATED',
      'SEV-Milan-SIMULATED',
      'SEV-VCEK-SIMULATED',
    ]);
  });

  test("the names, algorithm identifiers and CA extensions are laid out as in AMD's Milan ASK and ARK", () => {
    const pems = readFileSync(`${VECTORS}/attestation/sev-snp/amd_ask_ark_milan.pem`, 'utf8').match(
      /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g,
    )!;
    const [realAsk, realArk] = pems.map((text) =>
      certificate(new Uint8Array(Buffer.from(text.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'))),
    ) as [pkijs.Certificate, pkijs.Certificate];
    const der = (value: { toSchema(): asn1js.AsnType }): string => hex(new Uint8Array(value.toSchema().toBER()));
    const extensionLayout = (c: pkijs.Certificate) => (c.extensions ?? []).map((e) => [e.extnID, e.critical]);
    for (const [sim, real] of [
      [certificate(milan.ask), realAsk],
      [certificate(milan.ark), realArk],
    ] as const) {
      expect(der(sim.signatureAlgorithm)).toBe(der(real.signatureAlgorithm));
      expect(der(sim.signature)).toBe(der(real.signature));
      expect(sim.version).toBe(real.version);
      expect(extensionLayout(sim)).toEqual(extensionLayout(real));
      const types = (n: pkijs.RelativeDistinguishedNames) =>
        n.typesAndValues.map((t) => [t.type, t.value.idBlock.tagNumber]);
      expect(types(sim.subject)).toEqual(types(real.subject));
      expect(sim.subjectPublicKeyInfo.parsedKey).toBeDefined();
      const sims = extensionsOf(sim);
      const reals = extensionsOf(real);
      for (const oid of ['2.5.29.15', '2.5.29.19']) expect(sims.get(oid)).toBe(reals.get(oid)); // keyUsage, basicConstraints
    }
    expect(certificate(milan.ark).serialNumber.toBigInt()).toBe(realArk.serialNumber.toBigInt());
    expect(certificate(milan.ask).serialNumber.toBigInt()).toBe(realAsk.serialNumber.toBigInt());
    expect(milan.serialNumbers).toEqual({ ark: 0x10000n, ask: 0x10001n, vcek: 0n });
  });

  test("the VCEK: serial 0, P-384, AMD's extensions in AMD's order with the platform's values", () => {
    const vcek = certificate(milan.vcek);
    expect(vcek.serialNumber.toBigInt()).toBe(0n);
    expect(vcek.subjectPublicKeyInfo.algorithm.algorithmId).toBe('1.2.840.10045.2.1');
    expect((vcek.subjectPublicKeyInfo.algorithm.algorithmParams as asn1js.ObjectIdentifier).getValue()).toBe(
      '1.3.132.0.34',
    );
    const amd = '1.3.6.1.4.1.3704.1';
    expect([...extensionsOf(vcek)]).toEqual([
      [`${amd}.1`, '020100'],
      [`${amd}.2`, hex(new Uint8Array(new asn1js.IA5String({ value: 'Milan-B0' }).toBER()))],
      [`${amd}.3.1`, '020103'],
      [`${amd}.3.2`, '020100'],
      [`${amd}.3.4`, '020100'],
      [`${amd}.3.5`, '020100'],
      [`${amd}.3.6`, '020100'],
      [`${amd}.3.7`, '020100'],
      [`${amd}.3.3`, '020108'],
      [`${amd}.3.8`, '020200ce'],
      [`${amd}.4`, hex(CHIP_ID)],
    ]);
    expect((vcek.extensions ?? []).every((e) => !e.critical)).toBe(true);
    expect(hex(milan.chipId)).toBe(hex(CHIP_ID));
  });

  test('validity: the VCEK as asked, the ARK and ASK cover it; defaults are fixed dates', () => {
    const times = (der: Uint8Array) => {
      const c = certificate(der);
      return [c.notBefore.value.toISOString(), c.notAfter.value.toISOString()];
    };
    expect(times(turin.vcek)).toEqual(['2025-03-01T12:00:00.000Z', '2025-09-01T12:00:00.000Z']);
    expect(times(turin.ark)).toEqual(['2025-03-01T12:00:00.000Z', '2050-03-01T12:00:00.000Z']);
    expect(certificate(turin.ark).notAfter.type).toBe(1); // GeneralizedTime from 2050 (RFC 5280 §4.1.2.5)
    expect(times(milan.vcek)).toEqual(['2024-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z']);
    expect(times(milan.ask)).toEqual(['2024-01-01T00:00:00.000Z', '2049-01-01T00:00:00.000Z']);
  });

  test('arkSha256 pins the ARK; chainPem is ASK then ARK, as AMD serves cert_chain', () => {
    expect(hex(milan.arkSha256)).toBe(hex(sha256(milan.ark)));
    const blocks = milan.chainPem.match(
      /-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=\n]+)-----END CERTIFICATE-----\n/g,
    )!;
    expect(blocks).toHaveLength(2);
    const decode = (block: string) => hex(Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
    expect(blocks.map(decode)).toEqual([hex(milan.ask), hex(milan.ark)]);
    expect(milan.chainPem.split('\n').every((line) => line.length <= 64)).toBe(true);
  });

  test('two simulators have different keys and chips; outputs are copies', () => {
    expect(hex(milan.arkSha256)).not.toBe(hex(turin.arkSha256));
    expect(hex(vcekPublicKey(milan.vcek))).not.toBe(hex(vcekPublicKey(turin.vcek)));
    expect(hex(milan.chipId)).not.toBe(hex(turin.chipId));
    const ark = milan.ark;
    ark[0] = 0;
    expect(milan.ark[0]).toBe(0x30);
  });
});

describe('CRL', () => {
  test('signed by the ARK, listing the revoked serial numbers', async () => {
    milan.revoke([milan.serialNumbers.ask]);
    const thisUpdate = new Date('2024-06-01T00:00:00Z');
    const nextUpdate = new Date('2024-07-01T00:00:00Z');
    const der = await milan.crl({ thisUpdate, nextUpdate, revoked: [7, 0x1234567890abcdefn] });
    const crl = pkijs.CertificateRevocationList.fromBER(buffer(der));
    const ark = certificate(milan.ark);
    expect(crl.version).toBe(1);
    expect(crl.issuer.isEqual(ark.subject)).toBe(true);
    expect(await rsaPssValid(crl.tbsView, crl.signatureValue.valueBlock.valueHexView, ark)).toBe(true);
    expect(await rsaPssValid(crl.tbsView, crl.signatureValue.valueBlock.valueHexView, certificate(turin.ark))).toBe(
      false,
    );
    expect((crl.revokedCertificates ?? []).map((r) => r.userCertificate.toBigInt())).toEqual([
      0x10001n,
      7n,
      0x1234567890abcdefn,
    ]);
    expect(
      (crl.revokedCertificates ?? []).every((r) => r.revocationDate.value.getTime() === thisUpdate.getTime()),
    ).toBe(true);
    expect([crl.thisUpdate.value.getTime(), crl.nextUpdate?.value.getTime()]).toEqual([
      thisUpdate.getTime(),
      nextUpdate.getTime(),
    ]);
    expect((crl.crlExtensions?.extensions ?? []).map((e) => e.extnID)).toEqual(['2.5.29.35', '2.5.29.20']);
  });

  test('an empty CRL has no revokedCertificates; dates are required', async () => {
    const der = await turin.crl({ thisUpdate: new Date('2025-03-01Z'), nextUpdate: new Date('2025-04-01Z') });
    expect(pkijs.CertificateRevocationList.fromBER(buffer(der)).revokedCertificates).toBeUndefined();
    await expect(turin.crl({} as never)).rejects.toThrow(TypeError);
  });
});

describe('OpenSSL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oblivia-sev-snp-sim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const openssl = (...args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });

  test('reads every certificate and the CRL, and verifies the chain and the CRL signature', async () => {
    for (const [name, der] of [
      ['ark', milan.ark],
      ['ask', milan.ask],
      ['vcek', milan.vcek],
    ] as const) {
      writeFileSync(join(dir, `${name}.der`), der);
      const text = openssl('x509', '-inform', 'DER', '-in', `${name}.der`, '-noout', '-text');
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).toContain('rsassaPss');
      expect(openssl('x509', '-inform', 'DER', '-in', `${name}.der`, '-out', `${name}.pem`).status).toBe(0);
    }
    writeFileSync(join(dir, 'chain.pem'), milan.chainPem);
    // -attime: a fixed time inside the validity, never the wall clock.
    const verify = openssl(
      'verify',
      '-attime',
      '1735689600',
      '-CAfile',
      'ark.pem',
      '-untrusted',
      'chain.pem',
      'vcek.pem',
    );
    expect(verify.stdout.trim(), verify.stderr).toBe('vcek.pem: OK');

    const crl = await milan.crl({
      thisUpdate: new Date('2024-06-01T00:00:00Z'),
      nextUpdate: new Date('2024-07-01T00:00:00Z'),
    });
    writeFileSync(join(dir, 'crl.der'), crl);
    const text = openssl('crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-text');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Serial Number: 010001');
    const check = openssl('crl', '-inform', 'DER', '-in', 'crl.der', '-noout', '-CAfile', 'ark.pem');
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain('verify OK');
  });
});

describe('destroy', () => {
  test('wipes the VCEK secret: attest throws afterwards', () => {
    expect(parseSevSnpReport(turin.attest({ reportData: new Uint8Array(64) })).version).toBe(3);
    turin.destroy();
    expect(() => turin.attest({ reportData: new Uint8Array(64) })).toThrow(TypeError);
    expect(turin.vcek.length).toBeGreaterThan(0); // the certificates stay readable
  });
});
