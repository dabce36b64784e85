// OHTTP (RFC 9458) through the core's fused exports (assembly/proto/ohttp.ts): a request is one call
// on each side and leaves the response secret in a leased slot; the response is one call that
// consumes it. No AEAD key, nonce, exporter secret or PRK comes into JS. A message larger than the
// window streams through it: the *_init exports key a CIPHER slot, then the aead_* exports run
// (open: absorb every chunk, verify the tag, only then decrypt).
import { Status } from '../../../assembly/abi.js';
import { CryptoError } from '../../crypto-error.js';
import type { Core } from './core.js';
import type { Lease, SlotPool } from './slots.js';
import type { OhttpBackend, OhttpParams, OhttpResponseState } from '../backend.js';

const TAG_LENGTH = 16;
const HEADER_LENGTH = 7;

const totalLength = (parts: Uint8Array[]): number => parts.reduce((sum, part) => sum + part.length, 0);

/** Stages `data` a window at a time and calls `step` with each chunk and its offset. */
function chunks(core: Core, data: Uint8Array, step: (chunk: Uint8Array, at: number) => void): void {
  for (let at = 0; at < data.length; at += core.ioSize) {
    const chunk = data.subarray(at, at + core.ioSize);
    core.stage(chunk);
    step(chunk, at);
  }
}

/** A slot lease on the pool of the current instance. */
class SlotLease implements Lease {
  slot = -1;
  parked: Uint8Array | undefined = undefined;
  lastUse = 0;
  readonly pool: SlotPool;

  constructor(readonly core: Core) {
    this.pool = core.slots;
  }

  /** The slot, restored if it was parked; CryptoError('INTERNAL') if the instance was replaced. */
  acquire(): number {
    if (this.pool !== this.core.slots) throw new CryptoError('INTERNAL');
    return this.pool.acquire(this);
  }

  /** Wipes the slot (if the core has not already) and ends the lease. */
  end(): void {
    if (this.pool === this.core.slots && this.slot >= 0) this.core.exports.slot_wipe(this.slot);
    this.pool.release(this);
  }
}

/** Runs `body` with a fresh slot for a CIPHER state, which `body` leaves wiped (aead_tag,
 *  openStreamed); the slot is wiped here if `body` throws. */
function withCipher<T>(core: Core, body: (cipher: number) => T): T {
  const lease = new SlotLease(core);
  try {
    const result = body(lease.acquire());
    lease.pool.release(lease);
    return result;
  } catch (error) {
    lease.end();
    throw error;
  }
}

/** Encrypts `data` through the CIPHER slot into `out` at `offset`, then its tag after it. */
function sealStreamed(core: Core, slot: number, data: Uint8Array, out: Uint8Array, offset: number): Uint8Array {
  chunks(core, data, (chunk, at) => {
    core.check(core.exports.aead_encrypt(slot, chunk.length));
    core.takeInto(out, offset + at, chunk.length);
  });
  core.check(core.exports.aead_tag(slot));
  return core.takeInto(out, offset + data.length, TAG_LENGTH);
}

/** Authenticates ciphertext ‖ tag through the CIPHER slot, only then decrypts it, and wipes the slot. */
function openStreamed(core: Core, slot: number, sealed: Uint8Array): Uint8Array {
  const ciphertext = sealed.subarray(0, sealed.length - TAG_LENGTH);
  chunks(core, ciphertext, (chunk) => core.check(core.exports.aead_absorb(slot, chunk.length)));
  core.stage(sealed.subarray(ciphertext.length));
  const status = core.exports.aead_verify(slot);
  if (status === Status.INVALID_TAG) throw new CryptoError('INVALID_TAG');
  core.check(status);
  const plaintext = new Uint8Array(ciphertext.length);
  chunks(core, ciphertext, (chunk, at) => {
    core.check(core.exports.aead_decrypt(slot, chunk.length));
    core.takeInto(plaintext, at, chunk.length);
  });
  core.check(core.exports.slot_wipe(slot));
  return plaintext;
}

/** A response state in a slot of the core (RESPONSE), used once: every path of `seal` and `open`
 *  leaves the slot wiped by the core, so a response takes no extra call. */
class WasmResponseState extends SlotLease implements OhttpResponseState {
  #spent = false;

  seal(responseNonce: Uint8Array, response: Uint8Array): Uint8Array {
    return this.#spend((core, slot) => {
      if (totalLength([responseNonce, response]) <= core.ioSize) {
        core.stage(responseNonce, response);
        core.check(core.exports.ohttp_response_seal(slot, response.length));
        return core.take(response.length + TAG_LENGTH);
      }
      core.stage(responseNonce);
      core.check(core.exports.ohttp_response_init(slot));
      return sealStreamed(core, slot, response, new Uint8Array(response.length + TAG_LENGTH), 0);
    });
  }

  open(responseNonce: Uint8Array, sealed: Uint8Array): Uint8Array {
    return this.#spend((core, slot) => {
      if (totalLength([responseNonce, sealed]) <= core.ioSize) {
        core.stage(responseNonce, sealed);
        core.answer(core.exports.ohttp_response_open(slot, sealed.length - TAG_LENGTH));
        return core.take(sealed.length - TAG_LENGTH);
      }
      core.stage(responseNonce);
      core.check(core.exports.ohttp_response_init(slot));
      return openStreamed(core, slot, sealed);
    });
  }

  destroy(): void {
    this.#spent = true;
    this.end();
  }

  #spend<T>(body: (core: Core, slot: number) => T): T {
    if (this.#spent) throw new CryptoError('INTERNAL');
    this.#spent = true;
    const { core } = this;
    return core.run(() => {
      try {
        const result = body(core, this.acquire());
        this.pool.release(this);
        return result;
      } catch (error) {
        this.end();
        throw error;
      }
    });
  }
}

export class WasmOhttp implements OhttpBackend {
  readonly #core: Core;

  constructor(core: Core) {
    this.#core = core;
  }

  encapsulateRequest(params: OhttpParams, skE: Uint8Array, pkR: Uint8Array, hdr: Uint8Array, request: Uint8Array) {
    const head = HEADER_LENGTH + params.encLength;
    const { message, state } = this.#request((core, slot) => {
      const ids = [params.kem, params.kdf, params.aead] as const;
      if (totalLength([skE, pkR, hdr, request]) <= core.ioSize) {
        core.stage(skE, pkR, hdr, request);
        core.answer(core.exports.ohttp_request_seal(slot, ...ids, request.length));
        return core.take(head + request.length + TAG_LENGTH);
      }
      return withCipher(core, (cipher) => {
        core.stage(skE, pkR, hdr);
        core.answer(core.exports.ohttp_request_init_sender(slot, cipher, ...ids));
        const out = core.takeInto(new Uint8Array(head + request.length + TAG_LENGTH), 0, head);
        return sealStreamed(core, cipher, request, out, head);
      });
    });
    return { encapsulatedRequest: message, state };
  }

  decapsulateRequest(params: OhttpParams, skR: Uint8Array, pkR: Uint8Array, encapsulatedRequest: Uint8Array) {
    const head = HEADER_LENGTH + params.encLength;
    const ctLength = encapsulatedRequest.length - head - TAG_LENGTH;
    const { message, state } = this.#request((core, slot) => {
      const ids = [params.kem, params.kdf, params.aead] as const;
      if (totalLength([skR, pkR, encapsulatedRequest]) <= core.ioSize) {
        core.stage(skR, pkR, encapsulatedRequest);
        core.answer(core.exports.ohttp_request_open(slot, ...ids, ctLength));
        return core.take(ctLength);
      }
      return withCipher(core, (cipher) => {
        core.stage(skR, pkR, encapsulatedRequest.subarray(0, head));
        core.answer(core.exports.ohttp_request_init_receiver(slot, cipher, ...ids));
        return openStreamed(core, cipher, encapsulatedRequest.subarray(head));
      });
    });
    return { request: message, state };
  }

  /** Runs a request call with a fresh response state's slot; the state is wiped if it fails. */
  #request(body: (core: Core, slot: number) => Uint8Array): { message: Uint8Array; state: WasmResponseState } {
    const core = this.#core;
    const state = new WasmResponseState(core);
    return core.run(() => {
      try {
        return { message: body(core, state.acquire()), state };
      } catch (error) {
        state.destroy();
        throw error;
      }
    });
  }
}
