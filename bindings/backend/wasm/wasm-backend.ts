// The WebAssembly backend: every operation runs in the core. Inputs are staged in the IO window;
// inputs larger than the window stream through it in chunks via a slot.
import { AeadAlg, Curve, HashAlg, Status } from '../../../assembly/abi.js';
import { CryptoError } from '../../crypto-error.js';
import { Core } from './core.js';
import type { CoreExports } from './generated/core-exports.js';
import type { Lease, SlotPool } from './slots.js';
import { WasmHpke } from './wasm-hpke.js';
import { WasmOhttp } from './wasm-ohttp.js';
import { WasmOprf } from './wasm-oprf.js';
import { WasmEcdsa } from './wasm-ecdsa.js';
import { WasmEd25519 } from './wasm-ed25519.js';
import type {
  AeadName,
  Backend,
  CurveName,
  EcdsaSignOptions,
  EcdsaVerifyOptions,
  HashName,
  Hasher,
  NistCurveName,
  ScalarOp,
} from '../backend.js';
import { expandStreamed } from './xmd-streamed.js';

const ALG: Record<HashName, HashAlg> = { sha256: HashAlg.SHA256, sha384: HashAlg.SHA384, sha512: HashAlg.SHA512 };
const DIGEST_LENGTH: Record<HashName, number> = { sha256: 32, sha384: 48, sha512: 64 };
const AEAD: Record<AeadName, AeadAlg> = {
  'chacha20-poly1305': AeadAlg.CHACHA20_POLY1305,
  'xchacha20-poly1305': AeadAlg.XCHACHA20_POLY1305,
  'aes-gcm': AeadAlg.AES_GCM,
};
const TAG_LENGTH = 16;
/** The core's curve ids for ec_* and hash_to_curve*; X25519 has its own exports. */
const NIST_CURVE: Record<NistCurveName, Curve> = { p256: Curve.P256, p384: Curve.P384, p521: Curve.P521 };
/** The RFC 9380 suites: the hash of expand_message_xmd, L (§5.2) and the coordinate length. */
const H2C: Record<NistCurveName, { hash: HashName; L: number; size: number }> = {
  p256: { hash: 'sha256', L: 48, size: 32 },
  p384: { hash: 'sha384', L: 72, size: 48 },
  p521: { hash: 'sha512', L: 98, size: 66 },
};

export class WasmBackend implements Backend {
  readonly name = 'wasm';
  readonly core: Core;
  readonly hpke: WasmHpke;
  readonly oprf: WasmOprf;
  readonly ohttp: WasmOhttp;
  readonly #ed25519: WasmEd25519;
  readonly #ecdsa: WasmEcdsa;

  constructor(module: WebAssembly.Module) {
    this.core = new Core(module);
    this.#ed25519 = new WasmEd25519(this.core, () => this.createHash('sha512'));
    this.hpke = new WasmHpke(this.core);
    this.oprf = new WasmOprf(this.core);
    this.ohttp = new WasmOhttp(this.core);
    this.#ecdsa = new WasmEcdsa(this.core, (alg, msg) => this.hash(alg, msg));
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
    return new WasmHasher(
      this.core,
      (slot) => this.core.exports.hash_init(slot, ALG[alg]),
      HASH_OPS,
      DIGEST_LENGTH[alg],
    );
  }

  hmac(alg: HashName, key: Uint8Array, msg: Uint8Array): Uint8Array {
    const { core } = this;
    if (key.length + msg.length > core.ioSize) return streamed(this.createHmac(alg, key), msg);
    return core.run(() => {
      core.stage(key, msg);
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
      core.stage(salt, ikm, info);
      core.check(core.exports.hkdf(ALG[alg], salt.length, ikm.length, info.length, length));
      return core.take(length);
    });
  }

  hkdfExpand(alg: HashName, prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
    const { core } = this;
    if (prk.length + info.length > core.ioSize) return this.expandStreamed(alg, prk, info, length);
    return core.run(() => {
      core.stage(prk, info);
      core.check(core.exports.hkdf_expand(ALG[alg], prk.length, info.length, length));
      return core.take(length);
    });
  }

  aeadSeal(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    plaintext: Uint8Array,
    out: Uint8Array,
  ): Uint8Array {
    const { core } = this;
    if (key.length + nonce.length + aad.length + plaintext.length > core.ioSize) {
      return this.sealStreamed(alg, key, nonce, aad, plaintext, out);
    }
    return core.run(() => {
      core.stage(key, nonce, aad, plaintext);
      core.check(core.exports.aead_seal(AEAD[alg], key.length, nonce.length, aad.length, plaintext.length));
      return core.takeInto(out, 0, out.length);
    });
  }

  aeadOpen(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    sealed: Uint8Array,
    out: Uint8Array,
  ): Uint8Array {
    const { core } = this;
    if (key.length + nonce.length + aad.length + sealed.length > core.ioSize) {
      return this.openStreamed(alg, key, nonce, aad, sealed, out);
    }
    return core.run(() => {
      core.stage(key, nonce, aad, sealed);
      core.answer(core.exports.aead_open(AEAD[alg], key.length, nonce.length, aad.length, out.length));
      return core.takeInto(out, 0, out.length);
    });
  }

  isValidSecretKey(curve: CurveName, secretKey: Uint8Array): boolean {
    if (curve === 'x25519') return true;
    const { core } = this;
    return core.run(() => {
      core.stage(secretKey);
      const status = core.exports.ec_scalar_valid(NIST_CURVE[curve]);
      if (status === Status.INVALID_SCALAR) return false;
      core.check(status);
      return true;
    });
  }

  getPublicKey(curve: CurveName, secretKey: Uint8Array): Uint8Array {
    const { core } = this;
    return core.run(() => {
      core.stage(secretKey);
      if (curve === 'x25519') {
        core.check(core.exports.x25519_base());
        return core.take(32);
      }
      core.answer(core.exports.ec_public_key(NIST_CURVE[curve]));
      return core.take(1 + 2 * secretKey.length);
    });
  }

  getSharedSecret(curve: CurveName, secretKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
    const { core } = this;
    return core.run(() => {
      core.stage(secretKey, publicKey);
      core.answer(curve === 'x25519' ? core.exports.x25519() : core.exports.ecdh(NIST_CURVE[curve]));
      return core.take(secretKey.length);
    });
  }

  ecdsaSign(curve: NistCurveName, msg: Uint8Array, secretKey: Uint8Array, options: EcdsaSignOptions): Uint8Array {
    return this.#ecdsa.sign(curve, msg, secretKey, options);
  }

  ecdsaVerify(
    curve: NistCurveName,
    signature: Uint8Array,
    msg: Uint8Array,
    publicKey: Uint8Array,
    options: EcdsaVerifyOptions,
  ): boolean {
    return this.#ecdsa.verify(curve, signature, msg, publicKey, options);
  }

  ristretto255IsValid(point: Uint8Array): boolean {
    const { core } = this;
    return core.run(() => {
      core.stage(point);
      const status = core.exports.ristretto255_decode_check();
      if (status === Status.INVALID_POINT) return false;
      core.check(status);
      return true;
    });
  }

  ristretto255FromUniform(bytes: Uint8Array): Uint8Array {
    return this.call32('ristretto255_from_uniform', bytes);
  }

  ristretto255Add(a: Uint8Array, b: Uint8Array, subtract: boolean): Uint8Array {
    return this.call32(subtract ? 'ristretto255_sub' : 'ristretto255_add', a, b);
  }

  ristretto255Multiply(scalar: Uint8Array, point: Uint8Array | undefined): Uint8Array {
    return point
      ? this.call32('ristretto255_scalar_mult', scalar, point)
      : this.call32('ristretto255_scalar_mult_base', scalar);
  }

  scalar25519Reduce(bytes: Uint8Array): Uint8Array {
    return this.call32('scalar25519_reduce', bytes);
  }

  scalar25519(op: ScalarOp, a: Uint8Array, b?: Uint8Array): Uint8Array {
    return b ? this.call32(`scalar25519_${op}`, a, b) : this.call32(`scalar25519_${op}`, a);
  }

  expandMessageXmd(alg: HashName, msg: Uint8Array, dst: Uint8Array, length: number): Uint8Array {
    const { core } = this;
    if (msg.length + dst.length > core.ioSize) return expandStreamed(this, alg, msg, dst, length);
    return core.run(() => {
      core.stage(msg, dst);
      core.check(core.exports.expand_message_xmd(ALG[alg], msg.length, dst.length, length));
      return core.take(length);
    });
  }

  hashToCurve(curve: NistCurveName, msg: Uint8Array, dst: Uint8Array): Uint8Array {
    const { core } = this;
    const { hash, L, size } = H2C[curve];
    // A message too large for IO is expanded here, and only the uniform bytes enter the core.
    const uniform = msg.length + dst.length > core.ioSize ? expandStreamed(this, hash, msg, dst, 2 * L) : undefined;
    try {
      return core.run(() => {
        if (uniform) {
          core.stage(uniform);
          core.answer(core.exports.hash_to_curve_uniform(NIST_CURVE[curve]));
        } else {
          core.stage(msg, dst);
          core.answer(core.exports.hash_to_curve(NIST_CURVE[curve], msg.length, dst.length));
        }
        return core.take(1 + 2 * size);
      });
    } finally {
      uniform?.fill(0);
    }
  }

  hashToRistretto255(msg: Uint8Array, dst: Uint8Array): Uint8Array {
    const { core } = this;
    if (msg.length + dst.length > core.ioSize) {
      const uniform = expandStreamed(this, 'sha512', msg, dst, 64);
      try {
        return this.ristretto255FromUniform(uniform);
      } finally {
        uniform.fill(0);
      }
    }
    return core.run(() => {
      core.stage(msg, dst);
      core.check(core.exports.hash_to_ristretto255(msg.length, dst.length));
      return core.take(32);
    });
  }

  ed25519PublicKey(secretKey: Uint8Array): Uint8Array {
    return this.#ed25519.publicKey(secretKey);
  }

  ed25519Sign(secretKey: Uint8Array, msg: Uint8Array): Uint8Array {
    return this.#ed25519.sign(secretKey, msg);
  }

  ed25519Verify(signature: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
    return this.#ed25519.verify(signature, msg, publicKey);
  }

  /** An export that reads `parts` from IO and writes 32 bytes to OUT. */
  private call32(
    name: keyof CoreExports & `${'ristretto255' | 'scalar25519'}_${string}`,
    ...parts: Uint8Array[]
  ): Uint8Array {
    const { core } = this;
    return core.run(() => {
      core.stage(...parts);
      core.answer(core.exports[name]());
      return core.take(32);
    });
  }

  /** Seal through a slot, a window of plaintext at a time (each chunk a multiple of 64 bytes). */
  private sealStreamed(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    plaintext: Uint8Array,
    sealed: Uint8Array,
  ): Uint8Array {
    const { core } = this;
    return this.withCipherSlot(alg, key, nonce, aad, (slot) => {
      this.chunks(plaintext, (chunk, at) => {
        core.check(core.exports.aead_encrypt(slot, chunk.length));
        core.takeInto(sealed, at, chunk.length);
      });
      core.check(core.exports.aead_tag(slot));
      return core.takeInto(sealed, plaintext.length, TAG_LENGTH);
    });
  }

  /** Open through a slot: authenticate every chunk, verify the tag, and only then decrypt. */
  private openStreamed(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    sealed: Uint8Array,
    plaintext: Uint8Array,
  ): Uint8Array {
    const { core } = this;
    const ciphertext = sealed.subarray(0, sealed.length - TAG_LENGTH);
    return this.withCipherSlot(alg, key, nonce, aad, (slot) => {
      this.chunks(ciphertext, (chunk) => core.check(core.exports.aead_absorb(slot, chunk.length)));
      core.stage(sealed.subarray(ciphertext.length));
      const status = core.exports.aead_verify(slot);
      if (status === Status.INVALID_TAG) throw new CryptoError('INVALID_TAG');
      core.check(status);
      this.chunks(ciphertext, (chunk, at) => {
        core.check(core.exports.aead_decrypt(slot, chunk.length));
        core.takeInto(plaintext, at, chunk.length);
      });
      return plaintext;
    });
  }

  /** Runs `body` on a slot keyed for `alg` with the AAD absorbed; the slot is wiped afterwards. */
  private withCipherSlot<T>(
    alg: AeadName,
    key: Uint8Array,
    nonce: Uint8Array,
    aad: Uint8Array,
    body: (slot: number) => T,
  ): T {
    const { core } = this;
    const pool = core.slots;
    const lease: Lease = { slot: -1, parked: undefined, lastUse: 0 };
    return core.run(() => {
      try {
        const slot = pool.acquire(lease);
        core.stage(key, nonce);
        core.check(core.exports.aead_init(slot, AEAD[alg], key.length, nonce.length));
        this.chunks(aad, (chunk) => core.check(core.exports.aead_aad(slot, chunk.length)));
        return body(slot);
      } finally {
        if (pool === core.slots && lease.slot >= 0) core.exports.slot_wipe(lease.slot);
        pool.release(lease);
      }
    });
  }

  /** Stages `data` a window at a time and calls `step` with each chunk and its offset. */
  private chunks(data: Uint8Array, step: (chunk: Uint8Array, at: number) => void): void {
    const { core } = this;
    for (let at = 0; at < data.length; at += core.ioSize) {
      const chunk = data.subarray(at, at + core.ioSize);
      core.stage(chunk);
      step(chunk, at);
    }
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
