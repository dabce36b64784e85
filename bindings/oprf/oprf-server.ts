// The server of RFC 9497 §3.3: BlindEvaluate over a batch (with one proof in the verifiable
// modes, §2.2.1) and Evaluate, with a copy of its secret key.
import type { OprfMode } from '../backend/backend.js';
import { optionsArgument } from '../utils/arguments.js';
import { active } from '../backend/select.js';
import { absent, batchArgument, infoArgument, inputArgument, scalarArgument, wipe } from './oprf-arguments.js';
import { randomScalar } from './scalars.js';
import type { OprfSuiteParams } from './oprf-names.js';

/** Options of {@link OprfServer.blindEvaluate}. */
export interface BlindEvaluateOptions {
  /** poprf only: the public input, empty if absent. */
  info?: Uint8Array;
  /**
   * Known-answer tests only (voprf, poprf): the proof's randomness r of §2.2.1 instead of a fresh
   * one, a nonzero scalar below the order. Reusing it for another batch reveals the secret key.
   */
  proofRandomness?: Uint8Array;
}

/** The server's answer: one evaluated element per blinded one, and in voprf/poprf the proof c ‖ s. */
export interface OprfEvaluation {
  /** One evaluated element per blinded one, in order. */
  evaluated: Uint8Array[];
  /** voprf and poprf: the batch's DLEQ proof c ‖ s. */
  proof?: Uint8Array;
}

/** The server of RFC 9497 §3.3, holding a copy of its secret key: BlindEvaluate over a batch, and Evaluate. */
export interface OprfServer {
  /** pkS = skS · G. */
  readonly publicKey: Uint8Array;
  /** §3.3.1 / §3.3.2 / §3.3.3 BlindEvaluate; CryptoError INVALID_POINT, and INVERSE_ZERO (poprf: skS + m = 0). */
  blindEvaluate(blinded: Uint8Array[], options?: BlindEvaluateOptions): OprfEvaluation;
  /** §3.3.1 / §3.3.3 Evaluate: the PRF output, computed with the secret key. */
  evaluate(input: Uint8Array, options?: EvaluateOptions): Uint8Array;
}

/** Options of {@link OprfServer.evaluate}. */
export interface EvaluateOptions {
  /** poprf: the public input the key is tweaked with; absent in the other modes. */
  info?: Uint8Array;
}

export function createServer(suite: OprfSuiteParams, mode: OprfMode, secretKey: unknown): OprfServer {
  const publicKey = active().oprf.publicKey(suite.name, scalarArgument(suite, secretKey, 'secretKey'));
  const skS = new Uint8Array(secretKey as Uint8Array);

  return Object.freeze({
    publicKey,

    blindEvaluate(blinded: Uint8Array[], options?: BlindEvaluateOptions): OprfEvaluation {
      const o = optionsArgument(options, 'options');
      const elements = batchArgument(blinded, 'blinded', suite.elementLength);
      const info = infoArgument(mode, o.info);
      if (mode === 0) {
        absent(o.proofRandomness, 'proofRandomness', mode);
        return {
          evaluated: active().oprf.blindEvaluate(suite.name, mode, { secretKey: skS, publicKey, blinded: elements })
            .evaluated,
        };
      }
      const given = o.proofRandomness !== undefined;
      const r = given ? scalarArgument(suite, o.proofRandomness, 'proofRandomness') : randomScalar(suite);
      try {
        return active().oprf.blindEvaluate(suite.name, mode, {
          secretKey: skS,
          publicKey,
          blinded: elements,
          info,
          proofRandomness: r,
        });
      } finally {
        if (!given) wipe([r]);
      }
    },

    evaluate(input: Uint8Array, options?: EvaluateOptions): Uint8Array {
      const { info } = optionsArgument(options, 'options');
      return active().oprf.evaluate(suite.name, mode, {
        secretKey: skS,
        input: inputArgument(input, 'input'),
        info: infoArgument(mode, info),
      });
    },
  });
}
