// What the harness times: the wasm core's AEADs, scalar multiplications (X25519, P-256,
// ristretto255) Ed25519 and ECDSA P-256 signing through the public API, each with one secret input fixed or random, and positive controls that leak on purpose.
import { chacha20poly1305, ed25519, gcm, p256, ristretto255, x25519 } from '../../bindings/index.js';
import { bytes } from '../inputs.js';
import { publicKeyOf } from '../peers/noble-dh.js';
import type { WasmBuild } from '../types.js';
import type { CtCall } from './measure.js';

export interface CtTarget {
  readonly id: string;
  readonly title: string;
  readonly fixed: string;
  readonly random: string;
  /** The wasm build the call runs on; none for a pure-JS control. */
  readonly build?: WasmBuild;
  readonly control: boolean;
  readonly batch: number;
  /** Fraction of CT_MEASUREMENTS this target takes (default 1). */
  readonly countScale?: number;
  readonly setup: () => CtCall;
}

const NONCE = bytes(12, 50);
const KEY16 = bytes(16, 51);
const MSG64 = bytes(64, 52);
const MSG256 = bytes(256, 53);
const AAD256 = bytes(256, 54);
const EMPTY = new Uint8Array(0);
const SECRET = bytes(32, 55);
/** The other party's secret keys: the targets multiply by its public key, which is fixed. */
const X25519_PEER_SECRET = bytes(32, 56);
const P256_PEER_SECRET = bytes(32, 57);
/** ristretto255's variable-base target multiplies this fixed element (a multiple of the generator). */
const RISTRETTO_POINT_SCALAR = bytes(32, 58);

/** A scalar multiplication lasts 0.2–0.7 ms, 50 to 150 AEAD calls: a tenth of the measurements keeps a target near a minute. */
const SCALAR_MULT_SCALE = 0.1;

/** The big-endian scalar 1: one bit set, so a multiplication that skipped zero bits or windows would be fastest on it. */
const SCALAR_ONE = Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0));

/** The little-endian scalar 1, the fixed class of the ristretto255 targets (zero is not a valid scalar there). */
const SCALAR_ONE_LE = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));

/** Random 32 bytes as a little-endian scalar below 2^252, and so below ℓ: a valid ristretto255 scalar (zero has probability 2^-252). */
function below2To252(scalar: Uint8Array): void {
  scalar[31]! &= 0x0f;
}

/** Random 32 bytes as a P-256 scalar below 2^255, and so below the order n: always a valid secret key. */
function below2To255(scalar: Uint8Array): void {
  scalar[0]! &= 0x7f;
}

/** A comparison that returns at the first differing byte: its time tells how many bytes match. */
function leakyEqual(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return 0;
  return 1;
}

/** A field element in ten limbs, as a Montgomery ladder holds x2, z2, x3 and z3. */
const limbs = (seed: number) => Int32Array.from({ length: 10 }, (_, j) => seed * 10 + j);
const [X2, Z2, X3, Z3] = [limbs(0), limbs(1), limbs(2), limbs(3)];

function swap(a: Int32Array, b: Int32Array): void {
  for (let j = 0; j < a.length; j++) {
    const t = a[j]!;
    a[j] = b[j]!;
    b[j] = t;
  }
}

/** The ladder's conditional swap done with a branch: (x2, z2) and (x3, z3) trade places for each set bit of `key`. */
function branchySwaps(key: Uint8Array): number {
  for (let i = 0; i < key.length * 8; i++) {
    if ((key[i >> 3]! >> (i & 7)) & 1) {
      swap(X2, X3);
      swap(Z2, Z3);
    }
  }
  return X2[0]!;
}

function gcmKey(build: WasmBuild): CtTarget {
  return {
    id: `aes128gcm-key-${build}`,
    title: `AES-128-GCM encrypt, 64 B message (wasm ${build})`,
    fixed: 'all-zero key',
    random: 'random key',
    build,
    control: false,
    batch: 2,
    setup: () => ({
      inputLength: 16,
      fixedInput: new Uint8Array(16),
      call: (key) => gcm(key, NONCE).encrypt(MSG64)[0]!,
    }),
  };
}

function chachaKey(build: WasmBuild): CtTarget {
  return {
    id: `chacha20poly1305-key-${build}`,
    title: `ChaCha20-Poly1305 encrypt, 256 B message (wasm ${build})`,
    fixed: 'all-zero key',
    random: 'random key',
    build,
    control: false,
    batch: 2,
    setup: () => ({
      inputLength: 32,
      fixedInput: new Uint8Array(32),
      call: (key) => chacha20poly1305(key, NONCE).encrypt(MSG256)[0]!,
    }),
  };
}

function x25519Secret(build: WasmBuild): CtTarget {
  return {
    id: `x25519-secret-${build}`,
    title: `X25519 shared secret, fixed peer public key (wasm ${build})`,
    fixed: 'all-zero secret key (clamped: the scalar 2^254)',
    random: 'random secret key',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    setup: () => {
      const peer = publicKeyOf('x25519', X25519_PEER_SECRET);
      return {
        inputLength: 32,
        fixedInput: new Uint8Array(32),
        call: (secretKey) => x25519.getSharedSecret(secretKey, peer)[0]!,
      };
    },
  };
}

function x25519PublicKey(build: WasmBuild): CtTarget {
  return {
    id: `x25519-keygen-${build}`,
    title: `X25519 public key of a secret key, fixed-base comb (wasm ${build})`,
    fixed: 'all-zero secret key (clamped: the scalar 2^254)',
    random: 'random secret key',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    setup: () => ({
      inputLength: 32,
      fixedInput: new Uint8Array(32),
      call: (secretKey) => x25519.getPublicKey(secretKey)[0]!,
    }),
  };
}

function p256Ecdh(build: WasmBuild): CtTarget {
  return {
    id: `p256-ecdh-${build}`,
    title: `P-256 ECDH, fixed peer public key (wasm ${build})`,
    fixed: 'scalar 1',
    random: 'random scalar below 2^255',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    setup: () => {
      const peer = publicKeyOf('p256', P256_PEER_SECRET);
      return {
        inputLength: 32,
        fixedInput: SCALAR_ONE,
        prepare: below2To255,
        call: (secretKey) => p256.getSharedSecret(secretKey, peer)[0]!,
      };
    },
  };
}

function p256PublicKey(build: WasmBuild): CtTarget {
  return {
    id: `p256-keygen-${build}`,
    title: `P-256 public key of a secret key (wasm ${build})`,
    fixed: 'scalar 1',
    random: 'random scalar below 2^255',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    // Byte 0 is always 0x04 (uncompressed); byte 1 starts the x-coordinate.
    setup: () => ({
      inputLength: 32,
      fixedInput: SCALAR_ONE,
      prepare: below2To255,
      call: (secretKey) => p256.getPublicKey(secretKey)[1]!,
    }),
  };
}

function p256Sign(build: WasmBuild): CtTarget {
  return {
    id: `p256-ecdsa-sign-${build}`,
    title: `ECDSA P-256 signature of a fixed 64 B message (wasm ${build})`,
    fixed: 'scalar 1',
    random: 'random scalar below 2^255',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    // The key also fixes the RFC 6979 nonce: a fixed key gives a fixed k, a random key a random one.
    setup: () => ({
      inputLength: 32,
      fixedInput: SCALAR_ONE,
      prepare: below2To255,
      call: (secretKey) => p256.sign(MSG64, secretKey)[0]!,
    }),
  };
}

function ristrettoMultiply(build: WasmBuild): CtTarget {
  return {
    id: `ristretto255-multiply-${build}`,
    title: `ristretto255 scalar multiplication, fixed element (wasm ${build})`,
    fixed: 'scalar 1',
    random: 'random scalar below 2^252',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    setup: () => {
      const k = RISTRETTO_POINT_SCALAR.slice();
      below2To252(k);
      const point = ristretto255.multiplyBase(k);
      return {
        inputLength: 32,
        fixedInput: SCALAR_ONE_LE,
        prepare: below2To252,
        call: (k) => ristretto255.multiply(k, point)[0]!,
      };
    },
  };
}

function ristrettoBase(build: WasmBuild): CtTarget {
  return {
    id: `ristretto255-base-${build}`,
    title: `ristretto255 fixed-base scalar multiplication, comb (wasm ${build})`,
    fixed: 'scalar 1',
    random: 'random scalar below 2^252',
    build,
    control: false,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    setup: () => ({
      inputLength: 32,
      fixedInput: SCALAR_ONE_LE,
      prepare: below2To252,
      call: (k) => ristretto255.multiplyBase(k)[0]!,
    }),
  };
}

function ed25519Sign(build: WasmBuild): CtTarget {
  return {
    id: `ed25519-sign-${build}`,
    title: `Ed25519 signature of a fixed 64 B message (wasm ${build})`,
    fixed: 'all-zero secret key (seed)',
    random: 'random secret key',
    build,
    control: false,
    batch: 1,
    // Two comb multiplications and four SHA-512 calls: twice a key generation.
    countScale: SCALAR_MULT_SCALE / 2,
    setup: () => ({
      inputLength: 32,
      fixedInput: new Uint8Array(32),
      call: (secretKey) => ed25519.sign(MSG64, secretKey)[0]!,
    }),
  };
}

export const CT_TARGETS: readonly CtTarget[] = [
  gcmKey('simd'),
  {
    id: 'ghash-key-simd',
    title: 'GHASH: AES-128-GCM, 256 B AAD, empty message (wasm simd)',
    fixed: 'all-zero key (fixed H)',
    random: 'random key (random H)',
    build: 'simd',
    control: false,
    batch: 2,
    setup: () => ({
      inputLength: 16,
      fixedInput: new Uint8Array(16),
      call: (key) => gcm(key, NONCE, AAD256).encrypt(EMPTY)[0]!,
    }),
  },
  {
    id: 'ghash-aad-simd',
    title: 'GHASH: AES-128-GCM, fixed key, 256 B AAD, empty message (wasm simd)',
    fixed: 'all-zero AAD (GHASH state stays 0)',
    random: 'random AAD',
    build: 'simd',
    control: false,
    batch: 2,
    setup: () => ({
      inputLength: 256,
      fixedInput: new Uint8Array(256),
      call: (aad) => gcm(KEY16, NONCE, aad).encrypt(EMPTY)[0]!,
    }),
  },
  chachaKey('simd'),
  x25519Secret('simd'),
  x25519PublicKey('simd'),
  p256Ecdh('simd'),
  p256PublicKey('simd'),
  p256Sign('simd'),
  ristrettoMultiply('simd'),
  ristrettoBase('simd'),
  ed25519Sign('simd'),
  gcmKey('scalar'),
  chachaKey('scalar'),
  x25519Secret('scalar'),
  x25519PublicKey('scalar'),
  p256Ecdh('scalar'),
  p256PublicKey('scalar'),
  p256Sign('scalar'),
  ristrettoMultiply('scalar'),
  ristrettoBase('scalar'),
  ed25519Sign('scalar'),
  {
    id: 'control-compare',
    title: 'Positive control: early-exit compare of 32 bytes (JS)',
    fixed: 'equal to the secret (32 bytes compared)',
    random: 'random (exits at the first byte, almost always)',
    control: true,
    batch: 32,
    setup: () => ({ inputLength: 32, fixedInput: SECRET.slice(), call: (guess) => leakyEqual(SECRET, guess) }),
  },
  {
    id: 'control-compare-after-gcm',
    title: 'Positive control: AES-128-GCM encrypt (64 B), then an early-exit compare of 32 bytes',
    fixed: 'equal to the secret',
    random: 'random',
    build: 'simd',
    control: true,
    batch: 2,
    setup: () => ({
      inputLength: 32,
      fixedInput: SECRET.slice(),
      call: (guess) => gcm(KEY16, NONCE).encrypt(MSG64)[0]! ^ leakyEqual(SECRET, guess),
    }),
  },
  {
    id: 'control-x25519-swaps',
    title:
      'Positive control: X25519 shared secret, then a ladder’s conditional swaps done with a branch per key bit (JS)',
    fixed: 'all-zero secret key (no swap)',
    random: 'random secret key (about 128 swaps)',
    build: 'simd',
    control: true,
    batch: 1,
    countScale: SCALAR_MULT_SCALE,
    setup: () => {
      const peer = publicKeyOf('x25519', X25519_PEER_SECRET);
      return {
        inputLength: 32,
        fixedInput: new Uint8Array(32),
        call: (secretKey) => x25519.getSharedSecret(secretKey, peer)[0]! ^ branchySwaps(secretKey),
      };
    },
  },
];
