// RFC 9497 Appendix A test vectors (../shared/vectors/oprf/allVectors.json) through the public
// API on the active backend: every vector of ristretto255-SHA512, P256-SHA256, P384-SHA384 and
// P521-SHA512 in modes 0, 1 and 2. DeriveKeyPair(seed, keyInfo) gives skSm (and pkSm); Blind
// with the vector's blinds, BlindEvaluate with its proof randomness r, Finalize and Evaluate
// reproduce BlindedElement, EvaluationElement, Proof and Output. A batched vector (Batch > 1,
// comma-separated values) runs as one batched call. decaf448-SHAKE256 is not offered: its three
// suite-modes are skipped.
import { describe, expect, test } from 'vitest';
import { oprf, type OprfModeName, type OprfSuiteName } from 'oblivia';
import { hex, readJsonVector, unhex } from '../helpers.js';

interface Vector {
  Batch: number;
  Blind: string;
  BlindedElement: string;
  EvaluationElement: string;
  Info?: string;
  Input: string;
  Output: string;
  Proof?: { proof: string; r: string };
}

interface SuiteMode {
  identifier: string;
  mode: 0 | 1 | 2;
  seed: string;
  keyInfo: string;
  skSm: string;
  pkSm?: string;
  vectors: Vector[];
}

const MODES: OprfModeName[] = ['oprf', 'voprf', 'poprf'];
const ALL = readJsonVector<SuiteMode[]>('oprf/allVectors.json');
const supported = ALL.filter((set) => set.identifier !== 'decaf448-SHAKE256');
const skipped = ALL.filter((set) => set.identifier === 'decaf448-SHAKE256');

const list = (values: string): Uint8Array[] => values.split(',').map(unhex);
const joined = (values: Uint8Array[]): string => values.map(hex).join(',');
const counts = { suiteModes: 0, vectors: 0, batched: 0 };

describe('RFC 9497 test vectors', () => {
  test.each(supported.map((set) => [`${set.identifier} mode ${set.mode}`, set] as const))('%s', (_, set) => {
    const suite = oprf.suite(set.identifier as OprfSuiteName, MODES[set.mode]!);
    const keys = suite.deriveKeyPair(unhex(set.seed), unhex(set.keyInfo));
    expect(hex(keys.secretKey)).toBe(set.skSm);
    expect(set.pkSm === undefined).toBe(set.mode === 0);
    if (set.pkSm !== undefined) expect(hex(keys.publicKey)).toBe(set.pkSm);
    const server = suite.server(keys.secretKey);
    expect(hex(server.publicKey)).toBe(hex(keys.publicKey));
    const client = set.mode === 0 ? suite.client() : suite.client(keys.publicKey);

    for (const v of set.vectors) {
      const inputs = list(v.Input);
      const info = v.Info === undefined ? undefined : unhex(v.Info);
      expect(info !== undefined).toBe(set.mode === 2);
      expect(v.Proof !== undefined).toBe(set.mode !== 0);
      expect(inputs.length).toBe(v.Batch);

      const blinding = client.blind(inputs, { info, blinds: list(v.Blind) });
      expect(joined(blinding.blinded)).toBe(v.BlindedElement);
      const evaluation = server.blindEvaluate(blinding.blinded, { info, proofRandomness: v.Proof && unhex(v.Proof.r) });
      expect(joined(evaluation.evaluated)).toBe(v.EvaluationElement);
      if (v.Proof) expect(hex(evaluation.proof!)).toBe(v.Proof.proof);
      else expect(evaluation.proof).toBeUndefined();
      expect(joined(client.finalize(blinding, evaluation))).toBe(v.Output);
      expect(joined(inputs.map((input) => server.evaluate(input, { info })))).toBe(v.Output);
      counts.vectors++;
      if (v.Batch > 1) counts.batched++;
    }
    counts.suiteModes++;
  });

  test('counts: 12 suite-modes and 32 vectors run (8 batched); 3 decaf448 suite-modes skipped', () => {
    expect(counts).toEqual({ suiteModes: 12, vectors: 32, batched: 8 });
    expect(skipped.map((set) => set.mode)).toEqual([0, 1, 2]);
    expect(ALL.length).toBe(15);
  });
});
