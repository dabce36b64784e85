// What the harness times: the wasm core's AEADs through the public API, each with one secret
// input fixed or random, and positive controls that leak on purpose.
import { chacha20poly1305, gcm } from '../../bindings/index.js';
import { bytes } from '../inputs.js';
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
  readonly setup: () => CtCall;
}

const NONCE = bytes(12, 50);
const KEY16 = bytes(16, 51);
const MSG64 = bytes(64, 52);
const MSG256 = bytes(256, 53);
const AAD256 = bytes(256, 54);
const EMPTY = new Uint8Array(0);
const SECRET = bytes(32, 55);

/** A comparison that returns at the first differing byte: its time tells how many bytes match. */
function leakyEqual(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return 0;
  return 1;
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
    setup: () => ({ inputLength: 16, fixedInput: new Uint8Array(16), call: (key) => gcm(key, NONCE).encrypt(MSG64)[0]! }),
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
    setup: () => ({ inputLength: 16, fixedInput: new Uint8Array(16), call: (key) => gcm(key, NONCE, AAD256).encrypt(EMPTY)[0]! }),
  },
  {
    id: 'ghash-aad-simd',
    title: 'GHASH: AES-128-GCM, fixed key, 256 B AAD, empty message (wasm simd)',
    fixed: 'all-zero AAD (GHASH state stays 0)',
    random: 'random AAD',
    build: 'simd',
    control: false,
    batch: 2,
    setup: () => ({ inputLength: 256, fixedInput: new Uint8Array(256), call: (aad) => gcm(KEY16, NONCE, aad).encrypt(EMPTY)[0]! }),
  },
  chachaKey('simd'),
  gcmKey('scalar'),
  chachaKey('scalar'),
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
];
