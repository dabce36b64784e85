// oblivia's `oprf` (RFC 9497, VOPRF mode) on the wasm and js backends: one suite object, one server
// and one client made once from the derived key pair; every call takes and returns bytes.
import { active } from '../../bindings/backend/select.js';
import * as oblivia from '../../bindings/index.js';
import { activate } from '../check.js';
import type { OprfParams, OprfPeer } from './oprf.js';

// The public API as scratch/oprf-plan.md states it (helper B builds it in bindings/oprf/). Until
// it is exported from bindings/index.ts the oblivia rows are left out; once it is, import
// `oprf` directly and drop these declarations.
interface Blinding {
  readonly blinded: Uint8Array[];
  readonly blinds: Uint8Array[];
}
interface OprfSuite {
  deriveKeyPair(seed: Uint8Array, info: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array };
  server(secretKey: Uint8Array): {
    blindEvaluate(blinded: Uint8Array[]): { evaluated: Uint8Array[]; proof?: Uint8Array };
    evaluate(input: Uint8Array): Uint8Array;
  };
  client(publicKey: Uint8Array): {
    blind(inputs: Uint8Array[], options?: { blinds?: Uint8Array[] }): Blinding;
    finalize(blinding: Blinding, evaluation: { evaluated: Uint8Array[]; proof: Uint8Array }): Uint8Array[];
  };
}
interface OprfApi {
  suite(name: string, mode: 'oprf' | 'voprf' | 'poprf'): OprfSuite;
}

/** oblivia's `oprf`, or undefined while bindings/index.ts does not export it yet. */
export function obliviaOprfApi(): OprfApi | undefined {
  return (oblivia as unknown as { readonly oprf?: OprfApi }).oprf;
}

/** oblivia's rows and the backends left out (the API missing, or a backend without OPRF yet). */
export interface ObliviaOprfRows {
  readonly peers: OprfPeer[];
  readonly missing: string[];
}

const ROWS: readonly Pick<OprfPeer, 'name' | 'backend' | 'build'>[] = [
  { name: 'oblivia wasm', backend: 'wasm', build: 'simd' },
  { name: 'oblivia js', backend: 'js' },
];

/** The wasm (SIMD build) and js rows of a suite, each with its suite, server and client made on its backend. */
export function obliviaOprf({ suite: name, seed, keyInfo }: OprfParams): ObliviaOprfRows {
  const api = obliviaOprfApi();
  if (!api) return { peers: [], missing: ROWS.map((r) => `${r.name} (no \`oprf\` export yet)`) };
  const peers: OprfPeer[] = [];
  const missing: string[] = [];
  for (const row of ROWS) {
    activate(row);
    if (active().oprf === undefined) {
      missing.push(`${row.name} (the ${row.backend} backend has no OPRF yet)`);
      continue;
    }
    const suite = api.suite(name, 'voprf');
    const { secretKey, publicKey } = suite.deriveKeyPair(seed, keyInfo);
    const server = suite.server(secretKey);
    const client = suite.client(publicKey);
    peers.push({
      ...row,
      secretKey,
      publicKey,
      blind: (inputs, blinds) => {
        const blinding = client.blind([...inputs], blinds ? { blinds: [...blinds] } : undefined);
        return {
          blinded: blinding.blinded,
          blinds: () => blinding.blinds,
          finalize: ({ evaluated, proof }) => client.finalize(blinding, { evaluated: [...evaluated], proof }),
        };
      },
      blindEvaluate: (blinded) => {
        const { evaluated, proof } = server.blindEvaluate([...blinded]);
        if (!proof) throw new Error('oblivia oprf: VOPRF BlindEvaluate gave no proof');
        return { evaluated, proof };
      },
      evaluate: (input) => server.evaluate(input),
    });
  }
  return { peers, missing };
}
