// X25519, P-256 and P-384 on fixed keys: the shared secret with another party's public key, and key
// generation (the public key of a secret key).
import { bytes } from '../inputs.js';
import type { DhCurve, DhParams, DhPeer } from '../peers/dh.js';
import { type Sodium, sodiumDh } from '../peers/libsodium.js';
import { nobleDh, publicKeyOf } from '../peers/noble-dh.js';
import { nodeDh } from '../peers/node-dh.js';
import { obliviaDh } from '../peers/oblivia.js';
import { webCryptoDh } from '../peers/webcrypto.js';
import type { BenchCase, Impl } from '../types.js';

export type DhOp = 'shared' | 'keygen';

const CURVES: readonly { readonly curve: DhCurve; readonly title: string; readonly secretLength: number }[] = [
  { curve: 'x25519', title: 'X25519', secretLength: 32 },
  { curve: 'p256', title: 'P-256', secretLength: 32 },
  { curve: 'p384', title: 'P-384', secretLength: 48 },
];

const OPS: Record<DhOp, { readonly title: string; readonly method: 'sharedSecret' | 'publicKey' }> = {
  shared: { title: 'shared secret', method: 'sharedSecret' },
  keygen: { title: 'key generation', method: 'publicKey' },
};

export function dhCaseId(curve: DhCurve, op: DhOp): string {
  return `${curve}-${op}`;
}

async function peersFor(params: DhParams, sodium: Sodium): Promise<DhPeer[]> {
  const all = [
    ...obliviaDh(params),
    nobleDh(params),
    sodiumDh(sodium, params),
    await webCryptoDh(params),
    nodeDh(params),
  ];
  return all.filter((p) => p !== undefined);
}

export async function dhCases(sodium: Sodium): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (const [c, { curve, title, secretLength }] of CURVES.entries()) {
    const params: DhParams = {
      curve,
      secretKey: bytes(secretLength, 60 + c),
      peerPublicKey: publicKeyOf(curve, bytes(secretLength, 70 + c)),
    };
    const peers = await peersFor(params, sodium);
    for (const op of ['shared', 'keygen'] as const) {
      const { title: opTitle, method } = OPS[op];
      cases.push({
        id: dhCaseId(curve, op),
        title: `${title} ${opTitle}`,
        chartLabel: [title, opTitle],
        group: 'dh',
        unit: 'ops/s',
        bytes: secretLength,
        // WebCrypto cannot compute a public key from a secret one: no key generation row.
        impls: peers.flatMap((peer): Impl[] => {
          const { name, backend, build, [method]: run } = peer;
          if (!run) return [];
          const impl: Impl = {
            name,
            ...(backend ? { backend } : {}),
            ...(build ? { build } : {}),
            run: () => {
              return run();
            },
          };
          return [impl];
        }),
      });
    }
  }
  return cases;
}
