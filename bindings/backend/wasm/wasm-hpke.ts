// HPKE through the core's fused exports (assembly/proto/hpke.ts): one call runs the KEM and the
// key schedule, and for the single-shot API the first message's AEAD too, so the shared secret and
// the context's key never leave the core.
import { MODE_AUTH } from '../../../assembly/abi.js';
import type { Core } from './core.js';
import type { FusedHpke, HpkeInputs, HpkeParams, HpkeReceiverKeys, HpkeSenderKeys } from '../backend.js';

const TAG_LENGTH = 16;

const isAuth = (params: HpkeParams): boolean => (params.mode & MODE_AUTH) !== 0;

/** IO for a sender call: skE ‖ pkR ‖ skS? ‖ info ‖ psk ‖ psk_id. */
function senderParts(params: HpkeParams, keys: HpkeSenderKeys, inputs: HpkeInputs): Uint8Array[] {
  const parts = [keys.skE, keys.pkR];
  if (isAuth(params)) parts.push(keys.skS!);
  parts.push(inputs.info, inputs.psk, inputs.pskId);
  return parts;
}

/** IO for a receiver call: skR ‖ pkR ‖ enc ‖ pkS? ‖ info ‖ psk ‖ psk_id. */
function receiverParts(params: HpkeParams, keys: HpkeReceiverKeys, inputs: HpkeInputs): Uint8Array[] {
  const parts = [keys.skR, keys.pkR, keys.enc];
  if (isAuth(params)) parts.push(keys.pkS!);
  parts.push(inputs.info, inputs.psk, inputs.pskId);
  return parts;
}

export class WasmHpke implements FusedHpke {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  setupSender(params: HpkeParams, keys: HpkeSenderKeys, inputs: HpkeInputs) {
    const parts = senderParts(params, keys, inputs);
    return this.#core.runStaged(parts, (core) => {
      this.#core.answer(core.hpke_setup_sender(...this.#ids(params, inputs)));
      const enc = this.#core.take(keys.pkR.length);
      return { enc, secrets: this.#core.take(params.secretsLength, enc.length) };
    });
  }

  setupReceiver(params: HpkeParams, keys: HpkeReceiverKeys, inputs: HpkeInputs) {
    const parts = receiverParts(params, keys, inputs);
    return this.#core.runStaged(parts, (core) => {
      this.#core.answer(core.hpke_setup_receiver(...this.#ids(params, inputs)));
      return this.#core.take(params.secretsLength);
    });
  }

  seal(params: HpkeParams, keys: HpkeSenderKeys, inputs: HpkeInputs, aad: Uint8Array, pt: Uint8Array) {
    const parts = [...senderParts(params, keys, inputs), aad, pt];
    return this.#core.runStaged(parts, (core) => {
      this.#core.answer(core.hpke_seal(...this.#ids(params, inputs), aad.length, pt.length));
      const enc = this.#core.take(keys.pkR.length);
      return { enc, ct: this.#core.take(pt.length + TAG_LENGTH, enc.length) };
    });
  }

  open(params: HpkeParams, keys: HpkeReceiverKeys, inputs: HpkeInputs, aad: Uint8Array, ct: Uint8Array) {
    const parts = [...receiverParts(params, keys, inputs), aad, ct];
    const ptLength = ct.length - TAG_LENGTH;
    return this.#core.runStaged(parts, (core) => {
      this.#core.answer(core.hpke_open(...this.#ids(params, inputs), aad.length, ptLength));
      return this.#core.take(ptLength);
    });
  }

  /** The suite, mode and key-schedule lengths every HPKE export starts with. */
  #ids(params: HpkeParams, inputs: HpkeInputs): [number, number, number, number, number, number, number] {
    return [
      params.kem,
      params.kdf,
      params.aead,
      params.mode,
      inputs.info.length,
      inputs.psk.length,
      inputs.pskId.length,
    ];
  }
}
