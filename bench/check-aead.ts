// AEAD checks beyond byte equality: each implementation opens what it sealed, and rejects a
// ciphertext whose tag has one bit flipped (oblivia with CryptoError INVALID_TAG).
import { CryptoError } from '../bindings/index.js';
import { activate, equal, rejection } from './check.js';
import type { AeadCheck } from './suites/aead.js';

/** One message per failure; empty when every implementation round-trips and rejects forgeries. */
export async function checkAeads(checks: readonly AeadCheck[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { label, plaintext, peers } of checks) {
    for (const peer of peers) {
      const where = `${label} / ${peer.name}`;
      try {
        activate(peer);
        const sealed = await peer.encrypt(plaintext);
        if (!equal(await peer.decrypt(sealed), plaintext)) problems.push(`${where}: decrypt(encrypt(m)) ≠ m`);
        const forged = sealed.slice();
        forged[forged.length - 1]! ^= 1;
        const error = await rejection(() => peer.decrypt(forged));
        if (error === undefined) problems.push(`${where}: accepted a forged tag`);
        else if (peer.backend && !(error instanceof CryptoError && error.code === 'INVALID_TAG')) {
          problems.push(`${where}: a forged tag threw ${String(error)}, not CryptoError INVALID_TAG`);
        }
      } catch (error) {
        problems.push(`${where} threw: ${String(error)}`);
      }
    }
  }
  return problems;
}
