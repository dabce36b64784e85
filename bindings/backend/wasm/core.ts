// The wasm module as the bindings see it: its exports, typed; its arena, read from the exported
// globals; and the rule for failure: a trap or a non-OK status is a bug, so the instance is
// dropped, a new one is made from the cached module, and the call throws CryptoError('INTERNAL').
import { Status } from '../../../assembly/abi.js';
import { CryptoError } from '../../crypto-error.js';
import type { CoreExports } from './generated/core-exports.js';
import { SlotPool } from './slots.js';

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

  /** Stages `parts` and runs `fn` on the exports, or returns undefined if they do not fit IO. */
  runStaged<T>(parts: readonly Uint8Array[], fn: (exports: CoreExports) => T): T | undefined {
    return this.#fits(parts) ? this.runWithin(parts, fn) : undefined;
  }

  /** Stages `parts`, which the caller has bounded to fit IO, and runs `fn` on the exports. */
  runWithin<T>(parts: readonly Uint8Array[], fn: (exports: CoreExports) => T): T {
    if (!this.#fits(parts)) throw new RangeError(`the inputs exceed the core's ${this.ioSize}-byte window`);
    return this.run(() => {
      this.stage(...parts);
      return fn(this.exports);
    });
  }

  #fits(parts: readonly Uint8Array[]): boolean {
    return parts.reduce((sum, part) => sum + part.length, 0) <= this.ioSize;
  }

  fail(): never {
    this.instantiate();
    throw new CryptoError('INTERNAL');
  }

  /** Writes `parts` one after another into IO, as the exports expect their inputs. */
  stage(...parts: readonly Uint8Array[]): void {
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
