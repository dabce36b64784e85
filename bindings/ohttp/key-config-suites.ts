// The HPKE algorithms a key configuration names (RFC 9458 §3.1), resolved from their ids: a KEM
// and (KDF, AEAD) pairs. An unknown id is a RangeError naming the field; so is the export-only
// AEAD, which cannot seal the messages of §4.
import { aeadById, type HpkeAead } from '../hpke/hpke-aead.js';
import { AEAD, KDF, KEM, hexId, type AeadId, type KdfId } from '../hpke/ids.js';
import { kdfById } from '../hpke/hpke-kdf.js';
import { kemById, type Kem } from '../hpke/dhkem.js';
import type { HashFunction } from '../hash.js';
import { describe, objectArgument } from '../utils/arguments.js';

/** One of a key configuration's HPKE Symmetric Algorithms: a KDF and an AEAD. */
export interface SymmetricSuite {
  readonly kdf: KdfId;
  readonly aead: AeadId;
}

/** A symmetric suite with its algorithms: the KDF's hash and the AEAD (never export-only). */
export interface Symmetric {
  readonly kdf: KdfId;
  readonly hash: HashFunction;
  readonly aead: HpkeAead & { cipher: NonNullable<HpkeAead['cipher']> };
}

const KEMS = [KEM.P256_HKDF_SHA256, KEM.P384_HKDF_SHA384, KEM.P521_HKDF_SHA512, KEM.X25519_HKDF_SHA256];
const KDFS = [KDF.HKDF_SHA256, KDF.HKDF_SHA384, KDF.HKDF_SHA512];
const AEADS = [AEAD.AES_128_GCM, AEAD.AES_256_GCM, AEAD.CHACHA20_POLY1305];

function known<T>(value: unknown, name: string, lookup: (id: number) => T | undefined, ids: number[]): T {
  if (typeof value !== 'number') throw new TypeError(`"${name}" expected number, got ${describe(value)}`);
  const found = ids.includes(value) ? lookup(value) : undefined;
  if (found === undefined) {
    const shown = Number.isInteger(value) && value >= 0 ? hexId(value) : String(value);
    throw new RangeError(`"${name}" expected one of ${ids.map(hexId).join(', ')}, got ${shown}`);
  }
  return found;
}

/** The KEM with this id. */
export const kemOf = (id: unknown, name: string): Kem => known(id, name, kemById, KEMS);

/** The algorithms of a { kdf, aead } pair. */
export function symmetricOf(value: unknown, name: string): Symmetric {
  const { kdf, aead } = objectArgument<SymmetricSuite>(value, name);
  const hash = known(kdf, `${name}.kdf`, kdfById, KDFS);
  return { kdf: kdf!, hash, aead: known(aead, `${name}.aead`, aeadById, AEADS) as Symmetric['aead'] };
}

/** A non-empty array of { kdf, aead } pairs (at most 16383, what the 2-byte length can hold),
 *  checked and copied. */
export function suitesArgument(value: unknown, name: string): readonly SymmetricSuite[] {
  if (!Array.isArray(value)) throw new TypeError(`"${name}" expected array, got ${describe(value)}`);
  if (value.length < 1 || value.length > 16383) {
    throw new RangeError(`"${name}" expected array of 1 to 16383 { kdf, aead } pairs, got length=${value.length}`);
  }
  return Object.freeze(
    value.map((suite: unknown, i) => {
      const { kdf, aead } = symmetricOf(suite, `${name}[${i}]`);
      return Object.freeze({ kdf, aead: aead.id });
    }),
  );
}
