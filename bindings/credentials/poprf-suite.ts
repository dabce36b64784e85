// The POPRF suite (RFC 9497 §3.1 mode 0x02) a credential component runs on.
import { oprf, type OprfSuite, type OprfSuiteName } from '../oprf.js';

export const DEFAULT_SUITE: OprfSuiteName = 'ristretto255-SHA512';

export const poprfSuite = (name: OprfSuiteName | undefined): OprfSuite => oprf.suite(name ?? DEFAULT_SUITE, 'poprf');

/** A required options object. */
export function optionsObject<T extends object>(value: T, name: string): T {
  if (typeof value !== 'object' || value === null) throw new TypeError(`"${name}" expected object`);
  return value;
}

/** An optional callback. */
export function optionalFunction<F extends (...args: never[]) => unknown>(
  value: F | undefined,
  name: string,
): F | undefined {
  if (value !== undefined && typeof value !== 'function') throw new TypeError(`"${name}" expected function`);
  return value;
}
