// Ed25519 (RFC 8032 §5.1) through the core's exports (assembly/ec/ed25519.ts). A message too large
// for the window is signed in two passes through a slot, which keeps s and r inside the core, and
// verified with H(R ‖ A ‖ M) computed by the core's streaming SHA-512 (all of it public).
import { Status } from '../../../assembly/abi.js';
import type { Core } from './core.js';
import type { Hasher } from '../backend.js';
import type { Lease } from './slots.js';

const SEED = 32;
const SIGNATURE = 64;

export class WasmEd25519 {
  readonly #core: Core;
  readonly #sha512: () => Hasher;

  constructor(core: Core, sha512: () => Hasher) {
    this.#core = core;
    this.#sha512 = sha512;
  }

  publicKey(secretKey: Uint8Array): Uint8Array {
    const core = this.#core;
    return core.runWithin([secretKey], (e) => {
      core.check(e.ed25519_public_key());
      return core.take(32);
    });
  }

  sign(secretKey: Uint8Array, msg: Uint8Array): Uint8Array {
    const core = this.#core;
    if (SEED + msg.length > core.ioSize) return this.#signStreamed(secretKey, msg);
    return core.runWithin([secretKey, msg], (e) => {
      core.check(e.ed25519_sign(msg.length));
      return core.take(SIGNATURE);
    });
  }

  verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
    const core = this.#core;
    if (publicKey.length + signature.length + msg.length <= core.ioSize) {
      return core.runWithin([publicKey, signature, msg], (e) => this.#verdict(e.ed25519_verify(msg.length)));
    }
    const h = this.#sha512();
    h.update(signature.subarray(0, 32));
    h.update(publicKey);
    h.update(msg);
    const digest = h.digest();
    return core.runWithin([publicKey, signature, digest], (e) => this.#verdict(e.ed25519_verify_prehashed()));
  }

  #verdict(status: number): boolean {
    if (status === Status.INVALID_SIGNATURE) return false;
    this.#core.check(status);
    return true;
  }

  /** The two passes of §5.1.6 through a leased slot, a window of the message at a time. */
  #signStreamed(secretKey: Uint8Array, msg: Uint8Array): Uint8Array {
    const core = this.#core;
    const pool = core.slots;
    const lease: Lease = { slot: -1, parked: undefined, lastUse: 0 };
    return core.run(() => {
      try {
        const slot = pool.acquire(lease);
        const pass = () => {
          for (let at = 0; at < msg.length; at += core.ioSize) {
            const chunk = msg.subarray(at, at + core.ioSize);
            core.stage(chunk);
            core.check(core.exports.ed25519_sign_update(slot, chunk.length));
          }
        };
        core.stage(secretKey);
        core.check(core.exports.ed25519_sign_init(slot));
        pass();
        core.check(core.exports.ed25519_sign_commit(slot));
        pass();
        core.check(core.exports.ed25519_sign_final(slot));
        return core.take(SIGNATURE);
      } finally {
        if (pool === core.slots && lease.slot >= 0) core.exports.slot_wipe(lease.slot);
        pool.release(lease);
      }
    });
  }
}
