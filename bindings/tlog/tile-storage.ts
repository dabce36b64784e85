// Where a tiled log's files live: anything that reads and writes bytes by path (tile-path.ts), as a
// static host serves them. Writes are whole files; a file once written is never changed but for
// `checkpoint`.

/** Where a tiled log's files are kept: {@link tlog.memoryStorage}, oblivia/node's `directoryStorage`, or your own. */
export interface TileStorage {
  /** The file at `path`, or undefined if there is none. */
  read(path: string): Uint8Array | undefined;
  /** Writes (or replaces) the file at `path`. */
  write(path: string, data: Uint8Array): void;
}

/** Storage in memory; `files` lists what was written. */
export function memoryStorage(): TileStorage & { readonly files: ReadonlyMap<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return Object.freeze({
    files,
    read: (path: string) => files.get(path)?.slice(),
    write: (path: string, data: Uint8Array) => void files.set(path, data.slice()),
  });
}
