// Regression: what a client can make the consistency mirror fetch, hold or repeat. The mirror
// connects only to the origins of its configuration — no path, query or header of a request
// chooses another, and a canary on loopback sees nothing — and passes nothing of the client on;
// it asks an origin at most once per resource per minFreshness however many clients ask at once
// and whatever the origin's Cache-Control (a failure included); it bounds what it keeps (size,
// entries), how long it waits, and how many origin fetches are in flight.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ohttp } from 'oblivia';
import { serveNode, type NodeServer } from 'oblivia/node';

let origin: NodeServer;
let canary: NodeServer;
const originHits: { path: string; headers: string }[] = [];
const canaryHits: string[] = [];
const reply = { status: 200, cacheControl: 'no-store', size: 10, delayMs: 0 };

beforeAll(async () => {
  origin = await serveNode(async (request) => {
    originHits.push({
      path: new URL(request.url).pathname,
      headers: JSON.stringify(Object.fromEntries(request.headers as unknown as Iterable<[string, string]>)),
    });
    if (reply.delayMs > 0) await new Promise((r) => setTimeout(r, reply.delayMs));
    return new Response(new Uint8Array(reply.size).fill(0x61), {
      status: reply.status,
      headers: { 'content-type': 'application/ohttp-keys', 'cache-control': reply.cacheControl },
    });
  });
  canary = await serveNode(async (request) => {
    canaryHits.push(request.url);
    return new Response('internal');
  });
});
afterAll(() => Promise.all([origin.close(), canary.close()]));

const clock = { now: 1_000_000 };
const mirrorOf = (options: Partial<Parameters<typeof ohttp.mirror>[0]> = {}) =>
  ohttp.mirror({
    resources: { '/ohttp-keys': `${origin.url}keys`, '/log/': `${origin.url}log/` },
    now: () => clock.now,
    ...options,
  });
const reset = () => {
  originHits.length = 0;
  canaryHits.length = 0;
  Object.assign(reply, { status: 200, cacheControl: 'no-store', size: 10, delayMs: 0 });
};

test('no request reaches anything but a configured resource', async () => {
  reset();
  const mirror = mirrorOf();
  const host = new URL(canary.url).host;
  for (const path of [
    `//${host}/admin`,
    `/log//${host}/admin`,
    `/log/..%2f..%2f${host}`,
    '/log/%2e%2e/keys',
    '/log/tile/../../keys',
    '/log/a\\..\\..\\keys',
    '/log/a:b',
    '/log/',
    '/log',
    '/ohttp-keys/more',
    '/keys',
    `/log/${'a/'.repeat(200)}a`,
  ]) {
    const response = await mirror(new Request(new URL(`https://relay.example${path}`)));
    expect([path, response.status]).toEqual([path, 404]);
  }
  for (const url of [`https://relay.example/ohttp-keys`, `http://${host}/ohttp-keys`]) {
    const response = await mirror(new Request(url, { headers: { host, forwarded: `for=${host}` } }));
    expect(response.status).toBe(200);
  }
  expect(canaryHits).toEqual([]);
  expect(originHits.map((h) => h.path)).toEqual(['/keys']);
  for (const method of ['POST', 'PUT', 'DELETE', 'HEAD'])
    expect((await mirror(new Request('https://relay.example/ohttp-keys', { method }))).status).toBe(405);
});

test('nothing of the client reaches the origin: no header, no query', async () => {
  reset();
  const mirror = mirrorOf();
  await mirror(
    new Request('https://relay.example/log/tile/0/000?client=42', {
      headers: {
        cookie: 'id=42',
        authorization: 'Bearer secret',
        'user-agent': 'client/1',
        'x-forwarded-for': '203.0.113.9',
        accept: 'text/html',
      },
    }),
  );
  expect(originHits).toHaveLength(1);
  expect(originHits[0]!.path).toBe('/log/tile/0/000');
  for (const planted of ['cookie', 'authorization', 'forwarded', 'id=42', 'secret', 'client/1', '203.0.113.9', 'html'])
    expect(originHits[0]!.headers).not.toContain(planted);
});

test('one origin fetch per resource per minFreshness: 40 clients at once, then 40 more, with no-store', async () => {
  reset();
  reply.delayMs = 50;
  const mirror = mirrorOf({ minFreshness: 60 });
  const all = await Promise.all(Array.from({ length: 40 }, () => mirror(new Request('https://r.example/ohttp-keys'))));
  expect(all.every((r) => r.status === 200)).toBe(true);
  for (let i = 0; i < 40; i++) {
    clock.now += 1000;
    await mirror(new Request('https://r.example/ohttp-keys'));
  }
  expect(originHits).toHaveLength(1);
  clock.now += 20_000; // 60 s after the fetch
  await mirror(new Request('https://r.example/ohttp-keys'));
  expect(originHits).toHaveLength(2);
});

test('a failing origin is asked once per minFreshness too: the failure is remembered', async () => {
  reset();
  reply.status = 500;
  const mirror = mirrorOf({ minFreshness: 60 });
  for (let i = 0; i < 20; i++) expect((await mirror(new Request('https://r.example/ohttp-keys'))).status).toBe(502);
  expect(originHits).toHaveLength(1);
});

test('an answer over maxBodyBytes is a 502 and not kept; a slow origin is a 504 after timeoutMs', async () => {
  reset();
  reply.size = 4097;
  expect((await mirrorOf({ maxBodyBytes: 4096 })(new Request('https://r.example/ohttp-keys'))).status).toBe(502);
  reply.size = 10;
  reply.delayMs = 2000;
  expect((await mirrorOf({ timeoutMs: 100 })(new Request('https://r.example/ohttp-keys'))).status).toBe(504);
});

test('at most maxFetches origin fetches in flight (then 503), and at most maxEntries copies kept', async () => {
  reset();
  reply.delayMs = 100;
  const mirror = mirrorOf({ maxFetches: 2 });
  const statuses = await Promise.all(
    ['a', 'b', 'c', 'd'].map(async (f) => (await mirror(new Request(`https://r.example/log/${f}`))).status),
  );
  expect(statuses).toEqual([200, 200, 503, 503]);
  expect(originHits).toHaveLength(2);

  reset();
  const small = mirrorOf({ maxEntries: 2 });
  for (const f of ['a', 'b', 'c', 'a']) await small(new Request(`https://r.example/log/${f}`));
  expect(originHits.map((h) => h.path)).toEqual(['/log/a', '/log/b', '/log/c', '/log/a']);
});

test('configuration: resources are absolute URLs without credentials or query; prefixes map to prefixes', () => {
  const base = origin.url;
  for (const resources of <Record<string, string>[]>[
    {},
    { keys: `${base}keys` },
    { '/keys': 'relative' },
    { '/keys': `${base}keys?x=1` },
    { '/keys': `http://u:p@${new URL(base).host}/keys` },
    { '/log/': `${base}log` },
  ])
    expect(() => ohttp.mirror({ resources })).toThrow(RangeError);
  expect(() => ohttp.mirror({ resources: { '/k': base }, minFreshness: 10, maxFreshness: 5 })).toThrow(RangeError);
  expect(() => ohttp.mirror(null as never)).toThrow(TypeError);
});
