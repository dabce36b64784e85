// The client of RFC 9497 §3.3: Blind over a batch, then Finalize, which in the verifiable modes
// first checks the server's proof (§2.2.2) against pkS (voprf) or the tweaked key (poprf).
import type { OprfMode } from '../backend/backend.js';
import { bytes, objectArgument, optionsArgument } from '../utils/arguments.js';
import { absent, batchArgument, infoArgument, scalarsArgument, wipe } from './oprf-arguments.js';
import { active } from '../backend/select.js';
import { randomScalar } from './scalars.js';
import type { OprfEvaluation } from './oprf-server.js';
import type { OprfSuiteParams } from './oprf-names.js';

/** Options of {@link OprfClient.blind}. */
export interface BlindOptions {
  /** poprf only: the public input, empty if absent. */
  info?: Uint8Array;
  /**
   * Known-answer tests only: the blinds, one per input, instead of fresh ones; nonzero scalars
   * below the order. Reusing a blind links the requests that share it.
   */
  blinds?: Uint8Array[];
}

/** What blind() returns: send `blinded` to the server and keep the rest, which is secret. */
export interface OprfBlinding {
  /** The blinded elements: send these to the server. */
  blinded: Uint8Array[];
  /** Copies of the inputs (secret). */
  inputs: Uint8Array[];
  /** The blinds (secret). */
  blinds: Uint8Array[];
  /** poprf: the public input. */
  info?: Uint8Array;
  /** poprf: HashToScalar(framedInfo) · G + pkS, which the proof is checked against. */
  tweakedKey?: Uint8Array;
}

/** The client of RFC 9497 §3.3: Blind over a batch of 1–256 inputs, then Finalize (which checks the proof in voprf and poprf). */
export interface OprfClient {
  /** §3.3.1 / §3.3.3 Blind; CryptoError INVALID_INPUT (an input hashing to the identity, or a
   *  poprf tweaked key that is the identity), INVALID_POINT (poprf: a bad public key). */
  blind(inputs: Uint8Array[], options?: BlindOptions): OprfBlinding;
  /** §3.3.1 / §3.3.2 / §3.3.3 Finalize: one output per input; CryptoError PROOF_FAILED, INVALID_POINT. */
  finalize(blinding: OprfBlinding, evaluation: OprfEvaluation): Uint8Array[];
}

export function createClient(suite: OprfSuiteParams, mode: OprfMode, publicKey: unknown): OprfClient {
  const pkS =
    mode === 0
      ? absent(publicKey, 'publicKey', mode)
      : new Uint8Array(bytes(publicKey, 'publicKey', suite.elementLength));
  const proofLength = 2 * suite.scalarLength;

  function blind(inputs: Uint8Array[], options?: BlindOptions): OprfBlinding {
    const o = optionsArgument(options, 'options');
    const copies = batchArgument(inputs, 'inputs', undefined).map((input) => new Uint8Array(input));
    const info = infoArgument(mode, o.info);
    const blinds =
      o.blinds === undefined
        ? copies.map(() => randomScalar(suite))
        : scalarsArgument(suite, o.blinds, 'blinds', copies.length).map((b) => new Uint8Array(b));
    try {
      const backend = active().oprf;
      if (mode !== 2) return { blinded: backend.blind(suite.name, mode, copies, blinds), inputs: copies, blinds };
      const tweakedKey = backend.tweakKey(suite.name, pkS!, info!);
      return {
        blinded: backend.blind(suite.name, mode, copies, blinds),
        inputs: copies,
        blinds,
        info: new Uint8Array(info!),
        tweakedKey,
      };
    } catch (error) {
      wipe(blinds);
      throw error;
    }
  }

  function finalize(blinding: OprfBlinding, evaluation: OprfEvaluation): Uint8Array[] {
    const b = objectArgument(blinding, 'blinding');
    const e = objectArgument(evaluation, 'evaluation');
    const inputs = batchArgument(b.inputs, 'blinding.inputs', undefined);
    const blinds = scalarsArgument(suite, b.blinds, 'blinding.blinds', inputs.length);
    const blinded = batchArgument(b.blinded, 'blinding.blinded', suite.elementLength, inputs.length);
    const info = infoArgument(mode, b.info, 'blinding.info');
    const tweakedKey =
      mode === 2
        ? bytes(b.tweakedKey, 'blinding.tweakedKey', suite.elementLength)
        : absent(b.tweakedKey, 'blinding.tweakedKey', mode);
    const evaluated = batchArgument(e.evaluated, 'evaluation.evaluated', suite.elementLength, inputs.length);
    const proof =
      mode === 0 ? absent(e.proof, 'evaluation.proof', mode) : bytes(e.proof, 'evaluation.proof', proofLength);
    const key = mode === 1 ? pkS : tweakedKey;
    return active().oprf.finalize(suite.name, mode, { inputs, blinds, blinded, evaluated, key, proof, info });
  }

  return Object.freeze({ blind, finalize });
}
