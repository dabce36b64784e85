// The consistency mirror (ohttp.mirror): every client gets the same copy of a configured resource,
// with the origin's media type and the copy's remaining lifetime; the origin's max-age is clamped
// to [minFreshness, maxFreshness]; a prefix resource serves the files under it (a log's tiles); a
// copy that worked is served while the origin fails; the origin is asked again once a copy expires.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ohttp } from 'oblivia';
import { serveNode, type NodeServer } from 'oblivia/node';

let origin: NodeServer;
const hits: string[] = [];
const state = { status: 200, cacheControl: 'max-age=120', body: 'v1' };

beforeAll(async () => {
  origin = await serveNode(async (request) => {
    const path = new URL(request.url).pathname;
    hits.push(path);
    if (path.startsWith('/log/tile/')) return new Response(`tile ${path.slice('/log/tile/'.length)}`);
    return new Response(state.body, {
      status: state.status,
      headers: { 'content-type': ohttp.MEDIA_TYPE.KEYS, 'cache-control': state.cacheControl },
    });
  });
});
afterAll(() => origin.close());

const clock = { now: 1_000_000 };
const mirrorOf = () =>
  ohttp.mirror({
    resources: { '/ohttp-keys': `${origin.url}keys`, '/log/': `${origin.url}log/` },
    minFreshness: 60,
    maxFreshness: 3600,
    now: () => clock.now,
  });
const get = (mirror: ReturnType<typeof ohttp.mirror>, path: string) =>
  mirror(new Request(`https://relay.example${path}`));

test('one copy for every client, with its media type and remaining lifetime; asked again once it expires', async () => {
  hits.length = 0;
  Object.assign(state, { status: 200, cacheControl: 'max-age=120', body: 'v1' });
  const mirror = mirrorOf();
  const first = await get(mirror, '/ohttp-keys');
  expect(first.status).toBe(200);
  expect(first.headers.get('content-type')).toBe(ohttp.MEDIA_TYPE.KEYS);
  expect(first.headers.get('cache-control')).toBe('public, max-age=120');
  expect(await first.text()).toBe('v1');
  state.body = 'v2';
  clock.now += 100_000;
  const again = await get(mirror, '/ohttp-keys?client=2');
  expect(await again.text()).toBe('v1');
  expect(again.headers.get('cache-control')).toBe('public, max-age=20');
  expect(hits).toEqual(['/keys']);
  clock.now += 20_000;
  expect(await (await get(mirror, '/ohttp-keys')).text()).toBe('v2');
  expect(hits).toEqual(['/keys', '/keys']);
});

test("the origin's max-age is clamped: no-store and max-age=0 to minFreshness, a day to maxFreshness", async () => {
  for (const [cacheControl, seconds] of [
    ['no-store', 60],
    ['max-age=0', 60],
    ['', 60],
    ['public, max-age=86400', 3600],
    ['max-age=600', 600],
  ] as const) {
    Object.assign(state, { status: 200, cacheControl, body: 'v' });
    const response = await get(mirrorOf(), '/ohttp-keys');
    expect(response.headers.get('cache-control')).toBe(`public, max-age=${seconds}`);
  }
});

test('a prefix serves the files under it: a log tile', async () => {
  hits.length = 0;
  const mirror = mirrorOf();
  const tile = await get(mirror, '/log/tile/0/x001/234.p/5');
  expect(tile.status).toBe(200);
  expect(await tile.text()).toBe('tile 0/x001/234.p/5');
  expect(hits).toEqual(['/log/tile/0/x001/234.p/5']);
});

test('a copy that worked is served while the origin fails; with none, the failure is a 502', async () => {
  Object.assign(state, { status: 200, cacheControl: 'max-age=60', body: 'good' });
  const mirror = mirrorOf();
  expect(await (await get(mirror, '/ohttp-keys')).text()).toBe('good');
  state.status = 500;
  clock.now += 61_000;
  const stale = await get(mirror, '/ohttp-keys');
  expect(stale.status).toBe(200);
  expect(await stale.text()).toBe('good');
  expect((await get(mirrorOf(), '/ohttp-keys')).status).toBe(502);
  state.status = 200;
});
