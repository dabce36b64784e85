// Differential: the OHTTP message layer on the wasm backend (assembly/proto/ohttp.ts: one core call
// per message, or streamed through the window past it) and on the js backend (bindings/hpke and
// @noble) agree byte for byte. With the same ephemeral key and response_nonce both encapsulate
// the same request and response; each decapsulates the other's; both refuse the same forged
// messages with OhttpError DECRYPT. Sizes cluster around the core's 64 KiB window, where wasm
// switches from the fused calls to streaming. OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { hpke, ohttp, useBackend, type BackendName, type GatewayKey } from 'oblivia';
import { hex, WINDOW } from '../helpers.js';

const RUNS = Math.max(8, Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 8);

afterAll(() => useBackend(undefined));

function on<T>(name: BackendName, fn: () => T): T {
  useBackend(name);
  return fn();
}

/** `fn` on wasm, then on js. */
const both = <T>(fn: (name: BackendName, i: 0 | 1) => T): [T, T] => [
  on('wasm', () => fn('wasm', 0)),
  on('js', () => fn('js', 1)),
];

function refusal(name: BackendName, fn: () => unknown): string {
  useBackend(name);
  try {
    fn();
    return 'accepted';
  } catch (e) {
    return `${(e as Error).constructor.name} ${(e as { code?: string }).code}`;
  }
}

useBackend('js');
const KEYS: GatewayKey[] = [
  ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }]),
  ohttp.generateKeyConfig(2, hpke.KEM.P256_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA384, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]),
  ohttp.generateKeyConfig(3, hpke.KEM.P521_HKDF_SHA512, [{ kdf: hpke.KDF.HKDF_SHA512, aead: hpke.AEAD.AES_256_GCM }]),
];
useBackend(undefined);

/** Sizes below, at and past the window's edges for every suite's fused calls. */
const sizeArb = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 5, arbitrary: fc.integer({ min: WINDOW - 400, max: WINDOW + 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(WINDOW, 2 * WINDOW + 1) },
);
const bytesArb = sizeArb.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
const filled = (n: number) => new Uint8Array(n).fill(n & 0xff);
/** X25519 with AES-128-GCM: the gateway's request call fits up to 65,417 bytes, the client's up to
 *  65,465, the response's seal up to 65,520 and its open up to 65,504; then they stream. */
const EDGES: [GatewayKey, Uint8Array, Uint8Array, number][] = [
  [KEYS[0]!, filled(65_417), filled(65_520), 5],
  [KEYS[0]!, filled(65_418), filled(65_521), 6],
  [KEYS[0]!, filled(65_466), filled(65_505), 7],
  [KEYS[2]!, filled(WINDOW), filled(WINDOW), 9],
];

test('wasm and js agree on every OHTTP message, and refuse the same forgeries', () => {
  fc.assert(
    fc.property(fc.constantFrom(...KEYS), bytesArb, bytesArb, fc.nat(), (key, request, response, flip) => {
      const config = ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key));
      const skE = on('js', () => hpke.suite({ kem: key.kem, ...key.suites[0]! }).generateKeyPair().privateKey);
      const responseNonce = crypto.getRandomValues(
        new Uint8Array(key.suites[0]!.aead === hpke.AEAD.AES_128_GCM ? 16 : 32),
      );

      const clients = both(() => ohttp.encapsulateRequest(config, request, { skE }));
      expect(hex(clients[0].encapsulatedRequest)).toBe(hex(clients[1].encapsulatedRequest));
      const encapsulatedRequest = clients[0].encapsulatedRequest;

      const gateways = both(() => ohttp.decapsulateRequest(key, encapsulatedRequest));
      for (const { bhttpRequest } of gateways) expect(hex(bhttpRequest)).toBe(hex(request));
      const responses = both((_, i) => gateways[i].context.encapsulateResponse(response, { responseNonce }));
      expect(hex(responses[0])).toBe(hex(responses[1]));

      // Each client opens the response the other backend's gateway sealed.
      const opened = both((_, i) => clients[i].context.decapsulateResponse(responses[1 - i]!));
      expect(opened.map(hex)).toEqual([hex(response), hex(response)]);

      const forgedRequest = new Uint8Array(encapsulatedRequest);
      forgedRequest[7 + (flip % (forgedRequest.length - 7))]! ^= 1 << (flip % 8);
      const forgedResponse = new Uint8Array(responses[0]);
      forgedResponse[flip % forgedResponse.length]! ^= 1 << (flip % 8);
      expect(both((name) => refusal(name, () => ohttp.decapsulateRequest(key, forgedRequest)))).toEqual(
        Array(2).fill('OhttpError DECRYPT'),
      );
      const spares = both(() => ohttp.encapsulateRequest(config, request, { skE }).context);
      expect(both((name, i) => refusal(name, () => spares[i].decapsulateResponse(forgedResponse)))).toEqual(
        Array(2).fill('OhttpError DECRYPT'),
      );
    }),
    { numRuns: RUNS, examples: EDGES },
  );
});
