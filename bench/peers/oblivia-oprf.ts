// oblivia's `oprf` (RFC 9497, VOPRF mode) on the wasm and js backends: per row one suite object,
// one server and one client, made once on that row's backend from the derived key pair; every
// call takes and returns bytes.
import { oprf } from '../../bindings/index.js';
import { activate } from '../check.js';
import type { OprfParams, OprfPeer } from './oprf.js';

const ROWS: readonly Pick<OprfPeer, 'name' | 'backend' | 'build'>[] = [
  { name: 'oblivia wasm', backend: 'wasm', build: 'simd' },
  { name: 'oblivia js', backend: 'js' },
];

/** The wasm (SIMD build) and js rows of a suite. */
export function obliviaOprf({ suite: name, seed, keyInfo }: OprfParams): OprfPeer[] {
  return ROWS.map((row) => {
    activate(row);
    const suite = oprf.suite(name, 'voprf');
    const { secretKey, publicKey } = suite.deriveKeyPair(seed, keyInfo);
    const server = suite.server(secretKey);
    const client = suite.client(publicKey);
    return {
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
    };
  });
}
