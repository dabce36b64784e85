// The spent-token store: which token inputs were redeemed, per issuer key and epoch. `add` is the
// atomic check-and-add a verifier relies on; a store shared between processes must keep that
// guarantee (docs/credentials.md §Spent-token store).
import { bytesToHex } from '../utils/bytes.js';
import { bytes, integer } from '../utils/arguments.js';
import { CredentialError } from './credential-error.js';
import { optionsObject } from './poprf-suite.js';

/** What a token input is spent under: the issuer key and the epoch of its attributes. */
export interface SpentScope {
  readonly keyId: Uint8Array;
  readonly epoch: number;
}

/**
 * Which token inputs were redeemed, per issuer key and epoch: {@link credentials.memorySpentStore},
 * oblivia/redis's `redisSpentStore`, or your own with the same atomic `add`.
 */
export interface SpentStore {
  /** Records `tokenInput` as spent in `scope`: true if it was not yet, false if it was. Atomic:
   *  of any number of concurrent adds of one input, exactly one returns true. May reject with a
   *  CredentialError (EPOCH, STORE_FULL; a shared store STORE_UNAVAILABLE) instead of recording;
   *  it never resolves true for an input it did not record. */
  add(scope: SpentScope, tokenInput: Uint8Array): boolean | Promise<boolean>;
  /** Whether `tokenInput` is spent in `scope`. */
  has(scope: SpentScope, tokenInput: Uint8Array): boolean | Promise<boolean>;
  /** Drops every scope of an epoch below `beforeEpoch`: tokens of those epochs are refused anyway. */
  expire(beforeEpoch: number): void | Promise<void>;
}

/** Options of {@link credentials.memorySpentStore}. */
export interface MemorySpentStoreOptions {
  /** The most token inputs held at once, 1 … 2^24; default 1,000,000 (about 70 MB: ~69 bytes each). */
  maxEntries?: number;
  /** How many epochs are kept, the newest seen and those just below it, 1 … 2^32; default 3
   *  (the verifier's default acceptEpoch, today ± 1). */
  retainEpochs?: number;
}

/** V8's limit on the size of one Set. */
const MAX_ENTRIES = 2 ** 24;
const MAX_EPOCH = 0xffffffff;

/** The 32 input bytes as a flat one-byte string: a compact Set key. */
const keyOf = (input: Uint8Array): string => String.fromCharCode(...input);

/** An in-memory store for one process. JavaScript runs `add` to completion, so it is atomic. It
 *  keeps the `retainEpochs` newest epochs seen and refuses (EPOCH) any epoch below them, so a
 *  dropped epoch is never accepted again; a full store refuses new inputs (STORE_FULL). */
export function createMemorySpentStore(options: MemorySpentStoreOptions = {}): SpentStore {
  optionsObject(options, 'options');
  const maxEntries = integer(options.maxEntries ?? 1_000_000, 'options.maxEntries', 1, MAX_ENTRIES);
  const retainEpochs = integer(options.retainEpochs ?? 3, 'options.retainEpochs', 1, MAX_EPOCH + 1);
  const scopes = new Map<string, { epoch: number; spent: Set<string> }>();
  let floor = 0; // epochs below it are dropped and refused; it only rises
  let entries = 0;
  const scopeOf = (scope: SpentScope) =>
    `${bytesToHex(scope.keyId)}/${integer(scope.epoch, 'scope.epoch', 0, MAX_EPOCH)}`;
  const raise = (to: number): void => {
    if (to <= floor) return;
    floor = to;
    for (const [key, entry] of scopes) {
      if (entry.epoch >= floor) continue;
      entries -= entry.spent.size;
      scopes.delete(key);
    }
  };
  return Object.freeze({
    add(scope: SpentScope, tokenInput: Uint8Array): boolean {
      const key = scopeOf(scope);
      const input = keyOf(bytes(tokenInput, 'tokenInput'));
      raise(scope.epoch - retainEpochs + 1);
      if (scope.epoch < floor) throw new CredentialError('EPOCH');
      let entry = scopes.get(key);
      if (entry?.spent.has(input)) return false;
      if (entries >= maxEntries) throw new CredentialError('STORE_FULL');
      if (entry === undefined) scopes.set(key, (entry = { epoch: scope.epoch, spent: new Set() }));
      entry.spent.add(input);
      entries++;
      return true;
    },
    has: (scope: SpentScope, tokenInput: Uint8Array): boolean =>
      scopes.get(scopeOf(scope))?.spent.has(keyOf(bytes(tokenInput, 'tokenInput'))) ?? false,
    expire(beforeEpoch: number): void {
      raise(integer(beforeEpoch, 'beforeEpoch', 0, MAX_EPOCH + 1));
    },
  });
}
