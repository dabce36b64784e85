// Regression, finding 1 of the gateway attack: the inner request must never choose where the
// gateway sends it. A canary server on loopback stands for an internal service; every inner target
// an attacker can write — a network-path reference ("//host:port/…", reached by the ordinary
// client API too), its backslash and dot-segment spellings, another authority or Host — is sent
// through the gateway to each target form (a URL string, a URL with a path prefix, an in-process
// handler built on ohttp.forwarder as the example's is), and the canary must see nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hpke, bhttp, ohttp, type BhttpRequest, type Handler } from 'oblivia';
import { serveNode, type NodeServer } from 'oblivia/node';
import { exchangeWith } from './gateway-exchange.js';

let canary: NodeServer;
let service: NodeServer;
const canaryHits: string[] = [];
const serviceHits: string[] = [];

beforeAll(async () => {
  canary = await serveNode(async (request) => {
    canaryHits.push(`${request.method} ${new URL(request.url).pathname}`);
    return new Response('internal secret');
  });
  service = await serveNode(async (request) => {
    const { pathname, search } = new URL(request.url);
    serviceHits.push(`${request.method} ${pathname}${search}`);
    return new Response(`service ${pathname}${search}`);
  });
});
afterAll(() => Promise.all([canary.close(), service.close()]));

const canaryAuthority = () => new URL(canary.url).host;
const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
  { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
]);
const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));

/** Sends a crafted Binary HTTP request through `gateway`; the inner status and body. */
async function through(gateway: Handler, message: BhttpRequest): Promise<{ status: number; body: string }> {
  const inner = await exchangeWith(gateway, config, bhttp.encodeRequest(message));
  return { status: inner.status, body: new TextDecoder().decode(inner.content) };
}

const request = (path: string, init: Partial<BhttpRequest> = {}): BhttpRequest => ({
  method: 'GET',
  scheme: 'https',
  authority: 'service.example',
  path,
  headers: [],
  content: new Uint8Array(0),
  trailers: [],
  ...init,
});

/** Every spelling of "the canary's /admin" that an inner path can take. */
const escapes = () => [
  `//${canaryAuthority()}/admin`,
  `/\\${canaryAuthority()}/admin`,
  `/..//${canaryAuthority()}/admin`,
  `/.//${canaryAuthority()}/admin`,
  `/%2e%2e//${canaryAuthority()}/admin`,
];

const targets: Array<[string, () => Handler | string, string]> = [
  ['a URL target', () => service.url, ''],
  ['a URL target with a path prefix', () => `${service.url}api/`, '/api'],
  ['a URL target with a prefix and no trailing slash', () => `${service.url}api`, '/api'],
  ['an in-process target forwarding with ohttp.forwarder', () => ohttp.forwarder(`${service.url}api/`), '/api'],
];

describe.each(targets)('%s', (_, target, prefix) => {
  let gateway: Handler;
  beforeAll(() => {
    gateway = ohttp.gateway({ keys: [key], target: target() });
    canaryHits.length = 0;
    serviceHits.length = 0;
  });

  test.each(['GET', 'POST'])('a network-path inner target is refused with 400 (%s), never fetched', async (method) => {
    for (const path of escapes()) {
      const content = method === 'POST' ? new TextEncoder().encode('{"q":1}') : new Uint8Array(0);
      expect(await through(gateway, request(path, { method, content }))).toEqual({
        status: 400,
        body: 'Bad Request\n',
      });
    }
    expect(canaryHits).toEqual([]);
    expect(serviceHits).toEqual([]);
  });

  test("the ordinary client API's Request('https://x//host:port/admin') is refused, never fetched", async () => {
    const client = ohttp.client({ relay: gateway, keys: [config] });
    const response = await client.fetch(
      new Request(`https://x//${canaryAuthority()}/admin`, { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(400);
    expect(canaryHits).toEqual([]);
  });

  test("the inner authority and Host choose nothing: the request goes to the target's origin and prefix", async () => {
    const host: [string, string] = ['host', canaryAuthority()];
    expect(await through(gateway, request('/admin?x=1', { authority: canaryAuthority() }))).toEqual({
      status: 200,
      body: `service ${prefix}/admin?x=1`,
    });
    expect(await through(gateway, request('/admin', { authority: '', headers: [host] }))).toEqual({
      status: 200,
      body: `service ${prefix}/admin`,
    });
    expect(await through(gateway, request('/../../admin'))).toEqual({ status: 200, body: `service ${prefix}/admin` });
    expect(await through(gateway, request('/a//b'))).toEqual({ status: 200, body: `service ${prefix}/a//b` });
    expect(canaryHits).toEqual([]);
    expect(serviceHits).toEqual([
      `GET ${prefix}/admin?x=1`,
      `GET ${prefix}/admin`,
      `GET ${prefix}/admin`,
      `GET ${prefix}/a//b`,
    ]);
  });

  test('an absolute-form inner path is refused by Binary HTTP conversion (400), never fetched', async () => {
    expect(await through(gateway, request(`http://${canaryAuthority()}/admin`))).toEqual({ status: 400, body: '' });
    expect(canaryHits).toEqual([]);
  });
});

test('an in-process target gets the inner request as it is', async () => {
  const urls: string[] = [];
  const gateway = ohttp.gateway({ keys: [key], target: async (r) => (urls.push(r.url), new Response('ok')) });
  expect(await through(gateway, request('//elsewhere.example/x?y'))).toEqual({ status: 200, body: 'ok' });
  expect(urls).toEqual(['https://service.example//elsewhere.example/x?y']);
});

test('a target URL with credentials, a query or a fragment is refused at configuration', () => {
  const bad = [
    'http://user:pw@svc.example/',
    'http://svc.example/?a=1',
    'http://svc.example/#f',
    'http://svc.example/?',
  ];
  const message =
    '"options.target" expected an origin and optional path prefix, without credentials, query or fragment';
  for (const target of bad) expect(() => ohttp.gateway({ keys: [key], target })).toThrow(new RangeError(message));
  expect(() => ohttp.forwarder('http://svc.example/?a')).toThrow(
    new RangeError(message.replace('options.target', 'target')),
  );
  expect(() => ohttp.forwarder('ftp://svc.example/')).toThrow(
    new RangeError('"target" expected an absolute http or https URL'),
  );
  expect(() => ohttp.forwarder(1 as unknown as string)).toThrow(
    new TypeError('"target" expected URL string, got number'),
  );
});
