// HPKE single-shot seal and open (RFC 9180 §6.1, base mode) of 64 B and 1 KiB, with 32 bytes of info
// and 16 of AAD, in two suites: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305 and
// DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM.
import { hpke, type HpkeSuiteIds } from '../../bindings/index.js';
import { bytes, KiB, sizeLabel } from '../inputs.js';
import { ciphertext, type HpkeParams, type HpkePeer } from '../peers/hpke.js';
import { hpkeJs } from '../peers/hpke-js.js';
import { obliviaHpke } from '../peers/oblivia.js';
import type { BenchCase } from '../types.js';

export const HPKE_SIZES = [64, KiB];
export const HPKE_INFO_LENGTH = 32;
export const HPKE_AAD_LENGTH = 16;

export type HpkeSuiteId = 'x25519-chacha20poly1305' | 'p256-aes128gcm';
export type HpkeOp = 'seal' | 'open';

const SUITES: readonly {
  readonly id: HpkeSuiteId;
  readonly kem: string;
  readonly aead: string;
  readonly params: HpkeSuiteIds;
}[] = [
  {
    id: 'x25519-chacha20poly1305',
    kem: 'X25519',
    aead: 'ChaCha20-Poly1305',
    params: { kem: hpke.KEM.X25519_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 },
  },
  {
    id: 'p256-aes128gcm',
    kem: 'P-256',
    aead: 'AES-128-GCM',
    params: { kem: hpke.KEM.P256_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  },
];

/** Every implementation of one suite at one size, with the plaintext they all seal. */
export interface HpkeCheck {
  readonly label: string;
  readonly plaintext: Uint8Array;
  readonly peers: readonly HpkePeer[];
}

export interface HpkeBench {
  readonly cases: BenchCase[];
  readonly checks: HpkeCheck[];
}

/** `hpke-x25519-chacha20poly1305-seal-64B`, … */
export function hpkeCaseId(suite: HpkeSuiteId, op: HpkeOp, size: number): string {
  return `hpke-${suite}-${op}-${sizeLabel(size).replace(' ', '')}`;
}

export async function hpkeSuite(): Promise<HpkeBench> {
  const cases: BenchCase[] = [];
  const checks: HpkeCheck[] = [];
  for (const [s, suite] of SUITES.entries()) {
    const params: HpkeParams = {
      suite: suite.params,
      recipient: hpke.suite(suite.params).deriveKeyPair(bytes(32, 80 + s)),
      info: bytes(HPKE_INFO_LENGTH, 82 + s),
      aad: bytes(HPKE_AAD_LENGTH, 84 + s),
    };
    const theirs = await hpkeJs(params);
    const peers = [...obliviaHpke(params), theirs];
    for (const op of ['seal', 'open'] as const) {
      for (const size of HPKE_SIZES) {
        const plaintext = bytes(size, 86 + s);
        // Open opens hpke-js's sealed message; seal encapsulates afresh on every call.
        const sealed = op === 'open' ? await theirs.seal(plaintext) : undefined;
        const label = sizeLabel(size);
        cases.push({
          id: hpkeCaseId(suite.id, op, size),
          title: `HPKE ${suite.kem}, ${suite.aead} ${op} ${label}`,
          chartLabel: [`HPKE ${suite.kem}`, `${suite.aead} ${op} ${label}`],
          group: 'hpke',
          unit: 'ops/s',
          bytes: size,
          expected: sealed ? plaintext : 'randomized',
          impls: peers.map((peer) => ({
            name: peer.name,
            ...(peer.backend ? { backend: peer.backend } : {}),
            ...(peer.build ? { build: peer.build } : {}),
            run: sealed
              ? () => {
                  return peer.open(sealed);
                }
              : () => {
                  return ciphertext(peer.seal(plaintext));
                },
          })),
        });
        if (op === 'seal') checks.push({ label: `HPKE ${suite.kem}, ${suite.aead} ${label}`, plaintext, peers });
      }
    }
  }
  return { cases, checks };
}
