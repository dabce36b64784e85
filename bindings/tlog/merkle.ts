// RFC 9162 §2.1 Merkle hash trees over SHA-256 (RFC 6962's hashing): leaf and node hashes, the
// root of a list of leaves, inclusion and consistency proofs, made (§2.1.3.1, §2.1.4.1) and
// verified (§2.1.3.2, §2.1.4.2). Sizes and indices are safe integers (below 2^53).
//
// Two checks beyond the RFC's algorithms, as transparency-dev/merkle makes them:
//   - the leaf hash and every proof hash are exactly 32 bytes, and so are both roots whenever a
//     consistency proof is computed (different sizes);
//   - no consistency proof from size 0: nothing is proven about an empty tree.
import { sha256 } from '../hash.js';
import { bytes, integer, objectArgument } from '../utils/arguments.js';
import { concat, EMPTY, equalBytes } from '../utils/bytes.js';
import { TransparencyError } from './transparency-error.js';

/** A tree head: what a checkpoint commits to. */
export interface TreeHead {
  /** The number of leaves. */
  readonly size: number;
  /** The tree's root hash, 32 bytes (RFC 9162 §2.1.1). */
  readonly rootHash: Uint8Array;
}

export const HASH_SIZE = 32;
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH of one entry (§2.1.1): SHA-256(0x00 ‖ data). */
export const leafHash = (data: Uint8Array): Uint8Array => sha256(concat(LEAF_PREFIX, bytes(data, 'data')));

/** An interior node (§2.1.1): SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array =>
  hashChildren(bytes(left, 'left', HASH_SIZE), bytes(right, 'right', HASH_SIZE));

/** nodeHash without argument checks, for hashes known to be 32 bytes. */
export const hashChildren = (left: Uint8Array, right: Uint8Array): Uint8Array =>
  sha256(concat(NODE_PREFIX, left, right));

/** The largest power of two smaller than n (n > 1): where §2.1.1 splits a tree. */
export function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number): boolean => n > 0 && split(n + 1) === n;

/** MTH(D[lo:hi]) over leaf hashes. */
function subtreeRoot(leaves: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  if (hi - lo === 1) return leaves[lo]!;
  const k = split(hi - lo);
  return hashChildren(subtreeRoot(leaves, lo, lo + k), subtreeRoot(leaves, lo + k, hi));
}

function leafHashes(value: unknown): readonly Uint8Array[] {
  if (!Array.isArray(value)) throw new TypeError(`"leafHashes" expected an array of Uint8Array`);
  value.forEach((h, i) => bytes(h, `leafHashes[${i}]`, HASH_SIZE));
  return value as Uint8Array[];
}

/** The root hash of the tree whose leaves have these hashes (§2.1.1); SHA-256("") if none. */
export function rootHash(leaves: readonly Uint8Array[]): Uint8Array {
  const list = leafHashes(leaves);
  return list.length === 0 ? sha256(EMPTY) : subtreeRoot(list, 0, list.length);
}

/** MTH(D[lo:hi]) of a tree, however it is stored: a list of leaf hashes, or tiles. The proofs ask
 *  only for ranges whose start is a multiple of the smallest power of two at least their size. */
export type RangeHash = (lo: number, hi: number) => Uint8Array;

/** PATH(index, D[0:size]) (§2.1.3.1), over `hash`: from the leaf's sibling up. */
export function inclusionPath(size: number, index: number, hash: RangeHash): Uint8Array[] {
  const path: Uint8Array[] = [];
  // PATH(m, D[lo:hi]), unrolled: each step descends into the half that holds leaf m.
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = split(hi - lo);
    if (index < lo + k) {
      path.push(hash(lo + k, hi));
      hi = lo + k;
    } else {
      path.push(hash(lo, lo + k));
      lo += k;
    }
  }
  return path.reverse();
}

/** PROOF(size1, D[0:size]) (§2.1.4.1), over `hash`. */
export function consistencyPath(size: number, size1: number, hash: RangeHash): Uint8Array[] {
  const path: Uint8Array[] = [];
  // SUBPROOF(m, D[lo:hi], b), unrolled: each step descends into the half that holds leaf m - 1.
  let lo = 0;
  let hi = size;
  let m = size1;
  let complete = true;
  while (m !== hi - lo) {
    const k = split(hi - lo);
    if (m <= k) {
      path.push(hash(lo + k, hi));
      hi = lo + k;
    } else {
      path.push(hash(lo, lo + k));
      lo += k;
      m -= k;
      complete = false;
    }
  }
  if (!complete) path.push(hash(lo, hi));
  return path.reverse();
}

/** The inclusion proof of leaf `index` in the tree of these leaf hashes (§2.1.3.1). */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Uint8Array[] {
  const list = leafHashes(leaves);
  integer(index, 'index', 0, list.length - 1);
  return inclusionPath(list.length, index, (lo, hi) => subtreeRoot(list, lo, hi));
}

/** The consistency proof from the first `size1` of these leaf hashes to all of them (§2.1.4.1). */
export function consistencyProof(leaves: readonly Uint8Array[], size1: number): Uint8Array[] {
  const list = leafHashes(leaves);
  integer(size1, 'size1', 1, list.length);
  return consistencyPath(list.length, size1, (lo, hi) => subtreeRoot(list, lo, hi));
}

function treeHead(value: unknown, name: string): TreeHead {
  const head = objectArgument<TreeHead>(value, name);
  integer(head.size, `${name}.size`, 0, Number.MAX_SAFE_INTEGER);
  bytes(head.rootHash, `${name}.rootHash`);
  return head as TreeHead;
}

function proofHashes(value: unknown): readonly Uint8Array[] {
  if (!Array.isArray(value)) throw new TypeError(`"proof" expected an array of Uint8Array`);
  value.forEach((h, i) => bytes(h, `proof[${i}]`));
  return value as Uint8Array[];
}

/** A leaf index: any non-negative integer, as one past the tree (even past 2^53) is a refusal. */
function leafIndex(value: unknown): number {
  if (typeof value !== 'number') throw new TypeError(`"index" expected integer, got ${typeof value}`);
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`"index" expected a non-negative integer, got ${value}`);
  return value;
}

const allHashSized = (hashes: readonly Uint8Array[]): boolean => hashes.every((h) => h.length === HASH_SIZE);

/** Halves (right-shifts) a node position, as §2.1.3.2 and §2.1.4.2 do on 64-bit integers. */
const half = (n: number): number => Math.floor(n / 2);

/**
 * Verifies that the leaf with hash `leaf` is at `index` in `tree` (§2.1.3.2); TransparencyError
 * NOT_INCLUDED if the proof does not lead to the tree's root.
 */
export function verifyInclusion(leaf: Uint8Array, index: number, tree: TreeHead, proof: readonly Uint8Array[]): void {
  bytes(leaf, 'leaf');
  leafIndex(index);
  const { size, rootHash: root } = treeHead(tree, 'tree');
  const path = proofHashes(proof);
  if (index >= size || leaf.length !== HASH_SIZE || !allHashSized(path)) throw new TransparencyError('NOT_INCLUDED');
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) throw new TransparencyError('NOT_INCLUDED');
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0 || !equalBytes(r, root)) throw new TransparencyError('NOT_INCLUDED');
}

/**
 * Verifies that `newer` extends `older` (§2.1.4.2); TransparencyError INCONSISTENT if it does not,
 * if `older` is empty, or if `older` is the larger.
 */
export function verifyConsistency(older: TreeHead, newer: TreeHead, proof: readonly Uint8Array[]): void {
  const { size: size1, rootHash: root1 } = treeHead(older, 'older');
  const { size: size2, rootHash: root2 } = treeHead(newer, 'newer');
  const hashes = proofHashes(proof);
  if (size1 === 0 || size1 > size2) throw new TransparencyError('INCONSISTENT');
  if (size1 === size2) {
    if (hashes.length !== 0 || !equalBytes(root1, root2)) throw new TransparencyError('INCONSISTENT');
    return;
  }
  if (hashes.length === 0 || !allHashSized([root1, root2, ...hashes])) throw new TransparencyError('INCONSISTENT');
  const path = isPowerOfTwo(size1) ? [root1, ...hashes] : hashes;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) throw new TransparencyError('INCONSISTENT');
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0 || !equalBytes(fr, root1) || !equalBytes(sr, root2)) throw new TransparencyError('INCONSISTENT');
}
