// An RFC 9497 VOPRF implementation as the oprf suite and its check use it: a client and a server of
// one suite, both built once from the key pair the implementation derives from the case's seed
// (DeriveKeyPair, §3.2.1), with every element, scalar and proof crossing the API as bytes.
import type { Impl } from '../types.js';

/** The suites the group measures (RFC 9497 §4.1 and §4.3). */
export type OprfSuiteId = 'ristretto255-SHA512' | 'P256-SHA256';

export interface OprfParams {
  readonly suite: OprfSuiteId;
  /** DeriveKeyPair's seed (32 bytes) and info. */
  readonly seed: Uint8Array<ArrayBuffer>;
  readonly keyInfo: Uint8Array<ArrayBuffer>;
}

/** What the server sends back (BlindEvaluate, §3.3.2): one element per blinded element, and the DLEQ proof. */
export interface OprfEvaluation {
  readonly evaluated: readonly Uint8Array[];
  readonly proof: Uint8Array;
}

/** What Blind (§3.3.2) leaves on the client: the blinded elements to send, and how to finalize. */
export interface OprfBlinding {
  readonly blinded: readonly Uint8Array[];
  /** The blinds, serialized scalars (SerializeScalar). */
  readonly blinds: () => readonly Uint8Array[];
  /** Finalize (§3.3.2): verifies the proof, then one PRF output per input; throws or rejects when the proof fails. */
  readonly finalize: (evaluation: OprfEvaluation) => Uint8Array[] | Promise<Uint8Array[]>;
}

type MaybePromise<T> = T | Promise<T>;

export interface OprfPeer extends Pick<Impl, 'name' | 'backend' | 'build'> {
  /** DeriveKeyPair(seed, info) of the case, as this implementation serializes it. */
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  /** Blind with fresh random blinds, or with these (serialized scalars), as the check needs. */
  readonly blind: (inputs: readonly Uint8Array[], blinds?: readonly Uint8Array[]) => MaybePromise<OprfBlinding>;
  /** BlindEvaluate with a proof (VOPRF); throws or rejects on an invalid element. */
  readonly blindEvaluate: (blinded: readonly Uint8Array[]) => MaybePromise<OprfEvaluation>;
  /** The PRF output computed by the server alone (Evaluate, §3.3.2). */
  readonly evaluate: (input: Uint8Array) => MaybePromise<Uint8Array>;
}

/** Concatenated byte strings: what a case returns for a list of elements or outputs. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
