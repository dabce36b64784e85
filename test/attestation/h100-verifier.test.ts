// The H100 verifier end to end on the 2 real reports of shared/vectors/attestation/nvidia: the
// five-certificate chain to the pinned NVIDIA Device Identity CA, the leaf's FWID against the
// evidence's, the signature, the nonce and the reference measurements.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { attestation, type H100PolicyOptions } from 'oblivia/attestation';
import { attestationCode as code } from './codes.js';
import { hex, readJsonVector, unhex, VECTORS } from '../helpers.js';

const { h100 } = attestation;
const DIR = 'attestation/nvidia';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected = readJsonVector(`${DIR}/expected.json`) as { common: any; reports: any[] };
const claims = readJsonVector(`${DIR}/trustee_hopper_claims.json`) as { measurements: Record<string, string> };
// The certificates are valid from 2020-10-17 (leaf) and 2022-03-01 (ICA) until 9999.
const AT = new Date('2025-01-01T00:00:00Z');

const read = (name: string): string => readFileSync(`${VECTORS}/${DIR}/${name}`, 'utf8');
const split = (pem: string): string[] => pem.split(/(?<=-----END CERTIFICATE-----)\s*/u).filter((b) => b.trim() !== '');

const reports = expected.reports.map((vector) => ({
  vector,
  evidence: unhex(read(vector.report_file).trim()),
  chain: read(vector.cert_chain_file),
  nonce: unhex(vector.request_nonce_hex),
  policy: { allowTrailingZeros: vector.trailing_bytes === 1 } as H100PolicyOptions,
}));

describe.each(reports.map((r) => [r.vector.report_file as string, r]))('%s', (name, r) => {
  const verify = (policy = r.policy, chain: string | Uint8Array[] = r.chain, at = AT, nonce = r.nonce) =>
    h100.verifier({ policy }).verify(r.evidence, { chain }, { at, nonce });

  test('verifies: the root pin, the nonce, 64 measurements', async () => {
    const result = await verify();
    expect(result.platform).toBe('nvidia-h100');
    expect(hex(result.root)).toBe(expected.common.root_sha256_der);
    expect(hex(result.reportData)).toBe(r.vector.request_nonce_hex);
    expect(result.measurements.size).toBe(r.vector.num_measurement_blocks);
    expect([...result.measurements.keys()]).toEqual(Array.from({ length: 64 }, (_, i) => String(i + 1)));
    expect(result.debug).toBe(false);
    expect(result.verifiedAt.toISOString()).toBe(AT.toISOString());
    if (name === 'trustee_hopper_report.hex') {
      for (const [index, digest] of Object.entries(claims.measurements)) {
        expect(hex(result.measurements.get(index)!)).toBe(digest);
      }
      expect(result.driverVersion).toBe('550.90.07');
      expect(result.vbiosVersion).toBe('96.00.9f.00.01');
    }
  });

  test('reference measurements from the evidence itself pass; one flipped bit: POLICY', async () => {
    const measured = (await verify()).measurements;
    const references = new Map([...measured].map(([index, value]) => [Number(index), value]));
    await verify({ ...r.policy, referenceMeasurements: references });
    const wrong = new Map(references);
    const value = wrong.get(5)!.slice();
    value[0]! ^= 1;
    wrong.set(5, value);
    expect(await code(() => verify({ ...r.policy, referenceMeasurements: wrong }))).toBe('POLICY');
  });

  test('another nonce: REPORT_DATA', async () => {
    const nonce = r.nonce.slice();
    nonce[31]! ^= 1;
    expect(await code(() => verify(r.policy, r.chain, AT, nonce))).toBe('REPORT_DATA');
  });

  test('certificates swapped, dropped or repeated: CHAIN', async () => {
    const certs = split(r.chain);
    const orders = [
      [1, 0, 2, 3, 4],
      [0, 2, 1, 3, 4],
      [0, 1, 2, 4, 3],
      [0, 1, 2, 3],
      [0, 1, 2, 3, 4, 4],
      [0, 0, 2, 3, 4],
      [4, 3, 2, 1, 0],
    ];
    for (const order of orders) {
      expect(await code(() => verify(r.policy, order.map((i) => certs[i]).join('\n')))).toBe('CHAIN');
    }
  });

  test('before the intermediate CA existed: EXPIRED', async () => {
    expect(await code(() => verify(r.policy, r.chain, new Date('2022-02-28T00:00:00Z')))).toBe('EXPIRED');
  });

  test('a verifier pinned to another root: CHAIN', async () => {
    const verifier = h100.verifier({ roots: [{ rootSha256: new Uint8Array(32) }], policy: r.policy });
    expect(await code(() => verifier.verify(r.evidence, { chain: r.chain }, { at: AT, nonce: r.nonce }))).toBe('CHAIN');
  });
});

describe('across the two GPUs', () => {
  test('the vectors hold 2 real H100 reports, 64 measurement blocks each', () => {
    expect(reports).toHaveLength(2);
    expect(reports.map((r) => r.vector.num_measurement_blocks)).toEqual([64, 64]);
  });

  const [first, coco] = reports as [(typeof reports)[0], (typeof reports)[0]];

  test("one GPU's evidence with the other's chain: its leaf did not sign it (SIGNATURE)", async () => {
    const verifier = h100.verifier({ policy: { allowTrailingZeros: true } });
    expect(
      await code(() => verifier.verify(first.evidence, { chain: coco.chain }, { at: AT, nonce: first.nonce })),
    ).toBe('SIGNATURE');
  });

  test("a leaf of one GPU under the other's BROM: CHAIN", async () => {
    const a = split(first.chain);
    const b = split(coco.chain);
    const chain = [a[0], b[1], b[2], b[3], b[4]].join('\n');
    const verifier = h100.verifier();
    expect(await code(() => verifier.verify(first.evidence, { chain }, { at: AT, nonce: first.nonce }))).toBe('CHAIN');
  });

  test('the CoCo report has one trailing byte: refused unless allowed (MALFORMED)', async () => {
    const verifier = h100.verifier();
    expect(await code(() => verifier.verify(coco.evidence, { chain: coco.chain }, { at: AT, nonce: coco.nonce }))).toBe(
      'MALFORMED',
    );
  });

  test('arguments: TypeError and RangeError before any work', async () => {
    const verifier = h100.verifier();
    const ok = { chain: first.chain };
    await expect(verifier.verify(first.evidence, ok, { at: AT, nonce: new Uint8Array(31) })).rejects.toThrow(
      RangeError,
    );
    await expect(verifier.verify(first.evidence, ok, { at: 0 as never, nonce: first.nonce })).rejects.toThrow(
      TypeError,
    );
    await expect(
      verifier.verify(first.evidence, { chain: 1 as never }, { at: AT, nonce: first.nonce }),
    ).rejects.toThrow(TypeError);
    expect(() => h100.verifier({ roots: [{ rootSha256: new Uint8Array(31) }] })).toThrow(RangeError);
  });
});
