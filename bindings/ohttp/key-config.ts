// RFC 9458 §3.1: a key configuration — key identifier, KEM, public key and the (KDF, AEAD) pairs
// the gateway accepts with it — its encoding, and a gateway's key generation:
//
//   Key Config {
//     Key Identifier (8),
//     HPKE KEM ID (16),
//     HPKE Public Key (Npk * 8),
//     HPKE Symmetric Algorithms Length (16) = 4..65532,
//     HPKE Symmetric Algorithms (32) ...,      -- HPKE KDF ID (16), HPKE AEAD ID (16)
//   }
import type { KemId } from '../hpke/ids.js';
import type { Kem } from '../hpke/dhkem.js';
import { bytes, integer, objectArgument } from '../utils/arguments.js';
import { readU16, writeU16 } from '../utils/bytes.js';
import { kemOf, suitesArgument, symmetricOf, type SymmetricSuite } from './key-config-suites.js';

/** A gateway's public key configuration, as clients receive it. */
export interface KeyConfig {
  /** Key Identifier, 0–255: selects the gateway's key. */
  readonly keyId: number;
  readonly kem: KemId;
  /** The KEM's serialized public key (RFC 9180 §7.1.1), Npk bytes. */
  readonly publicKey: Uint8Array;
  /** The (KDF, AEAD) pairs the gateway accepts with this key; at least one. */
  readonly suites: readonly SymmetricSuite[];
}

/** A gateway's key: its configuration with the private key. Keep it on the gateway. */
export interface GatewayKey extends KeyConfig {
  readonly privateKey: Uint8Array;
}

/** A checked key configuration and its KEM; the public key is checked for length only. */
export interface CheckedConfig {
  readonly config: KeyConfig;
  readonly kem: Kem;
}

/** A key configuration argument, checked; a frozen copy of its fields (the same key bytes). */
export function keyConfigArgument(value: unknown, name: string): CheckedConfig {
  const c = objectArgument<KeyConfig>(value, name);
  const keyId = integer(c.keyId, `${name}.keyId`, 0, 255);
  const kem = kemOf(c.kem, `${name}.kem`);
  const publicKey = bytes(c.publicKey, `${name}.publicKey`, kem.publicKeyLength);
  const suites = suitesArgument(c.suites, `${name}.suites`);
  return { config: Object.freeze({ keyId, kem: kem.id, publicKey, suites }), kem };
}

/** A fresh gateway key with this key id, KEM and (KDF, AEAD) pairs. */
export function generateKeyConfig(keyId: number, kem: KemId, suites: readonly SymmetricSuite[]): GatewayKey {
  integer(keyId, 'keyId', 0, 255);
  const k = kemOf(kem, 'kem');
  const list = suitesArgument(suites, 'suites');
  const { publicKey, privateKey } = k.generateKeyPair();
  return Object.freeze({ keyId, kem: k.id, publicKey, privateKey, suites: list });
}

/** §3.1 encoding of a configuration's public part (a GatewayKey's private key is left out). Throws
 *  CryptoError('INVALID_POINT') if the public key is not a point of the KEM's curve. */
export function encodeKeyConfig(config: KeyConfig): Uint8Array {
  const { config: c, kem } = keyConfigArgument(config, 'config');
  const suitesAt = 3 + kem.publicKeyLength + 2;
  const out = new Uint8Array(suitesAt + 4 * c.suites.length);
  out[0] = c.keyId;
  writeU16(out, 1, c.kem);
  out.set(kem.deserializePublicKey(c.publicKey), 3);
  writeU16(out, suitesAt - 2, 4 * c.suites.length);
  c.suites.forEach(({ kdf, aead }, i) => {
    writeU16(out, suitesAt + 4 * i, kdf);
    writeU16(out, suitesAt + 4 * i + 2, aead);
  });
  return out;
}

/** §3.1 decoding: a RangeError for a truncated or overlong encoding, an unknown KEM, KDF or AEAD,
 *  or an empty or ragged algorithm list; CryptoError('INVALID_POINT') for a public key off the
 *  curve. */
export const decodeKeyConfig = (encoded: Uint8Array): KeyConfig => decodeNamed(encoded, 'keyConfig');

/** decodeKeyConfig, with errors naming `name` and its fields. */
export function decodeNamed(encoded: Uint8Array, name: string): KeyConfig {
  bytes(encoded, name);
  const atLeast = (length: number) => {
    if (encoded.length < length)
      throw new RangeError(`"${name}" expected Uint8Array of length >= ${length}, got length=${encoded.length}`);
  };
  atLeast(3);
  const keyId = encoded[0]!;
  const kem = kemOf(readU16(encoded, 1), `${name}.kem`);
  const suitesAt = 3 + kem.publicKeyLength + 2;
  atLeast(suitesAt);
  const suitesLength = readU16(encoded, suitesAt - 2);
  if (suitesLength === 0 || suitesLength % 4 !== 0) {
    throw new RangeError(
      `"${name}" expected a symmetric algorithms length that is a positive multiple of 4, got ${suitesLength}`,
    );
  }
  if (encoded.length !== suitesAt + suitesLength) {
    throw new RangeError(
      `"${name}" expected Uint8Array of length ${suitesAt + suitesLength}, got length=${encoded.length}`,
    );
  }
  const suites: SymmetricSuite[] = [];
  for (let at = suitesAt; at < encoded.length; at += 4) {
    const { kdf, aead } = symmetricOf(
      { kdf: readU16(encoded, at), aead: readU16(encoded, at + 2) },
      `${name}.suites[${suites.length}]`,
    );
    suites.push(Object.freeze({ kdf, aead: aead.id }));
  }
  const publicKey = kem.deserializePublicKey(encoded.subarray(3, suitesAt - 2));
  return Object.freeze({ keyId, kem: kem.id, publicKey, suites: Object.freeze(suites) });
}
