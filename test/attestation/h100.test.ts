// NVIDIA H100 SPDM evidence: parsing and the evidence-level checks (leaf-key signature, request
// nonce, reference measurements) on the 2 real reports of shared/vectors/attestation/nvidia
// (values from its expected.json and trustee_hopper_claims.json). The certificate chain is not
// checked here (h100-verifier.test.ts does): the leaf key comes from the first certificate of each
// chain file, and the evidence-level functions are imported from their module.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, test } from 'vitest';
import { AttestationError } from 'oblivia/attestation/attestation-error.js';
import { verifyH100Evidence } from 'oblivia/attestation/nvidia-h100.js';
import { NVIDIA_OPAQUE } from 'oblivia/attestation/nvidia-opaque-data.js';
import { parseH100Evidence, type H100Evidence } from 'oblivia/attestation/nvidia-spdm.js';
import { hex, readJsonVector, unhex, VECTORS } from '../helpers.js';

const h100 = { parseEvidence: parseH100Evidence, verifyEvidence: verifyH100Evidence };
const fwidOf = (evidence: Uint8Array): Uint8Array => parseH100Evidence(evidence).response.opaque.fwid!;
const DIR = 'attestation/nvidia';
const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const expected = readJsonVector(`${DIR}/expected.json`) as { reports: any[] };
const claims = readJsonVector(`${DIR}/trustee_hopper_claims.json`) as {
  config: Record<string, string> & { measurement_count: Record<string, number> };
  measurements: Record<string, string>;
};
const OID_DICE_TCB_INFO = '2.23.133.5.4.1';

const evidenceFile = (name: string): Uint8Array => unhex(readFileSync(`${VECTORS}/${DIR}/${name}`, 'utf8').trim());

function certificates(name: string): pkijs.Certificate[] {
  const pem = readFileSync(`${VECTORS}/${DIR}/${name}`, 'utf8');
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)].map((m) =>
    pkijs.Certificate.fromBER(new Uint8Array(Buffer.from(m[1]!.replace(/\s/g, ''), 'base64'))),
  );
}

const leafKey = (chain: pkijs.Certificate[]): Uint8Array =>
  chain[0]!.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice();

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AttestationError);
    return (error as AttestationError).code;
  }
  return undefined;
}

const field = (e: H100Evidence, type: number): Uint8Array =>
  e.response.opaque.fields.find((f) => f.type === type)!.value;
const text = (value: Uint8Array): string => Buffer.from(value).toString('latin1').replace(/\0+$/, '');

// The first report is the one trustee_hopper_claims.json describes. The CoCo report is another GPU
// on driver 580.95.05, whose measurements differ from those claims at exactly these indices.
const COCO_CHANGED = [2, 3, 8, 12, 22, 23, 26, 27, 28, 30, 31, 32, 40, 41, 42];
const VERSIONS: Record<string, { driver: string; vbios: string; allowTrailingZeros: boolean }> = {
  'trustee_hopper_report.hex': { driver: '550.90.07', vbios: '96.00.9f.00.01', allowTrailingZeros: false },
  'trustee_hopper_coco_report.hex': { driver: '580.95.05', vbios: '96.00.74.00.1a', allowTrailingZeros: true },
};

const chains = Object.fromEntries(
  expected.reports.map((r) => [r.report_file as string, certificates(r.cert_chain_file)]),
);

describe.each(expected.reports.map((r) => [r.report_file as string, r]))('%s', (name, vector) => {
  const data = evidenceFile(name);
  const chain = chains[name]!;
  const key = leafKey(chain);
  const nonce = unhex(vector.request_nonce_hex);
  const { driver, vbios, allowTrailingZeros } = VERSIONS[name]!;
  const options = { leafPublicKey: key, nonce, allowTrailingZeros };
  const coco = vector.trailing_bytes === 1;
  const used: number = vector.report_length_from_fields;

  test('layout: request, response, 64 blocks, opaque data, signature, trailing bytes', () => {
    expect(data.length).toBe(vector.report_bytes);
    const e = h100.parseEvidence(data);
    expect([e.request.version, e.request.code, e.request.param1, e.request.param2, e.request.slotId]).toEqual([
      0x11, 0xe0, 0x01, 0xff, 0,
    ]);
    expect(hex(e.request.nonce)).toBe(vector.request_nonce_hex);
    expect([e.response.version, e.response.code, e.response.param1, e.response.param2]).toEqual([0x11, 0x60, 0, 0]);
    expect(e.response.numberOfBlocks).toBe(vector.num_measurement_blocks);
    expect(e.response.numberOfBlocks).toBe(64);
    expect(e.response.recordLength).toBe(64 * (4 + 3 + 48));
    expect(e.response.blocks.map((b) => b.index)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    for (const b of e.response.blocks) {
      expect([b.specification, b.size, b.valueType, b.digest, b.value.length]).toEqual([1, 51, 1, true, 48]);
    }
    expect(e.response.opaqueLength).toBe(vector.opaque_data_len);
    expect(e.response.opaqueData.length).toBe(coco ? 434 : 422);
    expect(e.length).toBe(used);
    expect(e.trailing).toEqual(coco ? Uint8Array.of(0) : new Uint8Array(0));
    expect(e.signed).toEqual(data.subarray(0, used - 96));
    expect(e.signature).toEqual(data.subarray(used - 96, used));
  });

  test('opaque data: field types in order, driver and VBIOS versions, FWID', () => {
    const o = h100.parseEvidence(data).response.opaque;
    const common = [6, 14, 15, 16, 17, 18, 19, 3, 4, 12, 13, 11, 20, 21];
    expect(o.fields.map((f) => f.type)).toEqual(coco ? [...common, 34, 36] : common);
    expect(o.driverVersion).toBe(driver);
    expect(o.vbiosVersion).toBe(vbios);
    expect(o.fwid!.length).toBe(48);
    expect(o.opaqueDataVersion).toBe(coco ? 1 : undefined);
    expect(o.measurementCounts!.length).toBe(64);
  });

  test('every measurement against trustee_hopper_claims.json', () => {
    const { measurements } = h100.verifyEvidence(data, options);
    expect(measurements.size).toBe(64);
    expect(Object.keys(claims.measurements).length).toBe(64);
    const changed: number[] = [];
    for (const [index, digest] of Object.entries(claims.measurements)) {
      const measured = measurements.get(Number(index));
      expect(measured, `index ${index}`).toBeDefined();
      if (hex(measured!) !== digest) changed.push(Number(index));
    }
    expect(changed.sort((a, b) => a - b)).toEqual(coco ? COCO_CHANGED : []);
  });

  test('verifies with its leaf key and nonce; the result', () => {
    const r = h100.verifyEvidence(data, options);
    expect(hex(r.nonce)).toBe(vector.expected_nonce_hex);
    expect(r.driverVersion).toBe(driver);
    expect(r.vbiosVersion).toBe(vbios);
    expect(r.fwid).toEqual(fwidOf(data));
    expect(r.fwid).toHaveLength(48);
    expect(r.evidence.response.numberOfBlocks).toBe(64);
  });

  test('the FWID is the one in the leaf certificate DICE TcbInfo extension', () => {
    const fwid = fwidOf(data);
    const extension = chain[0]!.extensions!.find((x) => x.extnID === OID_DICE_TCB_INFO)!;
    const value = hex(extension.extnValue.valueBlock.valueHexView);
    expect(value.includes(hex(fwid))).toBe(true);
    const other = fwidOf(evidenceFile(coco ? 'trustee_hopper_report.hex' : 'trustee_hopper_coco_report.hex'));
    expect(value.includes(hex(other))).toBe(false);
  });

  test('reference measurements: all of them (Map and Record) pass; a wrong or missing one → POLICY', () => {
    const e = h100.parseEvidence(data);
    const all = new Map(e.response.blocks.map((b) => [b.index, b.value]));
    expect(h100.verifyEvidence(data, { ...options, referenceMeasurements: all }).measurements.size).toBe(64);
    const record = Object.fromEntries([...all].map(([i, v]) => [i, v]));
    expect(h100.verifyEvidence(data, { ...options, referenceMeasurements: record }).measurements.size).toBe(64);

    const wrong = new Map(all);
    const bad = all.get(5)!.slice();
    bad[47]! ^= 1;
    wrong.set(5, bad);
    expect(code(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: wrong }))).toBe('POLICY');
    expect(code(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: { 10: bad } }))).toBe('POLICY');
    const shorter = all.get(7)!.subarray(0, 32);
    expect(code(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: { 7: shorter } }))).toBe('POLICY');
    const missing = new Map([[65, all.get(1)!]]);
    expect(code(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: missing }))).toBe('POLICY');
    expect(code(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: { 200: bad } }))).toBe('POLICY');
  });

  test('a wrong nonce → REPORT_DATA; a flipped request nonce byte → SIGNATURE', () => {
    const wrong = nonce.slice();
    wrong[31]! ^= 0x80;
    expect(code(() => h100.verifyEvidence(data, { ...options, nonce: wrong }))).toBe('REPORT_DATA');
    expect(code(() => h100.verifyEvidence(data, { ...options, nonce: new Uint8Array(32) }))).toBe('REPORT_DATA');
    const tampered = data.slice();
    tampered[4]! ^= 1;
    expect(code(() => h100.verifyEvidence(tampered, options))).toBe('SIGNATURE');
  });

  test('a flipped signature byte → SIGNATURE; the other GPU leaf key → SIGNATURE', () => {
    for (const at of [used - 96, used - 49, used - 48, used - 1]) {
      const bad = data.slice();
      bad[at]! ^= 0x01;
      expect(
        code(() => h100.verifyEvidence(bad, options)),
        `offset ${at}`,
      ).toBe('SIGNATURE');
    }
    const otherKey = leafKey(chains[coco ? 'trustee_hopper_report.hex' : 'trustee_hopper_coco_report.hex']!);
    expect(code(() => h100.verifyEvidence(data, { ...options, leafPublicKey: otherKey }))).toBe('SIGNATURE');
    const offCurve = key.slice();
    offCurve[96]! ^= 1;
    expect(code(() => h100.verifyEvidence(data, { ...options, leafPublicKey: offCurve }))).toBe('SIGNATURE');
  });

  test('every truncation → MALFORMED, from parse and from verify', () => {
    for (let n = 0; n < used; n++) {
      const cut = data.subarray(0, n);
      expect(
        code(() => h100.parseEvidence(cut)),
        `length ${n}`,
      ).toBe('MALFORMED');
      expect(
        code(() => h100.verifyEvidence(cut, options)),
        `length ${n}`,
      ).toBe('MALFORMED');
    }
  });

  test('trailing bytes: refused by default, zeros accepted only when allowed', () => {
    const exact = data.subarray(0, used);
    expect(h100.verifyEvidence(exact, { leafPublicKey: key, nonce }).measurements.size).toBe(64);
    const zero = Uint8Array.of(...exact, 0);
    expect(code(() => h100.verifyEvidence(zero, { leafPublicKey: key, nonce }))).toBe('MALFORMED');
    expect(h100.verifyEvidence(zero, { leafPublicKey: key, nonce, allowTrailingZeros: true }).evidence.length).toBe(
      used,
    );
    const one = Uint8Array.of(...exact, 1);
    expect(h100.parseEvidence(one).trailing).toEqual(Uint8Array.of(1));
    expect(code(() => h100.verifyEvidence(one, { leafPublicKey: key, nonce, allowTrailingZeros: true }))).toBe(
      'MALFORMED',
    );
    if (coco) expect(code(() => h100.verifyEvidence(data, { leafPublicKey: key, nonce }))).toBe('MALFORMED');
  });

  test('SPDM version → UNSUPPORTED; codes, reserved bits, slot mismatch → MALFORMED', () => {
    const set = (at: number, value: number): Uint8Array => {
      const bad = data.slice();
      bad[at] = value;
      return bad;
    };
    expect(code(() => h100.parseEvidence(set(0, 0x12)))).toBe('UNSUPPORTED');
    expect(code(() => h100.parseEvidence(set(0, 0x10)))).toBe('UNSUPPORTED');
    expect(code(() => h100.parseEvidence(set(37, 0x12)))).toBe('UNSUPPORTED');
    expect(code(() => h100.parseEvidence(set(1, 0xe1)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(38, 0x7f)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(2, 0x00)))).toBe('UNSUPPORTED');
    expect(code(() => h100.parseEvidence(set(2, 0x03)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(36, 0x10)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(36, 0x01)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(40, 0x01)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(41, 63)))).toBe('MALFORMED');
    expect(code(() => h100.parseEvidence(set(41, 65)))).toBe('MALFORMED');
    const block = 37 + 8;
    expect(code(() => h100.parseEvidence(set(block, 0)))).toBe('MALFORMED'); // index 0
    expect(code(() => h100.parseEvidence(set(block, 2)))).toBe('MALFORMED'); // index repeated
    expect(code(() => h100.parseEvidence(set(block + 1, 2)))).toBe('MALFORMED'); // not DMTF
    expect(code(() => h100.parseEvidence(set(block + 5, 47)))).toBe('MALFORMED'); // value size ≠ size − 3
    expect(code(() => h100.verifyEvidence(set(block, 0x80), options))).toBe('SIGNATURE'); // a free index
  });

  test('opaque data framing: lengths → MALFORMED; a duplicate field type → MALFORMED', () => {
    const opaqueAt = used - 96 - (coco ? 434 : 422);
    const bad = data.slice();
    bad[opaqueAt - 2]! += 1; // OpaqueLength + 1
    expect(code(() => h100.parseEvidence(bad))).toBe('MALFORMED');
    const firstLength = data.slice();
    firstLength[opaqueAt + 2] = 9; // the VBIOS field claims 9 bytes
    expect(code(() => h100.parseEvidence(firstLength))).toBe('MALFORMED');
    const duplicate = data.slice();
    duplicate[opaqueAt + 20] = NVIDIA_OPAQUE.BOARD_ID; // CHIP_SKU's type → BOARD_ID again
    expect(code(() => h100.parseEvidence(duplicate))).toBe('MALFORMED');
  });

  test(`fast-check: one changed byte of the signed part → the code its position allows (${RUNS} runs)`, () => {
    const e = h100.parseEvidence(data);
    const classes = positionClasses(e);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: used - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const bad = data.slice();
        bad[at]! ^= mask;
        const got = code(() => h100.verifyEvidence(bad, options));
        const allowed = classes(at, bad[at]!);
        expect(allowed, `offset ${at} ^ ${mask}: ${got}`).toContain(got);
      }),
      { numRuns: RUNS },
    );
  });

  test('arguments: wrong types → TypeError, wrong lengths or indices → RangeError', () => {
    expect(() => h100.parseEvidence('00' as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => h100.verifyEvidence(data, { ...options, nonce: nonce.subarray(0, 31) })).toThrow(RangeError);
    expect(() => h100.verifyEvidence(data, { ...options, leafPublicKey: key.subarray(1) })).toThrow(RangeError);
    expect(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: { 0: nonce } })).toThrow(RangeError);
    expect(() => h100.verifyEvidence(data, { ...options, referenceMeasurements: { 1: 'ab' as never } })).toThrow(
      TypeError,
    );
  });
});

test('the first report: opaque fields as trustee_hopper_claims.json states them', () => {
  const e = h100.parseEvidence(evidenceFile('trustee_hopper_report.hex'));
  const c = claims.config;
  expect(hex(field(e, NVIDIA_OPAQUE.BOARD_ID))).toBe(c.board_id);
  expect(text(field(e, NVIDIA_OPAQUE.CHIP_SKU))).toBe(c.chip_sku);
  expect(text(field(e, NVIDIA_OPAQUE.CHIP_SKU_MOD))).toBe(c.chip_sku_mod);
  expect(text(field(e, NVIDIA_OPAQUE.PROJECT))).toBe(c.project);
  expect(text(field(e, NVIDIA_OPAQUE.PROJECT_SKU))).toBe(c.project_sku);
  expect(hex(field(e, NVIDIA_OPAQUE.PROJECT_SKU_MOD))).toBe(c.project_sku_mod);
  expect(hex(field(e, NVIDIA_OPAQUE.GPU_INFO))).toBe(c.gpu_info);
  expect(hex(field(e, NVIDIA_OPAQUE.CPRINFO))).toBe(c.cpr_info);
  expect(text(field(e, NVIDIA_OPAQUE.NVDEC0_STATUS))).toBe(c.nvdec0_status);
  expect(text(field(e, NVIDIA_OPAQUE.PROTECTED_PCIE_STATUS))).toBe(c.protected_pcie_status);
  expect(e.response.opaque.driverVersion).toBe(c.driver_version);
  expect(e.response.opaque.vbiosVersion).toBe(c.vbios_version);
  expect(hex(e.response.opaque.fwid!)).toBe(c.fwid);
  const counts = Object.fromEntries(e.response.opaque.measurementCounts!.map((n, i) => [String(i + 1), n]));
  expect(counts).toEqual(c.measurement_count);
});

/**
 * What one changed byte at `at` may give: the SPDM version → UNSUPPORTED; Param1 → UNSUPPORTED when
 * the signature bit is cleared, else MALFORMED; other framing (codes, slot, counts, lengths, the
 * measurement specification) → MALFORMED; block indices and opaque field types and lengths →
 * MALFORMED or, if the result still parses, SIGNATURE; any content byte → SIGNATURE.
 */
function positionClasses(e: H100Evidence): (at: number, value: number) => string[] {
  const kind = new Map<number, string[]>();
  const mark = (from: number, count: number, codes: string[]): void => {
    for (let i = from; i < from + count; i++) kind.set(i, codes);
  };
  const MAL = ['MALFORMED'];
  const EITHER = ['MALFORMED', 'SIGNATURE'];
  mark(0, 1, ['UNSUPPORTED']);
  mark(1, 1, MAL);
  mark(36, 1, MAL);
  mark(37, 1, ['UNSUPPORTED']);
  mark(38, 1, MAL);
  mark(40, 5, MAL); // Param2 (slot), NumberOfBlocks, MeasurementRecordLength
  let at = 45;
  for (const b of e.response.blocks) {
    mark(at, 1, EITHER); // Index
    mark(at + 1, 3, MAL); // MeasurementSpecification, MeasurementSize
    mark(at + 5, 2, MAL); // DMTFSpecMeasurementValueSize
    at += 4 + b.size;
  }
  at += 32; // responder nonce
  mark(at, 2, MAL); // OpaqueLength
  at += 2;
  for (const f of e.response.opaque.fields) {
    mark(at, 4, EITHER); // type, length
    at += 4 + f.value.length;
  }
  return (position, value) => {
    if (position === 2) return [(value & 1) === 0 ? 'UNSUPPORTED' : 'MALFORMED'];
    return kind.get(position) ?? ['SIGNATURE'];
  };
}
