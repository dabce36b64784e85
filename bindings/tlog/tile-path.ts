// Where tlog-tiles keeps things (c2sp.org/tlog-tiles §Merkle Tree, §Log entries): hash tiles at
// `tile/<L>/<N>[.p/<W>]`, entry bundles at `tile/entries/<N>[.p/<W>]`, the checkpoint at
// `checkpoint`. A full tile is 256 hashes (or entries) wide; a partial one has 1 to 255.

export const TILE_WIDTH = 256;
export const CHECKPOINT_PATH = 'checkpoint';

/** The tile level of entry bundles. */
export const ENTRIES = 'entries';

/** `<N>`: zero-padded 3-digit path elements, all but the last prefixed with `x` (1234067 →
 *  x001/x234/067). */
export function tileIndexPath(index: number): string {
  const parts: string[] = [];
  let n = index;
  do {
    parts.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return parts.map((p, i) => (i < parts.length - 1 ? `x${p}` : p)).join('/');
}

/** The path of tile `index` at `level` (0 to 63, or `entries`) of `width` (1 to 256). */
export const tilePath = (level: number | typeof ENTRIES, index: number, width: number): string =>
  `tile/${level}/${tileIndexPath(index)}${width === TILE_WIDTH ? '' : `.p/${width}`}`;

/** 256^level: how many leaves one hash at `level` covers. */
export const levelSpan = (level: number): number => TILE_WIDTH ** level;

/** How many hashes (or entries, at level 0) tile `index` at `level` has in a tree of `size`; 0 if
 *  the tree does not reach it. */
export function tileWidth(size: number, level: number, index: number): number {
  const hashes = Math.floor(size / levelSpan(level));
  const full = Math.floor(hashes / TILE_WIDTH);
  return index < full ? TILE_WIDTH : index === full ? hashes % TILE_WIDTH : 0;
}
