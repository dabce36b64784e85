// RFC 9180 §4: LabeledExtract and LabeledExpand, HKDF bound to the protocol version and a suite id.
import type { HashFunction } from '../hash.js';
import { hkdf } from '../hkdf.js';
import { ascii, concat, i2osp } from '../utils/bytes.js';

const VERSION = ascii('HPKE-v1');

/** §4.1: suite_id = "KEM" ‖ I2OSP(kem_id, 2), for the KEM's own derivations. */
export const kemSuiteId = (kem: number): Uint8Array => concat(ascii('KEM'), i2osp(kem, 2));

/** §5.1: suite_id = "HPKE" ‖ I2OSP(kem_id, 2) ‖ I2OSP(kdf_id, 2) ‖ I2OSP(aead_id, 2). */
export const hpkeSuiteId = (kem: number, kdf: number, aead: number): Uint8Array =>
  concat(ascii('HPKE'), i2osp(kem, 2), i2osp(kdf, 2), i2osp(aead, 2));

export interface LabeledKdf {
  readonly hash: HashFunction;
  /** Nh. */
  readonly outputLength: number;
  /** LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm). */
  extract(salt: Uint8Array, label: Uint8Array, ikm: Uint8Array): Uint8Array;
  /** LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L). */
  expand(prk: Uint8Array, label: Uint8Array, info: Uint8Array, length: number): Uint8Array;
}

export function labeledKdf(hash: HashFunction, suiteId: Uint8Array): LabeledKdf {
  return Object.freeze({
    hash,
    outputLength: hash.outputLen,
    extract(salt: Uint8Array, label: Uint8Array, ikm: Uint8Array): Uint8Array {
      const labeledIkm = concat(VERSION, suiteId, label, ikm); // holds the secret ikm: wiped below
      try {
        return hkdf.extract(hash, labeledIkm, salt);
      } finally {
        labeledIkm.fill(0);
      }
    },
    expand(prk: Uint8Array, label: Uint8Array, info: Uint8Array, length: number): Uint8Array {
      return hkdf.expand(hash, prk, concat(i2osp(length, 2), VERSION, suiteId, label, info), length);
    },
  });
}
