// HMAC-SHA256 and HKDF-SHA256 at the sizes a protocol uses them (keys and secrets of 32 B).
import { createHmac, hkdfSync } from 'node:crypto';
import { hkdf as nobleHkdf } from '@noble/hashes/hkdf.js';
import { hmac as nobleHmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { hkdf, hmac, sha256 } from '../../bindings/index.js';
import { bytes } from '../inputs.js';
import { oblivia } from '../peers/oblivia.js';
import { digest, type HashWasm } from '../peers/hash-wasm.js';
import { hkdf as hashWasmHkdf } from '../peers/hash-wasm-hkdf.js';
import type { BenchCase } from '../types.js';

export const HMAC_KEY = bytes(32, 2);
export const HMAC_MSG = bytes(64, 3);
export const HKDF_IKM = bytes(32, 4);
export const HKDF_SALT = bytes(32, 5);
export const HKDF_INFO = new TextEncoder().encode('oblivia bench');
export const HKDF_LENGTH = 32;

export async function macCases(hw: HashWasm): Promise<BenchCase[]> {
  const hashWasmHmac = await hw.hmacSha256(HMAC_KEY);
  const hmacCase: BenchCase = {
    id: 'hmac-sha256',
    title: `HMAC-SHA256 (${HMAC_KEY.length} B key, ${HMAC_MSG.length} B msg)`,
    group: 'hash',
    unit: 'ops/s',
    bytes: HMAC_MSG.length,
    impls: [
      ...oblivia(() => {
        return hmac(sha256, HMAC_KEY, HMAC_MSG);
      }),
      {
        name: 'hash-wasm',
        run: () => {
          return digest(hashWasmHmac, HMAC_MSG);
        },
      },
      {
        name: 'node:crypto',
        run: () => {
          return createHmac('sha256', HMAC_KEY).update(HMAC_MSG).digest();
        },
      },
      {
        name: '@noble/hashes',
        run: () => {
          return nobleHmac(nobleSha256, HMAC_KEY, HMAC_MSG);
        },
      },
    ],
  };
  const hkdfCase: BenchCase = {
    id: 'hkdf-sha256',
    title:
      `HKDF-SHA256 (${HKDF_IKM.length} B ikm, ${HKDF_SALT.length} B salt, ` +
      `${HKDF_INFO.length} B info → ${HKDF_LENGTH} B)`,
    group: 'hash',
    unit: 'ops/s',
    bytes: HKDF_IKM.length,
    impls: [
      ...oblivia(() => {
        return hkdf(sha256, HKDF_IKM, HKDF_SALT, HKDF_INFO, HKDF_LENGTH);
      }),
      {
        name: 'hash-wasm',
        run: () => {
          return hashWasmHkdf(hw.sha256, HKDF_IKM, HKDF_SALT, HKDF_INFO, HKDF_LENGTH);
        },
      },
      {
        name: 'node:crypto',
        run: () => {
          return new Uint8Array(hkdfSync('sha256', HKDF_IKM, HKDF_SALT, HKDF_INFO, HKDF_LENGTH));
        },
      },
      {
        name: '@noble/hashes',
        run: () => {
          return nobleHkdf(nobleSha256, HKDF_IKM, HKDF_SALT, HKDF_INFO, HKDF_LENGTH);
        },
      },
    ],
  };
  return [hmacCase, hkdfCase];
}
