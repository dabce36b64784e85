// HPKE checks, since a seal encapsulates to a fresh ephemeral key and no two outputs match: every
// implementation's sealed message opens with every implementation (oblivia wasm and js, hpke-js),
// and each refuses a message whose ciphertext has one bit flipped (oblivia with CryptoError
// INVALID_TAG).
import { CryptoError } from '../bindings/index.js';
import { activate, equal, rejection } from './check.js';
import type { HpkeCheck } from './suites/hpke.js';

/** One message per failure; empty when every pair of implementations interoperates and forgeries fail. */
export async function checkHpke(checks: readonly HpkeCheck[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { label, plaintext, peers } of checks) {
    for (const sender of peers) {
      try {
        activate(sender);
        const sealed = await sender.seal(plaintext);
        const forged = { enc: sealed.enc, ct: sealed.ct.slice() };
        forged.ct[forged.ct.length - 1]! ^= 1;
        for (const recipient of peers) {
          const where = `${label} / ${sender.name} seals, ${recipient.name} opens`;
          try {
            activate(recipient);
            if (!equal(await recipient.open(sealed), plaintext)) problems.push(`${where}: open(seal(m)) ≠ m`);
            const error = await rejection(() => recipient.open(forged));
            if (error === undefined) problems.push(`${where}: accepted a flipped ciphertext bit`);
            else if (recipient.backend && !(error instanceof CryptoError && error.code === 'INVALID_TAG')) {
              problems.push(`${where}: a flipped ciphertext bit threw ${String(error)}, not CryptoError INVALID_TAG`);
            }
          } catch (error) {
            problems.push(`${where} threw: ${String(error)}`);
          }
        }
      } catch (error) {
        problems.push(`${label} / ${sender.name} seal threw: ${String(error)}`);
      }
    }
  }
  return problems;
}
