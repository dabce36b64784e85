// Before the OPRF cases are timed: every implementation derives voprf-ts's key pair from the same
// seed, blinds to voprf-ts's elements when given its blinds, computes voprf-ts's PRF outputs
// (Evaluate), and runs the whole VOPRF protocol with every other one — each client blinds, each
// server evaluates with a proof, the client verifies it and finalizes to the same outputs — and every
// client refuses an evaluation whose proof has one bit flipped.
import { activate, equal, hex, rejection } from './check.js';
import type { OprfEvaluation, OprfPeer } from './peers/oprf.js';
import type { OprfCheck } from './suites/oprf.js';

function same(a: readonly Uint8Array[], b: readonly Uint8Array[]): boolean {
  return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
}

const show = (list: readonly Uint8Array[]) => list.map(hex).join(', ');

/** Runs `step` with `peer`'s backend active; a throw becomes a problem. */
async function as<T>(
  peer: OprfPeer,
  problems: string[],
  where: string,
  step: () => T | Promise<T>,
): Promise<T | undefined> {
  try {
    activate(peer);
    return await step();
  } catch (error) {
    problems.push(`${where} threw: ${String(error)}`);
    return undefined;
  }
}

async function checkOne({ suite, inputs, reference, peers }: OprfCheck): Promise<string[]> {
  const problems: string[] = [];
  const expected: Uint8Array[] = [];
  for (const input of inputs) expected.push(await reference.evaluate(input));
  const refBlinding = await reference.blind(inputs);
  const blinds = refBlinding.blinds();

  for (const peer of peers) {
    const where = `oprf ${suite} / ${peer.name}`;
    if (!equal(peer.secretKey, reference.secretKey) || !equal(peer.publicKey, reference.publicKey)) {
      problems.push(
        `${where}: DeriveKeyPair gave ${hex(peer.secretKey)} / ${hex(peer.publicKey)} ≠ ${reference.name}'s`,
      );
    }
    const outputs = await as(peer, problems, `${where} Evaluate`, () =>
      Promise.all(inputs.map((x) => peer.evaluate(x))),
    );
    if (outputs && !same(outputs, expected))
      problems.push(`${where} Evaluate: ${show(outputs)} ≠ ${reference.name}'s ${show(expected)}`);
    const fixed = await as(peer, problems, `${where} Blind with ${reference.name}'s blinds`, () =>
      peer.blind(inputs, blinds),
    );
    if (fixed && !same(fixed.blinded, refBlinding.blinded)) {
      problems.push(
        `${where} Blind with ${reference.name}'s blinds: ${show(fixed.blinded)} ≠ ${show(refBlinding.blinded)}`,
      );
    }
  }

  for (const client of peers) {
    for (const server of peers) {
      const where = `oprf ${suite} / client ${client.name}, server ${server.name}`;
      const blinding = await as(client, problems, `${where}: Blind`, () => client.blind(inputs));
      if (!blinding) continue;
      const evaluation = await as(server, problems, `${where}: BlindEvaluate`, () =>
        server.blindEvaluate(blinding.blinded),
      );
      if (!evaluation) continue;
      const outputs = await as(client, problems, `${where}: Finalize`, () => blinding.finalize(evaluation));
      if (outputs && !same(outputs, expected))
        problems.push(`${where}: Finalize gave ${show(outputs)} ≠ ${show(expected)}`);
      // The low bit of s (the proof is c ‖ s): s stays a canonical scalar, so verification, not parsing, must fail.
      const proof = evaluation.proof.slice();
      const n = proof.length / 2;
      proof[suite === 'ristretto255-SHA512' ? n : 2 * n - 1]! ^= 1;
      const forged: OprfEvaluation = { evaluated: evaluation.evaluated, proof };
      activate(client);
      if (!(await rejection(() => blinding.finalize(forged))))
        problems.push(`${where}: Finalize accepted a proof with a flipped bit`);
    }
  }
  return problems;
}

/** One message per mismatch or failure; empty when every implementation agrees with every other. */
export async function checkOprf(checks: readonly OprfCheck[]): Promise<string[]> {
  const problems: string[] = [];
  for (const check of checks) problems.push(...(await checkOne(check)));
  return problems;
}
