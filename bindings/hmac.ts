// HMAC (RFC 2104) over SHA-256, SHA-384 or SHA-512: hmac(sha256, key, msg) and hmac.create().
import { active } from './backend/select.js';
import type { HashFunction } from './hash.js';
import { hashArgument } from './primitive-arguments.js';
import { Streaming, type Hash } from './streaming.js';
import { bytes } from './utils/arguments.js';

export interface HmacFunction {
  (hash: HashFunction, key: Uint8Array, msg: Uint8Array): Uint8Array;
  create(hash: HashFunction, key: Uint8Array): Hash;
}

export const hmac: HmacFunction = Object.freeze(
  Object.assign(
    (hash: HashFunction, key: Uint8Array, msg: Uint8Array) =>
      active().hmac(hashArgument(hash).algorithm, bytes(key, 'key'), bytes(msg, 'msg')),
    {
      create: (hash: HashFunction, key: Uint8Array): Hash =>
        new Streaming(active().createHmac(hashArgument(hash).algorithm, bytes(key, 'key'))),
    },
  ),
);
