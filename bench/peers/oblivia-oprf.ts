// oblivia's `oprf` (RFC 9497, VOPRF mode) on the wasm and js backends: one suite object, one server
// and one client made once from the derived key pair; every call takes and returns bytes.
import { active } from '../../bindings/backend/select.js';
import { oprf } from '../../bindings/index.js';
import { activate } from '../check.js';
import type { OprfParams, OprfPeer } from './oprf.js';

/** oblivia's rows, and those left out (a backend without OPRF yet). */
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
  const peers: OprfPeer[] = [];
  const missing: string[] = [];
  for (const row of ROWS) {
    activate(row);
    if (active().oprf === undefined) {
      missing.push(`${row.name} (the ${row.backend} backend has no OPRF yet)`);
      continue;
    }
    const suite = oprf.suite(name, 'voprf');
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
