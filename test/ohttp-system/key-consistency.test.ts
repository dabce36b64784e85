// Key consistency in the OHTTP client (draft-ietf-privacypass-key-consistency): a key list it reads
// is kept for its minimum lifetime whatever the source's Cache-Control says; a 422 within that time
// is final, with no re-read and no re-send; after it, the list is read again and the request is
// re-sent once, and only to another key; with a confirming source, a key is used only if both list
// it byte for byte, and a source that shows this client a key of its own (same key id, other bytes)
// is caught before anything is sent.
import { expect, test } from 'vitest';
import { hpke, ohttp, ObliviousFetchError, type GatewayKey } from 'oblivia';

const SUITES = [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }];
const keyA = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, SUITES);
const keyB = ohttp.generateKeyConfig(2, hpke.KEM.X25519_HKDF_SHA256, SUITES);
const keyA2 = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, SUITES); // key id 1, other key

/** A key source that serves `list()` with `max-age=<maxAge>`, counting reads. */
function keySource(list: () => GatewayKey[], maxAge = 0) {
  const source = Object.assign(
    async () => {
      source.reads++;
      return new Response(ohttp.encodeKeyConfigs(list()) as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': ohttp.MEDIA_TYPE.KEYS, 'cache-control': `max-age=${maxAge}` },
      });
    },
    { reads: 0 },
  );
  return source;
}

/** A relay in front of a gateway holding `held`, counting what it receives. */
function relayTo(held: () => GatewayKey[]) {
  const relay = Object.assign(
    async (request: Request) => {
      relay.received++;
      const gateway = ohttp.gateway({ keys: held(), target: async () => new Response('ok') });
      return ohttp.relay({ gateway })(request);
    },
    { received: 0 },
  );
  return relay;
}

const ping = () => new Request('https://service.example/ping');
const clock = () => {
  const c = Object.assign(() => c.ms, { ms: 1_000_000 });
  return c;
};

test('max-age=0 does not make each request read the keys: one read in the minimum lifetime', async () => {
  const keys = keySource(() => [keyA]);
  const relay = relayTo(() => [keyA]);
  const now = clock();
  const client = ohttp.client({ relay, keys, now, minKeyLifetime: 600 });
  for (let i = 0; i < 5; i++) {
    expect((await client.fetch(ping())).status).toBe(200);
    now.ms += 60_000;
  }
  expect(keys.reads).toBe(1);
  now.ms += 300_000; // 600 s after the read
  expect((await client.fetch(ping())).status).toBe(200);
  expect(keys.reads).toBe(2);
  expect(relay.received).toBe(6);
});

test('a 422 within the minimum lifetime is final: no re-read, no re-send', async () => {
  const keys = keySource(() => [keyA]);
  const relay = relayTo(() => [keyB]);
  const now = clock();
  const client = ohttp.client({ relay, keys, now, minKeyLifetime: 600 });
  for (let i = 0; i < 3; i++) {
    const error = await client.fetch(ping()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObliviousFetchError);
    expect(error).toMatchObject({ code: 'KEY_REJECTED', status: 422 });
  }
  expect(keys.reads).toBe(1);
  expect(relay.received).toBe(3);
  expect(client.audit.map((e) => e.error)).toEqual(['KEY_REJECTED', 'KEY_REJECTED', 'KEY_REJECTED']);
});

test('after the minimum lifetime a 422 re-reads the list, and re-sends once to another key only', async () => {
  let served = [keyA];
  const keys = keySource(() => served, 1200); // the list's lifetime: 1200 s; the minimum: 600 s
  const relay = relayTo(() => [keyB]);
  const now = clock();
  const client = ohttp.client({ relay, keys, now, minKeyLifetime: 600 });
  const code = () =>
    client.fetch(ping()).then(
      (r) => r.status,
      (e: unknown) => (e as ObliviousFetchError).code,
    );
  expect(await code()).toBe('KEY_REJECTED');
  expect([keys.reads, relay.received]).toEqual([1, 1]);
  // 700 s on, the list is older than the minimum: the 422 re-reads it, but it still leads with A,
  // so the request is not re-sent.
  now.ms += 700_000;
  expect(await code()).toBe('KEY_REJECTED');
  expect([keys.reads, relay.received]).toEqual([2, 2]);
  // 700 s after that re-read, the source leads with B: the 422 re-reads, and the request is re-sent once, to B.
  now.ms += 700_000;
  served = [keyB, keyA];
  expect(await code()).toBe(200);
  expect([keys.reads, relay.received]).toEqual([3, 4]);
  expect(client.audit.map((e) => [e.keyId, e.status ?? e.error])).toEqual([
    [1, 'KEY_REJECTED'],
    [1, 'KEY_REJECTED'],
    [1, 'KEY_REJECTED'],
    [2, 200],
  ]);
});

test('a confirming source: a key is used only if both list it with the same bytes', async () => {
  const relay = relayTo(() => [keyA, keyB]);
  const both = ohttp.client({
    relay,
    keys: keySource(() => [keyA, keyB]),
    confirm: keySource(() => [keyB]),
  });
  expect((await both.fetch(ping())).status).toBe(200);
  expect(both.audit[0]!.keyId).toBe(2); // A is not confirmed: B is used

  const none = ohttp.client({ relay, keys: keySource(() => [keyA]), confirm: keySource(() => [keyB]) });
  expect(await none.fetch(ping()).catch((e: unknown) => (e as ObliviousFetchError).code)).toBe('KEYS');
  expect(relay.received).toBe(1);
});

test('a source that shows this client a key of its own (same key id, other bytes) is caught before anything is sent', async () => {
  const relay = relayTo(() => [keyA]);
  const client = ohttp.client({ relay, keys: keySource(() => [keyA2]), confirm: keySource(() => [keyA]) });
  const error = await client.fetch(ping()).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ObliviousFetchError);
  expect(error).toMatchObject({ code: 'KEY_INCONSISTENT' });
  expect(relay.received).toBe(0);
  expect(client.audit).toEqual([]);
});

test('options: confirm needs a key source; minKeyLifetime and now are checked', () => {
  const relay = relayTo(() => [keyA]);
  expect(() => ohttp.client({ relay, keys: [keyA], confirm: 'https://mirror.example/keys' })).toThrow(TypeError);
  expect(() => ohttp.client({ relay, keys: 'https://k.example/', minKeyLifetime: 0 })).toThrow(RangeError);
  expect(() => ohttp.client({ relay, keys: 'https://k.example/', now: 1 as never })).toThrow(TypeError);
  expect(() => ohttp.client({ relay, keys: 'https://k.example/', confirm: 'relative' })).toThrow(RangeError);
});

test('the audit log keeps the newest maxAuditEntries entries', async () => {
  const relay = relayTo(() => [keyA]);
  const client = ohttp.client({ relay, keys: [keyA], maxAuditEntries: 3 });
  for (let i = 0; i < 5; i++) await client.fetch(new Request(`https://service.example/${i}`));
  expect(client.audit.map((e) => e.target)).toEqual([2, 3, 4].map((i) => `https://service.example/${i}`));
  expect(() => ohttp.client({ relay, keys: [keyA], maxAuditEntries: 0 })).toThrow(RangeError);
});
