// Properties of the Merkle proofs (fast-check) on random trees: every generated inclusion proof
// verifies and any mutation of it (another leaf, index, root, a flipped bit, one hash fewer or
// more) is refused with NOT_INCLUDED; consistency between random sizes verifies, and mutated
// is refused with INCONSISTENT; the root is the RFC's recursive MTH. OBLIVIA_FUZZ_RUNS sets the runs.
// A larger size alone is no mutation: a proof binds the root, and the signed checkpoint binds the
// size to it (a tree of 3 leaves has the root of a "tree of 4" whose last node is leaf 2).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { tlog, TransparencyError } from 'oblivia';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);

/** Distinct leaves: each entry starts with its index. */
const leaves = (min: number) =>
  fc
    .array(fc.uint8Array({ maxLength: 8 }), { minLength: min, maxLength: 70 })
    .map((entries) => entries.map((entry, i) => tlog.leafHash(Uint8Array.of(i, ...entry))));

/** 'ok' or the TransparencyError code; any other exception fails the run. */
function outcome(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (error) {
    if (!(error instanceof TransparencyError)) throw error;
    return error.code;
  }
}

/** The RFC 9162 §2.1.1 definition, recursively, as written. */
function mth(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 1) return hashes[0]!;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return tlog.nodeHash(mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}

const flip = (hashes: Uint8Array[], at: number, bit: number): Uint8Array[] =>
  hashes.map((h, i) => {
    if (i !== at) return h;
    const copy = h.slice();
    copy[bit >> 3]! ^= 1 << (bit & 7);
    return copy;
  });

test('rootHash is the recursive MTH', () => {
  fc.assert(
    fc.property(leaves(1), (hashes) => {
      expect(tlog.rootHash(hashes)).toEqual(mth(hashes));
    }),
    { numRuns: RUNS },
  );
});

test('inclusion proofs verify, and every mutation is refused', () => {
  fc.assert(
    fc.property(leaves(1), fc.nat(), fc.nat(), fc.nat({ max: 255 }), (hashes, i, j, bit) => {
      const index = i % hashes.length;
      const tree = { size: hashes.length, rootHash: tlog.rootHash(hashes) };
      const proof = tlog.inclusionProof(hashes, index);
      const verify = (leaf: Uint8Array, at: number, head: typeof tree, path: Uint8Array[]) =>
        outcome(() => tlog.verifyInclusion(leaf, at, head, path));
      expect(verify(hashes[index]!, index, tree, proof)).toBe('ok');
      const other = j % hashes.length;
      if (other !== index) expect(verify(hashes[other]!, index, tree, proof)).toBe('NOT_INCLUDED');
      expect(verify(hashes[index]!, index + 1, tree, proof)).toBe('NOT_INCLUDED');
      expect(verify(hashes[index]!, index, { ...tree, rootHash: flip([tree.rootHash], 0, bit)[0]! }, proof)).toBe(
        'NOT_INCLUDED',
      );
      expect(verify(hashes[index]!, index, tree, [...proof, tree.rootHash])).toBe('NOT_INCLUDED');
      if (proof.length > 0) {
        expect(verify(hashes[index]!, index, tree, flip(proof, j % proof.length, bit))).toBe('NOT_INCLUDED');
        expect(verify(hashes[index]!, index, tree, proof.slice(1))).toBe('NOT_INCLUDED');
        expect(verify(hashes[index]!, index, tree, proof.slice(0, -1))).toBe('NOT_INCLUDED');
      }
    }),
    { numRuns: RUNS },
  );
});

test('consistency proofs between random sizes verify, and every mutation is refused', () => {
  fc.assert(
    fc.property(leaves(1), fc.nat(), fc.nat(), fc.nat({ max: 255 }), (hashes, s, j, bit) => {
      const size1 = 1 + (s % hashes.length);
      const older = { size: size1, rootHash: tlog.rootHash(hashes.slice(0, size1)) };
      const newer = { size: hashes.length, rootHash: tlog.rootHash(hashes) };
      const proof = tlog.consistencyProof(hashes, size1);
      const verify = (a: typeof older, b: typeof newer, path: Uint8Array[]) =>
        outcome(() => tlog.verifyConsistency(a, b, path));
      expect(verify(older, newer, proof)).toBe('ok');
      expect(verify(newer, older, proof)).toBe(size1 === hashes.length ? 'ok' : 'INCONSISTENT');
      expect(verify({ ...older, rootHash: flip([older.rootHash], 0, bit)[0]! }, newer, proof)).toBe('INCONSISTENT');
      expect(verify(older, { ...newer, rootHash: flip([newer.rootHash], 0, bit)[0]! }, proof)).toBe('INCONSISTENT');
      expect(verify(older, newer, [...proof, newer.rootHash])).toBe('INCONSISTENT');
      if (proof.length > 0) {
        expect(verify(older, newer, flip(proof, j % proof.length, bit))).toBe('INCONSISTENT');
        expect(verify(older, newer, proof.slice(0, -1))).toBe('INCONSISTENT');
      }
      expect(verify({ size: 0, rootHash: tlog.rootHash([]) }, newer, [])).toBe('INCONSISTENT');
    }),
    { numRuns: RUNS },
  );
});
