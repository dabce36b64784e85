// The wasm module as the bindings see it: its exports, typed; its arena, read from the exported
// globals; and the rule for failure: a trap or a non-OK status is a bug, so the instance is
// dropped, a new one is made from the cached module, and the call throws CryptoError('INTERNAL').
import { Status } from '../../assembly/status.js';
import { CryptoError } from '../errors.js';
import { SlotPool } from './slots.js';

type Fn = (...args: number[]) => number;

/** Statuses that are answers about the input, not bugs. */
const ANSWERS = new Map([
  [Status.INVALID_TAG, 'INVALID_TAG'],
  [Status.INVALID_SCALAR, 'INVALID_SCALAR'],
  [Status.INVALID_POINT, 'INVALID_POINT'],
  [Status.IDENTITY, 'IDENTITY'],
  [Status.INVALID_INPUT, 'INVALID_INPUT'],
  [Status.INVERSE_ZERO, 'INVERSE_ZERO'],
  [Status.PROOF_FAILED, 'PROOF_FAILED'],
] as const);

export interface CoreExports {
  memory: WebAssembly.Memory;
  IO: WebAssembly.Global;
  IO_SIZE: WebAssembly.Global;
  OUT: WebAssembly.Global;
  OUT_SIZE: WebAssembly.Global;
  SCRATCH: WebAssembly.Global;
  SCRATCH_SIZE: WebAssembly.Global;
  SLOTS: WebAssembly.Global;
  SLOT_COUNT: WebAssembly.Global;
  SLOT_SIZE: WebAssembly.Global;
  hash: Fn;
  hash_init: Fn;
  hash_update: Fn;
  hash_digest: Fn;
  hmac: Fn;
  hmac_init: Fn;
  hmac_update: Fn;
  hmac_digest: Fn;
  hkdf: Fn;
  hkdf_expand: Fn;
  expand_message_xmd: Fn;
  aead_seal: Fn;
  aead_open: Fn;
  aead_init: Fn;
  aead_aad: Fn;
  aead_encrypt: Fn;
  aead_tag: Fn;
  aead_absorb: Fn;
  aead_verify: Fn;
  aead_decrypt: Fn;
  x25519: Fn;
  x25519_base: Fn;
  ec_scalar_valid: Fn;
  ec_public_key: Fn;
  ecdh: Fn;
  ristretto255_decode_check: Fn;
  ristretto255_from_uniform: Fn;
  ristretto255_add: Fn;
  ristretto255_sub: Fn;
  ristretto255_scalar_mult: Fn;
  ristretto255_scalar_mult_base: Fn;
  scalar25519_reduce: Fn;
  scalar25519_invert: Fn;
  scalar25519_mul: Fn;
  scalar25519_add: Fn;
  scalar25519_sub: Fn;
  scalar25519_neg: Fn;
  hash_to_curve: Fn;
  hash_to_curve_uniform: Fn;
  hash_to_ristretto255: Fn;
  hpke_setup_sender: Fn;
  hpke_setup_receiver: Fn;
  hpke_seal: Fn;
  hpke_open: Fn;
  ohttp_request_seal: Fn;
  ohttp_request_open: Fn;
  ohttp_request_init_sender: Fn;
  ohttp_request_init_receiver: Fn;
  ohttp_response_seal: Fn;
  ohttp_response_open: Fn;
  ohttp_response_init: Fn;
  oprf_derive_key_pair: Fn;
  oprf_public_key: Fn;
  oprf_blind: Fn;
  oprf_tweak_key: Fn;
  oprf_blind_evaluate: Fn;
  oprf_verify: Fn;
  oprf_finalize: Fn;
  oprf_evaluate: Fn;
  slot_save: Fn;
  slot_load: Fn;
  slot_wipe: Fn;
}

export class Core {
  readonly module: WebAssembly.Module;
  exports!: CoreExports;
  /** A view of the whole memory; it never detaches, since the memory cannot grow. */
  mem!: Uint8Array;
  io = 0;
  ioSize = 0;
  out = 0;
  /** The slot leases of the current instance; replaced with it. */
  slots!: SlotPool;

  constructor(module: WebAssembly.Module) {
    this.module = module;
    this.instantiate();
  }

  private instantiate(): void {
    const exports = new WebAssembly.Instance(this.module, {}).exports as unknown as CoreExports;
    this.exports = exports;
    this.mem = new Uint8Array(exports.memory.buffer);
    this.io = exports.IO.value;
    this.ioSize = exports.IO_SIZE.value;
    this.out = exports.OUT.value;
    this.slots = new SlotPool(this, exports.SLOT_COUNT.value, exports.SLOT_SIZE.value);
  }

  /** Runs `fn`, turning a trap into CryptoError('INTERNAL') on a fresh instance. */
  run<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) this.fail();
      throw error;
    }
  }

  check(status: number): void {
    if (status !== Status.OK) this.fail();
  }

  /** OK, an answer about the input (thrown as a CryptoError), or a bug (INTERNAL). */
  answer(status: number): void {
    const code = ANSWERS.get(status);
    if (code) throw new CryptoError(code);
    this.check(status);
  }

  fail(): never {
    this.instantiate();
    throw new CryptoError('INTERNAL');
  }

  /** Writes `parts` one after another into IO, as the exports expect their inputs. */
  stage(...parts: Uint8Array[]): void {
    let at = this.io;
    for (const part of parts) {
      this.mem.set(part, at);
      at += part.length;
    }
  }

  /** Copies `length` bytes of OUT (from `offset`) and zeroes them in the arena. */
  take(length: number, offset = 0): Uint8Array {
    const from = this.out + offset;
    const result = this.mem.slice(from, from + length);
    this.mem.fill(0, from, from + length);
    return result;
  }

  /** Copies `length` bytes of OUT into `target` at `at` and zeroes them in the arena. */
  takeInto(target: Uint8Array, at: number, length: number): Uint8Array {
    target.set(this.mem.subarray(this.out, this.out + length), at);
    this.mem.fill(0, this.out, this.out + length);
    return target;
  }
}
