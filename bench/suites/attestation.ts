// Attestation (docs/attestation.md): what a client pays once per session to verify a TEE — a real
// AMD SEV-SNP report (VCEK ← ASK ← ARK, pinned) and a real NVIDIA H100 SPDM report (five-certificate
// chain, pinned) from shared/vectors/attestation — and where that time goes: parsing (pkijs and the
// report parsers), the RSASSA-PSS certificate signatures (WebCrypto) and the ECDSA P-384 ones (the
// core). oblivia wasm against oblivia js: the same calls, the backend switched.
import { readFileSync } from 'node:fs';
import { attestation } from '../../bindings/attestation.js';
import { useBackend } from '../../bindings/index.js';
import { verifyCertificateSignature } from '../../bindings/attestation/certificate-signature.js';
import { parseH100Evidence } from '../../bindings/attestation/nvidia-spdm.js';
import { parseCertificate, parsePemCertificates, type X509Certificate } from '../../bindings/attestation/x509.js';
import { p384 } from '../../bindings/curves.js';
import type { BenchCase, Impl } from '../types.js';

const VECTORS = process.env['OBLIVIA_VECTORS'] ?? new URL('../../../../../shared/vectors/', import.meta.url).pathname;
const SEV = `${VECTORS}/attestation/sev-snp`;
const NVIDIA = `${VECTORS}/attestation/nvidia`;
/** The trustee VCEK-signed Milan report, verified inside its VCEK's validity. */
const SEV_AT = new Date('2024-07-03T00:00:00Z');
const H100_AT = new Date('2025-01-01T00:00:00Z');
const H100_NONCE = '931d8dd0add203ac3d8b4fbde75e115278eefcdceac5b87671a748f32364dfcb';

export type AttestationOp =
  | 'sev-snp-first'
  | 'sev-snp'
  | 'sev-snp-parse'
  | 'sev-snp-rsa-pss'
  | 'sev-snp-ecdsa'
  | 'h100-first'
  | 'h100'
  | 'h100-parse'
  | 'h100-ecdsa';
export const attestationCaseId = (op: AttestationOp): string => `attestation-${op}`;

const ONE = new Uint8Array([1]);

function bothBackends(run: () => Uint8Array | Promise<Uint8Array>): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}

/** Every certificate signature of a chain (leaf first), the root's own included: 1 if all verify. */
async function chainSignatures(chain: readonly X509Certificate[]): Promise<Uint8Array> {
  for (const [i, certificate] of chain.entries()) {
    const issuer = chain[Math.min(i + 1, chain.length - 1)]!;
    const ok = await verifyCertificateSignature(
      issuer.publicKey,
      certificate.signatureAlgorithm,
      certificate.tbs,
      certificate.signature,
    );
    if (!ok) throw new Error('a certificate signature does not verify');
  }
  return ONE;
}

export function attestationCases(): BenchCase[] {
  const report = new Uint8Array(readFileSync(`${SEV}/trustee_milan_vcek_report.bin`));
  const vcek = new Uint8Array(readFileSync(`${SEV}/trustee_milan_vcek.der`));
  const chainPem = readFileSync(`${SEV}/amd_ask_ark_milan.pem`, 'utf8');
  const sevVerifier = attestation.sevSnp.verifier();
  const sevChain = [vcek, ...parsePemCertificates(chainPem)].map(parseCertificate);
  const measurement = attestation.sevSnp.parseReport(report).measurement;
  const parsedReport = attestation.sevSnp.parseReport(report);
  const vcekPoint = attestation.sevSnp.parseSigner(vcek).publicKey;
  const reportSignature = new Uint8Array(96);
  reportSignature.set(parsedReport.signature.r.slice(0, 48).reverse(), 0);
  reportSignature.set(parsedReport.signature.s.slice(0, 48).reverse(), 48);

  const evidence = new Uint8Array(
    Buffer.from(readFileSync(`${NVIDIA}/trustee_hopper_report.hex`, 'utf8').trim(), 'hex'),
  );
  const nvidiaPem = readFileSync(`${NVIDIA}/trustee_hopper_cert_chain.pem`, 'utf8');
  const nonce = new Uint8Array(Buffer.from(H100_NONCE, 'hex'));
  const h100Verifier = attestation.h100.verifier();
  const nvidiaChain = parsePemCertificates(nvidiaPem).map(parseCertificate);
  const parsedEvidence = parseH100Evidence(evidence);
  const leaf = nvidiaChain[0]!.publicKey;
  if (leaf.type !== 'ec') throw new Error('the H100 leaf key is not EC');
  useBackend(undefined);

  /** A case on `platform`'s evidence (`size` bytes), run the same on both backends. */
  const evidenceCase =
    (platform: 'SEV-SNP' | 'H100', size: number) =>
    (
      op: AttestationOp,
      title: string,
      detail: string,
      expected: Uint8Array,
      run: () => Uint8Array | Promise<Uint8Array>,
    ): BenchCase => ({
      id: attestationCaseId(op),
      title: `${platform}: ${title}`,
      chartLabel: [platform, detail],
      group: 'attestation',
      unit: 'ops/s',
      bytes: size,
      expected,
      impls: bothBackends(run),
    });
  const sevCase = evidenceCase('SEV-SNP', report.length);
  const h100Case = evidenceCase('H100', evidence.length);

  return [
    sevCase(
      'sev-snp-first',
      'first verification — a fresh verifier: parse everything, chain, signature, policy',
      'verify, first',
      measurement,
      async () => {
        const result = await attestation.sevSnp
          .verifier()
          .verify(report, { signer: vcek, chain: chainPem }, { at: SEV_AT });
        return result.measurements.get('MEASUREMENT')!;
      },
    ),
    sevCase(
      'sev-snp',
      'verify a report again — the verifier kept, its certificates parsed once; chain, signature, policy',
      'verify, again',
      measurement,
      async () => {
        const result = await sevVerifier.verify(report, { signer: vcek, chain: chainPem }, { at: SEV_AT });
        return result.measurements.get('MEASUREMENT')!;
      },
    ),
    sevCase(
      'sev-snp-parse',
      'parse the report, the VCEK, the ASK and the ARK (the parsing share)',
      'parse',
      measurement,
      () => {
        parseCertificate(vcek);
        parsePemCertificates(chainPem).map(parseCertificate);
        attestation.sevSnp.parseSigner(vcek);
        return attestation.sevSnp.parseReport(report).measurement;
      },
    ),
    sevCase(
      'sev-snp-rsa-pss',
      '3 RSASSA-PSS-4096 certificate signatures via WebCrypto (the RSA share)',
      'RSA-PSS ×3',
      ONE,
      () => chainSignatures(sevChain),
    ),
    sevCase('sev-snp-ecdsa', 'the report signature, ECDSA P-384 (the ECDSA share)', 'ECDSA P-384 ×1', ONE, () => {
      if (!p384.verify(reportSignature, parsedReport.signed, vcekPoint))
        throw new Error('the report signature does not verify');
      return ONE;
    }),
    h100Case(
      'h100-first',
      'first verification — a fresh verifier: parse everything, chain, FWID, signature, nonce',
      'verify, first',
      parsedEvidence.request.nonce,
      async () => {
        const result = await attestation.h100.verifier().verify(evidence, { chain: nvidiaPem }, { at: H100_AT, nonce });
        return result.reportData;
      },
    ),
    h100Case(
      'h100',
      'verify evidence again — the verifier kept, its certificates parsed once; chain, FWID, signature, nonce',
      'verify, again',
      parsedEvidence.request.nonce,
      async () => {
        const result = await h100Verifier.verify(evidence, { chain: nvidiaPem }, { at: H100_AT, nonce });
        return result.reportData;
      },
    ),
    h100Case(
      'h100-parse',
      'parse the evidence and its 5 certificates (the parsing share)',
      'parse',
      parsedEvidence.request.nonce,
      () => {
        parsePemCertificates(nvidiaPem).map(parseCertificate);
        return parseH100Evidence(evidence).request.nonce;
      },
    ),
    h100Case(
      'h100-ecdsa',
      '6 ECDSA P-384 signatures: 5 certificates and the evidence (the ECDSA share)',
      'ECDSA P-384 ×6',
      ONE,
      async () => {
        await chainSignatures(nvidiaChain);
        if (!p384.verify(parsedEvidence.signature, parsedEvidence.signed, leaf.point))
          throw new Error('the evidence signature does not verify');
        return ONE;
      },
    ),
  ];
}
