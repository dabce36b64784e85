// The inner layer's media types and HPKE labels: the end-to-end encapsulation between a client
// and an attested processing node (the TEE), carried inside an OHTTP request. It is RFC 9458's
// construction (§4.3, §4.4) with labels of its own, so that an inner message can never be taken
// for an OHTTP one, nor an OHTTP one for an inner one: a key, even the same key, opens only
// messages sealed with its own layer's labels.
import type { MessageLabels } from '../ohttp/composed.js';

export const INNER_MEDIA_TYPE = Object.freeze({
  /** An inner Encapsulated Request: hdr ‖ enc ‖ ct (docs/session.md, "Inner layer"). */
  REQUEST: 'message/oblivia-attested-request',
  /** An inner Encapsulated Response: response_nonce ‖ ct. */
  RESPONSE: 'message/oblivia-attested-response',
});

/** info = request label ‖ 0x00 ‖ hdr; secret = Export(response label, max(Nn, Nk)). */
export const INNER_LABELS: MessageLabels = Object.freeze({
  request: 'message/oblivia-attested-request',
  response: 'message/oblivia-attested-response',
});
