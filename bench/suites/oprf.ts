// Oblivious PRFs (RFC 9497, VOPRF mode) in two suites, ristretto255-SHA512 and P256-SHA256, on a key
// pair every implementation derives from the same seed: Blind (one input), BlindEvaluate with its
// DLEQ proof (batches of 1 and 10), and Finalize, which verifies the proof (batch of 1); and the
// group operation under the ristretto255 suite, variable-base scalar multiplication.
import { p256 } from '@noble/curves/nist.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { bytesToNumberBE, bytesToNumberLE } from '@noble/curves/utils.js';
import { bytes } from '../inputs.js';
import { type SodiumSumo, sodiumRistretto } from '../peers/libsodium.js';
import { nobleRistretto, ristrettoElement } from '../peers/noble-ristretto.js';
import { obliviaRistretto } from '../peers/oblivia.js';
import { obliviaOprf } from '../peers/oblivia-oprf.js';
import {
  concat,
  type OprfBlinding,
  type OprfEvaluation,
  type OprfParams,
  type OprfPeer,
  type OprfSuiteId,
} from '../peers/oprf.js';
import type { RistrettoParams } from '../peers/ristretto.js';
import { voprfTs } from '../peers/voprf-ts.js';
import type { BenchCase, Impl } from '../types.js';

/** Bytes of every PRF input. */
export const OPRF_INPUT_LENGTH = 32;
/** BlindEvaluate's batch sizes; Blind and Finalize take one input. */
export const OPRF_EVALUATE_BATCHES = [1, 10];
/** The inputs the check runs the protocol on, every client with every server: a batch of 2. */
const CHECK_BATCH = 2;

export type OprfOp = 'blind' | 'evaluate' | 'finalize';

const SUITES: readonly { readonly suite: OprfSuiteId; readonly slug: string }[] = [
  { suite: 'ristretto255-SHA512', slug: 'ristretto255' },
  { suite: 'P256-SHA256', slug: 'p256' },
];

export const RISTRETTO_MULTIPLY_ID = 'ristretto255-multiply';

/** `oprf-ristretto255-evaluate-10`, … */
export function oprfCaseId(suite: OprfSuiteId, op: OprfOp, batch: number): string {
  return `oprf-${SUITES.find((s) => s.suite === suite)!.slug}-${op}-${batch}`;
}

/** Every implementation of one suite, the reference among them, and the inputs the check runs. */
export interface OprfCheck {
  readonly suite: OprfSuiteId;
  readonly inputs: readonly Uint8Array[];
  /** voprf-ts: its blinds, keys and outputs are what the others must reproduce. */
  readonly reference: OprfPeer;
  readonly peers: readonly OprfPeer[];
}

export interface OprfBench {
  readonly cases: BenchCase[];
  readonly checks: OprfCheck[];
}

/** k · B for each blinded element B, by @noble/curves directly: what BlindEvaluate's elements must be. */
function evaluatedByNoble(suite: OprfSuiteId, secretKey: Uint8Array, blinded: readonly Uint8Array[]): Uint8Array {
  return concat(
    blinded.map((b) =>
      suite === 'P256-SHA256'
        ? p256.Point.fromBytes(b).multiply(bytesToNumberBE(secretKey)).toBytes(true)
        : ristretto255.Point.fromBytes(b).multiply(bytesToNumberLE(secretKey)).toBytes(),
    ),
  );
}

/** A row: `run` with the peer's backend (and wasm build) named, so the harness activates it. */
function row(peer: OprfPeer, run: Impl['run']): Impl {
  return {
    name: peer.name,
    ...(peer.backend ? { backend: peer.backend } : {}),
    ...(peer.build ? { build: peer.build } : {}),
    run,
  };
}

const then = <T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> =>
  value instanceof Promise ? value.then(f) : f(value);

function ristrettoCase(sumo: SodiumSumo): BenchCase {
  const scalar = bytes(32, 90);
  scalar[31]! &= 0x0f; // below 2^252 < ℓ
  const elementScalar = bytes(32, 91);
  elementScalar[31]! &= 0x0f;
  const params: RistrettoParams = { scalar, element: ristrettoElement(elementScalar) };
  const reference = nobleRistretto(params);
  const peers = [...obliviaRistretto(params), reference, sodiumRistretto(sumo, params)];
  return {
    id: RISTRETTO_MULTIPLY_ID,
    title: 'ristretto255 scalar multiplication',
    chartLabel: ['ristretto255', 'scalar multiplication'],
    group: 'oprf',
    unit: 'ops/s',
    bytes: 32,
    expected: reference.multiply(),
    impls: peers.map((peer) => ({
      name: peer.name,
      ...(peer.backend ? { backend: peer.backend } : {}),
      ...(peer.build ? { build: peer.build } : {}),
      run: () => {
        return peer.multiply();
      },
    })),
  };
}

export async function oprfSuite(sumo: SodiumSumo): Promise<OprfBench> {
  const cases: BenchCase[] = [ristrettoCase(sumo)];
  const checks: OprfCheck[] = [];
  for (const [s, { suite }] of SUITES.entries()) {
    const params: OprfParams = { suite, seed: bytes(32, 100 + s), keyInfo: bytes(16, 102 + s) };
    const reference = await voprfTs(params);
    const peers = [...obliviaOprf(params), reference];
    const inputs = Array.from({ length: Math.max(...OPRF_EVALUATE_BATCHES) }, (_, i) =>
      bytes(OPRF_INPUT_LENGTH, 110 + 20 * s + i),
    );
    checks.push({ suite, inputs: inputs.slice(0, CHECK_BATCH), reference, peers });
    const title = `OPRF ${suite}`;

    // Blind: fresh blinds on every call, so every call's element differs.
    const one = inputs.slice(0, 1);
    cases.push({
      id: oprfCaseId(suite, 'blind', 1),
      title: `${title} Blind`,
      chartLabel: [suite, 'Blind'],
      group: 'oprf',
      unit: 'ops/s',
      bytes: OPRF_INPUT_LENGTH,
      expected: 'randomized',
      impls: peers.map((peer) =>
        row(peer, () => {
          return then(peer.blind(one), (b) => b.blinded[0]!);
        }),
      ),
    });

    // BlindEvaluate of the elements voprf-ts blinded; the proof's nonce is random, the elements are not.
    for (const batch of OPRF_EVALUATE_BATCHES) {
      const { blinded } = await reference.blind(inputs.slice(0, batch));
      cases.push({
        id: oprfCaseId(suite, 'evaluate', batch),
        title: `${title} BlindEvaluate with proof, batch of ${batch}`,
        chartLabel: [suite, `BlindEvaluate + proof, batch ${batch}`],
        group: 'oprf',
        unit: 'ops/s',
        bytes: OPRF_INPUT_LENGTH * batch,
        expected: evaluatedByNoble(suite, reference.secretKey, blinded),
        impls: peers.map((peer) =>
          row(peer, () => {
            return then(peer.blindEvaluate(blinded), (e) => concat(e.evaluated));
          }),
        ),
      });
    }

    // Finalize of voprf-ts's evaluation, each client holding voprf-ts's blind for the input.
    const voprfBlinding = await reference.blind(one);
    const blinds = voprfBlinding.blinds();
    const evaluation: OprfEvaluation = await reference.blindEvaluate(voprfBlinding.blinded);
    const blindings = new Map<OprfPeer, OprfBlinding>();
    for (const peer of peers) blindings.set(peer, peer === reference ? voprfBlinding : await peer.blind(one, blinds));
    cases.push({
      id: oprfCaseId(suite, 'finalize', 1),
      title: `${title} Finalize (verifies the proof)`,
      chartLabel: [suite, 'Finalize, verifying the proof'],
      group: 'oprf',
      unit: 'ops/s',
      bytes: OPRF_INPUT_LENGTH,
      expected: await reference.evaluate(one[0]!),
      impls: peers.map((peer) =>
        row(peer, () => {
          return then(blindings.get(peer)!.finalize(evaluation), concat);
        }),
      ),
    });
  }
  return { cases, checks };
}
