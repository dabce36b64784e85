// A tree of a given size read from tlog-tiles (c2sp.org/tlog-tiles §Merkle Tree, §Log entries):
// its root, inclusion and consistency proofs (RFC 9162 §2.1.3.1, §2.1.4.1) and entries. Tiles are
// untrusted: what they give is checked against a verified checkpoint (verifyInclusion,
// verifyConsistency, or comparing rootHash()). A partial tile that is gone is read from its full
// tile, as §Partial Tiles allows.
import { integer } from '../utils/arguments.js';
import { readU16 } from '../utils/bytes.js';
import { consistencyPath, hashChildren, HASH_SIZE, inclusionPath, rootHash } from './merkle.js';
import { ENTRIES, levelSpan, TILE_WIDTH, tilePath, tileWidth } from './tile-path.js';
import type { TileStorage } from './tile-storage.js';
import { TransparencyError } from './transparency-error.js';

/** A reader of a tiled tree, from {@link tlog.tileReader}. */
export interface TileReader {
  readonly size: number;
  /** The root hash of the tree of `size` leaves. */
  rootHash(): Uint8Array;
  /** The inclusion proof of entry `index` in the tree. */
  inclusionProof(index: number): Uint8Array[];
  /** The consistency proof from the tree's first `size1` leaves to all of them. */
  consistencyProof(size1: number): Uint8Array[];
  /** Entry `index`, from its entry bundle. */
  entry(index: number): Uint8Array;
}

/** Tile `index` at `level` of a tree of `size`: its full file, or the first bytes of a wider one. */
export function readTile(
  storage: TileStorage,
  size: number,
  level: number | typeof ENTRIES,
  index: number,
): Uint8Array {
  const width = tileWidth(size, level === ENTRIES ? 0 : level, index);
  if (width === 0) throw new TransparencyError('NOT_FOUND');
  const data = storage.read(tilePath(level, index, width)) ?? storage.read(tilePath(level, index, TILE_WIDTH));
  if (data === undefined) throw new TransparencyError('NOT_FOUND');
  return data;
}

/** The entries of a bundle: big-endian uint16 length-prefixed (§Log entries). */
export function bundleEntries(bundle: Uint8Array): Uint8Array[] {
  const entries: Uint8Array[] = [];
  for (let at = 0; at < bundle.length;) {
    if (at + 2 > bundle.length) throw new TransparencyError('MALFORMED');
    const length = readU16(bundle, at);
    if (at + 2 + length > bundle.length) throw new TransparencyError('MALFORMED');
    entries.push(bundle.slice(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}

/** How many subtree hashes a reader keeps (32 bytes each, and the key). */
const SUBTREE_CACHE = 4096;

/** A reader of the tree of `size` leaves kept in `storage`. */
export function tileReader(storage: TileStorage, size: number): TileReader {
  integer(size, 'size', 0, Number.MAX_SAFE_INTEGER);

  /** `count` hashes at `level` from `first`, all in one tile. */
  function hashes(level: number, first: number, count: number): Uint8Array[] {
    const tile = readTile(storage, size, level, Math.floor(first / TILE_WIDTH));
    const at = (first % TILE_WIDTH) * HASH_SIZE;
    if (tile.length % HASH_SIZE !== 0 || tile.length < at + count * HASH_SIZE) throw new TransparencyError('MALFORMED');
    return Array.from({ length: count }, (_, i) => tile.slice(at + i * HASH_SIZE, at + (i + 1) * HASH_SIZE));
  }

  /** The subtree hashes computed lately: neighbouring proofs share most of them. */
  const subtrees = new Map<string, Uint8Array>();

  /** MTH of the complete subtree of `span` = 2^(8l + j) leaves from `lo` (a multiple of it): the
   *  MTH of 2^j consecutive hashes at level l, all in one tile. */
  function completeSubtree(lo: number, span: number): Uint8Array {
    let level = 0;
    while (levelSpan(level + 1) <= span) level++;
    const count = span / levelSpan(level);
    if (count === 1) return hashes(level, lo / levelSpan(level), 1)[0]!;
    const key = `${lo}/${span}`;
    const known = subtrees.get(key);
    if (known !== undefined) return known.slice();
    const hash = rootHash(hashes(level, lo / levelSpan(level), count));
    if (subtrees.size === SUBTREE_CACHE) subtrees.delete(subtrees.keys().next().value!);
    subtrees.set(key, hash.slice());
    return hash;
  }

  /** MTH(D[lo:hi]), lo a multiple of the power of two at least hi - lo: the complete subtrees of
   *  the binary decomposition of hi - lo, folded from the right. */
  function rangeHash(lo: number, hi: number): Uint8Array {
    if (hi === lo) return rootHash([]);
    const parts: Uint8Array[] = [];
    let span = 1;
    while (span * 2 <= hi - lo) span *= 2;
    for (let at = lo; at < hi; span /= 2) {
      if (at + span > hi) continue;
      parts.push(completeSubtree(at, span));
      at += span;
    }
    return parts.reduceRight((right, left) => hashChildren(left, right));
  }

  return Object.freeze({
    size,
    rootHash: () => rangeHash(0, size),
    inclusionProof: (index: number) => inclusionPath(size, integer(index, 'index', 0, size - 1), rangeHash),
    consistencyProof: (size1: number) => consistencyPath(size, integer(size1, 'size1', 1, size), rangeHash),
    entry(index: number): Uint8Array {
      integer(index, 'index', 0, size - 1);
      const bundle = bundleEntries(readTile(storage, size, ENTRIES, Math.floor(index / TILE_WIDTH)));
      const entry = bundle[index % TILE_WIDTH];
      if (entry === undefined) throw new TransparencyError('MALFORMED');
      return entry;
    },
  });
}
