// A log of 10^5 entries (OBLIVIA_TLOG_ENTRIES sets another size) written in batches to disk:
// every entry's inclusion proof, read from the tiles, verifies against the final checkpoint; a
// sample of entries verifies against each earlier checkpoint; every pair of checkpoints is
// consistent; and the files are exactly the c2sp.org/tlog-tiles paths.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { tlog, type Checkpoint } from 'oblivia';
import { directoryStorage } from 'oblivia/node';

const ENTRIES = Number(process.env.OBLIVIA_TLOG_ENTRIES ?? 100_000);
const key = tlog.generateKey('example.com/large');
const policy = tlog.policy({ log: key.verifierKey });
const dir = mkdtempSync(join(tmpdir(), 'oblivia-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);
/** Checkpoint sizes: uneven batches, across tile and level boundaries. */
const SIZES = [1, 255, 256, 257, 65_535, 65_536, 65_537, 77_777, ENTRIES].filter(
  (s, i, all) => s <= ENTRIES && all.indexOf(s) === i,
);

function files(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? files(path) : [relative(dir, path)];
  });
}

test(`${ENTRIES} entries: every inclusion proof, every pair of checkpoints, the tile layout`, () => {
  const storage = directoryStorage(dir);
  const writer = tlog.logWriter({ storage, signer: key.signerKey });
  const checkpoints: Checkpoint[] = [];
  for (const size of SIZES) {
    while (writer.size + writer.pending < size) writer.append(entry(writer.size + writer.pending));
    checkpoints.push(policy.verifyCheckpoint(writer.publish()).checkpoint);
  }
  const final = checkpoints.at(-1)!;
  expect(final.size).toBe(ENTRIES);

  // Verification reads each tile from disk once (proofs share most of their tiles).
  const tiles = new Map<string, Uint8Array | undefined>();
  const cached = {
    read: (path: string) => (tiles.has(path) ? tiles.get(path) : tiles.set(path, storage.read(path)).get(path)),
    write: storage.write,
  };
  const reader = tlog.tileReader(cached, final.size);
  expect(reader.rootHash()).toEqual(final.rootHash);
  for (let i = 0; i < final.size; i++) {
    tlog.verifyInclusion(tlog.leafHash(entry(i)), i, final, reader.inclusionProof(i));
  }
  for (const checkpoint of checkpoints) {
    const at = tlog.tileReader(cached, checkpoint.size);
    for (const i of [0, checkpoint.size >> 1, checkpoint.size - 1]) {
      tlog.verifyInclusion(tlog.leafHash(entry(i)), i, checkpoint, at.inclusionProof(i));
    }
    for (const older of checkpoints.filter((c) => c.size < checkpoint.size)) {
      tlog.verifyConsistency(older, checkpoint, at.consistencyProof(older.size));
    }
  }

  // The layout: tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>], N in x-prefixed 3-digit groups.
  const paths = files(dir);
  const element = '(?:x\\d{3}/)*\\d{3}';
  const pattern = new RegExp(`^(checkpoint|tile/(?:\\d|entries)/${element}(?:\\.p/\\d{1,3})?)$`);
  expect(paths.filter((p) => !pattern.test(p))).toEqual([]);
  const fullLevel0 = Math.floor(ENTRIES / 256);
  expect(paths.filter((p) => /^tile\/0\/[x\d/]+$/.test(p))).toHaveLength(fullLevel0);
  expect(paths.filter((p) => /^tile\/entries\/[x\d/]+$/.test(p))).toHaveLength(fullLevel0);
  expect(storage.read(tlog.tilePath(0, fullLevel0 - 1, 256))!.length).toBe(256 * 32);
}, 300_000);
