// SHA-256, SHA-384 and SHA-512 (FIPS 180-4): one-shot and streaming, noble-style.
import { active } from './backend/select.js';
import type { HashName } from './backend/backend.js';
import { Streaming, type Hash } from './streaming.js';
import { bytes } from './utils/arguments.js';

export type { Hash } from './streaming.js';

export interface HashFunction {
  (msg: Uint8Array): Uint8Array;
  create(): Hash;
  readonly outputLen: number;
  readonly blockLen: number;
  readonly algorithm: HashName;
}

function hashFunction(algorithm: HashName, outputLen: number, blockLen: number): HashFunction {
  const fn = (msg: Uint8Array) => active().hash(algorithm, bytes(msg, 'msg'));
  return Object.freeze(
    Object.assign(fn, {
      create: () => new Streaming(active().createHash(algorithm)),
      outputLen,
      blockLen,
      algorithm,
    }),
  );
}

export const sha256: HashFunction = hashFunction('sha256', 32, 64);
export const sha384: HashFunction = hashFunction('sha384', 48, 128);
export const sha512: HashFunction = hashFunction('sha512', 64, 128);
