// RFC 9458 §4.3 and §4.4 composed over bindings/hpke and the response's HKDF and AEAD: the OHTTP
// messages of a backend without them in its core (js), and — with labels of their own — the same
// construction for other message types (bindings/session's inner layer; the core's fused path holds
// RFC 9458's labels only). The response state holds enc and the secret in JS, and wipes the secret
// (and the response's key and nonce) when it is spent.
import type { OhttpBackend, OhttpParams, OhttpResponseState } from '../backend/backend.js';
import { ascii, concat } from '../utils/bytes.js';
import { hpke, type HpkeSuite } from '../hpke.js';
import type { AeadId, KdfId, KemId } from '../hpke/ids.js';
import { responseKeys } from './encapsulated-response.js';
import { symmetricOf, type Symmetric } from './key-config-suites.js';

const HEADER_LENGTH = 7;

/** The two labels of an encapsulation: §4.3's info is `request` ‖ 0x00 ‖ hdr, §4.4's secret is
 *  Export(`response`, max(Nn, Nk)). */
export interface MessageLabels {
  readonly request: string;
  readonly response: string;
}

/** RFC 9458's own labels. */
export const OHTTP_LABELS: MessageLabels = Object.freeze({
  request: 'message/bhttp request',
  response: 'message/bhttp response',
});

const suiteOf = (p: OhttpParams): HpkeSuite =>
  hpke.suite({ kem: p.kem as KemId, kdf: p.kdf as KdfId, aead: p.aead as AeadId });

class ComposedResponseState implements OhttpResponseState {
  readonly #symmetric: Symmetric;
  readonly #enc: Uint8Array;
  readonly #secret: Uint8Array;

  /** Takes ownership of `secret`, §4.4's Export(response label, max(Nn, Nk)). */
  constructor(p: OhttpParams, enc: Uint8Array, secret: Uint8Array) {
    this.#symmetric = symmetricOf({ kdf: p.kdf, aead: p.aead }, 'suite');
    this.#enc = enc;
    this.#secret = secret;
  }

  seal(responseNonce: Uint8Array, response: Uint8Array): Uint8Array {
    return this.#withKeys(responseNonce, (key, nonce) => this.#symmetric.aead.cipher(key, nonce).encrypt(response));
  }

  open(responseNonce: Uint8Array, sealed: Uint8Array): Uint8Array {
    return this.#withKeys(responseNonce, (key, nonce) => this.#symmetric.aead.cipher(key, nonce).decrypt(sealed));
  }

  destroy(): void {
    this.#secret.fill(0);
  }

  /** Runs `use` with the response's AEAD key and nonce, then wipes them and the secret. */
  #withKeys(responseNonce: Uint8Array, use: (key: Uint8Array, nonce: Uint8Array) => Uint8Array): Uint8Array {
    const { key, nonce } = responseKeys(this.#symmetric, this.#secret, this.#enc, responseNonce);
    try {
      return use(key, nonce);
    } finally {
      key.fill(0);
      nonce.fill(0);
      this.destroy();
    }
  }
}

/** §4.3 and §4.4 with `labels`, composed over bindings/hpke. */
export function composedMessages(labels: MessageLabels): OhttpBackend {
  const requestLabel = ascii(labels.request);
  const responseLabel = ascii(labels.response);
  /** §4.3: info = request label ‖ 0x00 ‖ hdr. */
  const infoOf = (hdr: Uint8Array): Uint8Array => concat(requestLabel, new Uint8Array(1), hdr);
  return Object.freeze({
    encapsulateRequest(params, skE, pkR, hdr, request) {
      const { enc, context } = suiteOf(params).setupSender(pkR, { info: infoOf(hdr), skE });
      try {
        const ct = context.seal(request);
        const state = new ComposedResponseState(params, enc, context.export(responseLabel, params.secretLength));
        return { encapsulatedRequest: concat(hdr, enc, ct), state };
      } finally {
        context.destroy();
      }
    },

    decapsulateRequest(params, skR, pkR, encapsulatedRequest) {
      const encEnd = HEADER_LENGTH + params.encLength;
      const enc = encapsulatedRequest.slice(HEADER_LENGTH, encEnd);
      const info = infoOf(encapsulatedRequest.subarray(0, HEADER_LENGTH));
      const context = suiteOf(params).setupReceiver(enc, { privateKey: skR, publicKey: pkR }, { info });
      try {
        const request = context.open(encapsulatedRequest.subarray(encEnd));
        return {
          request,
          state: new ComposedResponseState(params, enc, context.export(responseLabel, params.secretLength)),
        };
      } finally {
        context.destroy();
      }
    },
  } satisfies OhttpBackend);
}

/** RFC 9458's messages, composed: the js backend's. */
export const composedOhttp: OhttpBackend = composedMessages(OHTTP_LABELS);
