// A client that tracks the release log (`log: tlog.verifier`) and reads its tiles (`tiles`) accepts
// bundles whose checkpoints are of different sizes as the log grows — later, and earlier, than the
// newest it has seen — proving consistency from the tiles it fetches; it refuses a forked tree of
// the same log key and witnesses (LOG, INCONSISTENT), whoever serves the tiles, and a tile that
// cannot be fetched is LOG with the error as cause. Tiles are fetched only for a checkpoint the
// policy accepted, and never when the sizes match or a proof was given.
import { describe, expect, test } from 'vitest';
import { attestationSimulator } from 'oblivia/attestation-simulator';
import { hpke } from 'oblivia/hpke';
import { ohttp } from 'oblivia/ohttp';
import { session, SessionError, type BundleVerifierOptions, type ReleaseStatement } from 'oblivia/session';
import { tlog, TransparencyError, type TileStorage } from 'oblivia/tlog';

const NOW = new Date('2026-03-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const HOUR = 3600;
const at = (seconds: number): Date => new Date(seconds * 1000);

const sim = await attestationSimulator.sevSnp({ product: 'Milan' });
const endorsements = { signer: sim.vcek, chain: sim.chainPem };
const measurement = new Uint8Array(48).fill(0xa5);
const suites = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const nodeKey = ohttp.generateKeyConfig(7, hpke.KEM.X25519_HKDF_SHA256, suites);
const release: ReleaseStatement = { platform: 'sev-snp', measurement, name: 'node 1.0.0', time: at(NOW_S - 24 * HOUR) };
const statement = session.releaseStatement(release);

const ORIGIN = 'example.com/releases';
const witnesses = ['w1.example', 'w2.example'].map((name) => tlog.cosigner(tlog.generateKey(name).signerKey));
const logKey = tlog.generateKey(ORIGIN);

/** A log under `key`: its storage and writer. */
function makeLog(key = logKey) {
  const storage = tlog.memoryStorage();
  return { key, storage, writer: tlog.logWriter({ storage, signer: key.signerKey }) };
}
type Log = ReturnType<typeof makeLog>;

const filler = (tag: string, i: number): Uint8Array => new TextEncoder().encode(`${tag} entry ${i}\n`);

/** Appends `count` entries tagged `tag`, publishes, has both witnesses cosign; the tlog-proof of
 *  the statement (entry `index`) in the new tree. */
function grow(log: Log, count: number, index: number, tag = 'another'): string {
  for (let i = 0; i < count; i++) log.writer.append(filler(tag, log.writer.size + log.writer.pending));
  let note = log.writer.publish();
  for (const w of witnesses) note = w.cosign(note, NOW_S - 60);
  const hashes = tlog.tileReader(log.storage, log.writer.size).inclusionProof(index);
  return tlog.formatProof({ index, hashes, checkpoint: note });
}

/** A log whose entry 3 is the statement. */
function releaseLog(key = logKey, tag = 'another'): Log {
  const log = makeLog(key);
  for (let i = 0; i < 3; i++) log.writer.append(filler(tag, i));
  log.writer.append(statement);
  return log;
}

const policy = tlog.policy({
  log: logKey.verifierKey,
  witnesses: witnesses.map((w) => w.verifierKey),
  quorum: 2,
  maxAge: HOUR,
});

/** A static host of `storage` as a handler, counting requests. */
function host(storage: () => TileStorage) {
  const served = { requests: 0 };
  const handler = async (request: Request) => {
    served.requests++;
    const data = storage().read(new URL(request.url).pathname.slice(1));
    return data === undefined ? new Response(null, { status: 404 }) : new Response(data as Uint8Array<ArrayBuffer>);
  };
  return { handler, served };
}

const bundle = (proof: string): Promise<Uint8Array> =>
  session.createBundle({
    keyConfig: nodeKey,
    expiry: at(NOW_S + HOUR),
    attester: (reportData) => sim.attest({ reportData, measurement }),
    endorsements,
    statement,
    proof,
  });

const options = (overrides: Partial<BundleVerifierOptions>): BundleVerifierOptions => ({
  attestation: { sevSnp: { roots: [{ product: 'Milan', arkSha256: sim.arkSha256 }] } },
  log: policy,
  ...overrides,
});

/** How a verification ended: the tree size accepted, or the error's class and code (and cause's). */
async function outcome(run: () => Promise<{ log: { treeSize: number } }>): Promise<string> {
  try {
    return `ACCEPTED ${(await run()).log.treeSize}`;
  } catch (error) {
    if (!(error instanceof SessionError)) throw error;
    const cause = error.cause;
    const detail =
      cause instanceof TransparencyError ? ` ${cause.code}` : cause instanceof Error ? ` (${cause.message})` : '';
    return `SessionError ${error.code}${detail}`;
  }
}

// The log: the statement at 3 of 5, then grown across a tile boundary to 305, then to 600.
const log = releaseLog();
const proofs = new Map<number, string>();
for (const count of [1, 300, 295]) proofs.set(log.writer.size + log.writer.pending + count, grow(log, count, 3));
const [N, M, L] = [...proofs.keys()] as [number, number, number];
const bundles = new Map<number, Uint8Array>();
for (const [size, proof] of proofs) bundles.set(size, await bundle(proof));

describe('a tracking client reads the tiles it needs to follow the log', () => {
  test(`bundles at ${N}, then ${M}, then ${N} again, then ${L}: all accepted, the newest moves to ${M} then ${L}`, async () => {
    const tiles = host(() => log.storage);
    const logVerifier = tlog.verifier({ policy });
    const v = session.bundleVerifier(options({ log: logVerifier, tiles: tlog.httpTiles(tiles.handler) }));
    expect(await outcome(() => v.verify(bundles.get(N)!, { now: NOW }))).toBe(`ACCEPTED ${N}`);
    expect(tiles.served.requests).toBe(0); // the first checkpoint needs no proof
    expect((await logVerifier.newest())!.size).toBe(N);
    expect(await outcome(() => v.verify(bundles.get(M)!, { now: NOW }))).toBe(`ACCEPTED ${M}`);
    expect((await logVerifier.newest())!.size).toBe(M);
    expect(tiles.served.requests).toBeGreaterThan(0);
    expect(await outcome(() => v.verify(bundles.get(N)!, { now: NOW }))).toBe(`ACCEPTED ${N}`);
    expect((await logVerifier.newest())!.size).toBe(M);
    const before = tiles.served.requests;
    expect(await outcome(() => v.verify(bundles.get(M)!, { now: NOW }))).toBe(`ACCEPTED ${M}`);
    expect(tiles.served.requests).toBe(before); // the same size: nothing to prove
    expect(await outcome(() => v.verify(bundles.get(L)!, { now: NOW }))).toBe(`ACCEPTED ${L}`);
    expect((await logVerifier.newest())!.size).toBe(L);
  });

  test('the tiles may be given as the log’s URL prefix (over the network) or any source function', async () => {
    const reads: string[] = [];
    const source = async (path: string) => (reads.push(path), log.storage.read(path));
    const v = session.bundleVerifier(options({ log: tlog.verifier({ policy }), tiles: source }));
    for (const size of [M, N, L])
      expect(await outcome(() => v.verify(bundles.get(size)!, { now: NOW }))).toBe(`ACCEPTED ${size}`);
    expect(reads.length).toBeGreaterThan(0);
    // A URL: checked when the verifier is made; an unreachable host is LOG UNAVAILABLE.
    const remote = session.bundleVerifier(options({ log: tlog.verifier({ policy }), tiles: 'http://127.0.0.1:1/log' }));
    expect(await outcome(() => remote.verify(bundles.get(N)!, { now: NOW }))).toBe(`ACCEPTED ${N}`);
    expect(await outcome(() => remote.verify(bundles.get(M)!, { now: NOW }))).toBe('SessionError LOG UNAVAILABLE');
  });

  test('an explicit consistency proof is used as it is: no tile is fetched', async () => {
    const tiles = host(() => log.storage);
    const v = session.bundleVerifier(options({ log: tlog.verifier({ policy }), tiles: tlog.httpTiles(tiles.handler) }));
    await v.verify(bundles.get(N)!, { now: NOW });
    const consistency = tlog.tileReader(log.storage, M).consistencyProof(N);
    expect(await outcome(() => v.verify(bundles.get(M)!, { now: NOW, consistency }))).toBe(`ACCEPTED ${M}`);
    expect(await outcome(() => v.verify(bundles.get(L)!, { now: NOW, consistency }))).toBe(
      'SessionError LOG INCONSISTENT',
    );
    expect(tiles.served.requests).toBe(0);
  });

  test('without tiles, a tracking client still refuses a checkpoint of another size (LOG INCONSISTENT)', async () => {
    const v = session.bundleVerifier(options({ log: tlog.verifier({ policy }) }));
    await v.verify(bundles.get(N)!, { now: NOW });
    expect(await outcome(() => v.verify(bundles.get(M)!, { now: NOW }))).toBe('SessionError LOG INCONSISTENT');
  });
});

describe('a forked tree, or tiles that cannot be had', () => {
  // The same key and witnesses, other entries: 5, then 400 (between M and L) and 200 (below M).
  const fork = releaseLog(logKey, 'forked');
  const forkProofs = new Map<number, string>();
  for (const count of [1, 395])
    forkProofs.set(fork.writer.size + fork.writer.pending + count, grow(fork, count, 3, 'forked'));
  const forkBundle = (size: number) => bundle(forkProofs.get(size)!);
  const small = releaseLog(logKey, 'small');
  const smallProof = grow(small, 196, 3, 'small');

  /** The log as it was at M: without the full tile 001 it made at 600. */
  const withoutFullTile = {
    read: (path: string) => (path === 'tile/0/001' ? undefined : log.storage.read(path)),
    write: () => {},
  };

  /** A client that has accepted the real log at M, reading tiles from `storage`. */
  async function clientAtM(storage: () => TileStorage) {
    const tiles = host(storage);
    const v = session.bundleVerifier(options({ log: tlog.verifier({ policy }), tiles: tlog.httpTiles(tiles.handler) }));
    expect(await outcome(() => v.verify(bundles.get(M)!, { now: NOW }))).toBe(`ACCEPTED ${M}`);
    return { v, tiles };
  }

  test('alone, each forked bundle verifies', async () => {
    const v = session.bundleVerifier(options({ log: tlog.verifier({ policy }) }));
    expect(await outcome(async () => v.verify(await forkBundle(400), { now: NOW }))).toBe('ACCEPTED 400');
  });

  test('a forked tree larger than the newest: INCONSISTENT with the fork’s own tiles and with the log’s', async () => {
    const forked = await forkBundle(400);
    const { v: mirrorOfFork } = await clientAtM(() => fork.storage);
    expect(await outcome(() => mirrorOfFork.verify(forked, { now: NOW }))).toBe('SessionError LOG INCONSISTENT');
    const { v: honest } = await clientAtM(() => log.storage);
    // The log is at 600: its full tiles hold its own tree of 400, which is not the fork's.
    expect(await outcome(() => honest.verify(forked, { now: NOW }))).toBe('SessionError LOG INCONSISTENT');
    // A log that has no tree of that size yet has no tiles for it: NOT_FOUND.
    const { v: early } = await clientAtM(() => withoutFullTile);
    expect(await outcome(() => early.verify(forked, { now: NOW }))).toBe('SessionError LOG NOT_FOUND');
  });

  test('a forked tree smaller than the newest, with the log’s tiles: INCONSISTENT; the newest stays', async () => {
    const logVerifier = tlog.verifier({ policy });
    const tiles = host(() => log.storage);
    const v = session.bundleVerifier(options({ log: logVerifier, tiles: tlog.httpTiles(tiles.handler) }));
    await v.verify(bundles.get(M)!, { now: NOW });
    const forked = await bundle(smallProof);
    expect(await outcome(() => v.verify(forked, { now: NOW }))).toBe('SessionError LOG INCONSISTENT');
    expect(await outcome(async () => v.verify(await forkBundle(5), { now: NOW }))).toBe(
      'SessionError LOG INCONSISTENT',
    );
    expect((await logVerifier.newest())!.size).toBe(M);
    expect(await outcome(() => v.verify(bundles.get(L)!, { now: NOW }))).toBe(`ACCEPTED ${L}`);
  });

  test('garbage tiles: LOG INCONSISTENT; a failing server: LOG UNAVAILABLE; a throwing source: LOG (its error)', async () => {
    const garbage = { read: (path: string) => log.storage.read(path)?.map((b) => b ^ 0xff), write: () => {} };
    const { v } = await clientAtM(() => garbage);
    expect(await outcome(() => v.verify(bundles.get(L)!, { now: NOW }))).toBe('SessionError LOG INCONSISTENT');

    const failing = session.bundleVerifier(
      options({
        log: tlog.verifier({ policy }),
        tiles: tlog.httpTiles(async () => new Response(null, { status: 503 })),
      }),
    );
    await failing.verify(bundles.get(N)!, { now: NOW });
    expect(await outcome(() => failing.verify(bundles.get(M)!, { now: NOW }))).toBe('SessionError LOG UNAVAILABLE');

    const throwing = session.bundleVerifier(
      options({
        log: tlog.verifier({ policy }),
        tiles: async () => {
          throw new Error('offline');
        },
      }),
    );
    await throwing.verify(bundles.get(N)!, { now: NOW });
    expect(await outcome(() => throwing.verify(bundles.get(M)!, { now: NOW }))).toBe('SessionError LOG (offline)');
  });

  test('a checkpoint the policy refuses is refused as it was: no tile is fetched for it', async () => {
    const impostor = releaseLog(tlog.generateKey(ORIGIN));
    const impostorBundle = await bundle(grow(impostor, 500, 3));
    const { v, tiles } = await clientAtM(() => log.storage);
    const before = tiles.served.requests;
    expect(await outcome(() => v.verify(impostorBundle, { now: NOW }))).toBe('SessionError LOG UNVERIFIED');
    expect(tiles.served.requests).toBe(before);
  });

  test('tiles with a log that tracks nothing (a policy) is a TypeError; so is a tiles option of another type', () => {
    expect(() => session.bundleVerifier(options({ tiles: 'https://log.example/' }))).toThrow(TypeError);
    expect(() => session.bundleVerifier(options({ log: tlog.verifier({ policy }), tiles: 7 as never }))).toThrow(
      TypeError,
    );
    expect(() => session.bundleVerifier(options({ log: tlog.verifier({ policy }), tiles: 'ftp://x/' }))).toThrow(
      RangeError,
    );
  });
});
