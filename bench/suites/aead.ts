// ChaCha20-Poly1305 and AES-128-GCM, encrypt and decrypt, at 64 B, 1 KiB, 16 KiB and 1 MiB,
// with a 12-byte nonce and 16 bytes of AAD.
import type { AeadAlg, AeadParams, AeadPeer } from '../peers/aead.js';
import { type Sodium, sodiumAead } from '../peers/libsodium.js';
import { nobleAead } from '../peers/noble-aead.js';
import { nodeAead } from '../peers/node-aead.js';
import { obliviaAead } from '../peers/oblivia.js';
import { webCryptoAead } from '../peers/webcrypto.js';
import { bytes, KiB, MiB, sizeLabel } from '../inputs.js';
import type { BenchCase } from '../types.js';

export const AEAD_SIZES = [64, KiB, 16 * KiB, MiB];
export const AAD_LENGTH = 16;
export const NONCE_LENGTH = 12;
/**
 * Fractions of the per-case time (16 cases of 6 implementations must fit the run's budget); the
 * 1 MiB cases get the least, since a call there lasts milliseconds and each sample holds few.
 */
const TIME_SCALE = 0.5;
const LARGE_TIME_SCALE = 0.4;

/** The algorithm part of a case id. */
export type AeadCaseAlg = 'chacha20poly1305' | 'aes128gcm';

const ALGS: readonly {
  readonly id: AeadCaseAlg;
  readonly title: string;
  readonly alg: AeadAlg;
  readonly keyLength: number;
}[] = [
  { id: 'chacha20poly1305', title: 'ChaCha20-Poly1305', alg: 'chacha20-poly1305', keyLength: 32 },
  { id: 'aes128gcm', title: 'AES-128-GCM', alg: 'aes-128-gcm', keyLength: 16 },
];

/** Every implementation of one algorithm at one size, with the plaintext they all seal. */
export interface AeadCheck {
  readonly label: string;
  readonly plaintext: Uint8Array;
  readonly peers: readonly AeadPeer[];
}

export interface AeadSuite {
  readonly cases: BenchCase[];
  readonly checks: AeadCheck[];
}

/** `chacha20poly1305-encrypt-64B`, … */
export function aeadCaseId(alg: AeadCaseAlg, op: 'encrypt' | 'decrypt', size: number): string {
  return `${alg}-${op}-${sizeLabel(size).replace(' ', '')}`;
}

async function peersFor(params: AeadParams, sodium: Sodium): Promise<AeadPeer[]> {
  const optional = [sodiumAead(sodium, params), await webCryptoAead(params)];
  return [...obliviaAead(params), nobleAead(params), ...optional.filter((p) => p !== undefined), nodeAead(params)];
}

export async function aeadSuite(sodium: Sodium): Promise<AeadSuite> {
  const cases: BenchCase[] = [];
  const checks: AeadCheck[] = [];
  for (const [a, alg] of ALGS.entries()) {
    const params: AeadParams = {
      alg: alg.alg,
      key: bytes(alg.keyLength, 10 + a),
      nonce: bytes(NONCE_LENGTH, 20 + a),
      aad: bytes(AAD_LENGTH, 30 + a),
    };
    const peers = await peersFor(params, sodium);
    const node = peers.find((p) => p.name === 'node:crypto')!;
    for (const op of ['encrypt', 'decrypt'] as const) {
      for (const size of AEAD_SIZES) {
        const plaintext = bytes(size, 40 + a);
        // Decryption opens node:crypto's ciphertext, which the cross-check compares everyone's against.
        const input = op === 'encrypt' ? plaintext : ((await node.encrypt(plaintext)) as Uint8Array);
        const label = sizeLabel(size);
        cases.push({
          id: aeadCaseId(alg.id, op, size),
          title: `${alg.title} ${op} ${label}`,
          chartLabel: [alg.title, `${op} ${label}`],
          group: 'aead',
          unit: size >= KiB ? 'MB/s' : 'ops/s',
          bytes: size,
          timeScale: size >= MiB ? LARGE_TIME_SCALE : TIME_SCALE,
          impls: peers.map((peer) => ({
            name: peer.name,
            ...(peer.backend ? { backend: peer.backend } : {}),
            ...(peer.build ? { build: peer.build } : {}),
            run: () => {
              return peer[op](input);
            },
          })),
        });
        if (op === 'encrypt') checks.push({ label: `${alg.title} ${label}`, plaintext, peers });
      }
    }
  }
  return { cases, checks };
}
