// An HPKE implementation as the suites and checks use it: single-shot seal to the case's fixed
// recipient and single-shot open with its key pair (RFC 9180 §6.1, base mode), with the case's
// info and AAD.
import type { KeyPair, HpkeSuiteIds } from '../../bindings/index.js';
import type { Impl } from '../types.js';

export interface HpkeParams {
  readonly suite: HpkeSuiteIds;
  /** Serialized keys (RFC 9180 §7.1.1 and §7.1.2). */
  readonly recipient: KeyPair;
  readonly info: Uint8Array<ArrayBuffer>;
  readonly aad: Uint8Array<ArrayBuffer>;
}

/** A sealed message: the encapsulated key and the ciphertext ‖ tag. */
export interface Sealed {
  readonly enc: Uint8Array;
  readonly ct: Uint8Array;
}

export interface HpkePeer extends Pick<Impl, 'name' | 'backend' | 'build'> {
  /** Encapsulates to a fresh ephemeral key: every call gives a different message. */
  readonly seal: (pt: Uint8Array) => Sealed | Promise<Sealed>;
  /** The plaintext; throws (or rejects) when the message does not authenticate. */
  readonly open: (sealed: Sealed) => ReturnType<Impl['run']>;
}

/** The ciphertext of a seal, what a seal case returns (a Promise when the seal is asynchronous). */
export function ciphertext(sealed: Sealed | Promise<Sealed>): ReturnType<Impl['run']> {
  return sealed instanceof Promise ? sealed.then(({ ct }) => ct) : sealed.ct;
}
