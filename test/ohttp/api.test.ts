// The OHTTP API: round trips for every KEM × (KDF, AEAD) between the backends, key rotation,
// the gateway's error codes, single-use contexts, and the typed errors of key configurations.
import { afterAll, describe, expect, test } from 'vitest';
import {
  hpke,
  CryptoError,
  ohttp,
  OhttpError,
  useBackend,
  type GatewayKey,
  type KemId,
  type OhttpErrorCode,
  type SymmetricSuite,
} from 'oblivia';
import { hex } from '../helpers.js';

afterAll(() => useBackend(undefined));

const KEMS = [
  hpke.KEM.X25519_HKDF_SHA256,
  hpke.KEM.P256_HKDF_SHA256,
  hpke.KEM.P384_HKDF_SHA384,
  hpke.KEM.P521_HKDF_SHA512,
] as const;
const SUITES: SymmetricSuite[] = ([hpke.KDF.HKDF_SHA256, hpke.KDF.HKDF_SHA384, hpke.KDF.HKDF_SHA512] as const).flatMap(
  (kdf) =>
    ([hpke.AEAD.AES_128_GCM, hpke.AEAD.AES_256_GCM, hpke.AEAD.CHACHA20_POLY1305] as const).map((aead) => ({
      kdf,
      aead,
    })),
);
const X25519_SUITE = { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM } as const;
const text = (s: string) => new TextEncoder().encode(s);
const bhttpRequest = text('opaque Binary HTTP request');
const bhttpResponse = text('opaque Binary HTTP response');

function ohttpError(run: () => unknown): OhttpErrorCode {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(OhttpError);
    return (e as OhttpError).code;
  }
  throw new Error('expected an OhttpError');
}

describe.each(KEMS.map((kem) => [`0x${kem.toString(16).padStart(4, '0')}`, kem] as const))('KEM %s', (_, kem) => {
  test.each([
    ['wasm', 'js'],
    ['js', 'wasm'],
  ] as const)('every (KDF, AEAD): client on %s, gateway on %s', (clientBackend, gatewayBackend) => {
    useBackend(gatewayBackend);
    const key = ohttp.generateKeyConfig(7, kem, SUITES);
    const encodedConfig = ohttp.encodeKeyConfig(key);
    expect(encodedConfig.length).toBe(3 + key.publicKey.length + 2 + 4 * SUITES.length);
    for (const suite of SUITES) {
      useBackend(clientBackend);
      const config = ohttp.decodeKeyConfig(encodedConfig);
      const { encapsulatedRequest, context: client } = ohttp.encapsulateRequest(config, bhttpRequest, { suite });
      expect(Array.from(encapsulatedRequest.subarray(0, 7))).toEqual([7, 0, kem, 0, suite.kdf, 0, suite.aead]);

      useBackend(gatewayBackend);
      const { bhttpRequest: opened, context: gateway } = ohttp.decapsulateRequest(key, encapsulatedRequest);
      expect(hex(opened)).toBe(hex(bhttpRequest));
      expect(gateway).toMatchObject({ keyId: 7, kem, kdf: suite.kdf, aead: suite.aead });
      const encapsulatedResponse = gateway.encapsulateResponse(bhttpResponse);
      // response_nonce of max(Nn, Nk) bytes, then the response and a 16-byte tag.
      const nonceLength = suite.aead === hpke.AEAD.AES_128_GCM ? 16 : 32;
      expect(encapsulatedResponse.length).toBe(nonceLength + bhttpResponse.length + 16);

      useBackend(clientBackend);
      expect(hex(client.decapsulateResponse(encapsulatedResponse))).toBe(hex(bhttpResponse));
    }
  });
});

describe('client', () => {
  const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    X25519_SUITE,
    { kdf: hpke.KDF.HKDF_SHA512, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);

  test('uses the configuration’s first suite by default, and only the suites it offers', () => {
    const { encapsulatedRequest } = ohttp.encapsulateRequest(key, bhttpRequest);
    expect(hex(encapsulatedRequest.subarray(0, 7))).toBe('01002000010001');
    expect(() =>
      ohttp.encapsulateRequest(key, bhttpRequest, {
        suite: { kdf: hpke.KDF.HKDF_SHA384, aead: hpke.AEAD.AES_128_GCM },
      }),
    ).toThrow(RangeError);
    expect(() => ohttp.encapsulateRequest(key, bhttpRequest, { suite: 'first' as never })).toThrow(TypeError);
  });

  test('an empty request; a fresh ephemeral key per request', () => {
    const a = ohttp.encapsulateRequest(key, new Uint8Array(0));
    const b = ohttp.encapsulateRequest(key, new Uint8Array(0));
    expect(a.encapsulatedRequest.length).toBe(7 + 32 + 16);
    expect(hex(a.encapsulatedRequest)).not.toBe(hex(b.encapsulatedRequest));
    expect(ohttp.decapsulateRequest(key, b.encapsulatedRequest).bhttpRequest.length).toBe(0);
  });

  test('argument errors', () => {
    expect(() => ohttp.encapsulateRequest(key, 'GET /' as never)).toThrow(TypeError);
    expect(() => ohttp.encapsulateRequest({ ...key, keyId: 256 }, bhttpRequest)).toThrow(RangeError);
    expect(() => ohttp.encapsulateRequest({ ...key, publicKey: new Uint8Array(31) }, bhttpRequest)).toThrow(RangeError);
    expect(() => ohttp.encapsulateRequest({ ...key, suites: [] }, bhttpRequest)).toThrow(RangeError);
    expect(() => ohttp.encapsulateRequest(key, bhttpRequest, { skE: new Uint8Array(31) })).toThrow(RangeError);
  });
});

describe('gateway', () => {
  const x25519Key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [X25519_SUITE]);
  const p256Key = ohttp.generateKeyConfig(2, hpke.KEM.P256_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);
  const keys = [x25519Key, p256Key];

  test('key rotation: requests to either key id decapsulate; an unknown id is UNKNOWN_KEY', () => {
    for (const key of keys) {
      const { encapsulatedRequest } = ohttp.encapsulateRequest(
        ohttp.decodeKeyConfigs(ohttp.encodeKeyConfigs(keys))[key.keyId - 1]!,
        bhttpRequest,
      );
      const { context } = ohttp.decapsulateRequest(keys, encapsulatedRequest);
      expect(context.keyId).toBe(key.keyId);
    }
    const retired = ohttp.encapsulateRequest(x25519Key, bhttpRequest).encapsulatedRequest;
    expect(ohttpError(() => ohttp.decapsulateRequest([p256Key], retired))).toBe('UNKNOWN_KEY');
    const rotated = ohttp.generateKeyConfig(3, hpke.KEM.X25519_HKDF_SHA256, [X25519_SUITE]);
    expect(ohttpError(() => ohttp.decapsulateRequest([rotated, p256Key], retired))).toBe('UNKNOWN_KEY');
  });

  test('one key id for two KEMs: the header’s KEM selects the key', () => {
    const twin = { ...p256Key, keyId: 1 };
    for (const key of [x25519Key, twin]) {
      const { encapsulatedRequest } = ohttp.encapsulateRequest(key, bhttpRequest);
      expect(ohttp.decapsulateRequest([x25519Key, twin], encapsulatedRequest).context.kem).toBe(key.kem);
    }
  });

  test('a KEM or (KDF, AEAD) the key does not offer is UNSUPPORTED_SUITE', () => {
    const { encapsulatedRequest } = ohttp.encapsulateRequest(x25519Key, bhttpRequest);
    const otherKem = { ...p256Key, keyId: 1 };
    expect(ohttpError(() => ohttp.decapsulateRequest([otherKem], encapsulatedRequest))).toBe('UNSUPPORTED_SUITE');
    const otherSuite: GatewayKey = {
      ...x25519Key,
      suites: [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_256_GCM }],
    };
    expect(ohttpError(() => ohttp.decapsulateRequest(otherSuite, encapsulatedRequest))).toBe('UNSUPPORTED_SUITE');
    // An unknown id in the header is refused the same way, before any parsing of `enc`.
    const unknownAead = encapsulatedRequest.slice(0, 7);
    unknownAead[6] = 0x09;
    expect(ohttpError(() => ohttp.decapsulateRequest(x25519Key, unknownAead))).toBe('UNSUPPORTED_SUITE');
  });

  test('short requests are MALFORMED', () => {
    const { encapsulatedRequest } = ohttp.encapsulateRequest(x25519Key, new Uint8Array(0));
    for (const length of [0, 1, 6, 7, 38, 39, 54]) {
      expect(ohttpError(() => ohttp.decapsulateRequest(x25519Key, encapsulatedRequest.subarray(0, length)))).toBe(
        'MALFORMED',
      );
    }
    expect(ohttp.decapsulateRequest(x25519Key, encapsulatedRequest.subarray(0, 55)).bhttpRequest.length).toBe(0);
  });

  test.each(['wasm', 'js'] as const)(
    '%s: undecryptable requests are DECRYPT, with the CryptoError as cause',
    (backend) => {
      useBackend(backend);
      const causes = (request: Uint8Array, key: GatewayKey) => {
        try {
          ohttp.decapsulateRequest(key, request);
        } catch (e) {
          expect(e).toBeInstanceOf(OhttpError);
          expect((e as OhttpError).code).toBe('DECRYPT');
          expect((e as OhttpError).cause).toBeInstanceOf(CryptoError);
          return ((e as OhttpError).cause as CryptoError).code;
        }
        throw new Error('expected an OhttpError');
      };
      const x = ohttp.encapsulateRequest(x25519Key, bhttpRequest).encapsulatedRequest;
      const flipped = x.slice();
      flipped[x.length - 1]! ^= 1;
      expect(causes(flipped, x25519Key)).toBe('INVALID_TAG');
      const header = x.slice();
      header[0] = 2; // another key id: the info differs, and so does the key
      expect(causes(header, { ...x25519Key, keyId: 2 })).toBe('INVALID_TAG');
      const lowOrder = x.slice();
      lowOrder.fill(0, 7, 39);
      expect(causes(lowOrder, x25519Key)).toBe('IDENTITY');
      const p = ohttp.encapsulateRequest(p256Key, bhttpRequest).encapsulatedRequest;
      const offCurve = p.slice();
      offCurve[7 + 64]! ^= 1;
      expect(causes(offCurve, p256Key)).toBe('INVALID_POINT');
    },
  );

  test('argument errors', () => {
    const { encapsulatedRequest } = ohttp.encapsulateRequest(x25519Key, bhttpRequest);
    expect(() => ohttp.decapsulateRequest(x25519Key, [1, 2, 3] as never)).toThrow(TypeError);
    expect(() => ohttp.decapsulateRequest([x25519Key, null as never], encapsulatedRequest)).toThrow(TypeError);
    expect(() =>
      ohttp.decapsulateRequest({ ...x25519Key, privateKey: undefined as never }, encapsulatedRequest),
    ).toThrow(TypeError);
    expect(() =>
      ohttp.decapsulateRequest({ ...x25519Key, privateKey: new Uint8Array(31) }, encapsulatedRequest),
    ).toThrow(RangeError);
  });
});

describe('responses', () => {
  const key = ohttp.generateKeyConfig(0, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);
  const exchange = () => {
    const { encapsulatedRequest, context: client } = ohttp.encapsulateRequest(key, bhttpRequest);
    return { client, gateway: ohttp.decapsulateRequest(key, encapsulatedRequest).context };
  };

  test('a random response_nonce each time; a response opens only for its own request', () => {
    const a = exchange();
    const b = exchange();
    const ra = a.gateway.encapsulateResponse(bhttpResponse);
    const rb = b.gateway.encapsulateResponse(bhttpResponse);
    expect(hex(ra.subarray(0, 32))).not.toBe(hex(rb.subarray(0, 32)));
    expect(ohttpError(() => a.client.decapsulateResponse(rb))).toBe('DECRYPT');
    expect(hex(b.client.decapsulateResponse(rb))).toBe(hex(bhttpResponse));
  });

  test('short, tampered and foreign responses', () => {
    const { client, gateway } = exchange();
    const response = gateway.encapsulateResponse(new Uint8Array(0));
    expect(response.length).toBe(32 + 16);
    expect(ohttpError(() => exchange().client.decapsulateResponse(response.subarray(0, 47)))).toBe('MALFORMED');
    const tampered = response.slice();
    tampered[0]! ^= 0x80; // the nonce is in the salt
    expect(ohttpError(() => exchange().client.decapsulateResponse(tampered))).toBe('DECRYPT');
    expect(client.decapsulateResponse(response).length).toBe(0);
  });

  test('contexts serve one response; destroy() ends them early', () => {
    const { client, gateway } = exchange();
    const response = gateway.encapsulateResponse(bhttpResponse);
    expect(() => gateway.encapsulateResponse(bhttpResponse)).toThrow(TypeError);
    client.decapsulateResponse(response);
    expect(() => client.decapsulateResponse(response)).toThrow(TypeError);
    const failed = exchange();
    expect(ohttpError(() => failed.client.decapsulateResponse(new Uint8Array(10)))).toBe('MALFORMED');
    expect(() => failed.client.decapsulateResponse(response)).toThrow(TypeError);
    failed.gateway.destroy();
    expect(() => failed.gateway.encapsulateResponse(bhttpResponse)).toThrow(TypeError);
  });

  test('argument errors leave the context usable', () => {
    const { client, gateway } = exchange();
    expect(() => gateway.encapsulateResponse('200' as never)).toThrow(TypeError);
    expect(() => gateway.encapsulateResponse(bhttpResponse, { responseNonce: new Uint8Array(16) })).toThrow(RangeError);
    expect(() => gateway.encapsulateResponse(bhttpResponse, null as never)).toThrow(TypeError);
    const response = gateway.encapsulateResponse(bhttpResponse);
    expect(() => client.decapsulateResponse(undefined as never)).toThrow(TypeError);
    expect(hex(client.decapsulateResponse(response))).toBe(hex(bhttpResponse));
  });
});

describe('key configurations', () => {
  const x25519 = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    X25519_SUITE,
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);
  const p256 = ohttp.generateKeyConfig(255, hpke.KEM.P256_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM },
  ]);
  const encoded = ohttp.encodeKeyConfig(x25519);

  test('generateKeyConfig: a key pair of the KEM; the public part encodes without the private key', () => {
    for (const kem of KEMS) {
      const key = ohttp.generateKeyConfig(0, kem, [X25519_SUITE]);
      const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
      expect({ ...config, publicKey: hex(config.publicKey) }).toEqual({
        keyId: 0,
        kem,
        publicKey: hex(key.publicKey),
        suites: [X25519_SUITE],
      });
      expect(config).not.toHaveProperty('privateKey');
    }
    expect(hex(encoded)).toBe(`010020${hex(x25519.publicKey)}000800010001` + '00010003');
  });

  test('generateKeyConfig: argument errors', () => {
    expect(() => ohttp.generateKeyConfig(256, hpke.KEM.X25519_HKDF_SHA256, [X25519_SUITE])).toThrow(RangeError);
    expect(() => ohttp.generateKeyConfig(-1, hpke.KEM.X25519_HKDF_SHA256, [X25519_SUITE])).toThrow(RangeError);
    expect(() => ohttp.generateKeyConfig(1, 0x0021 as KemId, [X25519_SUITE])).toThrow(RangeError);
    expect(() => ohttp.generateKeyConfig(1, '0x0020' as never, [X25519_SUITE])).toThrow(TypeError);
    expect(() => ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [])).toThrow(RangeError);
    expect(() => ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: 4, aead: 1 } as never])).toThrow(
      RangeError,
    );
    expect(() => ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: 1, aead: 0xffff } as never])).toThrow(
      RangeError,
    );
    expect(() => ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, X25519_SUITE as never)).toThrow(TypeError);
  });

  test('decodeKeyConfig: RangeError for unknown ids, wrong lengths and empty or ragged algorithm lists', () => {
    const patched = (at: number, ...values: number[]) => {
      const copy = encoded.slice();
      copy.set(values, at);
      return copy;
    };
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(0), /"keyConfig" expected Uint8Array of length >= 3/],
      [
        'unknown KEM',
        patched(1, 0x00, 0x21),
        /"keyConfig\.kem" expected one of 0x0010, 0x0011, 0x0012, 0x0020, got 0x0021/,
      ],
      ['unknown KDF', patched(37, 0x00, 0x04), /"keyConfig\.suites\[0\]\.kdf"/],
      ['unknown AEAD', patched(43, 0x00, 0x04), /"keyConfig\.suites\[1\]\.aead"/],
      [
        'export-only AEAD',
        patched(39, 0xff, 0xff),
        /"keyConfig\.suites\[0\]\.aead" expected one of 0x0001, 0x0002, 0x0003, got 0xffff/,
      ],
      ['truncated public key', encoded.subarray(0, 20), /expected Uint8Array of length >= 37, got length=20/],
      ['truncated algorithms', encoded.subarray(0, 42), /expected Uint8Array of length 45, got length=42/],
      ['overlong', Uint8Array.of(...encoded, 0), /expected Uint8Array of length 45, got length=46/],
      ['no algorithms', Uint8Array.of(...encoded.subarray(0, 35), 0, 0), /positive multiple of 4, got 0/],
      ['ragged algorithms', patched(35, 0x00, 0x06), /positive multiple of 4, got 6/],
      ['P-256 key of 64 bytes', ohttp.encodeKeyConfig(p256).subarray(0, 66), /length >= 70/],
    ];
    for (const [, bytes, message] of cases) expect(() => ohttp.decodeKeyConfig(bytes)).toThrow(message);
    for (const [, bytes] of cases) expect(() => ohttp.decodeKeyConfig(bytes)).toThrow(RangeError);
    expect(() => ohttp.decodeKeyConfig(hex(encoded) as never)).toThrow(TypeError);
  });

  test('decodeKeyConfig and encodeKeyConfig: a public key off the curve is CryptoError INVALID_POINT', () => {
    const offCurve = ohttp.encodeKeyConfig(p256);
    offCurve[3 + 64]! ^= 1;
    expect(() => ohttp.decodeKeyConfig(offCurve)).toThrow(new CryptoError('INVALID_POINT'));
    const publicKey = p256.publicKey.slice();
    publicKey[64]! ^= 1;
    expect(() => ohttp.encodeKeyConfig({ ...p256, publicKey })).toThrow(new CryptoError('INVALID_POINT'));
  });

  test('application/ohttp-keys: lists of length-prefixed configurations', () => {
    const list = ohttp.encodeKeyConfigs([x25519, p256]);
    const p256Encoded = ohttp.encodeKeyConfig(p256);
    expect(hex(list)).toBe(`002d${hex(encoded)}004a${hex(p256Encoded)}`);
    expect(ohttp.decodeKeyConfigs(list).map((c) => [c.keyId, c.kem, hex(c.publicKey)])).toEqual([
      [1, hpke.KEM.X25519_HKDF_SHA256, hex(x25519.publicKey)],
      [255, hpke.KEM.P256_HKDF_SHA256, hex(p256.publicKey)],
    ]);
    expect(ohttp.decodeKeyConfigs(Uint8Array.of(0, 45, ...encoded))).toHaveLength(1);

    expect(() => ohttp.decodeKeyConfigs(new Uint8Array(0))).toThrow(/at least one key configuration/);
    expect(() => ohttp.decodeKeyConfigs(list.subarray(0, 48))).toThrow(/"keyConfigs\[1\]" expected a 2-byte length/);
    expect(() => ohttp.decodeKeyConfigs(list.subarray(0, list.length - 1))).toThrow(
      /"keyConfigs\[1\]" expected 74 bytes, got 73/,
    );
    expect(() => ohttp.decodeKeyConfigs(Uint8Array.of(0, 44, ...encoded))).toThrow(
      /"keyConfigs\[0\]" expected Uint8Array of length 45, got length=44/,
    );
    expect(() => ohttp.decodeKeyConfigs(Uint8Array.of(0, 0, 0, 45, ...encoded))).toThrow(
      /"keyConfigs\[0\]" expected Uint8Array of length >= 3/,
    );
    const unknownKem = list.slice();
    unknownKem[3] = 0x21;
    expect(() => ohttp.decodeKeyConfigs(unknownKem)).toThrow(/"keyConfigs\[0\]\.kem"/);

    expect(() => ohttp.encodeKeyConfigs([])).toThrow(RangeError);
    expect(() => ohttp.encodeKeyConfigs(x25519 as never)).toThrow(TypeError);
    const huge = { ...x25519, suites: Array.from({ length: 16383 }, () => X25519_SUITE) };
    expect(ohttp.encodeKeyConfig(huge).length).toBe(3 + 32 + 2 + 65532);
    expect(() => ohttp.encodeKeyConfigs([huge])).toThrow(/"configs\[0\]" expected an encoding of at most 65535 bytes/);
  });

  test('the media types and the error codes', () => {
    expect([ohttp.MEDIA_TYPE.REQUEST, ohttp.MEDIA_TYPE.RESPONSE, ohttp.MEDIA_TYPE.KEYS]).toEqual([
      'message/ohttp-req',
      'message/ohttp-res',
      'application/ohttp-keys',
    ]);
    const error = new OhttpError('UNKNOWN_KEY');
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.message]).toEqual([
      'OhttpError',
      'UNKNOWN_KEY',
      'no key configuration has this key identifier',
    ]);
  });
});
