// Tile storage in a directory on disk (Node.js): each path a file, laid out as a static host
// serves c2sp.org/tlog-tiles. A file is written to a temporary name, then renamed into place, so a
// reader never sees half a tile or half a checkpoint.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TileStorage } from './tile-storage.js';

/**
 * {@link TileStorage} in a directory on disk, laid out as a static host serves c2sp.org/tlog-tiles;
 * each file is written to a temporary name, then renamed into place, so a reader never sees half a
 * tile.
 *
 * @throws `TypeError` for an empty or non-string path; reads and writes throw the file system's
 * errors (a missing file reads as `undefined`).
 * @example
 * ```ts
 * import { tlog } from 'oblivia';
 * import { directoryStorage } from 'oblivia/node';
 *
 * const writer = tlog.logWriter({ storage: directoryStorage('/var/lib/log'), signer: process.env.LOG_SKEY! });
 * ```
 */
export function directoryStorage(root: string): TileStorage {
  if (typeof root !== 'string' || root === '') throw new TypeError(`"root" expected a directory path`);
  return Object.freeze({
    read(path: string): Uint8Array | undefined {
      try {
        return new Uint8Array(readFileSync(join(root, path)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write(path: string, data: Uint8Array): void {
      const file = join(root, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, data);
      renameSync(`${file}.tmp`, file);
    },
  });
}
