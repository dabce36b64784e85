// The report data an attested key's evidence carries (issue 16):
//
//   report_data = SHA-512("oblivia attested-key v1" ‖ key config ‖ expiry)
//
// the label as 23 ASCII bytes, the key config in its RFC 9458 §3.1 encoding (self-delimiting: the
// KEM fixes the public key's length and the algorithms carry their own length), the expiry as a
// uint64, big-endian POSIX seconds. SEV-SNP (and TDX) carry all 64 bytes; the H100 request nonce
// is the first 32.
import { sha512 } from '../hash.js';
import { decodeNamed, encodeKeyConfig, keyConfigArgument, type KeyConfig } from '../ohttp/key-config.js';
import { integer } from '../utils/arguments.js';
import { ascii, concat } from '../utils/bytes.js';
import { BOUND_SIZE, type BundlePlatform } from './platform.js';

export const ATTESTED_KEY_LABEL = 'oblivia attested-key v1';
const LABEL = ascii(ATTESTED_KEY_LABEL);
/** The latest time a Date holds (ECMA-262 §21.4.1.22), in seconds: every time here is at most this. */
export const MAX_SECONDS = 8_640_000_000_000;

/** `seconds` as a big-endian uint64. */
export function uint64(seconds: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(seconds));
  return out;
}

/** A time as whole POSIX seconds (rounded down), checked to be a valid Date from 1970 on. */
export function secondsOf(value: unknown, name: string): number {
  if (!(value instanceof Date)) throw new TypeError(`"${name}" expected Date, got ${typeof value}`);
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`"${name}" expected a valid Date`);
  return integer(Math.floor(ms / 1000), `${name} (seconds)`, 0, MAX_SECONDS);
}

/** The 64-byte report data binding an encoded key config and an expiry (POSIX seconds). */
export function bindingOf(encodedKeyConfig: Uint8Array, expirySeconds: number): Uint8Array {
  return sha512(concat(LABEL, encodedKeyConfig, uint64(expirySeconds)));
}

/** What the platform's evidence carries of the binding: all 64 bytes, or the first 32 (H100). */
export const boundPart = (binding: Uint8Array, platform: BundlePlatform): Uint8Array =>
  binding.slice(0, BOUND_SIZE[platform]);

/** A key config argument (a KeyConfig, or its §3.1 encoding) as its config and its encoding. */
export function keyConfigOf(value: unknown, name: string): { config: KeyConfig; encoded: Uint8Array } {
  if (value instanceof Uint8Array) {
    const config = decodeNamed(value, name);
    return { config, encoded: encodeKeyConfig(config) };
  }
  const { config } = keyConfigArgument(value, name);
  return { config, encoded: encodeKeyConfig(config) };
}

/** The report data that binds `keyConfig` (a KeyConfig or its encoding) until `expiry` (whole
 *  seconds, rounded down): what a node asks its TEE to put in its evidence. */
export function reportData(keyConfig: KeyConfig | Uint8Array, expiry: Date): Uint8Array {
  return bindingOf(keyConfigOf(keyConfig, 'keyConfig').encoded, secondsOf(expiry, 'expiry'));
}
