// Argument checks of the OPRF API: a wrong type is a TypeError, a wrong length, size or range a
// RangeError naming the argument; a scalar out of range is CryptoError INVALID_SCALAR.
import type { OprfMode } from '../backend/backend.js';
import { CryptoError } from '../crypto-error.js';
import { bytes, describe } from '../utils/arguments.js';
import { EMPTY } from '../utils/bytes.js';
import { isNonzeroScalar } from './scalars.js';
import { MODE_NAMES, type OprfSuiteParams } from './oprf-names.js';

/** RFC 9497 §1.2: inputs and info are length-prefixed with I2OSP(len, 2). */
const MAX_INPUT = 0xffff;
/** The largest batch one call takes. */
const MAX_BATCH = 256;

/** A PrivateInput or PublicInput: at most 65535 bytes. */
export function inputArgument(value: unknown, name: string): Uint8Array {
  const input = bytes(value, name);
  if (input.length > MAX_INPUT) {
    throw new RangeError(`"${name}" expected Uint8Array of length <= ${MAX_INPUT}, got length=${input.length}`);
  }
  return input;
}

/** `info`: only in the poprf mode, where it defaults to empty; absent elsewhere. */
export function infoArgument(mode: OprfMode, value: unknown, name = 'info'): Uint8Array | undefined {
  if (mode !== 2) return absent(value, name, mode);
  return value === undefined ? EMPTY : inputArgument(value, name);
}

/** An array of 1 … 256 byte strings (of `length` bytes each, or inputs), of `count` elements if given. */
export function batchArgument(value: unknown, name: string, length: number | undefined, count?: number): Uint8Array[] {
  if (!Array.isArray(value)) throw new TypeError(`"${name}" expected an array of Uint8Array, got ${describe(value)}`);
  if (count !== undefined && value.length !== count) {
    throw new RangeError(`"${name}" expected ${count} elements, got ${value.length}`);
  }
  if (value.length < 1 || value.length > MAX_BATCH) {
    throw new RangeError(`"${name}" expected 1 to ${MAX_BATCH} elements, got ${value.length}`);
  }
  return value.map((item: unknown, i) =>
    length === undefined ? inputArgument(item, `${name}[${i}]`) : bytes(item, `${name}[${i}]`, length),
  );
}

/** A SerializeScalar encoding of a value in 1 … order−1. */
export function scalarArgument(suite: OprfSuiteParams, value: unknown, name: string): Uint8Array {
  const scalar = bytes(value, name, suite.scalarLength);
  if (!isNonzeroScalar(suite, scalar)) throw new CryptoError('INVALID_SCALAR');
  return scalar;
}

/** `count` scalars, each in 1 … order−1. */
export function scalarsArgument(suite: OprfSuiteParams, value: unknown, name: string, count: number): Uint8Array[] {
  const scalars = batchArgument(value, name, suite.scalarLength, count);
  scalars.forEach((scalar, i) => scalarArgument(suite, scalar, `${name}[${i}]`));
  return scalars;
}

/** Refuses an argument the mode does not take. */
export function absent(value: unknown, name: string, mode: OprfMode): undefined {
  if (value !== undefined) throw new TypeError(`"${name}" is not taken in the ${MODE_NAMES[mode]} mode`);
  return undefined;
}

export const wipe = (buffers: readonly Uint8Array[]): void => {
  for (const buffer of buffers) buffer.fill(0);
};
