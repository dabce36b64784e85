// RFC 9497 through the core's exports (assembly/proto/oprf.ts), one protocol step per call. The
// core's window holds the largest step's inputs (assembly/mem.ts IO_SIZE), and the public layer
// bounds every input and info to RFC 9497's 65535 bytes, so every call fits it.
import { OprfMode, OprfSuite } from '../../../assembly/abi.js';
import type { Core } from './core.js';
import { OPRF_SUITES } from '../oprf-suites.js';
import type {
  BlindEvaluateStep,
  EvaluateStep,
  FinalizeStep,
  OprfBackend,
  OprfEvaluated,
  OprfSuiteName,
} from '../backend.js';

/** §4: the core's suite number, and the element, scalar and output lengths. */
function sizes(suite: OprfSuiteName): { id: OprfSuite; Ne: number; Ns: number; Nh: number } {
  const { id, elementLength, scalarLength, outputLength } = OPRF_SUITES[suite];
  return { id, Ne: elementLength, Ns: scalarLength, Nh: outputLength };
}

export class WasmOprf implements OprfBackend {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  deriveKeyPair(suite: OprfSuiteName, mode: OprfMode, seed: Uint8Array, info: Uint8Array) {
    const { id, Ne, Ns } = sizes(suite);
    return this.#core.runWithin([seed, info], (e) => {
      this.#core.answer(e.oprf_derive_key_pair(id, mode, info.length));
      return { secretKey: this.#core.take(Ns), publicKey: this.#core.take(Ne, Ns) };
    });
  }

  publicKey(suite: OprfSuiteName, secretKey: Uint8Array): Uint8Array {
    const { id, Ne } = sizes(suite);
    return this.#core.runWithin([secretKey], (e) => this.#answer(e.oprf_public_key(id), Ne));
  }

  blind(
    suite: OprfSuiteName,
    mode: OprfMode,
    inputs: readonly Uint8Array[],
    blinds: readonly Uint8Array[],
  ): Uint8Array[] {
    const { id, Ne } = sizes(suite);
    return inputs.map((input, i) =>
      this.#core.runWithin([blinds[i]!, input], (e) => this.#answer(e.oprf_blind(id, mode, input.length), Ne)),
    );
  }

  tweakKey(suite: OprfSuiteName, publicKey: Uint8Array, info: Uint8Array): Uint8Array {
    const { id, Ne } = sizes(suite);
    return this.#core.runWithin([publicKey, info], (e) => this.#answer(e.oprf_tweak_key(id, info.length), Ne));
  }

  blindEvaluate(suite: OprfSuiteName, mode: OprfMode, step: BlindEvaluateStep): OprfEvaluated {
    const { secretKey, publicKey, blinded, info, proofRandomness } = step;
    const { id, Ne, Ns } = sizes(suite);
    const extra = [mode === OprfMode.VOPRF ? publicKey : undefined, proofRandomness, info].filter(
      (part): part is Uint8Array => part !== undefined,
    );
    const proofLength = mode === OprfMode.OPRF ? 0 : 2 * Ns;
    return this.#core.runWithin([secretKey, ...extra, ...blinded], (e) => {
      this.#core.answer(e.oprf_blind_evaluate(id, mode, info?.length ?? 0, blinded.length));
      const evaluated = blinded.map((_, i) => this.#core.take(Ne, i * Ne));
      return { evaluated, proof: this.#core.take(proofLength, blinded.length * Ne) };
    });
  }

  finalize(suite: OprfSuiteName, mode: OprfMode, step: FinalizeStep): Uint8Array[] {
    const { inputs, blinds, blinded, evaluated, key, proof, info } = step;
    const { id, Nh } = sizes(suite);
    const framedInfo = mode === OprfMode.POPRF ? info! : new Uint8Array(0);
    if (mode !== OprfMode.OPRF) {
      // §2.2.2: the whole batch's proof holds before any output is computed (it fits: ≤ 256 elements)
      this.#core.runWithin([key!, proof!, ...blinded, ...evaluated], (e) =>
        this.#core.answer(e.oprf_verify(id, mode, blinded.length)),
      );
    }
    return inputs.map((input, i) =>
      this.#core.runWithin([blinds[i]!, evaluated[i]!, framedInfo, input], (e) =>
        this.#answer(e.oprf_finalize(id, mode, framedInfo.length, input.length), Nh),
      ),
    );
  }

  evaluate(suite: OprfSuiteName, mode: OprfMode, step: EvaluateStep): Uint8Array {
    const { secretKey, input, info } = step;
    const { id, Nh } = sizes(suite);
    const framedInfo = info ?? new Uint8Array(0);
    return this.#core.runWithin([secretKey, framedInfo, input], (e) =>
      this.#answer(e.oprf_evaluate(id, mode, framedInfo.length, input.length), Nh),
    );
  }

  /** Throws for a failed status, else reads `length` bytes of OUT. */
  #answer(status: number, length: number): Uint8Array {
    this.#core.answer(status);
    return this.#core.take(length);
  }
}
