// Oblivious HTTP (RFC 9458): the `ohttp` namespace — key configurations (§3), Encapsulated
// Requests and Responses (§4) and the media types (§9). Payloads are opaque Binary HTTP bytes.
import { decodeKeyConfig, encodeKeyConfig, generateKeyConfig } from './ohttp/key-config.js';
import { MEDIA_TYPE_KEYS, MEDIA_TYPE_REQUEST, MEDIA_TYPE_RESPONSE } from './ohttp/media-types.js';
import { decodeKeyConfigs, encodeKeyConfigs } from './ohttp/ohttp-keys.js';
import { decapsulateRequest, encapsulateRequest } from './ohttp/encapsulated-request.js';

export const ohttp = Object.freeze({
  generateKeyConfig,
  encodeKeyConfig,
  decodeKeyConfig,
  encodeKeyConfigs,
  decodeKeyConfigs,
  encapsulateRequest,
  decapsulateRequest,
  MEDIA_TYPE_REQUEST,
  MEDIA_TYPE_RESPONSE,
  MEDIA_TYPE_KEYS,
});

export { OhttpError, type OhttpErrorCode } from './ohttp/ohttp-error.js';
export type { GatewayKey, KeyConfig } from './ohttp/key-config.js';
export type { RequestOptions } from './ohttp/encapsulated-request.js';
export type { ClientContext, GatewayContext, ResponseOptions } from './ohttp/encapsulated-response.js';
export type { SymmetricSuite } from './ohttp/key-config-suites.js';
