// Anonymous credentials on the Oblivious HTTP path, in process: the client redeems one credential
// per request (bound to it) through its authorize hook; the gateway verifies it after
// decapsulation and forwards the request without it. Missing, replayed, rebound, foreign-key and
// other-epoch tokens are 401s inside the encapsulation with the refusal's problem type; of two
// concurrent redemptions of one token exactly one is served; the relay's bytes never hold a token.
import { expect, test } from 'vitest';
import {
  hpke,
  ohttp,
  credentials,
  oprf,
  CredentialError,
  type Credential,
  type CredentialErrorCode,
  type Handler,
  type SpentStore,
} from 'oblivia';

const suite = oprf.suite('ristretto255-SHA512', 'poprf');
const today = credentials.currentEpoch();

function issue(secretKey: Uint8Array, publicKey: Uint8Array, count: number, epoch = today): Credential[] {
  const issuer = credentials.issuer({ secretKey });
  const client = credentials.client({ publicKey });
  const { bytes, pending } = client.request({ epoch, values: ['summarise'] }, count);
  return client.finalize(pending, issuer.issue(bytes));
}

function setup(store: SpentStore = credentials.memorySpentStore()) {
  const issuerKey = suite.generateKeyPair();
  const ohttpKey = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(ohttpKey));
  const targetSaw: Array<string | null> = [];
  const relayBodies: Uint8Array[] = [];
  const target: Handler = async (request) => {
    targetSaw.push(request.headers.get('authorization'));
    return new Response(`served ${await request.text()}`);
  };
  const verifier = credentials.verifier({
    secretKey: issuerKey.secretKey,
    store,
  });
  const gateway = ohttp.gateway({ keys: [ohttpKey], target, authorize: credentials.gatewayAuthorizer(verifier) });
  const relay: Handler = async (request) => {
    relayBodies.push(new Uint8Array(await request.clone().arrayBuffer()));
    return gateway(request);
  };
  /** A client whose authorize hook is `authorize`: the credentials' one, or a test's own. */
  const clientWith = (authorize?: (request: Request) => Promise<Request>) =>
    ohttp.client({ relay, keys: [config], authorize });
  const credentialClient = credentials.client({ publicKey: issuerKey.publicKey });
  return { issuerKey, targetSaw, relayBodies, clientWith, credentialClient };
}

const post = (path: string, body: string) => new Request(`https://summarise.example${path}`, { method: 'POST', body });

async function expectRefusal(response: Response, code: CredentialErrorCode): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('ObliviaToken');
  expect((await response.json()).type).toBe(credentials.problemType(code));
}

/** A hook that attaches a fixed Authorization value (a captured token, replayed or moved). */
const attach = (value: string) => async (request: Request) => {
  const headers = new Headers(request.headers);
  headers.set('authorization', value);
  return new Request(request, { headers });
};

/** Redeems `credential` for `request` the way the client hook does, and returns the header value. */
async function headerFor(
  client: ReturnType<typeof credentials.client>,
  credential: Credential,
  request: Request,
): Promise<string> {
  return credentials.encodeAuthorization(client.redeem(credential, await credentials.requestBinding(request)));
}

test('each request spends one credential bound to it; the service never sees the token; the relay never carries it', async () => {
  const { issuerKey, targetSaw, relayBodies, clientWith, credentialClient } = setup();
  const wallet = issue(issuerKey.secretKey, issuerKey.publicKey, 3);
  const tokens: string[] = [];
  const client = clientWith(async (request) => {
    const authorized = await credentials.clientAuthorizer(credentialClient, () => wallet.shift()!)(request);
    tokens.push(authorized.headers.get('authorization')!);
    return authorized;
  });
  for (const text of ['one', 'two', 'three']) {
    const response = await client.fetch(post('/v1/summarise', text));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`served ${text}`);
  }
  expect(targetSaw).toEqual([null, null, null]);
  expect(new Set(tokens).size).toBe(3);
  for (const [i, token] of tokens.entries()) {
    const raw = credentials.parseAuthorization(token);
    expect(Buffer.from(relayBodies[i]!).includes(Buffer.from(raw.subarray(-32)))).toBe(false);
  }
});

test('no credential, a replayed token and a token moved to another request are 401s', async () => {
  const { issuerKey, targetSaw, clientWith, credentialClient } = setup();
  await expectRefusal(await clientWith().fetch(post('/v1/summarise', 'x')), 'MISSING');

  const [credential, other] = issue(issuerKey.secretKey, issuerKey.publicKey, 2);
  const first = post('/v1/summarise', 'x');
  const header = await headerFor(credentialClient, credential!, first);
  expect((await clientWith(attach(header)).fetch(post('/v1/summarise', 'x'))).status).toBe(200);
  await expectRefusal(await clientWith(attach(header)).fetch(post('/v1/summarise', 'x')), 'SPENT');

  const moved = await headerFor(credentialClient, other!, post('/v1/summarise', 'meant for this body'));
  await expectRefusal(await clientWith(attach(moved)).fetch(post('/v1/summarise', 'another body')), 'INVALID_TOKEN');
  expect(targetSaw).toEqual([null]);
});

test('of two concurrent redemptions of one token, exactly one is served', async () => {
  const { issuerKey, clientWith, credentialClient } = setup();
  const [credential] = issue(issuerKey.secretKey, issuerKey.publicKey, 1);
  const header = await headerFor(credentialClient, credential!, post('/v1/summarise', 'same'));
  const client = clientWith(attach(header));
  const statuses = (await Promise.all([1, 2, 3, 4].map(() => client.fetch(post('/v1/summarise', 'same'))))).map(
    (r) => r.status,
  );
  expect(statuses.sort()).toEqual([200, 401, 401, 401]);
});

test('a store that cannot answer (STORE_UNAVAILABLE) is a 503 inside the encapsulation; the target is not called', async () => {
  const down: SpentStore = {
    add: () => Promise.reject(new CredentialError('STORE_UNAVAILABLE')),
    has: () => Promise.reject(new CredentialError('STORE_UNAVAILABLE')),
    expire: () => undefined,
  };
  const { issuerKey, targetSaw, clientWith, credentialClient } = setup(down);
  const wallet = issue(issuerKey.secretKey, issuerKey.publicKey, 1);
  const response = await clientWith(credentials.clientAuthorizer(credentialClient, () => wallet.shift()!)).fetch(
    post('/v1/summarise', 'x'),
  );
  expect(response.status).toBe(503);
  expect(response.headers.get('www-authenticate')).toBe(null);
  expect((await response.json()).type).toBe(credentials.problemType('STORE_UNAVAILABLE'));
  expect(targetSaw).toEqual([]);
});

test('tokens of another issuer key or of another epoch are refused', async () => {
  const { issuerKey, clientWith } = setup();
  const foreignKey = suite.generateKeyPair();
  const foreignClient = credentials.client({ publicKey: foreignKey.publicKey });
  const [foreign] = issue(foreignKey.secretKey, foreignKey.publicKey, 1);
  const request = () => post('/v1/summarise', 'x');
  await expectRefusal(
    await clientWith(attach(await headerFor(foreignClient, foreign!, request()))).fetch(request()),
    'UNKNOWN_KEY',
  );

  const ownClient = credentials.client({ publicKey: issuerKey.publicKey });
  const [stale] = issue(issuerKey.secretKey, issuerKey.publicKey, 1, today - 5);
  await expectRefusal(
    await clientWith(attach(await headerFor(ownClient, stale!, request()))).fetch(request()),
    'EPOCH',
  );
});

test('the gateway takes several issuer keys (rotation): a token names its key', async () => {
  const keys = [suite.generateKeyPair(), suite.generateKeyPair()];
  const store = credentials.memorySpentStore(); // one store for every key: scopes hold the key id
  const verifiers = keys.map((k) => credentials.verifier({ secretKey: k.secretKey, store }));
  const authorize = credentials.gatewayAuthorizer(verifiers);
  for (const key of keys) {
    const client = credentials.client({ publicKey: key.publicKey });
    const [credential] = issue(key.secretKey, key.publicKey, 1);
    const request = new Request('https://summarise.example/', { method: 'POST', body: 'x' });
    const authorized = await credentials.clientAuthorizer(client, () => credential!)(request);
    const decided = await authorize(authorized);
    expect(decided).toBeInstanceOf(Request);
    expect((decided as Request).headers.get('authorization')).toBe(null);
  }
  expect(() => credentials.gatewayAuthorizer([])).toThrow(new RangeError('"verifiers" expected at least one verifier'));
});
