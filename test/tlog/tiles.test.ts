// c2sp.org/tlog-tiles: tile paths; a log writer that publishes in batches into memory and onto
// disk, whose checkpoints verify and whose roots are the RFC 9162 roots of the same leaves; the
// spec's tree of 70,000 entries tile for tile; a reader whose proofs are merkle.ts's, byte for
// byte, and verify against the signed checkpoint; resuming; missing and damaged tiles.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { tlog, type Checkpoint, type TileStorage } from 'oblivia';
import { directoryStorage } from 'oblivia/node';
import { hex } from '../helpers.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200);
const refused = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'TransparencyError', code }));
const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);
const key = tlog.generateKey('example.com/tiles');
const policy = tlog.policy({ log: key.verifierKey });

/** Publishes `batches` of entries; returns the writer and every entry's leaf hash. */
function writeLog(storage: TileStorage, batches: readonly number[]) {
  const writer = tlog.logWriter({ storage, signer: key.signerKey });
  const leaves: Uint8Array[] = [];
  const checkpoints: Checkpoint[] = [];
  for (const batch of batches) {
    const indices = Array.from({ length: batch }, () => {
      leaves.push(tlog.leafHash(entry(leaves.length)));
      return writer.append(entry(leaves.length - 1));
    });
    expect(indices).toEqual(Array.from({ length: batch }, (_, i) => leaves.length - batch + i));
    const checkpoint = policy.verifyCheckpoint(writer.publish()).checkpoint;
    expect([checkpoint.size, hex(checkpoint.rootHash)]).toEqual([leaves.length, hex(tlog.rootHash(leaves))]);
    checkpoints.push(checkpoint);
  }
  return { writer, leaves, checkpoints };
}

test('tile paths (§Merkle Tree): x-prefixed 3-digit elements, .p/<W> for partial tiles', () => {
  expect(tlog.tilePath(0, 0, 256)).toBe('tile/0/000');
  expect(tlog.tilePath(1, 1234067, 256)).toBe('tile/1/x001/x234/067');
  expect(tlog.tilePath(0, 1000, 17)).toBe('tile/0/x001/000.p/17');
  expect(tlog.tilePath('entries', 5, 1)).toBe('tile/entries/005.p/1');
  expect(tlog.CHECKPOINT_PATH).toBe('checkpoint');
});

test('the tree of 70,000 entries is the spec’s: 273 full + 1 partial (112) level-0 tiles and bundles, 1 full + 1 partial (17) at level 1, 1 partial (1) at level 2', () => {
  const storage = tlog.memoryStorage();
  const { leaves } = writeLog(storage, [70_000]);
  const paths = [...storage.files.keys()];
  const at = (prefix: RegExp) => paths.filter((p) => prefix.test(p)).sort();
  expect(at(/^tile\/0\/[x0-9/]+$/).length).toBe(273);
  expect(at(/^tile\/0\/.*\.p\//)).toEqual(['tile/0/273.p/112']);
  expect(at(/^tile\/entries\/[x0-9/]+$/).length).toBe(273);
  expect(at(/^tile\/entries\/.*\.p\//)).toEqual(['tile/entries/273.p/112']);
  expect(at(/^tile\/1\//)).toEqual(['tile/1/000', 'tile/1/001.p/17']);
  expect(at(/^tile\/2\//)).toEqual(['tile/2/000.p/1']);
  expect(paths.length).toBe(273 * 2 + 2 + 2 + 1 + 1);
  expect(storage.files.get('tile/0/000')!.length).toBe(8192);
  const reader = tlog.tileReader(storage, 70_000);
  for (const i of [0, 65_536, 69_999]) {
    expect(reader.inclusionProof(i)).toEqual(tlog.inclusionProof(leaves, i));
    expect(reader.entry(i)).toEqual(entry(i));
  }
  for (const size1 of [256, 65_536])
    expect(reader.consistencyProof(size1)).toEqual(tlog.consistencyProof(leaves, size1));
});

test('published in random batches, the reader’s roots and proofs are merkle.ts’s and verify against the checkpoints', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }), fc.nat(), (batches, n) => {
      const storage = tlog.memoryStorage();
      const { writer, leaves, checkpoints } = writeLog(storage, batches);
      if (leaves.length === 0) return;
      const checkpoint = policy.verifyCheckpoint(new TextDecoder().decode(storage.read('checkpoint'))).checkpoint;
      const reader = tlog.tileReader(storage, writer.size);
      expect(hex(reader.rootHash())).toBe(hex(checkpoint.rootHash));
      const index = n % leaves.length;
      const proof = reader.inclusionProof(index);
      expect(proof).toEqual(tlog.inclusionProof(leaves, index));
      tlog.verifyInclusion(tlog.leafHash(reader.entry(index)), index, checkpoint, proof);
      // Consistency from each earlier checkpoint: its tiles (partial ones included) are all kept.
      for (const older of checkpoints.filter((c) => c.size > 0)) {
        expect(hex(tlog.tileReader(storage, older.size).rootHash())).toBe(hex(older.rootHash));
        const consistency = reader.consistencyProof(older.size);
        expect(consistency).toEqual(tlog.consistencyProof(leaves, older.size));
        tlog.verifyConsistency(older, checkpoint, consistency);
      }
    }),
    { numRuns: Math.max(10, RUNS / 10) },
  );
});

test('a writer resumes from the checkpoint in storage; an empty log publishes the empty root', () => {
  const storage = tlog.memoryStorage();
  const first = tlog.logWriter({ storage, signer: key.signerKey });
  expect(tlog.parseCheckpoint(tlog.parseNote(first.publish()).text).rootHash).toEqual(tlog.rootHash([]));
  const { leaves } = writeLog(storage, [300]);
  const again = tlog.logWriter({ storage, signer: key.signerKey });
  expect([again.size, again.pending]).toEqual([300, 0]);
  expect(again.append(entry(300))).toBe(300);
  expect(again.pending).toBe(1);
  const note = again.publish();
  expect(policy.verifyCheckpoint(note).checkpoint.rootHash).toEqual(
    tlog.rootHash([...leaves, tlog.leafHash(entry(300))]),
  );
  refused(() => tlog.logWriter({ storage, signer: key.signerKey, origin: 'example.com/other' }), 'UNKNOWN_LOG');
});

test('missing or damaged tiles: NOT_FOUND, MALFORMED; a gone partial tile is read from its full tile', () => {
  const storage = tlog.memoryStorage();
  writeLog(storage, [10, 300]);
  const files = new Map(storage.files);
  const without = (path: string): TileStorage => ({
    read: (p) => (p === path ? undefined : files.get(p)),
    write: () => {},
  });
  const damaged = (path: string): TileStorage => ({
    read: (p) => (p === path ? files.get(p)!.subarray(1) : files.get(p)),
    write: () => {},
  });
  refused(() => tlog.tileReader(without('tile/0/001.p/54'), 310).rootHash(), 'NOT_FOUND');
  refused(() => tlog.tileReader(damaged('tile/0/001.p/54'), 310).rootHash(), 'MALFORMED');
  refused(() => tlog.tileReader(damaged('tile/entries/000'), 310).entry(0), 'MALFORMED');
  // The tree of 10 entries: its partial tile tile/0/000.p/10 was written, and so was the full one.
  expect(tlog.tileReader(without('tile/0/000.p/10'), 10).rootHash()).toEqual(tlog.tileReader(storage, 10).rootHash());
  expect(() => tlog.tileReader(storage, 310).inclusionProof(310)).toThrow(RangeError);
  expect(() => tlog.logWriter({ storage, signer: key.signerKey }).append(new Uint8Array(65_536))).toThrow(RangeError);
});

describe('on disk (oblivia/node directoryStorage)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oblivia-tlog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the files are the tlog-tiles layout; a reader over them verifies', () => {
    const { leaves } = writeLog(directoryStorage(dir), [257, 3]);
    expect(readdirSync(dir).sort()).toEqual(['checkpoint', 'tile']);
    expect(readdirSync(join(dir, 'tile')).sort()).toEqual(['0', '1', 'entries']);
    expect(readdirSync(join(dir, 'tile/0')).sort()).toEqual(['000', '001.p']);
    expect(readdirSync(join(dir, 'tile/0/001.p')).sort()).toEqual(['1', '4']);
    const storage = directoryStorage(dir);
    const verified = policy.verifyProof(
      tlog.formatProof({
        index: 258,
        hashes: tlog.tileReader(storage, 260).inclusionProof(258),
        checkpoint: new TextDecoder().decode(storage.read('checkpoint')),
      }),
      leaves[258]!,
    );
    expect(verified.checkpoint.size).toBe(260);
    expect(storage.read('tile/9/000')).toBeUndefined();
  });
});
