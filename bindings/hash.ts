// SHA-256, SHA-384 and SHA-512 (FIPS 180-4): one-shot and streaming, noble-style.
import { active } from './backend/select.js';
import type { HashName, Hasher } from './backend/backend.js';
import { bytes } from './utils/arguments.js';

export interface Hash {
  /** Absorbs `data`; returns the same object for chaining. */
  update(data: Uint8Array): this;
  /** The digest; afterwards the object is finished and its state wiped. */
  digest(): Uint8Array;
  /** Wipes the state without producing a digest. */
  destroy(): void;
}

export interface HashFunction {
  (msg: Uint8Array): Uint8Array;
  create(): Hash;
  readonly outputLen: number;
  readonly blockLen: number;
  readonly algorithm: HashName;
}

/** A streaming object over a backend's hasher; the one class behind hash and HMAC objects. */
export class Streaming implements Hash {
  private state: Hasher | undefined;

  constructor(state: Hasher) {
    this.state = state;
  }

  update(data: Uint8Array): this {
    this.live().update(bytes(data, 'data'));
    return this;
  }

  digest(): Uint8Array {
    const state = this.live();
    this.state = undefined;
    return state.digest();
  }

  destroy(): void {
    this.state?.destroy();
    this.state = undefined;
  }

  private live(): Hasher {
    if (!this.state) throw new TypeError('this object was already digested or destroyed');
    return this.state;
  }
}

function hashFunction(algorithm: HashName, outputLen: number, blockLen: number): HashFunction {
  const fn = (msg: Uint8Array) => active().hash(algorithm, bytes(msg, 'msg'));
  return Object.freeze(
    Object.assign(fn, {
      create: () => new Streaming(active().createHash(algorithm)),
      outputLen,
      blockLen,
      algorithm,
    }),
  );
}

export const sha256: HashFunction = hashFunction('sha256', 32, 64);
export const sha384: HashFunction = hashFunction('sha384', 48, 128);
export const sha512: HashFunction = hashFunction('sha512', 64, 128);

const HASHES = new Set<unknown>([sha256, sha384, sha512]);

/** Checks that `value` is one of this module's hash functions. */
export function hashArgument(value: unknown, name = 'hash'): HashFunction {
  if (!HASHES.has(value)) throw new TypeError(`"${name}" expected sha256, sha384 or sha512 from oblivia`);
  return value as HashFunction;
}
