// The verification time every verifier takes from its caller: verifiers never read the clock, so a
// test pins it and a relying party decides what "now" is.
import { describe } from '../utils/arguments.js';

/** A copy of `value`, which must be a valid Date (TypeError, RangeError). */
export function verificationTime(value: unknown): Date {
  if (!(value instanceof Date)) throw new TypeError(`"at" expected Date, got ${describe(value)}`);
  if (Number.isNaN(value.getTime())) throw new RangeError('"at" is an invalid Date');
  return new Date(value.getTime());
}
