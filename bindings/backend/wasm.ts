// The WebAssembly backend: every operation runs in the core. Inputs are staged in the IO window;
// inputs larger than the window stream through it in chunks via a slot.
import { HashAlg } from '../../assembly/hash/alg.js';
import { CryptoError } from '../errors.js';
import { Core } from './core.js';
import type { Lease, SlotPool } from './slots.js';
import type { Backend, HashName, Hasher } from './types.js';

const ALG: Record<HashName, HashAlg> = { sha256: HashAlg.SHA256, sha384: HashAlg.SHA384, sha512: HashAlg.SHA512 };
const DIGEST_LENGTH: Record<HashName, number> = { sha256: 32, sha384: 48, sha512: 64 };

export class WasmBackend implements Backend {
  readonly name = 'wasm';
  readonly core: Core;

  constructor(module: WebAssembly.Module) {
    this.core = new Core(module);
  }

  hash(alg: HashName, msg: Uint8Array): Uint8Array {
    const { core } = this;
    if (msg.length > core.ioSize) return streamed(this.createHash(alg), msg);
    return core.run(() => {
      core.mem.set(msg, core.io);
      core.check(core.exports.hash(ALG[alg], msg.length));
      return core.take(DIGEST_LENGTH[alg]);
    });
  }

  createHash(alg: HashName): Hasher {
    return new WasmHasher(this.core, (slot) => this.core.exports.hash_init(slot, ALG[alg]), HASH_OPS, DIGEST_LENGTH[alg]);
  }

  hmac(alg: HashName, key: Uint8Array, msg: Uint8Array): Uint8Array {
    const { core } = this;
    if (key.length + msg.length > core.ioSize) return streamed(this.createHmac(alg, key), msg);
    return core.run(() => {
      core.mem.set(key, core.io);
      core.mem.set(msg, core.io + key.length);
      core.check(core.exports.hmac(ALG[alg], key.length, msg.length));
      return core.take(DIGEST_LENGTH[alg]);
    });
  }

  createHmac(alg: HashName, key: Uint8Array): Hasher {
    const { core } = this;
    // RFC 2104 §2: a key longer than the block is replaced by its hash. The core does this itself;
    // here only for a key too large for the IO window.
    const fitted = key.length > core.ioSize ? this.hash(alg, key) : key;
    const init = (slot: number) => {
      core.mem.set(fitted, core.io);
      return core.exports.hmac_init(slot, ALG[alg], fitted.length);
    };
    try {
      return new WasmHasher(core, init, HMAC_OPS, DIGEST_LENGTH[alg]);
    } finally {
      if (fitted !== key) fitted.fill(0);
    }
  }

  hkdf(alg: HashName, ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Uint8Array {
    const { core } = this;
    if (salt.length + ikm.length + info.length > core.ioSize) {
      const prk = this.hmac(alg, salt, ikm);
      try {
        return this.hkdfExpand(alg, prk, info, length);
      } finally {
        prk.fill(0);
      }
    }
    return core.run(() => {
      core.mem.set(salt, core.io);
      core.mem.set(ikm, core.io + salt.length);
      core.mem.set(info, core.io + salt.length + ikm.length);
      core.check(core.exports.hkdf(ALG[alg], salt.length, ikm.length, info.length, length));
      return core.take(length);
    });
  }

  hkdfExpand(alg: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
    const { core } = this;
    if (prk.length + info.length > core.ioSize) return this.expandStreamed(alg, prk, info, length);
    return core.run(() => {
      core.mem.set(prk, core.io);
      core.mem.set(info, core.io + prk.length);
      core.check(core.exports.hkdf_expand(ALG[alg], prk.length, info.length, length));
      return core.take(length);
    });
  }

  /** RFC 5869 §2.3 over streaming HMAC, for an `info` too large for the IO window. */
  private expandStreamed(alg: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
    const okm = new Uint8Array(length);
    let previous: Uint8Array = new Uint8Array(0);
    for (let i = 1, done = 0; done < length; i++) {
      const mac = this.createHmac(alg, prk);
      mac.update(previous);
      mac.update(info);
      mac.update(Uint8Array.of(i));
      previous.fill(0);
      previous = mac.digest();
      okm.set(previous.subarray(0, length - done), done);
      done += previous.length;
    }
    previous.fill(0);
    return okm;
  }
}

function streamed(hasher: Hasher, msg: Uint8Array): Uint8Array {
  hasher.update(msg);
  return hasher.digest();
}

interface Ops {
  update: 'hash_update' | 'hmac_update';
  digest: 'hash_digest' | 'hmac_digest';
}
const HASH_OPS: Ops = { update: 'hash_update', digest: 'hash_digest' };
const HMAC_OPS: Ops = { update: 'hmac_update', digest: 'hmac_digest' };

/** A hash or HMAC whose state lives in a leased slot of the core. */
class WasmHasher implements Hasher, Lease {
  slot = -1;
  parked: Uint8Array | undefined = undefined;
  lastUse = 0;
  /** The pool of the instance this object was made on; a new instance brings a new pool. */
  private readonly pool: SlotPool;

  constructor(
    private readonly core: Core,
    init: (slot: number) => number,
    private readonly ops: Ops,
    private readonly digestLength: number,
  ) {
    this.pool = core.slots;
    core.run(() => core.check(init(this.pool.acquire(this))));
  }

  update(data: Uint8Array): void {
    const { core } = this;
    this.alive();
    core.run(() => {
      const update = core.exports[this.ops.update];
      for (let at = 0; at < data.length; at += core.ioSize) {
        const chunk = data.subarray(at, at + core.ioSize);
        const slot = this.pool.acquire(this);
        core.mem.set(chunk, core.io);
        core.check(update(slot, chunk.length));
      }
    });
  }

  digest(): Uint8Array {
    const { core } = this;
    this.alive();
    return core.run(() => {
      core.check(core.exports[this.ops.digest](this.pool.acquire(this)));
      this.pool.release(this);
      return core.take(this.digestLength);
    });
  }

  destroy(): void {
    if (this.pool === this.core.slots && this.slot >= 0) this.core.exports.slot_wipe(this.slot);
    this.pool.release(this);
  }

  /** Objects made before the instance was replaced cannot continue. */
  private alive(): void {
    if (this.pool !== this.core.slots) throw new CryptoError('INTERNAL');
  }
}
