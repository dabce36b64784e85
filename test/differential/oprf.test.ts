// Differential: RFC 9497 on the wasm backend (the core's proto/oprf) and on the js backend (noble)
// agree. With the same keys, blinds and proof randomness, both blind to the same elements, evaluate
// with the same proof, finalize to the same outputs and Evaluate to them too; both refuse the same
// tampered evaluation, proof or element with the same error. Random suites, modes, batches, inputs
// and info (some of RFC 9497's largest, 65535 bytes each, which the core's window holds together).
// OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { oprf, useBackend, type BackendName, type OprfModeName, type OprfSuiteName } from 'oblivia';
import { hex } from '../helpers.js';

const RUNS = Math.max(8, Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 8);
const SUITES: OprfSuiteName[] = ['ristretto255-SHA512', 'P256-SHA256', 'P384-SHA384', 'P521-SHA512'];
const MODES: OprfModeName[] = ['oprf', 'voprf', 'poprf'];

afterAll(() => useBackend(undefined));

type Outcome = { value: string } | { error: string; code?: string };

function on(name: BackendName, fn: () => unknown): Outcome {
  useBackend(name);
  try {
    return { value: show(fn()) };
  } catch (e) {
    return { error: (e as Error).constructor.name, code: (e as { code?: string }).code };
  }
}

/** Bytes, arrays and plain objects of them as one comparable string. */
function show(value: unknown): string {
  if (value instanceof Uint8Array) return hex(value);
  if (Array.isArray(value)) return `[${value.map(show).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}:${show(v)}`)
      .join(',')}}`;
  return String(value);
}

const sizeArb = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 100 }) }, fc.constant(65_535));
const bytesArb = (size: fc.Arbitrary<number>) => size.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

test('wasm and js agree on keys, blinding, evaluation with proof, finalize, evaluate and every refusal', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SUITES),
      fc.constantFrom(...MODES),
      seedArb,
      fc.array(fc.tuple(bytesArb(sizeArb), seedArb), { minLength: 1, maxLength: 4 }),
      bytesArb(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }) }, fc.constant(65_535))),
      seedArb,
      fc.nat(),
      (name, mode, seed, batch, info, seedR, flip) => {
        const suite = oprf.suite(name, mode);
        const poprfInfo = mode === 'poprf' ? info : undefined;
        useBackend('js');
        // Random valid scalars for the blinds and r: secret keys derived from random seeds.
        const blinds = batch.map(([, s]) => suite.deriveKeyPair(s, new Uint8Array(0)).secretKey);
        const proofRandomness = mode === 'oprf' ? undefined : suite.deriveKeyPair(seedR, new Uint8Array(0)).secretKey;
        const inputs = batch.map(([input]) => input);
        const run = () => {
          const keys = suite.deriveKeyPair(seed, info);
          const server = suite.server(keys.secretKey);
          const client = mode === 'oprf' ? suite.client() : suite.client(keys.publicKey);
          const blinding = client.blind(inputs, { info: poprfInfo, blinds });
          const evaluation = server.blindEvaluate(blinding.blinded, { info: poprfInfo, proofRandomness });
          const outputs = client.finalize(blinding, evaluation);
          const evaluated = inputs.map((input) => server.evaluate(input, { info: poprfInfo }));
          expect(show(evaluated)).toBe(show(outputs));
          return { keys, blinding, evaluation, outputs, client, server };
        };
        const transcript = () => {
          const { keys, blinding, evaluation, outputs } = run();
          return { keys, blinding, evaluation, outputs };
        };
        expect(on('wasm', transcript)).toEqual(on('js', transcript));

        // One byte flipped in an evaluated element, the proof or a blinded element.
        useBackend('js');
        const { blinding, evaluation, client, server } = run();
        const target = flip % 3;
        const at = flip >>> 2;
        const flipped = (bytes: Uint8Array) =>
          bytes.map((b, i) => (i === at % bytes.length ? b ^ (1 << (flip % 8)) : b));
        const tampered =
          target === 0
            ? () =>
                client.finalize(blinding, {
                  ...evaluation,
                  evaluated: [flipped(evaluation.evaluated[0]!), ...evaluation.evaluated.slice(1)],
                })
            : target === 1 && evaluation.proof
              ? () => client.finalize(blinding, { ...evaluation, proof: flipped(evaluation.proof!) })
              : () => server.blindEvaluate([flipped(blinding.blinded[0]!)], { info: poprfInfo, proofRandomness });
        expect(on('wasm', tampered)).toEqual(on('js', tampered));
      },
    ),
    { numRuns: RUNS },
  );
});
