// Key rotation through the directory, over loopback: the old key is accepted during the overlap
// window and refused with the 422 "ohttp-key" problem after it (RFC 9458 §5.3); the new key works;
// a client reading the directory has read it again by then (test/ohttp/key-consistency.test.ts
// has its 422 rules). The key list is the same
// for every client, with a shared Cache-Control and no ETag or Vary.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bhttp, ohttp, ObliviousFetchError } from 'oblivia';
import { OVERLAP_MS, startStack, type Stack } from './stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const ping = () => new Request('https://service.example/ping');

test('the key list is the same for every client, cacheable, with nothing client-specific', async () => {
  const get = (headers: Record<string, string>) => fetch(stack.servers.directory.url, { headers });
  const [a, b] = await Promise.all([
    get({ cookie: 'a=1', 'user-agent': 'one' }),
    get({ 'user-agent': 'two', 'if-none-match': '"x"' }),
  ]);
  for (const r of [a, b]) {
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(ohttp.MEDIA_TYPE.KEYS);
    expect(r.headers.get('cache-control')).toBe('public, max-age=60');
    expect(r.headers.get('etag')).toBeNull();
    expect(r.headers.get('vary')).toBeNull();
    expect(r.headers.get('set-cookie')).toBeNull();
  }
  const [bodyA, bodyB] = [new Uint8Array(await a.arrayBuffer()), new Uint8Array(await b.arrayBuffer())];
  expect(bodyA).toEqual(bodyB);
  expect(ohttp.decodeKeyConfigs(bodyA).map((c) => c.keyId)).toEqual(stack.directory.configs().map((c) => c.keyId));
  expect((await fetch(stack.servers.directory.url, { method: 'POST' })).status).toBe(405);
});

test('old key accepted during the overlap, refused with 422 after; the new key works', async () => {
  const old = stack.directory.configs()[0]!;
  const pinned = ohttp.client({ relay: stack.servers.relay.url, keys: [old] });
  const reading = ohttp.client({
    relay: stack.servers.relay.url,
    keys: stack.servers.directory.url,
    minKeyLifetime: 1,
    now: () => stack.clock.now,
  });
  expect((await reading.fetch(ping())).status).toBe(200); // caches the list holding `old`

  const fresh = stack.directory.rotate();
  expect(fresh.keyId).not.toBe(old.keyId);
  expect(stack.directory.configs().map((c) => c.keyId)).toEqual([fresh.keyId, old.keyId]);
  expect((await pinned.fetch(ping())).status).toBe(200);
  expect((await ohttp.client({ relay: stack.servers.relay.url, keys: [fresh] }).fetch(ping())).status).toBe(200);

  stack.clock.now += OVERLAP_MS;
  expect(stack.directory.configs().map((c) => c.keyId)).toEqual([fresh.keyId]);
  const refused = await pinned.fetch(ping()).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ObliviousFetchError);
  expect(refused).toMatchObject({ code: 'KEY_REJECTED', status: 422 });
  expect(pinned.audit.at(-1)).toMatchObject({ keyId: old.keyId, error: 'KEY_REJECTED' });

  // The gateway's answer itself, through the relay: the problem type of §5.3.
  const message = bhttp.encodeRequest(await bhttp.bhttpFromRequest(ping()));
  const { encapsulatedRequest } = ohttp.encapsulateRequest(old, message);
  const answer = await fetch(stack.servers.relay.url, {
    method: 'POST',
    headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
    body: encapsulatedRequest as Uint8Array<ArrayBuffer>,
  });
  expect(answer.status).toBe(422);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(await answer.json()).toEqual({ type: ohttp.PROBLEM_TYPE_KEY, title: 'key identifier unknown' });

  // The reading client's list (max-age 60 s, the overlap) has expired by now: it reads the list
  // again before it sends, and uses the new key without a 422.
  expect((await reading.fetch(ping())).status).toBe(200);
  expect(reading.audit.map((e) => [e.keyId, e.status])).toEqual([
    [old.keyId, 200],
    [fresh.keyId, 200],
  ]);
  expect(stack.logs.filter((l) => l.hop === 'directory').map((l) => l.event)).toEqual(
    expect.arrayContaining(['rotated', 'retired', 'keys']),
  );
});
