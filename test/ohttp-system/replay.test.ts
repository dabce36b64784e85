// Replay protection at the gateway (RFC 9458 §6.5): each Encapsulated Request is served once, its
// Date must be within the window (else §6.5.2's 400 with the "date" problem type and the gateway's
// Date), a failing store is a 503, and every refusal is inside the encapsulation — the relay sees a
// 200 of message/ohttp-res. In process: ohttp.relay over the gateway handler. A captured request is
// re-made byte for byte with the same ephemeral key (`skE`), so each copy has a fresh context that
// can read the gateway's answer to it.
import { expect, test } from 'vitest';
import {
  bhttp,
  hpke,
  ohttp,
  type BhttpResponse,
  type Handler,
  type KeyConfig,
  type LogEntry,
  type ReplayStore,
} from 'oblivia';
import { gatewayWithStore } from './store-gateway.js';

const WINDOW_S = 60;
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const httpDate = (t: number) => new Date(t).toUTCString();

function setup(options: { store?: ReplayStore; maxEntries?: number; padTo?: number; replay?: boolean } = {}) {
  const key = ohttp.generateKeyConfig(7, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
  const clock = { now: T0 };
  const now = () => clock.now;
  const store = options.store ?? ohttp.memoryReplayStore({ maxEntries: options.maxEntries, now });
  const ran: string[] = [];
  const logs: LogEntry[] = [];
  const target: Handler = async (request) => {
    ran.push(request.headers.get('date') ?? '(none)');
    return Response.json({ ok: true });
  };
  const makeGateway = () =>
    ohttp.gateway({
      keys: [key],
      target,
      padTo: options.padTo,
      log: (entry) => logs.push(entry),
      replay: options.replay === false ? undefined : { store, windowSeconds: WINDOW_S, now },
    });
  const gateway = makeGateway();
  const relay = ohttp.relay({ gateway });
  return { key, config, clock, store, ran, logs, gateway, relay, makeGateway };
}

/** A request to the service, Binary HTTP encoded, with `date` (none if undefined). */
function message(date: string | undefined): Uint8Array {
  const headers: [string, string][] = date === undefined ? [] : [['date', date]];
  return bhttp.encodeRequest({ method: 'POST', scheme: 'https', authority: 'service.example', path: '/', headers });
}

/** One encapsulation of `bhttpRequest`; `skE` fixed so that `send` can replay it exactly. */
function capture(config: KeyConfig, bhttpRequest: Uint8Array) {
  const skE = crypto.getRandomValues(new Uint8Array(32)); // an X25519 private key
  return { encapsulate: () => ohttp.encapsulateRequest(config, bhttpRequest, { skE }) };
}

/** Sends the captured request (again) through `hop`: the outer status and the inner answer. */
async function send(hop: Handler, captured: ReturnType<typeof capture>) {
  const { encapsulatedRequest, context } = captured.encapsulate();
  const outer = await hop(
    new Request('http://relay.test/', {
      method: 'POST',
      headers: { 'content-type': ohttp.MEDIA_TYPE.REQUEST },
      body: encapsulatedRequest as Uint8Array<ArrayBuffer>,
    }),
  );
  const body = new Uint8Array(await outer.arrayBuffer());
  expect(outer.status).toBe(200);
  expect(outer.headers.get('content-type')).toBe(ohttp.MEDIA_TYPE.RESPONSE);
  const inner = bhttp.decodeResponse(context.decapsulateResponse(body));
  return { inner, length: body.length, encapsulatedRequest };
}

const header = (r: BhttpResponse, name: string) => r.headers.find(([n]) => n === name)?.[1];
const problem = (r: BhttpResponse) =>
  JSON.parse(new TextDecoder().decode(r.content)) as { type: string; title: string };

function expectDateRefusal(r: BhttpResponse, gatewayNow: number) {
  expect(r.status).toBe(400);
  expect(header(r, 'content-type')).toBe('application/problem+json');
  expect(header(r, 'date')).toBe(httpDate(gatewayNow));
  expect(header(r, 'cache-control')).toBe('no-store');
  expect(problem(r)).toEqual({
    type: 'https://iana.org/assignments/http-problem-types#date',
    title: 'date field in request outside of acceptable range',
  });
}

function expectReplayRefusal(r: BhttpResponse) {
  expect(r.status).toBe(400);
  expect(header(r, 'content-type')).toBe('application/problem+json');
  expect(problem(r)).toEqual({ type: 'urn:oblivia:problem:replay', title: 'request already answered' });
}

test('the same Encapsulated Request sent twice: served once, the copy refused inside the encapsulation', async () => {
  const { config, relay, ran, logs } = setup();
  const captured = capture(config, message(httpDate(T0)));
  const first = await send(relay, captured);
  expect(first.inner.status).toBe(200);
  const second = await send(relay, captured);
  expect(second.encapsulatedRequest).toEqual(first.encapsulatedRequest);
  expectReplayRefusal(second.inner);
  expect(ran).toEqual(['(none)']); // the gateway used the Date; the target does not see it
  // The gateway's log: both served as 200s of message/ohttp-res, the copy marked REPLAY.
  expect(logs.map((l) => [l.event, l.status, l.error])).toEqual([
    ['served', 200, undefined],
    ['served', 200, 'REPLAY'],
  ]);
});

test('50 replays of one captured request: the target runs once', async () => {
  const { config, relay, ran } = setup();
  const captured = capture(config, message(httpDate(T0)));
  expect((await send(relay, captured)).inner.status).toBe(200);
  for (let i = 0; i < 50; i++) expectReplayRefusal((await send(relay, captured)).inner);
  expect(ran).toHaveLength(1);
});

test('concurrent copies: exactly one is served', async () => {
  const { config, relay, ran } = setup();
  const captured = capture(config, message(httpDate(T0)));
  const answers = await Promise.all(Array.from({ length: 10 }, () => send(relay, captured)));
  expect(answers.filter((a) => a.inner.status === 200)).toHaveLength(1);
  expect(ran).toHaveLength(1);
});

test("a Date outside the window, either side, gets RFC 9458 §6.5.2's 400 with the gateway's Date", async () => {
  const { config, relay, ran, clock, logs } = setup();
  clock.now = T0 + 123_456; // not on a second: the Date sent back is the second it falls in
  for (const offset of [-(WINDOW_S + 1) * 1000, (WINDOW_S + 1) * 1000, -86_400_000, 86_400_000]) {
    const { inner } = await send(relay, capture(config, message(httpDate(T0 + 123_000 + offset))));
    expectDateRefusal(inner, T0 + 123_000);
  }
  expect(ran).toEqual([]);
  expect(new Set(logs.map((l) => l.error))).toEqual(new Set(['DATE']));
  // At the edges of the window, both sides, the request is served.
  for (const offset of [-WINDOW_S * 1000 + 1000, WINDOW_S * 1000]) {
    const { inner } = await send(relay, capture(config, message(httpDate(T0 + 123_000 + offset))));
    expect(inner.status).toBe(200);
  }
  expect(ran).toHaveLength(2);
});

test('a missing, malformed, ambiguous or impossible Date is refused as out of the window', async () => {
  const { config, relay, ran } = setup();
  const dates = [
    undefined,
    '',
    new Date(T0).toISOString(),
    String(T0 / 1000),
    'Mon, 07 Dec 2026 09:00:00 UTC', // GMT only
    'Mon, 7 Dec 2026 09:00:00 GMT', // two-digit day
    'Tue, 07 Dec 2026 09:00:00 GMT', // 7 Dec 2026 is a Monday
    'Mon, 31 Nov 2026 09:00:00 GMT',
    'Mon, 07 Dec 2026 24:00:00 GMT',
    `${httpDate(T0)}, ${httpDate(T0)}`, // two Date fields, as Fetch joins them
    `${httpDate(T0)} x`,
  ];
  for (const date of dates) expectDateRefusal((await send(relay, capture(config, message(date)))).inner, T0);
  expect(ran).toEqual([]);
  // The obsolete forms recipients must accept (RFC 9110 §5.6.7).
  for (const date of ['Monday, 07-Dec-26 09:00:00 GMT', 'Mon Dec  7 09:00:00 2026']) {
    expect((await send(relay, capture(config, message(date)))).inner.status).toBe(200);
  }
  expect(ran).toHaveLength(2);
});

test('after the window a copy is refused for its Date, its id is forgotten, and fresh requests are served', async () => {
  const { config, relay, ran, clock, store } = setup({ maxEntries: 1 });
  const captured = capture(config, message(httpDate(T0)));
  expect((await send(relay, captured)).inner.status).toBe(200);
  expectReplayRefusal((await send(relay, captured)).inner);
  clock.now = T0 + 2 * WINDOW_S * 1000 + 1001; // past the id's time to live
  expectDateRefusal((await send(relay, captured)).inner, clock.now);
  // The store (one entry) forgot the old id, so it has room; a fresh request is served.
  expect((await send(relay, capture(config, message(httpDate(clock.now))))).inner.status).toBe(200);
  expect(ran).toHaveLength(2);
  await expect(store.add(new Uint8Array(32), 1000)).rejects.toThrow('replay store full');
});

test('a store that fails: 503 inside the encapsulation, the target never runs', async () => {
  const failing: ReplayStore = { add: () => Promise.reject(new Error('connection refused')) };
  const { config, relay, ran } = setup({ store: failing });
  const { inner } = await send(relay, capture(config, message(httpDate(T0))));
  expect(inner.status).toBe(503);
  expect(ran).toEqual([]);
  const throwing: ReplayStore = {
    add: () => {
      throw new Error('sync');
    },
  };
  const second = setup({ store: throwing });
  expect((await send(second.relay, capture(second.config, message(httpDate(T0))))).inner.status).toBe(503);
  expect(second.ran).toEqual([]);
});

test('the memory store is bounded: when full of live ids it refuses new requests (503) rather than forget', async () => {
  const { config, relay, ran, clock } = setup({ maxEntries: 2 });
  const requests = [0, 1, 2].map(() => capture(config, message(httpDate(T0))));
  expect((await send(relay, requests[0]!)).inner.status).toBe(200);
  expect((await send(relay, requests[1]!)).inner.status).toBe(200);
  expect((await send(relay, requests[2]!)).inner.status).toBe(503);
  // The ids it holds are still refused: nothing was evicted.
  expectReplayRefusal((await send(relay, requests[0]!)).inner);
  expect(ran).toHaveLength(2);
  // Once they expire, the store has room again.
  clock.now = T0 + 2 * WINDOW_S * 1000 + 1001;
  expect((await send(relay, capture(config, message(httpDate(clock.now))))).inner.status).toBe(200);
  expect(ran).toHaveLength(3);
});

test('the memory store on its own: add is true once per id until its time to live passes', async () => {
  const clock = { now: 0 };
  const store = ohttp.memoryReplayStore({ maxEntries: 2, now: () => clock.now });
  const a = new Uint8Array([1]);
  const b = new Uint8Array([2]);
  expect(await store.add(a, 100)).toBe(true);
  expect(await store.add(a, 100)).toBe(false);
  expect(await store.add(b, 200)).toBe(true);
  await expect(store.add(new Uint8Array([3]), 100)).rejects.toThrow('replay store full');
  clock.now = 100;
  expect(await store.add(a, 100)).toBe(true); // expired, so new again
  await expect(store.add(new Uint8Array([3]), 100)).rejects.toThrow('replay store full'); // b still live
  clock.now = 200;
  expect(await store.add(new Uint8Array([3]), 100)).toBe(true);
  await expect(store.add(new Uint8Array(0), 100)).rejects.toThrow(TypeError);
  await expect(store.add(a, 0)).rejects.toThrow(RangeError);
  expect(() => ohttp.memoryReplayStore({ maxEntries: 0 })).toThrow(RangeError);
});

test('two gateway instances sharing one store: a request served by one is refused by the other', async () => {
  const { config, gateway, makeGateway, ran } = setup();
  const other = makeGateway();
  const captured = capture(config, message(httpDate(T0)));
  expect((await send(ohttp.relay({ gateway }), captured)).inner.status).toBe(200);
  expectReplayRefusal((await send(ohttp.relay({ gateway: other }), captured)).inner);
  expectReplayRefusal((await send(gateway, captured)).inner);
  expect(ran).toHaveLength(1);
});

test('without the replay option the gateway serves copies and undated requests (the default)', async () => {
  const { config, relay, ran } = setup({ replay: false });
  const captured = capture(config, message(undefined));
  for (let i = 0; i < 3; i++) expect((await send(relay, captured)).inner.status).toBe(200);
  expect(ran).toEqual(['(none)', '(none)', '(none)']);
});

test('ohttp.client sends a Date (from its clock, to the second); a gateway with replay protection serves it', async () => {
  const { config, gateway, ran, clock } = setup();
  clock.now = T0 + 500;
  const client = ohttp.client({ relay: ohttp.relay({ gateway }), keys: [config], now: () => clock.now });
  const response = await client.fetch(new Request('https://service.example/', { method: 'POST', body: 'x' }));
  expect(response.status).toBe(200);
  expect(ran).toEqual(['(none)']);
  // What the client sent, as a gateway without replay protection passes it on.
  const open = setup({ replay: false });
  const dated = ohttp.client({ relay: open.gateway, keys: [open.config], now: () => T0 + 999 });
  expect((await dated.fetch(new Request('https://service.example/'))).status).toBe(200);
  expect(open.ran).toEqual([httpDate(T0)]);
  // A Date the caller set is kept.
  await dated.fetch(new Request('https://service.example/', { headers: { date: httpDate(0) } }));
  expect(open.ran[1]).toBe(httpDate(0));
});

test("a client whose clock is off retries once, anew, with the gateway's Date; never twice", async () => {
  const { config, gateway, ran, clock } = setup();
  const skewed = () => clock.now - 10 * 60_000; // the client is ten minutes slow
  const client = ohttp.client({ relay: ohttp.relay({ gateway }), keys: [config], now: skewed });
  const response = await client.fetch(new Request('https://service.example/', { method: 'POST', body: 'x' }));
  expect(response.status).toBe(200);
  expect(ran).toHaveLength(1);
  expect(client.audit.map((a) => a.status)).toEqual([400, 200]);
  // The gateway's Date was for that request only: the next one again carries the client's clock.
  await client.fetch(new Request('https://service.example/', { method: 'POST', body: 'y' }));
  expect(client.audit.map((a) => a.status)).toEqual([400, 200, 400, 200]);

  // A gateway whose clock jumps an hour between requests refuses the retry too: the client gives
  // up and returns the refusal.
  let t = T0;
  const jumpy = setup();
  const jumpyGateway = ohttp.gateway({
    keys: [jumpy.key],
    target: async () => new Response('never'),
    replay: { windowSeconds: WINDOW_S, now: () => (t += 3_600_000) },
  });
  const jumpyClient = ohttp.client({ relay: jumpyGateway, keys: [jumpy.config], now: () => T0 });
  const refused = await jumpyClient.fetch(new Request('https://service.example/', { method: 'POST', body: 'z' }));
  expect(refused.status).toBe(400);
  expect((await refused.json()).type).toBe(ohttp.PROBLEM_TYPE_DATE);
  expect(jumpyClient.audit.map((a) => a.status)).toEqual([400, 400]);
});

test('a refusal and a small answer have the same encapsulated length (padTo, default 512)', async () => {
  const { config, relay } = setup();
  const answer = await send(relay, capture(config, message(httpDate(T0))));
  const date = await send(relay, capture(config, message(undefined)));
  const captured = capture(config, message(httpDate(T0)));
  await send(relay, captured);
  const replay = await send(relay, captured);
  expect(answer.inner.status).toBe(200);
  expect([date.inner.status, replay.inner.status]).toEqual([400, 400]);
  expect(date.length).toBe(answer.length);
  expect(replay.length).toBe(answer.length);
  // Nonce (16 for AES-128-GCM) + 512 bytes of padded Binary HTTP + tag (16).
  expect(answer.length).toBe(16 + 512 + 16);
  // Without padding the sizes differ: the relay could tell a refusal from an answer.
  const unpadded = setup({ padTo: 1 });
  const a = await send(unpadded.relay, capture(unpadded.config, message(httpDate(T0))));
  const r = await send(unpadded.relay, capture(unpadded.config, message(undefined)));
  expect(a.length).not.toBe(r.length);
});

test('a store that never answers: 503 after the gateway timeoutMs, the target never runs', async () => {
  const { client, target } = gatewayWithStore({ add: () => new Promise<boolean>(() => {}) }, 20);
  expect((await client.fetch(new Request('https://service.example/'))).status).toBe(503);
  expect(target.runs).toBe(0);
});
