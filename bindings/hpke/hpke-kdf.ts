// RFC 9180 §7.2: the KDFs, HKDF over SHA-256, SHA-384 and SHA-512.
import { sha256, sha384, sha512, type HashFunction } from '../hash.js';
import { KDF } from './ids.js';

const KDFS = new Map<number, HashFunction>([
  [KDF.HKDF_SHA256, sha256],
  [KDF.HKDF_SHA384, sha384],
  [KDF.HKDF_SHA512, sha512],
]);

/** The hash under the HKDF with this id, or undefined. Nh is its output length. */
export const kdfById = (id: number): HashFunction | undefined => KDFS.get(id);
