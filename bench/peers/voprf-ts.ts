// @cloudflare/voprf-ts 1.0.0 (RFC 9497), every call asynchronous, with its @noble/curves crypto
// provider (`@cloudflare/voprf-ts/crypto-noble`, noble 1.5 inside the package), its fastest: the
// default provider, sjcl, has no ristretto255, and on P-256 it ran Blind, BlindEvaluate and Finalize
// 3.5–5× slower than the noble one on this machine (WebCrypto's OPRF is a proposal no runtime
// ships). The client and server objects are made once; each call
// takes and returns bytes as the wire carries them, so it deserializes the elements (and the proof)
// it gets and serializes what it sends, as a server or client of the protocol does.
import {
  DLEQProof,
  Evaluation,
  EvaluationRequest,
  FinalizeData,
  Oprf,
  VOPRFClient,
  VOPRFServer,
  deriveKeyPair,
  type CryptoProvider,
  type Scalar,
} from '@cloudflare/voprf-ts';
import { CryptoNoble } from '@cloudflare/voprf-ts/crypto-noble';
import type { OprfBlinding, OprfEvaluation, OprfParams, OprfPeer } from './oprf.js';

/** The crypto provider the peer runs on. */
export const VOPRF_TS_PROVIDER: CryptoProvider = CryptoNoble;

/** A client whose next blinds are the given scalars, for the check's fixed-blind runs; random ones otherwise. */
class Client extends VOPRFClient {
  next: Scalar[] = [];

  override randomBlinder(): Promise<Scalar> {
    const given = this.next.shift();
    return given ? Promise.resolve(given) : super.randomBlinder();
  }
}

export async function voprfTs({ suite, seed, keyInfo }: OprfParams): Promise<OprfPeer> {
  const provider = VOPRF_TS_PROVIDER;
  const { privateKey, publicKey } = await deriveKeyPair(Oprf.Mode.VOPRF, suite, seed, keyInfo, provider);
  const server = new VOPRFServer(suite, privateKey, provider);
  const client = new Client(suite, publicKey, provider);
  const group = client.group;

  const blinding = (finData: FinalizeData, request: EvaluationRequest): OprfBlinding => ({
    blinded: request.blinded.map((e) => e.serialize(true)),
    blinds: () => finData.blinds.map((s) => s.serialize()),
    finalize: ({ evaluated, proof }: OprfEvaluation) => {
      const evaluation = new Evaluation(
        Oprf.Mode.VOPRF,
        evaluated.map((e) => group.desElt(e)),
        DLEQProof.deserialize(group.id, proof, provider),
      );
      return client.finalize(finData, evaluation);
    },
  });

  return {
    name: 'voprf-ts',
    secretKey: privateKey,
    publicKey,
    blind: async (inputs, blinds) => {
      if (blinds) client.next = blinds.map((b) => group.desScalar(b));
      const [finData, request] = await client.blind([...inputs]);
      return blinding(finData, request);
    },
    blindEvaluate: async (blinded) => {
      const request = new EvaluationRequest(blinded.map((e) => group.desElt(e)));
      const { evaluated, proof } = await server.blindEvaluate(request);
      return { evaluated: evaluated.map((e) => e.serialize(true)), proof: proof!.serialize() };
    },
    evaluate: (input) => server.evaluate(input),
  };
}
