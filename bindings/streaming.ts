// The streaming object behind `sha256.create()` and `hmac.create()`: update, digest, destroy.
import type { Hasher } from './backend/backend.js';
import { bytes } from './utils/arguments.js';

/**
 * A streaming hash or HMAC, from {@link HashFunction.create} or `hmac.create`: any number of
 * `update` calls, then one `digest`. After `digest` or `destroy`, calls throw a `TypeError`.
 */
export interface Hash {
  /** Absorbs `data`; returns the same object for chaining. */
  update(data: Uint8Array): this;
  /** The digest; afterwards the object is finished and its state wiped. */
  digest(): Uint8Array;
  /** Wipes the state without producing a digest. */
  destroy(): void;
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
