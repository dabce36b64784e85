// oblivia/session: the attested end-to-end session between a client and a processing node (TEE).
// Inner layer: RFC 9458's encapsulation with labels and media types of its own, carried inside
// the OHTTP request (`encapsulateInner`/`decapsulateInner` over Binary HTTP bytes,
// `encapsulateRequest` over a Fetch Request), and the node's handler (`node`). docs/session.md.
import { encapsulateRequest } from './session/inner-client.js';
import { INNER_MEDIA_TYPE } from './session/inner-media-types.js';
import { decapsulateInner, encapsulateInner } from './session/inner-message.js';
import { createNode, NODE_KEY_PROBLEM_TYPE } from './session/node.js';

export const session = Object.freeze({
  encapsulateInner,
  decapsulateInner,
  encapsulateRequest,
  node: createNode,
  INNER_MEDIA_TYPE,
  NODE_KEY_PROBLEM_TYPE,
});

export type { InnerContext, InnerRequestOptions } from './session/inner-client.js';
export type { NodeOptions, ProcessingNode } from './session/node.js';
