// oblivia/bhttp: Binary HTTP (RFC 9292): the `bhttp` namespace, the message model and its error.
import { decodeRequest, decodeResponse } from './bhttp/decode.js';
import { encodeRequest, encodeResponse } from './bhttp/encode.js';
import { bhttpFromRequest, bhttpFromResponse, requestFromBhttp, responseFromBhttp } from './bhttp/fetch-conversion.js';

export const bhttp = Object.freeze({
  encodeRequest,
  decodeRequest,
  encodeResponse,
  decodeResponse,
  requestFromBhttp,
  bhttpFromRequest,
  responseFromBhttp,
  bhttpFromResponse,
});

export { BhttpError, type BhttpErrorCode } from './bhttp/bhttp-error.js';
export type {
  BhttpRequest,
  BhttpRequestInit,
  BhttpResponse,
  BhttpResponseInit,
  DecodeOptions,
  EncodeOptions,
  Field,
  InformationalResponse,
} from './bhttp/message.js';
