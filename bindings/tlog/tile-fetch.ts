// A consistency proof read from a log's tiles (c2sp.org/tlog-tiles §Merkle Tree), fetched as
// files from an untrusted source (the log's static host, a mirror, a cache). A client holding
// two signed checkpoints of one log needs an RFC 9162 §2.1.4 proof between them; the log
// serves none, but its tiles hold every hash the proof is made of. The tiles are not trusted: the
// proof is computed from them and then verified against both signed roots (verifyConsistency), so
// a bad tile makes a proof that fails, never a false one.
//
// The tiles a proof needs follow from the two sizes alone, so the reader (tile-reader.ts) is run
// over a storage that answers every tile not yet fetched with zeros and notes its path: one pass
// names every tile still missing, which are fetched together. A partial tile the source does not
// have (404) is read from its full tile on the next pass (§Partial Tiles); so a proof takes at
// most two rounds of fetches, and what the source answers cannot add any.
import { bytes, integer } from '../utils/arguments.js';
import { HASH_SIZE } from './merkle.js';
import { TILE_WIDTH } from './tile-path.js';
import { tileReader } from './tile-reader.js';

/** A log's files by path (tile-path.ts: `tile/0/000`, no leading slash), or undefined if it has
 *  none; e.g. `tlog.httpTiles(url)`. */
export type TileSource = (path: string) => Promise<Uint8Array | undefined>;

/** The rounds of fetches a proof takes: its tiles, then the full tiles of partial ones missing. */
const MAX_ROUNDS = 2;

/** The most tiles a proof is read from: ample for any safe-integer size (sizes below 2^53 have
 *  seven tile levels and a proof reads a few tiles a level: 20 at most, 404s included, over the
 *  sizes tried), and no source can make it more. */
export const MAX_PROOF_TILES = 64;

/** What an unfetched tile reads as in the pass that names the missing ones: a full tile of zeros. */
const PLACEHOLDER = new Uint8Array(TILE_WIDTH * HASH_SIZE);

/**
 * The consistency proof from the log's first `size1` leaves to its first `size2`, computed from the
 * tiles of the tree of `size2` that `source` serves. Unverified: check it with verifyConsistency
 * against both signed checkpoints. TransparencyError NOT_FOUND if a tile it needs is missing
 * (partial and full), MALFORMED if one is too short; what `source` throws is thrown as it is.
 */
export async function fetchConsistencyProof(source: TileSource, size1: number, size2: number): Promise<Uint8Array[]> {
  if (typeof source !== 'function') throw new TypeError('"source" expected a tile source function');
  integer(size2, 'size2', 1, Number.MAX_SAFE_INTEGER);
  integer(size1, 'size1', 1, size2);
  /** Fetched tiles by path; undefined for a path the source does not have. */
  const tiles = new Map<string, Uint8Array | undefined>();
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const missing = new Set<string>();
    const proof = tileReader(
      {
        read(path: string) {
          if (tiles.has(path)) return tiles.get(path);
          missing.add(path);
          return PLACEHOLDER;
        },
        write() {
          throw new TypeError('tile-fetch storage is read-only');
        },
      },
      size2,
    ).consistencyProof(size1);
    if (missing.size === 0) return proof;
    if (round === MAX_ROUNDS || tiles.size + missing.size > MAX_PROOF_TILES) break;
    const paths = [...missing];
    const fetched = await Promise.all(paths.map((path) => source(path)));
    paths.forEach((path, i) =>
      tiles.set(path, fetched[i] === undefined ? undefined : bytes(fetched[i], `source(${path})`)),
    );
  }
  // Unreachable for a tree of safe-integer size: the tiles are named by the sizes alone.
  throw new RangeError('a consistency proof needed more tiles than any tree has');
}
