// The spent-token store: which token inputs were redeemed, per issuer key and epoch. `add` is the
// atomic check-and-add a verifier relies on; a store shared between processes must keep that
// guarantee (docs/credentials.md §Spent-token store).
import { bytesToHex } from '@noble/hashes/utils.js';

/** What a token input is spent under: the issuer key and the epoch of its attributes. */
export interface SpentScope {
  readonly keyId: Uint8Array;
  readonly epoch: number;
}

export interface SpentStore {
  /** Records `tokenInput` as spent in `scope`: true if it was not yet, false if it was. Atomic:
   *  of any number of concurrent adds of one input, exactly one returns true. */
  add(scope: SpentScope, tokenInput: Uint8Array): boolean | Promise<boolean>;
  /** Whether `tokenInput` is spent in `scope`. */
  has(scope: SpentScope, tokenInput: Uint8Array): boolean | Promise<boolean>;
  /** Drops every scope of an epoch below `beforeEpoch`: tokens of those epochs are refused anyway. */
  expire(beforeEpoch: number): void | Promise<void>;
}


/** An in-memory store for one process. JavaScript runs `add` to completion, so it is atomic. */
export function createMemorySpentStore(): SpentStore {
  const scopes = new Map<string, { epoch: number; spent: Set<string> }>();
  const scopeOf = (scope: SpentScope) => `${bytesToHex(scope.keyId)}/${scope.epoch}`;
  return Object.freeze({
    add(scope: SpentScope, tokenInput: Uint8Array): boolean {
      const key = scopeOf(scope);
      let entry = scopes.get(key);
      if (entry === undefined) scopes.set(key, (entry = { epoch: scope.epoch, spent: new Set() }));
      const input = bytesToHex(tokenInput);
      if (entry.spent.has(input)) return false;
      entry.spent.add(input);
      return true;
    },
    has: (scope: SpentScope, tokenInput: Uint8Array): boolean => scopes.get(scopeOf(scope))?.spent.has(bytesToHex(tokenInput)) ?? false,
    expire(beforeEpoch: number): void {
      for (const [key, entry] of scopes) if (entry.epoch < beforeEpoch) scopes.delete(key);
    },
  });
}
