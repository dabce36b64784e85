// SHA-256 and SHA-512, one-shot, at 64 B, 1 KiB and 1 MiB.
import { hash as nodeHash } from 'node:crypto';
import { sha256 as nobleSha256, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { sha256, sha512 } from '../../bindings/index.js';
import { bytes, KiB, MiB, sizeLabel } from '../inputs.js';
import { oblivia } from '../peers/oblivia.js';
import { digest, type HashWasm } from '../peers/hash-wasm.js';
import type { BenchCase } from '../types.js';

const SIZES = [64, KiB, MiB];

export function hashCases(hw: HashWasm): BenchCase[] {
  const algs = [
    { id: 'sha256', title: 'SHA-256', ours: sha256, noble: nobleSha256, hashWasm: hw.sha256 },
    { id: 'sha512', title: 'SHA-512', ours: sha512, noble: nobleSha512, hashWasm: hw.sha512 },
  ];
  return algs.flatMap((alg) =>
    SIZES.map((size): BenchCase => {
      const msg = bytes(size);
      const label = sizeLabel(size);
      return {
        id: `${alg.id}-${label.replace(' ', '')}`,
        title: `${alg.title} ${label}`,
        group: 'hash',
        unit: size >= KiB ? 'MB/s' : 'ops/s',
        bytes: size,
        impls: [
          ...oblivia(() => {
            return alg.ours(msg);
          }),
          {
            name: 'hash-wasm',
            run: () => {
              return digest(alg.hashWasm, msg);
            },
          },
          {
            name: 'node:crypto',
            run: () => {
              return nodeHash(alg.id, msg, 'buffer');
            },
          },
          {
            name: '@noble/hashes',
            run: () => {
              return alg.noble(msg);
            },
          },
        ],
      };
    }),
  );
}
