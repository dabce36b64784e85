// The inner layer's messages (docs/session.md, "Inner layer"): RFC 9458 §4.3/§4.4 with the labels
// "message/oblivia-attested-request" and "message/oblivia-attested-response". Exact bytes against
// an independent construction over hpke, hkdf and the AEADs (with injected skE and response_nonce),
// on both backends and across them; label separation from OHTTP with the very same key; the
// exact error codes; the Fetch-level helpers.
import { afterAll, describe, expect, test } from 'vitest';
import {
  bhttp,
  chacha20poly1305,
  gcm,
  hkdf,
  hpke,
  ohttp,
  OhttpError,
  sha256,
  useBackend,
  type GatewayKey,
  type OhttpErrorCode,
  type SymmetricSuite,
} from 'oblivia';
import { session } from 'oblivia/session';
import { hex } from '../helpers.js';

afterAll(() => useBackend(undefined));

const BACKENDS = ['wasm', 'js'] as const;
const KEM = hpke.KEM.X25519_HKDF_SHA256;
const GCM: SymmetricSuite = { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM };
const CHACHA: SymmetricSuite = { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 };
const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));

const bhttpRequest = bhttp.encodeRequest({
  method: 'POST',
  scheme: 'https',
  authority: 'node.example',
  path: '/v1/summarise',
  headers: [['content-type', 'text/plain']],
  content: ascii('my unread messages'),
});
const bhttpResponse = bhttp.encodeResponse({ status: 200, content: ascii('a summary') });

/** A fixed node key (DeriveKeyPair of a fixed ikm) with key id 0x2a, and a fixed ephemeral secret. */
function fixedKey(suites: readonly SymmetricSuite[] = [GCM, CHACHA]): GatewayKey {
  const { publicKey, privateKey } = hpke.suite({ kem: KEM, ...GCM }).deriveKeyPair(new Uint8Array(32).fill(7));
  return { keyId: 0x2a, kem: KEM, publicKey, privateKey, suites };
}
const fixedSkE = () => hpke.suite({ kem: KEM, ...GCM }).deriveKeyPair(new Uint8Array(32).fill(9)).privateKey;

/** The inner request and response, built step by step from the spec over hpke, hkdf and the AEAD. */
function independent(key: GatewayKey, suite: SymmetricSuite, skE: Uint8Array, responseNonce: Uint8Array) {
  const hdr = Uint8Array.of(key.keyId, 0, KEM, 0, suite.kdf, 0, suite.aead);
  const info = concat(ascii('message/oblivia-attested-request'), Uint8Array.of(0), hdr);
  const { enc, context } = hpke.suite({ kem: KEM, ...suite }).setupSender(key.publicKey, { info, skE });
  const request = concat(hdr, enc, context.seal(bhttpRequest));
  const nk = suite.aead === hpke.AEAD.AES_128_GCM ? 16 : 32;
  const secret = context.export(ascii('message/oblivia-attested-response'), Math.max(12, nk));
  const prk = hkdf.extract(sha256, secret, concat(enc, responseNonce));
  const aeadKey = hkdf.expand(sha256, prk, ascii('key'), nk);
  const aeadNonce = hkdf.expand(sha256, prk, ascii('nonce'), 12);
  const cipher = suite.aead === hpke.AEAD.AES_128_GCM ? gcm : chacha20poly1305;
  const response = concat(responseNonce, cipher(aeadKey, aeadNonce).encrypt(bhttpResponse));
  return { hdr, request, response };
}

/** docs/session.md's example: key id 0x2a, X25519 / HKDF-SHA256 / AES-128-GCM, skR and skE from
 *  DeriveKeyPair(32 × 0x07) and DeriveKeyPair(32 × 0x09), response_nonce 16 × 0x03. */
const VECTOR = {
  pkR: '5fd47633b5e43fca7bad1bfbe424feacb175d9d4d4a30f166dbd30636f0b446b',
  request: '00034745540568747470730c6e6f64652e6578616d706c65012f000000',
  encapsulatedRequest:
    '2a002000010001' +
    'de8923a675d02180cdd7d0097ba404b9e1e2930d5665cba58d1765006361793b' +
    '408637dd26fd252b7c5d8213c86baaf636823391accb3b1712014843d41ebdc0cefca6ad833676e57b9fabdd17',
  response: '0140cc000000',
  encapsulatedResponse: '03030303030303030303030303030303' + 'ea1a8d21b0a83e6760d8a7011f35eb0bd3f4983825a0',
};

function ohttpError(run: () => unknown): OhttpErrorCode {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OhttpError);
    return (e as OhttpError).code;
  }
  throw new Error('expected an OhttpError');
}

describe.each(BACKENDS)('on %s', (backend) => {
  test.each([
    ['AES-128-GCM', GCM, 16],
    ['ChaCha20-Poly1305', CHACHA, 32],
  ] as const)('exact bytes with %s, as built from the spec on the other backend', (_, suite, nonceLength) => {
    const key = fixedKey();
    const responseNonce = new Uint8Array(nonceLength).fill(3);
    useBackend(backend === 'wasm' ? 'js' : 'wasm');
    const expected = independent(key, suite, fixedSkE(), responseNonce);

    useBackend(backend);
    const { encapsulatedRequest, context: client } = session.encapsulateInner(key, bhttpRequest, {
      suite,
      skE: fixedSkE(),
    });
    expect(hex(encapsulatedRequest.subarray(0, 7))).toBe(hex(expected.hdr));
    expect(hex(encapsulatedRequest)).toBe(hex(expected.request));
    expect(encapsulatedRequest.length).toBe(7 + 32 + bhttpRequest.length + 16);

    const { bhttpRequest: opened, context: node } = session.decapsulateInner(key, encapsulatedRequest);
    expect(hex(opened)).toBe(hex(bhttpRequest));
    expect(node).toMatchObject({ keyId: 0x2a, kem: KEM, kdf: suite.kdf, aead: suite.aead });
    const encapsulatedResponse = node.encapsulateResponse(bhttpResponse, { responseNonce });
    expect(hex(encapsulatedResponse)).toBe(hex(expected.response));
    expect(hex(client.decapsulateResponse(encapsulatedResponse))).toBe(hex(bhttpResponse));
  });

  test('the header and enc, byte for byte', () => {
    useBackend(backend);
    const { encapsulatedRequest } = session.encapsulateInner(fixedKey(), bhttpRequest, { skE: fixedSkE() });
    // hdr: key id 0x2a, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM (the first suite).
    expect(hex(encapsulatedRequest.subarray(0, 7))).toBe('2a002000010001');
    // enc: X25519 public key of the fixed skE (whatever the labels: the KEM does not see them).
    const { enc } = hpke
      .suite({ kem: KEM, ...GCM })
      .setupSender(fixedKey().publicKey, { info: new Uint8Array(0), skE: fixedSkE() });
    expect(hex(encapsulatedRequest.subarray(7, 39))).toBe(hex(enc));
  });

  test('the example vector of docs/session.md (recorded here; the test above builds the same bytes from the spec)', () => {
    useBackend(backend);
    const key = fixedKey([GCM]);
    expect(hex(key.publicKey)).toBe(VECTOR.pkR);
    const request = bhttp.encodeRequest({ method: 'GET', scheme: 'https', authority: 'node.example', path: '/' });
    expect(hex(request)).toBe(VECTOR.request);
    const { encapsulatedRequest, context: client } = session.encapsulateInner(key, request, { skE: fixedSkE() });
    expect(hex(encapsulatedRequest)).toBe(VECTOR.encapsulatedRequest);
    const { context } = session.decapsulateInner(key, encapsulatedRequest);
    const response = bhttp.encodeResponse({ status: 204 });
    expect(hex(response)).toBe(VECTOR.response);
    const sealed = context.encapsulateResponse(response, { responseNonce: new Uint8Array(16).fill(3) });
    expect(hex(sealed)).toBe(VECTOR.encapsulatedResponse);
    expect(hex(client.decapsulateResponse(sealed))).toBe(VECTOR.response);
  });

  test('label separation: the same key, the same skE — OHTTP and the inner layer each refuse the other', () => {
    useBackend(backend);
    const key = fixedKey();
    const inner = session.encapsulateInner(key, bhttpRequest, { skE: fixedSkE() });
    const outer = ohttp.encapsulateRequest(key, bhttpRequest, { skE: fixedSkE() });
    // The header and enc are the same; the ciphertexts differ (the info differs).
    expect(hex(inner.encapsulatedRequest.subarray(0, 39))).toBe(hex(outer.encapsulatedRequest.subarray(0, 39)));
    expect(hex(inner.encapsulatedRequest.subarray(39))).not.toBe(hex(outer.encapsulatedRequest.subarray(39)));
    expect(ohttpError(() => ohttp.decapsulateRequest(key, inner.encapsulatedRequest))).toBe('DECRYPT');
    expect(ohttpError(() => session.decapsulateInner(key, outer.encapsulatedRequest))).toBe('DECRYPT');

    // The response keys differ too: an OHTTP response to the same request does not open as an inner one.
    const responseNonce = new Uint8Array(16).fill(3);
    const gatewaySide = ohttp.decapsulateRequest(key, outer.encapsulatedRequest).context;
    const ohttpResponse = gatewaySide.encapsulateResponse(bhttpResponse, { responseNonce });
    expect(ohttpError(() => inner.context.decapsulateResponse(ohttpResponse))).toBe('DECRYPT');
    outer.context.destroy();
  });

  test('errors: MALFORMED, UNKNOWN_KEY, UNSUPPORTED_SUITE, DECRYPT, exactly', () => {
    useBackend(backend);
    const key = fixedKey();
    const { encapsulatedRequest: good } = session.encapsulateInner(key, bhttpRequest, { suite: CHACHA });
    expect(ohttpError(() => session.decapsulateInner(key, good.subarray(0, 6)))).toBe('MALFORMED');
    expect(ohttpError(() => session.decapsulateInner(key, good.subarray(0, 7 + 32 + 15)))).toBe('MALFORMED');
    const otherId = good.slice();
    otherId[0] = 0x2b;
    expect(ohttpError(() => session.decapsulateInner(key, otherId))).toBe('UNKNOWN_KEY');
    const gcmOnly = fixedKey([GCM]);
    expect(ohttpError(() => session.decapsulateInner(gcmOnly, good))).toBe('UNSUPPORTED_SUITE');
    for (const at of [0 + 7, 7 + 32, good.length - 1]) {
      const tampered = good.slice();
      tampered[at]! ^= 1;
      expect(ohttpError(() => session.decapsulateInner(key, tampered))).toBe('DECRYPT');
    }
    const { bhttpRequest: opened } = session.decapsulateInner(key, good); // the original still opens
    expect(hex(opened)).toBe(hex(bhttpRequest));

    const { context } = session.encapsulateInner(key, bhttpRequest);
    expect(ohttpError(() => context.decapsulateResponse(new Uint8Array(16 + 15)))).toBe('MALFORMED');
    const { context: again } = session.encapsulateInner(key, bhttpRequest);
    expect(ohttpError(() => again.decapsulateResponse(new Uint8Array(16 + 16)))).toBe('DECRYPT');
  });
});

test.each([
  ['wasm', 'js'],
  ['js', 'wasm'],
] as const)('client on %s, node on %s: fresh keys and randomness round trip', (clientBackend, nodeBackend) => {
  useBackend(nodeBackend);
  const key = ohttp.generateKeyConfig(3, KEM, [CHACHA, GCM]);
  const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
  useBackend(clientBackend);
  const { encapsulatedRequest, context: client } = session.encapsulateInner(config, bhttpRequest);
  useBackend(nodeBackend);
  const { bhttpRequest: opened, context: node } = session.decapsulateInner([key], encapsulatedRequest);
  expect(hex(opened)).toBe(hex(bhttpRequest));
  const response = node.encapsulateResponse(bhttpResponse);
  expect(response.length).toBe(32 + bhttpResponse.length + 16);
  useBackend(clientBackend);
  expect(hex(client.decapsulateResponse(response))).toBe(hex(bhttpResponse));
});

describe.each(BACKENDS)('Fetch helpers on %s', (backend) => {
  test('encapsulateRequest reads and encodes the Request; openResponse gives the Response', async () => {
    useBackend(backend);
    const key = fixedKey();
    const request = new Request('https://node.example/v1/summarise?x=1', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'x-planted': 'secret-header' },
      body: 'secret body',
    });
    const { body, context } = await session.encapsulateRequest(key, request, { suite: CHACHA });
    expect(hex(body.subarray(0, 7))).toBe('2a002000010003');
    const { bhttpRequest: opened, context: node } = session.decapsulateInner(key, body);
    const decoded = bhttp.decodeRequest(opened);
    expect(decoded).toMatchObject({
      method: 'PUT',
      scheme: 'https',
      authority: 'node.example',
      path: '/v1/summarise?x=1',
    });
    expect(decoded.headers).toEqual([
      ['content-type', 'text/plain'],
      ['x-planted', 'secret-header'],
    ]);
    expect(new TextDecoder().decode(decoded.content)).toBe('secret body');

    const sealed = node.encapsulateResponse(
      bhttp.encodeResponse({ status: 201, headers: [['x-answer', 'yes']], content: ascii('done') }),
    );
    const response = context.openResponse(sealed);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(await response.text()).toBe('done');
    expect(() => context.openResponse(sealed)).toThrow(TypeError); // single use
  });

  test('argument errors and a response that does not open', async () => {
    useBackend(backend);
    const key = fixedKey();
    await expect(session.encapsulateRequest(key, 'https://x.example/' as unknown as Request)).rejects.toThrow(
      TypeError,
    );
    await expect(
      session.encapsulateRequest(key, new Request('https://x.example/'), { suite: { kdf: 1, aead: 2 } }),
    ).rejects.toThrow(RangeError);
    const { context } = await session.encapsulateRequest(key, new Request('https://x.example/'));
    expect(ohttpError(() => context.openResponse(new Uint8Array(64)))).toBe('DECRYPT');
    const { context: unused } = await session.encapsulateRequest(key, new Request('https://x.example/'));
    unused.destroy();
    expect(() => unused.openResponse(new Uint8Array(64))).toThrow(TypeError);
  });
});

test('the namespace: frozen, with the media types and labels of the inner layer', () => {
  expect(Object.isFrozen(session)).toBe(true);
  expect(session.INNER_MEDIA_TYPE).toEqual({
    REQUEST: 'message/oblivia-attested-request',
    RESPONSE: 'message/oblivia-attested-response',
  });
  expect(session.INNER_MEDIA_TYPE.REQUEST).not.toBe(ohttp.MEDIA_TYPE.REQUEST);
});
