// A client's consistency proofs from a log's tiles (c2sp.org/tlog-tiles) fetched over HTTP: equal,
// byte for byte, to merkle.ts's proofs over the same leaves for pairs of sizes across the 256 and
// 65,536 tile boundaries, and they verify; a gone partial tile is read from its full tile; a server
// that serves garbage, truncated or no tiles, fails, never stops answering or answers with an
// endless body gets its exact error, and no server makes the client ask for more than a few tiles.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { tlog, TransparencyError, type TileSource, type TileStorage, type TreeHead } from 'oblivia';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 100);
const key = tlog.generateKey('example.com/tile-fetch');
const entry = (i: number) => new TextEncoder().encode(`entry ${i}`);

/** A log published at every size in `sizes`; its leaf hashes and storage. */
function writeLog(sizes: readonly number[]) {
  const storage = tlog.memoryStorage();
  const writer = tlog.logWriter({ storage, signer: key.signerKey });
  const leaves: Uint8Array[] = [];
  for (const size of sizes) {
    for (let i = leaves.length; i < size; i++) {
      writer.append(entry(i));
      leaves.push(tlog.leafHash(entry(i)));
    }
    writer.publish();
  }
  const head = (size: number): TreeHead => ({ size, rootHash: tlog.rootHash(leaves.slice(0, size)) });
  return { storage, leaves, head };
}

/** A static host of `storage` (GET /<path>), as a fetch-style handler; `requests` lists the paths. */
function host(storage: TileStorage, change: (path: string, data: Uint8Array) => Uint8Array | undefined = (_, d) => d) {
  const requests: string[] = [];
  const handler = async (request: Request) => {
    const path = new URL(request.url).pathname.slice(1);
    requests.push(path);
    const data = storage.read(path);
    const served = data === undefined ? undefined : change(path, data);
    return served === undefined
      ? new Response('Not Found\n', { status: 404 })
      : new Response(served as Uint8Array<ArrayBuffer>);
  };
  return { handler, requests };
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TransparencyError) {
      const cause = error.cause instanceof Error ? ` (${error.cause.name})` : '';
      return `${error.code}${cause}`;
    }
    throw error;
  }
  return 'ACCEPTED';
}

// Every size from 1 to 600 published: the tiles of each of those trees are there.
const small = writeLog(Array.from({ length: 600 }, (_, i) => i + 1));
const smallHost = host(small.storage);
const smallTiles = tlog.httpTiles(smallHost.handler);

/** The fetched proof from size1 to size2 is merkle.ts's, and it verifies. */
async function checkPair(log: typeof small, tiles: TileSource, size1: number, size2: number) {
  const proof = await tlog.fetchConsistencyProof(tiles, size1, size2);
  expect(proof, `${size1} → ${size2}`).toEqual(tlog.consistencyProof(log.leaves.slice(0, size2), size1));
  tlog.verifyConsistency(log.head(size1), log.head(size2), proof);
  return proof;
}

describe('the proof read from fetched tiles is RFC 9162’s', () => {
  const BOUNDARY = [1, 2, 3, 4, 5, 7, 8, 9, 127, 128, 129, 255, 256, 257, 300, 383, 511, 512, 513, 555, 599, 600];

  test('every pair of sizes around the 256 and 512 boundaries, and to itself (empty)', async () => {
    for (const size2 of BOUNDARY)
      for (const size1 of BOUNDARY.filter((s) => s <= size2)) await checkPair(small, smallTiles, size1, size2);
    expect(await tlog.fetchConsistencyProof(smallTiles, 300, 300)).toEqual([]);
  });

  test('random pairs of sizes from 1 to 600', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 600 }),
        async (a, b) => void (await checkPair(small, smallTiles, Math.min(a, b), Math.max(a, b))),
      ),
      { numRuns: RUNS },
    );
  });

  test('across the 65,536 boundary (level-2 tiles), in a log of 70,000 entries', async () => {
    const sizes = [1, 255, 256, 257, 65_535, 65_536, 65_537, 70_000];
    const large = writeLog(sizes);
    const tiles = tlog.httpTiles(host(large.storage).handler);
    for (const size2 of sizes)
      for (const size1 of sizes.filter((s) => s <= size2)) await checkPair(large, tiles, size1, size2);
  });

  test('a partial tile that is gone (404) is read from its full tile (§Partial Tiles)', async () => {
    // Level-0 partial tiles only: the log is at 600, so tiles 000 and 001 are full.
    const pruned = host(small.storage, (path, data) => (/^tile\/0\/.*\.p\//.test(path) ? undefined : data));
    const tiles = tlog.httpTiles(pruned.handler);
    await checkPair(small, tiles, 100, 300);
    // One round for the tiles, one for the full tile of the partial one that is gone.
    expect(pruned.requests).toEqual(['tile/0/001.p/44', 'tile/0/000', 'tile/0/001']);
    // The tree of 600 needs tile 002.p/88, whose full tile does not exist yet.
    expect(await refusal(() => tlog.fetchConsistencyProof(tiles, 100, 600))).toBe('NOT_FOUND');
  });

  test('a tile source may be any function of the path', async () => {
    const read = async (path: string) => small.storage.read(path);
    await checkPair(small, read, 17, 599);
    await expect(tlog.fetchConsistencyProof(async () => 'tile' as never, 1, 2)).rejects.toThrow(TypeError);
  });

  test('arguments: 1 ≤ size1 ≤ size2 < 2^53, a function', async () => {
    for (const [size1, size2] of [
      [0, 5],
      [6, 5],
      [1, 0],
      [1, 2 ** 53],
      [1.5, 5],
    ])
      await expect(tlog.fetchConsistencyProof(smallTiles, size1!, size2!)).rejects.toThrow(RangeError);
    await expect(tlog.fetchConsistencyProof('https://log.example/' as never, 1, 2)).rejects.toThrow(TypeError);
  });
});

describe('a hostile or failing server', () => {
  test('garbage tiles make a proof that does not verify (INCONSISTENT)', async () => {
    const noise = new Uint8Array(256 * 32).map((_, i) => (i * 131 + 7) & 0xff);
    for (const change of [
      (_: string, data: Uint8Array) => noise.subarray(0, data.length),
      (path: string, data: Uint8Array) =>
        path === 'tile/0/001.p/44' ? data.map((b, i) => (i === 40 ? b ^ 1 : b)) : data,
      () => noise, // full-width garbage even for a partial tile
    ]) {
      const tiles = tlog.httpTiles(host(small.storage, change).handler);
      const proof = await tlog.fetchConsistencyProof(tiles, 100, 300);
      expect(proof).not.toEqual(tlog.consistencyProof(small.leaves.slice(0, 300), 100));
      expect(() => tlog.verifyConsistency(small.head(100), small.head(300), proof)).toThrow(
        expect.objectContaining({ name: 'TransparencyError', code: 'INCONSISTENT' }),
      );
    }
  });

  test('a truncated tile: MALFORMED; no tiles at all (404): NOT_FOUND', async () => {
    const truncated = host(small.storage, (_, data) => data.subarray(0, data.length - 1));
    expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(truncated.handler), 100, 300))).toBe(
      'MALFORMED',
    );
    const empty = host(tlog.memoryStorage());
    expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(empty.handler), 100, 300))).toBe('NOT_FOUND');
    // Tile 000 is full, so its absence is final: no second round.
    expect(empty.requests).toEqual(['tile/0/001.p/44', 'tile/0/000']);
  });

  test('another status, a thrown handler, or no answer in time: UNAVAILABLE (the cause)', async () => {
    const status = (code: number) => async () => new Response(null, { status: code });
    for (const code of [500, 503, 403, 302, 204])
      expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(status(code)), 1, 2)), `${code}`).toBe(
        'UNAVAILABLE',
      );
    const broken = async (): Promise<Response> => {
      throw new Error('connection reset');
    };
    expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(broken), 1, 2))).toBe('UNAVAILABLE (Error)');
    const silent = () => new Promise<Response>(() => {});
    expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(silent, { timeoutMs: 20 }), 1, 2))).toBe(
      'UNAVAILABLE (TimeoutError)',
    );
  });

  test('a body over the bound (8 KiB, or maxTileBytes), declared or endless, is MALFORMED and read no further', async () => {
    let pulled = 0;
    const endless = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 1024;
            controller.enqueue(new Uint8Array(1024));
          },
        }),
      );
    expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(endless), 1, 2))).toBe(
      'MALFORMED (TooLargeError)',
    );
    expect(pulled).toBeLessThanOrEqual(8192 + 2 * 1024);
    const declared = async () => new Response(new Uint8Array(8193), { headers: { 'content-length': '8193' } });
    expect(await refusal(() => tlog.fetchConsistencyProof(tlog.httpTiles(declared), 1, 2))).toBe(
      'MALFORMED (TooLargeError)',
    );
    // A smaller bound refuses a full tile; a full one is exactly 8 KiB.
    const tiles = tlog.httpTiles(smallHost.handler, { maxTileBytes: 8191 });
    expect(await refusal(() => tlog.fetchConsistencyProof(tiles, 1, 300))).toBe('MALFORMED (TooLargeError)');
    expect(small.storage.read('tile/0/000')!.length).toBe(8192);
  });

  test('no server makes the client ask for a tile twice, or for more than 20 in all', async () => {
    const noise = () => new Uint8Array(256 * 32).fill(0x5a);
    const servers = [
      host(small.storage),
      host(tlog.memoryStorage()),
      host(small.storage, () => noise()),
      host(small.storage, (path, data) => (path.includes('.p/') ? undefined : data)),
    ];
    for (const { handler, requests } of servers) {
      const tiles = tlog.httpTiles(handler);
      for (const [size1, size2] of [
        [1, 600],
        [255, 257],
        [77, 513],
        [1, 2 ** 53 - 1],
        [2 ** 40 + 3, 2 ** 52 + 5],
      ]) {
        requests.length = 0;
        await tlog.fetchConsistencyProof(tiles, size1!, size2!).catch(() => undefined);
        expect(new Set(requests).size, `${size1} → ${size2}`).toBe(requests.length);
        expect(requests.length).toBeLessThanOrEqual(20);
      }
    }
  });
});

describe('httpTiles', () => {
  const server = createServer((request, response) => {
    const path = request.url!;
    if (path === '/moved/tile/0/000.p/2') {
      response.writeHead(302, { location: '/log/tile/0/000.p/2' }).end();
      return;
    }
    const data = path.startsWith('/log/') ? small.storage.read(path.slice('/log/'.length)) : undefined;
    if (data === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(data);
  });
  const listening = new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('over the network: <prefix>/<path>, with or without a final slash; no redirect followed', async () => {
    const origin = await listening;
    for (const base of [`${origin}/log`, `${origin}/log/`]) await checkPair(small, tlog.httpTiles(base), 2, 5);
    expect(await tlog.httpTiles(`${origin}/log`)('tile/0/000.p/2')).toEqual(small.storage.read('tile/0/000.p/2'));
    expect(await tlog.httpTiles(`${origin}/elsewhere`)('tile/0/000.p/2')).toBeUndefined();
    expect(await refusal(() => tlog.httpTiles(`${origin}/moved`)('tile/0/000.p/2'))).toBe('UNAVAILABLE');
  });

  test('paths are relative tile paths; bases are http(s) URLs or handlers', async () => {
    const tiles = tlog.httpTiles(smallHost.handler);
    for (const path of [
      '/tile/0/000',
      '../tile/0/000',
      'tile/../checkpoint',
      'tile/./0',
      'tile//0',
      'tile/0/000?x',
      '',
    ])
      await expect(tiles(path), path).rejects.toThrow(RangeError);
    await expect(tiles(7 as never)).rejects.toThrow(TypeError);
    expect(await tiles('checkpoint')).toEqual(small.storage.read('checkpoint'));
    expect(() => tlog.httpTiles('ftp://log.example/')).toThrow(RangeError);
    expect(() => tlog.httpTiles('https://log.example/?a=1')).toThrow(RangeError);
    expect(() => tlog.httpTiles(7 as never)).toThrow(TypeError);
    expect(() => tlog.httpTiles(smallHost.handler, { maxTileBytes: 0 })).toThrow(RangeError);
  });
});
