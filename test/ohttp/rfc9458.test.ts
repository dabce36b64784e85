// RFC 9458 Appendix A, byte for byte on each backend: the key configuration, the Encapsulated
// Request (with the example's ephemeral key), the response secret and keys, the Encapsulated
// Response (with its response_nonce), and decapsulation on both sides.
import { afterAll, describe, expect, test } from 'vitest';
import { backend as activeBackend, hkdf, hpke, ohttp, sha256, useBackend, type GatewayKey, type KemId } from 'oblivia';
import { aeadById } from 'oblivia/hpke/hpke-aead.js';
import { kdfById } from 'oblivia/hpke/hpke-kdf.js';
import { responseKeys } from 'oblivia/ohttp/encapsulated-response.js';
import type { Symmetric } from 'oblivia/ohttp/key-config-suites.js';
import { hex, readJsonVector, unhex } from '../helpers.js';

const v = readJsonVector('ohttp/rfc9458-appendix-a.json');
const suites = [
  { kdf: 0x0001, aead: 0x0001 },
  { kdf: 0x0001, aead: 0x0003 },
] as const;

afterAll(() => useBackend(undefined));

describe.each(['wasm', 'js'] as const)('%s backend', (backend) => {
  const gatewayKey = (): GatewayKey => {
    useBackend(backend);
    expect(activeBackend()).toBe(backend);
    const privateKey = unhex(v.gateway_x25519_secret_key_hex);
    const suite = hpke.suite({ kem: v.ciphersuite.kem_id, kdf: 1, aead: 1 });
    return {
      keyId: v.key_id,
      kem: v.ciphersuite.kem_id as KemId,
      publicKey: suite.getPublicKey(privateKey),
      privateKey,
      suites,
    };
  };

  test('key configuration: encoding and decoding', () => {
    const key = gatewayKey();
    expect(hex(key.publicKey)).toBe(v.key_config_public_key_hex);
    expect(hex(ohttp.encodeKeyConfig(key))).toBe(v.key_config_hex);
    const config = ohttp.decodeKeyConfig(unhex(v.key_config_hex));
    expect({ ...config, publicKey: hex(config.publicKey) }).toEqual({
      keyId: 1,
      kem: 0x0020,
      publicKey: v.key_config_public_key_hex,
      suites,
    });
    const list = ohttp.decodeKeyConfigs(ohttp.encodeKeyConfigs([config]));
    expect(hex(list[0]!.publicKey)).toBe(v.key_config_public_key_hex);
  });

  test('request and response: encapsulation and decapsulation on both sides', () => {
    const key = gatewayKey();
    const config = ohttp.decodeKeyConfig(unhex(v.key_config_hex));
    const { encapsulatedRequest, context: client } = ohttp.encapsulateRequest(config, unhex(v.request_bhttp_hex), {
      skE: unhex(v.client_ephemeral_secret_key_hex),
    });
    expect(hex(encapsulatedRequest)).toBe(v.encapsulated_request_hex);

    const { bhttpRequest, context: gateway } = ohttp.decapsulateRequest([key], encapsulatedRequest);
    expect(hex(bhttpRequest)).toBe(v.request_bhttp_hex);
    expect(gateway).toMatchObject({ keyId: 1, kem: 0x0020, kdf: 0x0001, aead: 0x0001 });
    const encapsulatedResponse = gateway.encapsulateResponse(unhex(v.response_bhttp_hex), {
      responseNonce: unhex(v.response_nonce_hex),
    });
    expect(hex(encapsulatedResponse)).toBe(v.encapsulated_response_hex);

    expect(hex(client.decapsulateResponse(encapsulatedResponse))).toBe(v.response_bhttp_hex);
  });

  test('the intermediate values: info, response secret, salt, PRK, AEAD key and nonce', () => {
    const key = gatewayKey();
    const encapsulatedRequest = unhex(v.encapsulated_request_hex);
    const enc = encapsulatedRequest.subarray(7, 39);
    expect(hex(enc)).toBe(v.client_ephemeral_public_key_enc_hex);
    const suite = hpke.suite({ kem: 0x0020, kdf: 1, aead: 1 });
    const context = suite.setupReceiver(enc, key, { info: unhex(v.hpke_info_hex) });
    expect(hex(context.open(encapsulatedRequest.subarray(39)))).toBe(v.request_bhttp_hex);
    const secret = context.export(new TextEncoder().encode('message/bhttp response'), 16);
    expect(hex(secret)).toBe(v.response_secret_hex);
    expect(hex(enc) + v.response_nonce_hex).toBe(v.response_salt_hex);
    expect(hex(hkdf.extract(sha256, secret, unhex(v.response_salt_hex)))).toBe(v.response_prk_hex);

    const symmetric = { kdf: 1, hash: kdfById(1)!, aead: aeadById(1)! } as Symmetric;
    const { key: aeadKey, nonce } = responseKeys(symmetric, secret, enc, unhex(v.response_nonce_hex));
    expect(hex(aeadKey)).toBe(v.response_aead_key_hex);
    expect(hex(nonce)).toBe(v.response_aead_nonce_hex);
  });
});
