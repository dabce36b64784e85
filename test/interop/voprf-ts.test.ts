// OPRF interop with @cloudflare/voprf-ts in both roles (oblivia client ↔ voprf-ts server, and
// voprf-ts client ↔ oblivia server), for every suite both implement (ristretto255-SHA512 through
// voprf-ts's @noble/curves provider, the NIST suites through its default sjcl provider) in all
// three modes, on random inputs and info; the outputs must equal both servers' own Evaluate. Runs
// on both backends.
import { randomBytes, randomInt } from 'node:crypto';
import {
  DLEQProof,
  Evaluation,
  EvaluationRequest,
  generateKeyPair,
  Oprf,
  OPRFClient,
  OPRFServer,
  POPRFClient,
  POPRFServer,
  VOPRFClient,
  VOPRFServer,
  type CryptoProvider,
  type FinalizeData,
  type ModeID,
} from '@cloudflare/voprf-ts';
import { CryptoNoble } from '@cloudflare/voprf-ts/crypto-noble';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { oprf, useBackend, type OprfModeName, type OprfSuiteName } from 'oblivia';
import { hex } from '../helpers.js';

const NAMES: OprfSuiteName[] = ['ristretto255-SHA512', 'P256-SHA256', 'P384-SHA384', 'P521-SHA512'];
const MODES: [OprfModeName, ModeID][] = [
  ['oprf', Oprf.Mode.OPRF],
  ['voprf', Oprf.Mode.VOPRF],
  ['poprf', Oprf.Mode.POPRF],
];
const CASES = NAMES.flatMap((name) => MODES.map(([mode, id]) => [`${name} ${mode}`, name, mode, id] as const));
/** Rounds per case, with batches of these sizes. */
const BATCHES = [1, 3];

const random = (max: number) => new Uint8Array(randomBytes(randomInt(0, max + 1)));
const inputsOf = (n: number) => Array.from({ length: n }, () => random(64));

/** voprf-ts's sjcl provider has no ristretto255; its noble provider does. */
const provider = (name: OprfSuiteName): [] | [CryptoProvider] => (name === 'ristretto255-SHA512' ? [CryptoNoble] : []);

/** A voprf-ts server or client of the mode, as one shape. */
function theirServer(name: OprfSuiteName, mode: ModeID, secretKey: Uint8Array) {
  const p = provider(name);
  const s =
    mode === 0
      ? new OPRFServer(name, secretKey, ...p)
      : mode === 1
        ? new VOPRFServer(name, secretKey, ...p)
        : new POPRFServer(name, secretKey, ...p);
  return {
    blindEvaluate: (req: EvaluationRequest, info: Uint8Array | undefined) =>
      s instanceof POPRFServer ? s.blindEvaluate(req, info) : s.blindEvaluate(req),
    evaluate: (input: Uint8Array, info: Uint8Array | undefined) =>
      s instanceof POPRFServer ? s.evaluate(input, info) : s.evaluate(input),
  };
}

function theirClient(name: OprfSuiteName, mode: ModeID, publicKey: Uint8Array) {
  const p = provider(name);
  const c =
    mode === 0
      ? new OPRFClient(name, ...p)
      : mode === 1
        ? new VOPRFClient(name, publicKey, ...p)
        : new POPRFClient(name, publicKey, ...p);
  return {
    blind: (inputs: Uint8Array[]) => c.blind(inputs),
    finalize: (data: FinalizeData, evaluation: Evaluation, info: Uint8Array | undefined) =>
      c instanceof POPRFClient ? c.finalize(data, evaluation, info) : c.finalize(data, evaluation),
  };
}

afterAll(() => useBackend(undefined));

for (const backend of ['wasm', 'js'] as const) {
  describe(`voprf-ts interop on the ${backend} backend`, () => {
    beforeAll(() => useBackend(backend));

    test.each(CASES)('%s: oblivia client, voprf-ts server', async (_, name, mode, id) => {
      const ours = oprf.suite(name, mode);
      const group = Oprf.getGroup(name, ...provider(name));
      const keys = ours.generateKeyPair();
      const server = theirServer(name, id, keys.secretKey);
      const client = mode === 'oprf' ? ours.client() : ours.client(keys.publicKey);
      for (const n of BATCHES) {
        const inputs = inputsOf(n);
        const info = mode === 'poprf' ? random(32) : undefined;
        const blinding = client.blind(inputs, { info });
        const response = await server.blindEvaluate(
          new EvaluationRequest(blinding.blinded.map((b) => group.desElt(b))),
          info,
        );
        const evaluated = response.evaluated.map((e) => e.serialize(true));
        const outputs = client.finalize(
          blinding,
          mode === 'oprf' ? { evaluated } : { evaluated, proof: response.proof!.serialize() },
        );
        const theirs = await Promise.all(inputs.map((input) => server.evaluate(input, info)));
        const own = inputs.map((input) => ours.server(keys.secretKey).evaluate(input, { info }));
        expect(outputs.map(hex)).toEqual(theirs.map(hex));
        expect(outputs.map(hex)).toEqual(own.map(hex));
      }
    });

    test.each(CASES)('%s: voprf-ts client, oblivia server', async (_, name, mode, id) => {
      const ours = oprf.suite(name, mode);
      const group = Oprf.getGroup(name, ...provider(name));
      const keys = await generateKeyPair(name, ...provider(name));
      const server = ours.server(keys.privateKey);
      expect(hex(server.publicKey)).toBe(hex(keys.publicKey));
      const client = theirClient(name, id, keys.publicKey);
      for (const n of BATCHES) {
        const inputs = inputsOf(n);
        const info = mode === 'poprf' ? random(32) : undefined;
        const [data, request] = await client.blind(inputs);
        const response = server.blindEvaluate(
          request.blinded.map((e) => e.serialize(true)),
          { info },
        );
        const proof = response.proof && DLEQProof.deserialize(group.id, response.proof, ...provider(name));
        const outputs = await client.finalize(
          data,
          new Evaluation(
            id,
            response.evaluated.map((e) => group.desElt(e)),
            proof,
          ),
          info,
        );
        const theirs = await Promise.all(
          inputs.map((input) => theirServer(name, id, keys.privateKey).evaluate(input, info)),
        );
        expect(outputs.map(hex)).toEqual(inputs.map((input) => hex(server.evaluate(input, { info }))));
        expect(outputs.map(hex)).toEqual(theirs.map(hex));
      }
    });
  });
}
