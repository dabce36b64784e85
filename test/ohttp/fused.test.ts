// The OHTTP message layer in the wasm core (assembly/proto/ohttp.ts): each side handles a request
// and its response in two core calls when they fit the window, and none of the request's secrets
// — the HPKE shared secret, its PRKs, the AEAD key and base_nonce, the exporter secret, the
// response secret, the response's PRK, AEAD key and nonce — ever comes into JS: not in a byte the
// core hands out (OUT), not in any array the path returns. They are computed here independently
// (RFC 9180 §4.1, §5.1, §5.3 and RFC 9458 §4.4 over @noble) from the RFC 9458 Appendix A key and
// the fixed ephemeral key and response_nonce, and checked against the Appendix's values.
import { x25519 } from '@noble/curves/ed25519.js';
import { expand, extract } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ohttp, useBackend, type GatewayKey, type KemId } from 'oblivia';
import type { Core } from 'oblivia/backend/wasm/core.js';
import { active } from 'oblivia/backend/select.js';
import type { WasmBackend } from 'oblivia/backend/wasm/wasm-backend.js';
import { hex, readJsonVector, unhex } from '../helpers.js';

const v = readJsonVector('ohttp/rfc9458-appendix-a.json');
const text = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const i2osp2 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);

// RFC 9180 §4: LabeledExtract and LabeledExpand.
const labeledExtract = (suiteId: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array) =>
  extract(sha256, cat(text('HPKE-v1'), suiteId, text(label), ikm), salt);
const labeledExpand = (suiteId: Uint8Array, prk: Uint8Array, label: string, info: Uint8Array, length: number) =>
  expand(sha256, prk, cat(i2osp2(length), text('HPKE-v1'), suiteId, text(label), info), length);

/** Every secret of one exchange with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM. */
function secretsOf(skR: Uint8Array, skE: Uint8Array, hdr: Uint8Array, responseNonce: Uint8Array) {
  const pkR = x25519.getPublicKey(skR);
  const enc = x25519.getPublicKey(skE);
  const kemId = cat(text('KEM'), i2osp2(0x0020));
  const hpkeId = cat(text('HPKE'), i2osp2(0x0020), i2osp2(1), i2osp2(1));
  const dh = x25519.getSharedSecret(skE, pkR);
  const eaePrk = labeledExtract(kemId, new Uint8Array(0), 'eae_prk', dh);
  const sharedSecret = labeledExpand(kemId, eaePrk, 'shared_secret', cat(enc, pkR), 32);
  const info = cat(text('message/bhttp request'), new Uint8Array(1), hdr);
  const context = cat(
    new Uint8Array(1),
    labeledExtract(hpkeId, new Uint8Array(0), 'psk_id_hash', new Uint8Array(0)),
    labeledExtract(hpkeId, new Uint8Array(0), 'info_hash', info),
  );
  const secret = labeledExtract(hpkeId, sharedSecret, 'secret', new Uint8Array(0));
  const exporterSecret = labeledExpand(hpkeId, secret, 'exp', context, 32);
  const responseSecret = labeledExpand(hpkeId, exporterSecret, 'sec', text('message/bhttp response'), 16);
  const responsePrk = extract(sha256, responseSecret, cat(enc, responseNonce));
  return {
    dh,
    eaePrk,
    sharedSecret,
    secret,
    key: labeledExpand(hpkeId, secret, 'key', context, 16),
    baseNonce: labeledExpand(hpkeId, secret, 'base_nonce', context, 12),
    exporterSecret,
    responseSecret,
    responsePrk,
    responseKey: expand(sha256, responsePrk, text('key'), 16),
    responseNonce: expand(sha256, responsePrk, text('nonce'), 12),
  };
}

/** The names of the secrets that occur in `bytes`. */
function leaked(secrets: Record<string, Uint8Array>, bytes: Uint8Array): string[] {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Object.entries(secrets)
    .filter(([, secret]) => haystack.indexOf(secret) >= 0)
    .map(([name]) => name);
}

/** Records the core's export calls and every byte it hands out (take, takeInto) until `restore`. */
function watch(core: Core) {
  const calls: string[] = [];
  const outs: Uint8Array[] = [];
  const original = core.exports;
  const wrapped = Object.fromEntries(
    Object.entries(original).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? (...args: number[]) => {
            calls.push(name);
            return (value as (...a: number[]) => number)(...args);
          }
        : value,
    ]),
  );
  core.exports = wrapped as unknown as Core['exports'];
  core.take = (length, offset = 0) => {
    const result = Object.getPrototypeOf(core).take.call(core, length, offset) as Uint8Array;
    outs.push(result.slice());
    return result;
  };
  core.takeInto = (target, at, length) => {
    const result = Object.getPrototypeOf(core).takeInto.call(core, target, at, length) as Uint8Array;
    outs.push(target.slice(at, at + length));
    return result;
  };
  const restore = () => {
    if (core.exports === wrapped) core.exports = original;
    delete (core as Partial<Core>).take;
    delete (core as Partial<Core>).takeInto;
  };
  return { calls, outs, restore };
}

const skR = unhex(v.gateway_x25519_secret_key_hex);
const skE = unhex(v.client_ephemeral_secret_key_hex);
const nonce = unhex(v.response_nonce_hex);
const suites = [{ kdf: 0x0001, aead: 0x0001 }] as const;
const gatewayKey = (): GatewayKey => ({
  keyId: v.key_id,
  kem: 0x0020 as KemId,
  publicKey: x25519.getPublicKey(skR),
  privateKey: skR,
  suites,
});
const hdr = unhex(v.encapsulated_request_hex).subarray(0, 7);
const secrets = secretsOf(skR, skE, hdr, nonce);

let core: Core;
let watcher: ReturnType<typeof watch> | undefined;

beforeAll(() => {
  useBackend('wasm');
  core = (active() as WasmBackend).core;
});
afterEach(() => watcher?.restore());
afterAll(() => useBackend(undefined));

/** The whole wasm memory, but for the slots: scratch, IO and OUT hold none of the secrets. */
function memoryOutsideSlots(): Uint8Array {
  const g = core.exports;
  const start = g.SLOTS.value;
  const end = start + g.SLOT_COUNT.value * g.SLOT_SIZE.value;
  return cat(core.mem.subarray(0, start), core.mem.subarray(end));
}

test('the independent computation matches RFC 9458 Appendix A', () => {
  expect(hex(secrets.responseSecret)).toBe(v.response_secret_hex);
  expect(hex(secrets.responsePrk)).toBe(v.response_prk_hex);
  expect(hex(secrets.responseKey)).toBe(v.response_aead_key_hex);
  expect(hex(secrets.responseNonce)).toBe(v.response_aead_nonce_hex);
});

describe.each([
  ['the Appendix A messages (they fit the window)', unhex(v.request_bhttp_hex), unhex(v.response_bhttp_hex)],
  [
    '200 KB messages (streamed through the window)',
    new Uint8Array(200_000).fill(0x61),
    new Uint8Array(200_000).fill(0x62),
  ],
])('%s', (_, request, response) => {
  const fits = request.length < 65536;

  test(`gateway: decapsulate + encapsulate ${fits ? 'in two core calls' : 'streamed'}, no secret in JS`, () => {
    const { encapsulatedRequest, context: client } = ohttp.encapsulateRequest(
      ohttp.decodeKeyConfig(unhex(v.key_config_hex)),
      request,
      { skE },
    );
    watcher = watch(core);
    const { bhttpRequest, context } = ohttp.decapsulateRequest(gatewayKey(), encapsulatedRequest);
    // Between the two calls the response secret lives in slots of the core (the gateway's, and the
    // client's, which waits for the response), and nowhere else.
    expect(leaked(secrets, memoryOutsideSlots())).toEqual([]);
    expect(leaked({ responseSecret: secrets.responseSecret }, core.mem)).toEqual(['responseSecret']);
    const encapsulatedResponse = context.encapsulateResponse(response, { responseNonce: nonce });
    watcher.restore();

    if (fits) {
      expect(watcher.calls).toEqual(['ohttp_request_open', 'ohttp_response_seal']);
      expect(hex(encapsulatedResponse)).toBe(v.encapsulated_response_hex);
    }
    expect(watcher.outs.length).toBeGreaterThan(0);
    for (const bytes of [...watcher.outs, bhttpRequest, encapsulatedResponse])
      expect(leaked(secrets, bytes)).toEqual([]);
    expect(hex(bhttpRequest)).toBe(hex(request));
    expect(hex(client.decapsulateResponse(encapsulatedResponse))).toBe(hex(response));
    // Both ends are spent: the slots are wiped.
    expect(leaked(secrets, core.mem)).toEqual([]);
  });

  test(`client: encapsulate + decapsulate ${fits ? 'in two core calls' : 'streamed'}, no secret in JS`, () => {
    const config = ohttp.decodeKeyConfig(unhex(v.key_config_hex));
    watcher = watch(core);
    const { encapsulatedRequest, context } = ohttp.encapsulateRequest(config, request, { skE });
    watcher.restore();
    const { context: gateway } = ohttp.decapsulateRequest(gatewayKey(), encapsulatedRequest);
    const encapsulatedResponse = gateway.encapsulateResponse(response, { responseNonce: nonce });
    watcher = watch(core);
    const bhttpResponse = context.decapsulateResponse(encapsulatedResponse);
    watcher.restore();

    if (fits) {
      expect(watcher.calls).toEqual(['ohttp_response_open']);
      expect(hex(encapsulatedRequest)).toBe(v.encapsulated_request_hex);
    }
    for (const bytes of [...watcher.outs, encapsulatedRequest, bhttpResponse])
      expect(leaked(secrets, bytes)).toEqual([]);
    expect(leaked(secrets, core.mem)).toEqual([]);
    expect(hex(bhttpResponse)).toBe(hex(response));
  });
});

test('the client encapsulates in one core call', () => {
  const config = ohttp.decodeKeyConfig(unhex(v.key_config_hex));
  watcher = watch(core);
  ohttp.encapsulateRequest(config, unhex(v.request_bhttp_hex), { skE }).context.destroy();
  watcher.restore();
  // skE is given (checked by the KEM in JS); the request itself is one call, destroy one wipe.
  expect(watcher.calls).toEqual(['ohttp_request_seal', 'slot_wipe']);
});

test('a forged response: nothing decrypted, the slot wiped, the context spent', () => {
  const config = ohttp.decodeKeyConfig(unhex(v.key_config_hex));
  const { context } = ohttp.encapsulateRequest(config, unhex(v.request_bhttp_hex), { skE });
  const forged = unhex(v.encapsulated_response_hex);
  forged[forged.length - 1]! ^= 1;
  watcher = watch(core);
  expect(() => context.decapsulateResponse(forged)).toThrow(expect.objectContaining({ code: 'DECRYPT' }));
  watcher.restore();
  expect(watcher.outs).toEqual([]);
  expect(leaked(secrets, core.mem)).toEqual([]);
  expect(() => context.decapsulateResponse(unhex(v.encapsulated_response_hex))).toThrow(TypeError);
});

test('more live contexts than slots: response states are parked out of the core and restored', () => {
  const config = ohttp.decodeKeyConfig(unhex(v.key_config_hex));
  const slots = core.exports.SLOT_COUNT.value;
  const exchanges = Array.from({ length: slots + 4 }, (_, i) => {
    const request = Uint8Array.of(i);
    const { encapsulatedRequest, context: client } = ohttp.encapsulateRequest(config, request);
    const { bhttpRequest, context: gateway } = ohttp.decapsulateRequest(gatewayKey(), encapsulatedRequest);
    expect(hex(bhttpRequest)).toBe(hex(request));
    return { client, gateway };
  });
  watcher = watch(core);
  exchanges.forEach(({ client, gateway }, i) => {
    const response = Uint8Array.of(0xf0 + i);
    expect(hex(client.decapsulateResponse(gateway.encapsulateResponse(response)))).toBe(hex(response));
  });
  watcher.restore();
  expect(watcher.calls).toContain('slot_load');
  expect(watcher.calls).toContain('slot_save');
});
