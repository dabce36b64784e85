// hpke-js's input limits (@hpke/common's INPUT_LENGTH_LIMIT and INFO_LENGTH_LIMIT), which RFC 9180
// §7.2.1 lets an implementation set: psk, psk_id, ikm and exporter_context up to 8192 bytes, info up
// to 2^28. A longer input is hpke-js's InvalidParamError("Too long <name>"), before any other work.
import { InvalidParamError } from './hpke-js-errors.js';

const INPUT_LENGTH_LIMIT = 8192;
export const INFO_LENGTH_LIMIT = 2 ** 28;

/** InvalidParamError(`Too long ${name}`) if `input` has more than `limit` bytes. */
export function checkLength(input: Uint8Array, name: string, limit = INPUT_LENGTH_LIMIT): void {
  if (input.length > limit) throw new InvalidParamError(`Too long ${name}`);
}
