// RFC 9180 §4.1: DHKEM over X25519, P-256, P-384 and P-521, with the key derivation of §7.1.3 and
// the key (de)serialization of §7.1.1–7.1.2. Keys are byte strings: public keys in their
// serialized form (X25519: 32 bytes; NIST curves: SEC1 uncompressed), private keys as Nsk bytes.
import { p256, p384, p521, x25519, type DiffieHellman } from '../curves.js';
import { CryptoError } from '../crypto-error.js';
import { sha256, sha384, sha512, type HashFunction } from '../hash.js';
import { bytes } from '../utils/arguments.js';
import { ascii, concat, EMPTY, i2osp } from '../utils/bytes.js';
import { KEM, type KemId } from './ids.js';
import { kemSuiteId, labeledKdf } from './labeled.js';

/** An HPKE key pair: the serialized public key and the Nsk-byte private key. */
export interface KeyPair {
  /** The serialized public key (X25519: 32 bytes; NIST curves: SEC1 uncompressed). */
  publicKey: Uint8Array;
  /** The private key, Nsk bytes; keep it secret. */
  privateKey: Uint8Array;
}

export interface Encapsulation {
  sharedSecret: Uint8Array;
  enc: Uint8Array;
}

export interface Kem {
  readonly id: KemId;
  /** Nsecret, Nenc, Npk, Nsk of §7.1 Table 2. */
  readonly sharedSecretLength: number;
  readonly encLength: number;
  readonly publicKeyLength: number;
  readonly privateKeyLength: number;
  generateKeyPair(): KeyPair;
  /** A random private key, without its public key (an ephemeral secret for Encap). */
  randomPrivateKey(): Uint8Array;
  /** §7.1.3; `ikm` must have at least Nsk bytes (`name` is the argument's, for errors). */
  deriveKeyPair(ikm: Uint8Array, name?: string): KeyPair;
  getPublicKey(privateKey: Uint8Array): Uint8Array;
  serializePublicKey(publicKey: Uint8Array): Uint8Array;
  /** Checks the encoding (NIST curves: a point on the curve); CryptoError INVALID_POINT if not. */
  deserializePublicKey(publicKey: Uint8Array): Uint8Array;
  serializePrivateKey(privateKey: Uint8Array): Uint8Array;
  deserializePrivateKey(privateKey: Uint8Array): Uint8Array;
  /** Encap with the ephemeral secret `skE` (with `skS`: AuthEncap). */
  encap(pkR: Uint8Array, skE: Uint8Array, skS?: Uint8Array): Encapsulation;
  /** Decap (with `pkS`: AuthDecap); `pkR` is the public key of `skR`. */
  decap(enc: Uint8Array, skR: Uint8Array, pkR: Uint8Array, pkS?: Uint8Array): Uint8Array;
}

const LABEL_EAE_PRK = ascii('eae_prk');
const LABEL_SHARED_SECRET = ascii('shared_secret');
const LABEL_DKP_PRK = ascii('dkp_prk');
const LABEL_CANDIDATE = ascii('candidate');
const LABEL_SK = ascii('sk');

const wipe = (...buffers: (Uint8Array | undefined)[]): void => {
  for (const buffer of buffers) buffer?.fill(0);
};

/**
 * One DHKEM (exported for tests; users get the KEMs through the suite). `bitmask` is the mask of §7.1.3 for the NIST curves' rejection sampling; X25519 has
 * none (every 32-byte string is a private key).
 */
export function dhkem(
  id: KemId,
  dh: DiffieHellman,
  hash: HashFunction,
  sharedSecretLength: number,
  bitmask?: number,
): Kem {
  const kdf = labeledKdf(hash, kemSuiteId(id));
  const Npk = dh.publicKeyLength;
  const Nsk = dh.secretKeyLength;
  const nist = bitmask !== undefined;
  const one = i2osp(1, Nsk);

  const publicKeyArgument = (value: unknown, name: string) => bytes(value, name, Npk);
  const privateKeyArgument = (value: unknown, name: string) => bytes(value, name, Nsk);

  /** §4.1 ExtractAndExpand; wipes `dhValue`. */
  function extractAndExpand(dhValue: Uint8Array, kemContext: Uint8Array): Uint8Array {
    let prk: Uint8Array | undefined;
    try {
      prk = kdf.extract(EMPTY, LABEL_EAE_PRK, dhValue);
      return kdf.expand(prk, LABEL_SHARED_SECRET, kemContext, sharedSecretLength);
    } finally {
      wipe(dhValue, prk);
    }
  }

  function deriveKeyPair(ikm: Uint8Array, name = 'ikm'): KeyPair {
    bytes(ikm, name);
    if (ikm.length < Nsk)
      throw new RangeError(`"${name}" expected Uint8Array of length >= ${Nsk}, got length=${ikm.length}`);
    const prk = kdf.extract(EMPTY, LABEL_DKP_PRK, ikm);
    try {
      let sk: Uint8Array | undefined;
      if (!nist) {
        sk = kdf.expand(prk, LABEL_SK, EMPTY, Nsk);
      } else {
        for (let counter = 0; counter <= 255 && sk === undefined; counter++) {
          const candidate = kdf.expand(prk, LABEL_CANDIDATE, i2osp(counter, 1), Nsk);
          candidate[0]! &= bitmask;
          if (dh.isValidSecretKey(candidate)) sk = candidate;
          else candidate.fill(0);
        }
        // DeriveKeyPairError: 256 candidates all 0 or ≥ the group order (probability < 2^-256).
        if (sk === undefined) throw new CryptoError('INVALID_SCALAR');
      }
      return { publicKey: dh.getPublicKey(sk), privateKey: sk };
    } finally {
      prk.fill(0);
    }
  }

  function generateKeyPair(): KeyPair {
    const privateKey = dh.randomSecretKey();
    return { publicKey: dh.getPublicKey(privateKey), privateKey };
  }

  /** §7.1.2: X25519 keys are clamped; NIST keys must lie in [1, n-1]. A fresh copy either way. */
  function canonicalPrivateKey(value: Uint8Array, name: string): Uint8Array {
    const sk = new Uint8Array(privateKeyArgument(value, name));
    if (nist) {
      if (!dh.isValidSecretKey(sk)) {
        sk.fill(0);
        throw new CryptoError('INVALID_SCALAR');
      }
    } else {
      sk[0]! &= 248;
      sk[31]! &= 127;
      sk[31]! |= 64;
    }
    return sk;
  }

  return Object.freeze({
    id,
    sharedSecretLength,
    encLength: Npk,
    publicKeyLength: Npk,
    privateKeyLength: Nsk,
    generateKeyPair,
    randomPrivateKey: () => dh.randomSecretKey(),
    deriveKeyPair,
    getPublicKey: (privateKey: Uint8Array) => dh.getPublicKey(privateKeyArgument(privateKey, 'privateKey')),
    serializePublicKey: (publicKey: Uint8Array) => new Uint8Array(publicKeyArgument(publicKey, 'publicKey')),
    deserializePublicKey(publicKey: Uint8Array): Uint8Array {
      const pk = new Uint8Array(publicKeyArgument(publicKey, 'publicKey'));
      // X25519: every 32-byte string is a u-coordinate (low-order points fail at DH time, §7.1.4).
      // NIST curves: 1·P decodes and validates the point, or throws INVALID_POINT.
      if (nist) dh.getSharedSecret(one, pk).fill(0);
      return pk;
    },
    serializePrivateKey: (privateKey: Uint8Array) => canonicalPrivateKey(privateKey, 'privateKey'),
    deserializePrivateKey: (privateKey: Uint8Array) => canonicalPrivateKey(privateKey, 'privateKey'),

    encap(pkR: Uint8Array, skE: Uint8Array, skS?: Uint8Array): Encapsulation {
      publicKeyArgument(pkR, 'pkR');
      privateKeyArgument(skE, 'skE');
      if (skS !== undefined) privateKeyArgument(skS, 'skS');
      const enc = dh.getPublicKey(skE);
      let dhE: Uint8Array | undefined;
      let dhS: Uint8Array | undefined;
      try {
        dhE = dh.getSharedSecret(skE, pkR);
        if (skS === undefined) {
          return { sharedSecret: extractAndExpand(dhE, concat(enc, pkR)), enc };
        }
        dhS = dh.getSharedSecret(skS, pkR);
        const pkSm = dh.getPublicKey(skS);
        return { sharedSecret: extractAndExpand(concat(dhE, dhS), concat(enc, pkR, pkSm)), enc };
      } finally {
        wipe(dhE, dhS);
      }
    },

    decap(enc: Uint8Array, skR: Uint8Array, pkR: Uint8Array, pkS?: Uint8Array): Uint8Array {
      bytes(enc, 'enc', Npk);
      privateKeyArgument(skR, 'skR');
      publicKeyArgument(pkR, 'pkR');
      if (pkS !== undefined) publicKeyArgument(pkS, 'pkS');
      let dhE: Uint8Array | undefined;
      let dhS: Uint8Array | undefined;
      try {
        dhE = dh.getSharedSecret(skR, enc);
        if (pkS === undefined) return extractAndExpand(dhE, concat(enc, pkR));
        dhS = dh.getSharedSecret(skR, pkS);
        return extractAndExpand(concat(dhE, dhS), concat(enc, pkR, pkS));
      } finally {
        wipe(dhE, dhS);
      }
    },
  });
}

const KEMS = new Map<number, Kem>([
  [KEM.P256_HKDF_SHA256, dhkem(KEM.P256_HKDF_SHA256, p256, sha256, 32, 0xff)],
  [KEM.P384_HKDF_SHA384, dhkem(KEM.P384_HKDF_SHA384, p384, sha384, 48, 0xff)],
  [KEM.P521_HKDF_SHA512, dhkem(KEM.P521_HKDF_SHA512, p521, sha512, 64, 0x01)],
  [KEM.X25519_HKDF_SHA256, dhkem(KEM.X25519_HKDF_SHA256, x25519, sha256, 32)],
]);

/** The KEM with this id, or undefined. */
export const kemById = (id: number): Kem | undefined => KEMS.get(id);
