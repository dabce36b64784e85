// A tiled log's writer (c2sp.org/tlog-tiles): it sequences entries and, on publish, writes the
// entry bundles and hash tiles they fill or extend (§Merkle Tree, §Log entries), then the signed
// checkpoint (§Checkpoints) — tiles first, so no checkpoint names a tree whose tiles are missing.
// It resumes from the checkpoint already in storage. One writer a log: nothing here locks.
import { bytes, objectArgument } from '../utils/arguments.js';
import { concat, EMPTY, u16, utf8 } from '../utils/bytes.js';
import { formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { HASH_SIZE, leafHash, rootHash } from './merkle.js';
import type { NoteSigner } from './note-key.js';
import { noteSigner } from './note-signers.js';
import { parseNote, signNote } from './signed-note.js';
import { CHECKPOINT_PATH, ENTRIES, levelSpan, TILE_WIDTH, tilePath } from './tile-path.js';
import { readTile, tileReader } from './tile-reader.js';
import type { TileStorage } from './tile-storage.js';
import { TransparencyError } from './transparency-error.js';

/** Options of {@link tlog.logWriter}. */
export interface LogWriterOptions {
  readonly storage: TileStorage;
  /** The log's key: a Go skey (Ed25519), or any note signer. */
  readonly signer: string | NoteSigner;
  /** The checkpoints' origin line; the signer's key name by default. */
  readonly origin?: string;
}

/** A tiled log's writer, from {@link tlog.logWriter}. */
export interface LogWriter {
  readonly origin: string;
  /** The size of the last published tree. */
  readonly size: number;
  /** How many appended entries wait for the next publish. */
  readonly pending: number;
  /** Queues `entry` (at most 65535 bytes: entry bundles prefix a uint16 length); its index. */
  append(entry: Uint8Array): number;
  /** Writes the pending entries' bundles and tiles, then the signed checkpoint; the checkpoint note. */
  publish(): string;
}

const MAX_ENTRY_SIZE = 0xffff;

export function logWriter(options: LogWriterOptions): LogWriter {
  const { storage: given, signer: key, origin: originOption } = objectArgument(options, 'options');
  if (typeof given?.read !== 'function' || typeof given.write !== 'function')
    throw new TypeError(`"options.storage" expected a TileStorage`);
  const storage: TileStorage = given;
  const signer =
    typeof key === 'string' ? noteSigner(key) : (objectArgument<NoteSigner>(key!, 'options.signer') as NoteSigner);
  const origin = originOption ?? signer.name;
  const published = storage.read(CHECKPOINT_PATH);
  let size = published === undefined ? 0 : parseCheckpoint(parseNote(published).text, { origin }).size;
  let queue: Uint8Array[] = [];

  /** Writes `items` (hashes, or length-prefixed entries) as the row of `level` from item `first`,
   *  after what the tree of `size` already holds; the completed tiles' hashes (for the level above). */
  function writeRow(level: number | typeof ENTRIES, first: number, items: readonly Uint8Array[]): Uint8Array[] {
    const above: Uint8Array[] = [];
    for (let i = 0; i < items.length;) {
      const index = Math.floor((first + i) / TILE_WIDTH);
      const offset = (first + i) % TILE_WIDTH;
      const added = items.slice(i, i + TILE_WIDTH - offset);
      const old = offset === 0 ? EMPTY : readTile(storage, size, level, index);
      if (level !== ENTRIES && old.length !== offset * HASH_SIZE) throw new TransparencyError('MALFORMED');
      const tile = concat(old, ...added);
      storage.write(tilePath(level, index, offset + added.length), tile);
      if (level !== ENTRIES && offset + added.length === TILE_WIDTH)
        above.push(
          rootHash(Array.from({ length: TILE_WIDTH }, (_, h) => tile.subarray(h * HASH_SIZE, (h + 1) * HASH_SIZE))),
        );
      i += added.length;
    }
    return above;
  }

  return {
    origin,
    get size() {
      return size;
    },
    get pending() {
      return queue.length;
    },
    append(entry: Uint8Array): number {
      bytes(entry, 'entry');
      if (entry.length > MAX_ENTRY_SIZE)
        throw new RangeError(`"entry" expected at most ${MAX_ENTRY_SIZE} bytes, got length=${entry.length}`);
      queue.push(entry.slice());
      return size + queue.length - 1;
    },
    publish(): string {
      writeRow(
        ENTRIES,
        size,
        queue.map((entry) => concat(u16(entry.length), entry)),
      );
      let row = queue.map(leafHash);
      for (let level = 0; row.length > 0; level++) row = writeRow(level, Math.floor(size / levelSpan(level)), row);
      const end = size + queue.length;
      const text = formatCheckpoint({
        origin,
        size: end,
        rootHash: tileReader(storage, end).rootHash(),
        extensions: [],
      });
      const note = signNote(text, [signer]);
      storage.write(CHECKPOINT_PATH, utf8(note));
      size = end;
      queue = [];
      return note;
    },
  };
}
