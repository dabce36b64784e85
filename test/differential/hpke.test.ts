// Differential: HPKE on the wasm backend (the core's fused setup, seal and open) and on the js
// backend (the steps composed over noble) agree. With the same ephemeral input (ikmE) both seal to
// the same enc and ciphertext; each opens the other's messages; both refuse the same tampered
// message with the same error. Random suites, modes, keys, info, AAD and plaintexts; inputs past
// the core's window take the composed path on wasm too. OBLIVIA_FUZZ_RUNS sets the number of runs.
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { hpke, useBackend, type BackendName } from 'oblivia';
import { hex, WINDOW } from '../helpers.js';

const RUNS = Number(process.env.OBLIVIA_FUZZ_RUNS ?? 200) / 4;

afterAll(() => useBackend(undefined));

function on<T>(name: BackendName, fn: () => T): { value: T } | { error: string; code?: string } {
  useBackend(name);
  try {
    return { value: fn() };
  } catch (e) {
    return { error: (e as Error).constructor.name, code: (e as { code?: string }).code };
  }
}

const suiteArb = fc.record({
  kem: fc.constantFrom(
    hpke.KEM.X25519_HKDF_SHA256,
    hpke.KEM.P256_HKDF_SHA256,
    hpke.KEM.P384_HKDF_SHA384,
    hpke.KEM.P521_HKDF_SHA512,
  ),
  kdf: fc.constantFrom(hpke.KDF.HKDF_SHA256, hpke.KDF.HKDF_SHA384, hpke.KDF.HKDF_SHA512),
  aead: fc.constantFrom(hpke.AEAD.AES_128_GCM, hpke.AEAD.AES_256_GCM, hpke.AEAD.CHACHA20_POLY1305),
});
const sizeArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 200 }) },
  fc.constantFrom(WINDOW - 300, WINDOW + 1),
);
const bytesArb = (size: fc.Arbitrary<number>) => size.chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));

test('wasm (fused) and js (composed) HPKE agree on seal, open and tampering', () => {
  fc.assert(
    fc.property(
      suiteArb,
      fc.record({ psk: fc.boolean(), auth: fc.boolean(), keyPair: fc.boolean() }),
      fc.uint8Array({ minLength: 66, maxLength: 66 }),
      bytesArb(sizeArb),
      bytesArb(fc.integer({ min: 0, max: 64 })),
      bytesArb(sizeArb),
      fc.nat(),
      (ids, mode, ikmE, info, aad, pt, flip) => {
        const suite = hpke.suite(ids);
        useBackend('js');
        const recipient = suite.generateKeyPair();
        const sender = mode.auth ? suite.generateKeyPair() : undefined;
        const psk = mode.psk ? { psk: new Uint8Array(32).fill(7), pskId: Uint8Array.of(1) } : {};
        const sealOptions = { info, aad, ...psk, skS: sender?.privateKey, ikmE };
        const openOptions = { info, aad, ...psk, pkS: sender?.publicKey };
        const skR = mode.keyPair ? recipient : recipient.privateKey;

        const fromWasm = on('wasm', () => suite.seal(recipient.publicKey, pt, sealOptions));
        const fromJs = on('js', () => suite.seal(recipient.publicKey, pt, sealOptions));
        if (!('value' in fromWasm) || !('value' in fromJs))
          throw new Error(`seal failed: ${JSON.stringify([fromWasm, fromJs])}`);
        expect([hex(fromWasm.value.enc), hex(fromWasm.value.ct)]).toEqual([
          hex(fromJs.value.enc),
          hex(fromJs.value.ct),
        ]);

        const { enc, ct } = fromWasm.value;
        for (const name of ['wasm', 'js'] as const) {
          const opened = on(name, () => suite.open(enc, skR, ct, openOptions));
          expect('value' in opened && hex(opened.value)).toBe(hex(pt));
        }
        const forged = new Uint8Array(ct);
        forged[flip % forged.length]! ^= 1 << (flip % 8);
        const refusals = (['wasm', 'js'] as const).map((name) =>
          on(name, () => suite.open(enc, skR, forged, openOptions)),
        );
        expect(refusals).toEqual([
          { error: 'CryptoError', code: 'INVALID_TAG' },
          { error: 'CryptoError', code: 'INVALID_TAG' },
        ]);
      },
    ),
    { numRuns: RUNS },
  );
});
