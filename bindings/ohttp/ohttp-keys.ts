// RFC 9458 §3.2: the application/ohttp-keys format, one or more key configurations, each
// prefixed by its length as a 16-bit integer.
import { concat, readU16, writeU16 } from '../utils/bytes.js';
import { bytes, describe } from '../utils/arguments.js';
import { decodeNamed, encodeKeyConfig, type KeyConfig } from './key-config.js';

/** The list's encoding; RangeError for an empty list or a configuration longer than 65535 bytes. */
export function encodeKeyConfigs(configs: readonly KeyConfig[]): Uint8Array {
  if (!Array.isArray(configs)) throw new TypeError(`"configs" expected array, got ${describe(configs)}`);
  if (configs.length === 0) throw new RangeError('"configs" expected at least one key configuration, got length=0');
  return concat(
    ...configs.map((config: KeyConfig, i) => {
      const encoded = encodeKeyConfig(config);
      if (encoded.length > 0xffff)
        throw new RangeError(`"configs[${i}]" expected an encoding of at most 65535 bytes, got ${encoded.length}`);
      const prefixed = new Uint8Array(2 + encoded.length);
      writeU16(prefixed, 0, encoded.length);
      prefixed.set(encoded, 2);
      return prefixed;
    }),
  );
}

/** The configurations of a list, in order. Any fault — an empty list, a truncated length or
 *  configuration, or a configuration decodeKeyConfig refuses — throws its error for the whole list. */
export function decodeKeyConfigs(encoded: Uint8Array): KeyConfig[] {
  bytes(encoded, 'keyConfigs');
  if (encoded.length === 0) throw new RangeError('"keyConfigs" expected at least one key configuration, got length=0');
  const configs: KeyConfig[] = [];
  for (let at = 0; at < encoded.length;) {
    const name = `keyConfigs[${configs.length}]`;
    if (at + 2 > encoded.length)
      throw new RangeError(`"${name}" expected a 2-byte length, got ${encoded.length - at} byte`);
    const end = at + 2 + readU16(encoded, at);
    if (end > encoded.length)
      throw new RangeError(`"${name}" expected ${end - at - 2} bytes, got ${encoded.length - at - 2}`);
    configs.push(decodeNamed(encoded.subarray(at + 2, end), name));
    at = end;
  }
  return configs;
}
