// The dudect measurement loop: each measurement picks a class at random, fills the input slots
// (fixed value or fresh random bytes: the same memory and the same work for both classes), then
// times one batch of calls with process.hrtime.bigint().
import { randomFillSync } from 'node:crypto';

export interface CtCall {
  /** Input bytes per call. */
  readonly inputLength: number;
  /** The fixed class's input. */
  readonly fixedInput: Uint8Array;
  /** One call on `input`; returns a byte of its output so the work cannot be optimised away. */
  readonly call: (input: Uint8Array) => number;
  /** Brings a random input into the valid range, in place; runs on every batch of either class, untimed. */
  readonly prepare?: (input: Uint8Array) => void;
}

export interface Measurements {
  /** Nanoseconds per batch. */
  readonly times: Float64Array;
  /** 0 = fixed, 1 = random, per measurement. */
  readonly classes: Uint8Array;
  /** Ignored result bytes, kept so nothing is dead code. */
  readonly sink: number;
}

/** The most measurements discarded before a target's are kept. */
export const MAX_WARMUP = 10_000;

/** Measurements discarded first (JIT and wasm tier-up): a tenth as many as are kept, at most MAX_WARMUP. */
export function warmupFor(count: number): number {
  return Math.min(MAX_WARMUP, Math.ceil(count / 10));
}

export function measure(target: CtCall, batch: number, count: number, warmup: number): Measurements {
  const { inputLength, fixedInput, call, prepare } = target;
  if (fixedInput.length !== inputLength) throw new RangeError('fixed input has the wrong length');
  const slots = Array.from({ length: batch }, () => new Uint8Array(inputLength));
  const fresh = new Uint8Array(inputLength * batch);
  // Views made once: no class may allocate more than the other (that would move GC pauses).
  const freshViews = slots.map((_, j) => fresh.subarray(j * inputLength, (j + 1) * inputLength));
  const coins = new Uint8Array(4096);
  const times = new Float64Array(count);
  const classes = new Uint8Array(count);
  let sink = 0;
  for (let i = -warmup; i < count; i++) {
    const k = (i + warmup) % (coins.length * 8);
    if (k === 0) randomFillSync(coins);
    const cls = (coins[k >> 3]! >> (k & 7)) & 1;
    randomFillSync(fresh); // both classes: equal work and cache traffic before the timing
    if (prepare) for (const view of freshViews) prepare(view);
    for (let j = 0; j < batch; j++) {
      slots[j]!.set(cls === 0 ? fixedInput : freshViews[j]!);
    }
    const start = process.hrtime.bigint();
    for (let j = 0; j < batch; j++) sink ^= call(slots[j]!);
    const end = process.hrtime.bigint();
    if (i >= 0) {
      times[i] = Number(end - start);
      classes[i] = cls;
    }
  }
  return { times, classes, sink };
}
