// ECDSA through the core's exports (assembly/ec/ecdsa.ts): one call per signature. A message too
// large for the window is hashed through a hash slot of the core and only its digest enters the call.
import { Curve, ECDSA_LOW_S, ECDSA_PREHASHED, Status } from '../../../assembly/abi.js';
import type { Core } from './core.js';
import type { EcdsaSignOptions, EcdsaVerifyOptions, HashName, NistCurveName } from '../backend.js';

/** The core's curve id, the curve's hash (FIPS 186-5 §6.4 pairing) and its scalar length. */
const CURVES: Record<NistCurveName, { id: Curve; hash: HashName; size: number }> = {
  p256: { id: Curve.P256, hash: 'sha256', size: 32 },
  p384: { id: Curve.P384, hash: 'sha384', size: 48 },
  p521: { id: Curve.P521, hash: 'sha512', size: 66 },
};
const EMPTY = new Uint8Array(0);

export class WasmEcdsa {
  readonly #core: Core;
  readonly #hash: (alg: HashName, msg: Uint8Array) => Uint8Array;

  /** `hash` is the wasm backend's, which streams a long message through the core. */
  constructor(core: Core, hash: (alg: HashName, msg: Uint8Array) => Uint8Array) {
    this.#core = core;
    this.#hash = hash;
  }

  sign(curve: NistCurveName, msg: Uint8Array, secretKey: Uint8Array, options: EcdsaSignOptions): Uint8Array {
    const { id, size } = CURVES[curve];
    const extra = options.extraEntropy ?? EMPTY;
    const { body, flags } = this.#message(curve, msg, options.prehash, secretKey.length + extra.length);
    return this.#core.runWithin([secretKey, extra, body], (e) => {
      this.#core.answer(e.ecdsa_sign(id, flags | (options.lowS ? ECDSA_LOW_S : 0), extra.length, body.length));
      return this.#core.take(2 * size);
    });
  }

  verify(
    curve: NistCurveName,
    signature: Uint8Array,
    msg: Uint8Array,
    publicKey: Uint8Array,
    options: EcdsaVerifyOptions,
  ): boolean {
    const { id } = CURVES[curve];
    const { body, flags } = this.#message(curve, msg, options.prehash, publicKey.length + signature.length);
    return this.#core.runWithin([publicKey, signature, body], (e) => {
      const status = e.ecdsa_verify(id, flags | (options.lowS ? ECDSA_LOW_S : 0), publicKey.length, body.length);
      if (status === Status.INVALID_SIGNATURE || status === Status.INVALID_POINT) return false;
      this.#core.check(status);
      return true;
    });
  }

  /** The message for the core to hash, or its digest when it does not fit beside `fixed` bytes. */
  #message(curve: NistCurveName, msg: Uint8Array, prehash: boolean, fixed: number) {
    if (!prehash) return { body: msg, flags: ECDSA_PREHASHED };
    if (fixed + msg.length <= this.#core.ioSize) return { body: msg, flags: 0 };
    return { body: this.#hash(CURVES[curve].hash, msg), flags: ECDSA_PREHASHED };
  }
}
