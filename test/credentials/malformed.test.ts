// Malformed credential messages on both backends (fast-check): issuance requests and responses,
// redemption tokens and Authorization headers — mutated valid ones and random bytes — give a
// CredentialError (never another error, never a crash); the issuer handler answers every such
// request with a 4xx and keeps serving. Also: issuance on one backend, finalize and verify on the other.
// OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { credentials, CredentialError, oprf, useBackend } from 'oblivia';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 100);
const EPOCH = 20_000;
const ATTRS = { epoch: EPOCH, values: ['chat'] };

afterAll(() => useBackend(undefined));

/** A mutation of a valid message: flip a bit, cut, extend, or splice in random bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), extra: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.nat(),
    data: fc.uint8Array({ minLength: 1, maxLength: 12 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const copy = bytes.slice();
  switch (m.kind) {
    case 'flip':
      copy[m.at % copy.length]! ^= 1 << m.bit;
      return copy;
    case 'cut':
      return copy.subarray(0, m.at % copy.length);
    case 'extend':
      return Uint8Array.of(...copy, ...m.extra);
    default: {
      const at = m.at % copy.length;
      copy.set(m.data.subarray(0, copy.length - at), at);
      return copy;
    }
  }
}

const differs = (a: Uint8Array, b: Uint8Array) => a.length !== b.length || a.some((x, i) => x !== b[i]);

/** 'ok', the CredentialError code, or the class of any other error. */
async function outcome(f: () => unknown): Promise<string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    return e instanceof CredentialError ? e.code : `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}
const CODES = [
  'MALFORMED',
  'VERSION',
  'BATCH',
  'UNKNOWN_KEY',
  'ATTRIBUTES',
  'PROOF',
  'EPOCH',
  'INVALID_TOKEN',
  'SPENT',
  'MISSING',
];

describe.each(['wasm', 'js'] as const)('%s backend', (backend) => {
  function setup() {
    useBackend(backend);
    const { secretKey, publicKey } = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
    return {
      issuer: credentials.issuer({ secretKey, policy: (a) => a.epoch === EPOCH }),
      client: credentials.client({ publicKey }),
      verifier: credentials.verifier({
        secretKey,
        store: credentials.memorySpentStore(),
        acceptEpoch: (e) => e === EPOCH,
      }),
    };
  }

  test('mutated and random issuance requests: a response or a CredentialError', async () => {
    const s = setup();
    const valid = s.client.request(ATTRS, 2).bytes;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutation.map((m) => mutate(valid, m)),
          fc.uint8Array({ maxLength: 200 }),
        ),
        async (request) => {
          const result = await outcome(() => s.issuer.issue(request));
          expect(['ok', ...CODES]).toContain(result);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('mutated issuance responses: always a CredentialError', async () => {
    const s = setup();
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const { bytes, pending } = s.client.request(ATTRS, 2);
        const response = s.issuer.issue(bytes);
        const mutated = mutate(response, m);
        fc.pre(differs(mutated, response));
        expect(['MALFORMED', 'VERSION', 'BATCH', 'PROOF']).toContain(
          await outcome(() => s.client.finalize(pending, mutated)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  test('mutated and random tokens: always a CredentialError; the valid token still verifies once', async () => {
    const s = setup();
    const [credential] = s.client.finalize(
      ...((r) => [r.pending, s.issuer.issue(r.bytes)] as const)(s.client.request(ATTRS)),
    );
    const binding = new Uint8Array(32).fill(9);
    const token = s.client.redeem(credential!, binding);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutation.map((m) => mutate(token, m)),
          fc.uint8Array({ maxLength: 200 }),
        ),
        async (mutated) => {
          fc.pre(differs(mutated, token));
          expect(['MALFORMED', 'VERSION', 'UNKNOWN_KEY', 'EPOCH', 'INVALID_TOKEN']).toContain(
            await outcome(() => s.verifier.verify(mutated, binding)),
          );
        },
      ),
      { numRuns: RUNS },
    );
    expect(await outcome(() => s.verifier.verify(token, binding))).toBe('ok');
    expect(await outcome(() => s.verifier.verify(token, binding))).toBe('SPENT');
  });

  test('issuance on one backend, finalize and verify on the other', async () => {
    const s = setup();
    const { bytes, pending } = s.client.request(ATTRS, 3);
    useBackend(backend === 'wasm' ? 'js' : 'wasm');
    const creds = s.client.finalize(pending, s.issuer.issue(bytes));
    useBackend(backend);
    const binding = new Uint8Array(32).fill(1);
    for (const c of creds)
      expect((await s.verifier.verify(s.client.redeem(c, binding), binding)).attributes.epoch).toBe(EPOCH);
  });
});

describe('Authorization header', () => {
  test('encode then parse gives the token back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (token) => {
        const header = credentials.encodeAuthorization(token);
        expect(header).toMatch(/^ObliviaToken token="[A-Za-z0-9_-]*"$/);
        expect(credentials.parseAuthorization(header)).toEqual(token);
      }),
      { numRuns: RUNS },
    );
    expect(credentials.parseAuthorization('obliviatoken   TOKEN=AQID')).toEqual(Uint8Array.of(1, 2, 3));
  });

  test('fixed cases: MISSING for no credential or another scheme, MALFORMED for a bad ObliviaToken value', () => {
    const code = (value: string | null) => {
      try {
        credentials.parseAuthorization(value);
        return 'ok';
      } catch (e) {
        return (e as CredentialError).code;
      }
    };
    expect(code(null)).toBe('MISSING');
    expect(code('PrivateToken token="AQID"')).toBe('MISSING');
    expect(code('Bearer abc')).toBe('MISSING');
    expect(code('ObliviaToken')).toBe('MALFORMED');
    expect(code('ObliviaToken token=')).toBe('MALFORMED');
    expect(code('ObliviaToken token="AQID=="')).toBe('MALFORMED');
    expect(code('ObliviaToken token="A"')).toBe('MALFORMED');
    expect(code('ObliviaToken token="AQ+D"')).toBe('MALFORMED');
    expect(code('ObliviaToken token="AQID", x=1')).toBe('MALFORMED');
    expect(code('ObliviaToken other="AQID"')).toBe('MALFORMED');
    expect(code('')).toBe('MALFORMED');
  });

  test('random header values: token bytes or a CredentialError', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ maxLength: 60 }).map((s) => `ObliviaToken ${s}`),
      fc.string({ maxLength: 60 }).map((s) => `ObliviaToken token="${s}"`),
    );
    fc.assert(
      fc.property(value, (v) => {
        try {
          expect(credentials.parseAuthorization(v)).toBeInstanceOf(Uint8Array);
        } catch (e) {
          expect(e).toBeInstanceOf(CredentialError);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('issuer handler', () => {
  const { secretKey, publicKey } = oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair();
  const issuer = credentials.issuer({ secretKey, policy: (a) => a.epoch === EPOCH });
  const client = credentials.client({ publicKey });
  const handler = credentials.issuerHandler(issuer, { maxBodyBytes: 4096 });
  const post = (body: Uint8Array, type: string = credentials.MEDIA_TYPE.REQUEST, method = 'POST') =>
    handler(
      new Request('https://issuer.example/issue', {
        method,
        headers: { 'content-type': type },
        body: method === 'POST' ? (body as Uint8Array<ArrayBuffer>) : null,
      }),
    );

  test('issues, and refuses with the status, media type and problem type of each case', async () => {
    const { bytes, pending } = client.request(ATTRS, 2);
    const ok = await post(bytes);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe(credentials.MEDIA_TYPE.RESPONSE);
    expect(client.finalize(pending, new Uint8Array(await ok.arrayBuffer()))).toHaveLength(2);

    const problem = async (response: Response) => [
      response.status,
      response.headers.get('content-type'),
      ((await response.json()) as { type: string }).type,
    ];
    expect(await problem(await post(Uint8Array.of(1, 2)))).toEqual([
      400,
      'application/problem+json',
      'urn:oblivia:problem:credential-malformed',
    ]);
    expect(await problem(await post(Uint8Array.of(7)))).toEqual([
      400,
      'application/problem+json',
      'urn:oblivia:problem:credential-version',
    ]);
    expect(await problem(await post(client.request(ATTRS, 40).bytes))).toEqual([
      400,
      'application/problem+json',
      'urn:oblivia:problem:credential-batch',
    ]);
    const stranger = credentials.client({
      publicKey: oprf.suite('ristretto255-SHA512', 'poprf').generateKeyPair().publicKey,
    });
    expect(await problem(await post(stranger.request(ATTRS).bytes))).toEqual([
      422,
      'application/problem+json',
      'urn:oblivia:problem:credential-unknown-key',
    ]);
    expect(await problem(await post(client.request({ epoch: 1, values: [] }).bytes))).toEqual([
      403,
      'application/problem+json',
      'urn:oblivia:problem:credential-attributes',
    ]);
    expect((await post(bytes, 'application/octet-stream')).status).toBe(415);
    const get = await post(bytes, credentials.MEDIA_TYPE.REQUEST, 'GET');
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await post(new Uint8Array(4097))).status).toBe(413);
  });

  test('random and mutated requests: a 4xx, never a crash, and it keeps serving', async () => {
    const valid = client.request(ATTRS, 2).bytes;
    const request = fc.record({
      body: fc.oneof(
        mutation.map((m) => mutate(valid, m)),
        fc.uint8Array({ maxLength: 300 }),
      ),
      type: fc.oneof(
        fc.constant(credentials.MEDIA_TYPE.REQUEST),
        fc.constant(`${credentials.MEDIA_TYPE.REQUEST}; x=1`),
        fc.string({ maxLength: 20 }),
      ),
      method: fc.constantFrom('POST', 'POST', 'PUT', 'GET'),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ body, type, method }) => {
        const response = await post(body, type, method);
        // A mutation may leave a valid request (say, another attribute value): then 200.
        expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
      }),
      { numRuns: RUNS * 2 },
    );
    expect((await post(client.request(ATTRS).bytes)).status).toBe(200);
  });
});
