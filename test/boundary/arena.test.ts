// The wasm boundary: the arena is clean after every call, memory never grows, the module has no
// imports, and a trap or a bad status turns into CryptoError('INTERNAL') on a fresh instance.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WINDOW } from '../helpers.js';
import {
  hpke,
  chacha20poly1305,
  ed25519,
  CryptoError,
  expandMessageXmd,
  gcm,
  hkdf,
  hmac,
  oprf,
  ohttp,
  p256,
  p384,
  p521,
  ristretto255,
  sha256,
  sha384,
  sha512,
  useBackend,
  x25519,
  xchacha20poly1305,
} from 'oblivia';
import type { Core } from 'oblivia/backend/wasm/core.js';
import { installModule } from 'oblivia/backend/select.js';

const BUILDS = ['oblivia.wasm', 'oblivia.scalar.wasm', 'oblivia.debug.wasm'];
const read = (file: string) => readFileSync(new URL(`../../build/out/wasm/${file}`, import.meta.url));

/** Offsets of the nonzero bytes in a region, at most a few. */
function dirty(core: Core, start: number, size: number): number[] {
  const found: number[] = [];
  for (let i = start; i < start + size && found.length < 4; i++) if (core.mem[i] !== 0) found.push(i - start);
  return found;
}

/** IO, OUT, SCRATCH and every slot without a live lease hold only zeros. */
function expectClean(core: Core, liveSlots: number[] = []): void {
  const g = core.exports;
  expect(dirty(core, g.IO.value, g.IO_SIZE.value), 'IO').toEqual([]);
  expect(dirty(core, g.OUT.value, g.OUT_SIZE.value), 'OUT').toEqual([]);
  expect(dirty(core, g.SCRATCH.value, g.SCRATCH_SIZE.value), 'SCRATCH').toEqual([]);
  for (let slot = 0; slot < g.SLOT_COUNT.value; slot++) {
    if (liveSlots.includes(slot)) continue;
    expect(dirty(core, g.SLOTS.value + slot * g.SLOT_SIZE.value, g.SLOT_SIZE.value), `slot ${slot}`).toEqual([]);
  }
}

const secret = (length: number) => new Uint8Array(length).fill(0xa5);

describe.each(BUILDS)('%s', (file) => {
  let core: Core;
  beforeAll(() => {
    core = installModule(new WebAssembly.Module(read(file))).core;
    useBackend('wasm');
  });
  afterAll(() => useBackend(undefined));

  test('has no imports and exports only functions, i32 globals and the memory', () => {
    const module = new WebAssembly.Module(read(file));
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    const kinds = new Set(WebAssembly.Module.exports(module).map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['function', 'global', 'memory']);
    const instance = new WebAssembly.Instance(module, {});
    for (const [name, value] of Object.entries(instance.exports)) {
      if (value instanceof WebAssembly.Global) expect(Number.isInteger(value.value), name).toBe(true);
    }
  });

  test('one-shot calls leave IO, OUT, SCRATCH and the slots zero', () => {
    for (const length of [0, 1, 200, WINDOW, WINDOW + 1, 3 * WINDOW + 17]) {
      sha256(secret(length));
      expectClean(core);
      sha512(secret(length));
      expectClean(core);
      hmac(sha384, secret(33), secret(length));
      expectClean(core);
      hmac(sha256, secret(length), secret(10));
      expectClean(core);
      hkdf(sha256, secret(length), secret(16), secret(length % 300), 200);
      expectClean(core);
      hkdf.expand(sha512, secret(64), secret(length), 16320);
      expectClean(core);
    }
  });

  test('AEAD seal and open, one-shot and streamed, leave the arena clean; a failed open writes nothing', () => {
    const ciphers = [
      () => chacha20poly1305(secret(32), secret(12), secret(30)),
      () => xchacha20poly1305(secret(32), secret(24), secret(70_000)),
      () => gcm(secret(32), secret(12), secret(5)),
      () => gcm(secret(16), secret(3)),
    ];
    for (const make of ciphers) {
      for (const length of [0, 1, 64, 1000, WINDOW, WINDOW + 1, 3 * WINDOW + 17]) {
        const sealed = make().encrypt(secret(length));
        expectClean(core);
        make().decrypt(sealed);
        expectClean(core);
        sealed[sealed.length - 1]! ^= 1;
        expect(() => make().decrypt(sealed)).toThrow(new CryptoError('INVALID_TAG'));
        expectClean(core);
      }
    }
  });

  test('ristretto255 and its scalars leave the arena clean, and so does a rejected point or scalar', () => {
    const k = ristretto255.scalar.reduce(secret(64));
    expectClean(core);
    const P = ristretto255.fromUniformBytes(secret(64));
    expectClean(core);
    const calls = [
      () => ristretto255.isValid(P),
      () => ristretto255.add(P, ristretto255.multiplyBase(k)),
      () => ristretto255.subtract(P, P),
      () => ristretto255.multiply(k, P),
      () => ristretto255.scalar.invert(k),
      () => ristretto255.scalar.mul(k, k),
      () => ristretto255.scalar.neg(k),
    ];
    for (const call of calls) {
      call();
      expectClean(core);
    }
    const invalid = new Uint8Array(32).fill(0xff);
    expect(() => ristretto255.multiply(k, invalid)).toThrow(new CryptoError('INVALID_POINT'));
    expectClean(core);
    expect(() => ristretto255.multiply(invalid, P)).toThrow(new CryptoError('INVALID_SCALAR'));
    expectClean(core);
  });

  test('Ed25519 keys, signatures (one-shot and streamed through a slot) and verdicts leave the arena clean', () => {
    const publicKey = ed25519.getPublicKey(secret(32));
    expectClean(core);
    for (const length of [0, 1, 200, WINDOW - 32, WINDOW - 31, WINDOW - 96, WINDOW - 95, 3 * WINDOW + 17]) {
      const signature = ed25519.sign(secret(length), secret(32));
      expectClean(core);
      expect(ed25519.verify(signature, secret(length), publicKey)).toBe(true);
      expectClean(core);
      signature[40]! ^= 1;
      expect(ed25519.verify(signature, secret(length), publicKey)).toBe(false);
      expectClean(core);
    }
    expect(ed25519.verify(new Uint8Array(64), secret(3), new Uint8Array(32).fill(0xff))).toBe(false);
    expectClean(core);
  });

  test('OPRF steps leave the arena clean in every suite and mode, and so do their refusals', () => {
    for (const name of ['ristretto255-SHA512', 'P256-SHA256', 'P384-SHA384', 'P521-SHA512'] as const) {
      for (const mode of ['oprf', 'voprf', 'poprf'] as const) {
        const suite = oprf.suite(name, mode);
        const info = mode === 'poprf' ? secret(7) : undefined;
        const keys = suite.deriveKeyPair(secret(32), secret(9));
        expectClean(core);
        const server = suite.server(keys.secretKey);
        expectClean(core);
        const client = mode === 'oprf' ? suite.client() : suite.client(keys.publicKey);
        const blinding = client.blind([secret(5), secret(70_000 - 65_535)], { info });
        expectClean(core);
        const evaluation = server.blindEvaluate(blinding.blinded, { info });
        expectClean(core);
        client.finalize(blinding, evaluation);
        expectClean(core);
        server.evaluate(secret(3), { info });
        expectClean(core);
        const bad = new Uint8Array(suite.elementLength).fill(0xff);
        expect(() => server.blindEvaluate([blinding.blinded[0]!, bad], { info })).toThrow(
          new CryptoError('INVALID_POINT'),
        );
        expectClean(core);
        if (evaluation.proof) {
          const proof = evaluation.proof.map((b, i) => (i === 1 ? b ^ 1 : b));
          expect(() => client.finalize(blinding, { ...evaluation, proof })).toThrow(new CryptoError('PROOF_FAILED'));
          expectClean(core);
        }
      }
    }
  });

  test('hashing to curves and expand_message_xmd leave the arena clean, in the window and past it', () => {
    for (const length of [0, 100, WINDOW - 40, WINDOW + 4000]) {
      for (const dst of [secret(40), secret(300)]) {
        for (const curve of [p256, p384, p521]) {
          curve.hashToCurve(secret(length), dst);
          expectClean(core);
        }
        ristretto255.hashToGroup(secret(length), dst);
        expectClean(core);
        expandMessageXmd(sha384, secret(length), dst, 12240);
        expectClean(core);
      }
    }
  });

  test('OHTTP messages, fused and streamed, leave the arena clean but for the slots of live contexts; so do refusals', () => {
    /** The slots holding anything. */
    const held = () =>
      Array.from({ length: core.exports.SLOT_COUNT.value }, (_, slot) => slot).filter((slot) => {
        const start = core.exports.SLOTS.value + slot * core.exports.SLOT_SIZE.value;
        return dirty(core, start, core.exports.SLOT_SIZE.value).length > 0;
      });
    for (const kem of [hpke.KEM.X25519_HKDF_SHA256, hpke.KEM.P521_HKDF_SHA512] as const) {
      const key = ohttp.generateKeyConfig(1, kem, [{ kdf: hpke.KDF.HKDF_SHA512, aead: hpke.AEAD.CHACHA20_POLY1305 }]);
      for (const length of [0, 1000, WINDOW, 3 * WINDOW + 17]) {
        const { encapsulatedRequest, context: client } = ohttp.encapsulateRequest(key, secret(length));
        const { context: gateway } = ohttp.decapsulateRequest(key, encapsulatedRequest);
        expect(held()).toHaveLength(2);
        expectClean(core, held());
        const response = gateway.encapsulateResponse(secret(length));
        expect(held()).toHaveLength(1);
        expectClean(core, held());
        client.decapsulateResponse(response);
        expectClean(core);

        const forgedRequest = new Uint8Array(encapsulatedRequest);
        forgedRequest[forgedRequest.length - 1]! ^= 1;
        expect(() => ohttp.decapsulateRequest(key, forgedRequest)).toThrow(
          expect.objectContaining({ code: 'DECRYPT' }),
        );
        expectClean(core);
        const spare = ohttp.encapsulateRequest(key, secret(length)).context;
        response[response.length - 1]! ^= 1;
        expect(() => spare.decapsulateResponse(response)).toThrow(expect.objectContaining({ code: 'DECRYPT' }));
        expectClean(core);
      }
    }
  });

  test('Diffie–Hellman leaves the arena clean, and so does a rejected point or scalar', () => {
    for (const curve of [x25519, p256, p384, p521]) {
      const sk = curve.randomSecretKey();
      expectClean(core);
      const pk = curve.getPublicKey(sk);
      expectClean(core);
      curve.getSharedSecret(sk, pk);
      expectClean(core);
      const bad = new Uint8Array(curve.publicKeyLength);
      expect(() => curve.getSharedSecret(sk, bad)).toThrow(CryptoError);
      expectClean(core);
    }
    expect(() => p256.getPublicKey(new Uint8Array(32))).toThrow(new CryptoError('INVALID_SCALAR'));
    expectClean(core);
  });

  test('ECDSA sign and verify leave the arena clean, in the window and past it, and so do refusals', () => {
    for (const curve of [p256, p384, p521]) {
      const sk = curve.randomSecretKey();
      const pk = curve.getPublicKey(sk);
      expectClean(core);
      for (const length of [0, 100, WINDOW, WINDOW + 1]) {
        const msg = secret(length);
        const sig = curve.sign(msg, sk, { lowS: true, extraEntropy: secret(32) });
        expectClean(core);
        expect(curve.verify(sig, msg, pk)).toBe(true);
        expectClean(core);
        sig[3]! ^= 1;
        expect(curve.verify(sig, msg, pk)).toBe(false);
        expectClean(core);
      }
      const sig = curve.sign(secret(64), sk, { prehash: false, format: 'der' });
      expectClean(core);
      expect(curve.verify(sig, secret(64), pk, { prehash: false, format: 'der' })).toBe(true);
      expectClean(core);
      expect(curve.verify(new Uint8Array(curve.signatureLength), secret(1), pk)).toBe(false);
      expectClean(core);
      expect(curve.verify(curve.sign(secret(1), sk), secret(1), new Uint8Array(pk.length))).toBe(false);
      expectClean(core);
      expect(() => curve.sign(secret(1), new Uint8Array(curve.secretKeyLength))).toThrow(
        new CryptoError('INVALID_SCALAR'),
      );
      expectClean(core);
    }
  });

  test('HPKE setup, seal and open leave the arena clean, on success and on every failure', () => {
    const suites = [
      hpke.suite({ kem: hpke.KEM.X25519_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 }),
      hpke.suite({ kem: hpke.KEM.P256_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM }),
      hpke.suite({ kem: hpke.KEM.P521_HKDF_SHA512, kdf: hpke.KDF.HKDF_SHA512, aead: hpke.AEAD.CHACHA20_POLY1305 }),
    ];
    for (const suite of suites) {
      const recipient = suite.generateKeyPair();
      const sender = suite.generateKeyPair();
      const options = { info: secret(10), psk: secret(32), pskId: secret(3), aad: secret(5) };
      const { enc, ct } = suite.seal(recipient.publicKey, secret(100), { ...options, skS: sender.privateKey });
      expectClean(core);
      suite.open(enc, recipient, ct, { ...options, pkS: sender.publicKey });
      expectClean(core);
      ct[0]! ^= 1;
      expect(() => suite.open(enc, recipient, ct, { ...options, pkS: sender.publicKey })).toThrow(
        new CryptoError('INVALID_TAG'),
      );
      expectClean(core);
      expect(() => suite.seal(new Uint8Array(suite.publicKeyLength), secret(1))).toThrow(CryptoError);
      expectClean(core);
      const { context } = suite.setupSender(recipient.publicKey, { skS: sender.privateKey });
      expectClean(core);
      context.destroy();
      suite.setupReceiver(enc, recipient.privateKey).destroy();
      expectClean(core);
    }
  });

  test('a streaming object holds only its own slot, and nothing after digest or destroy', () => {
    const h = hmac.create(sha512, secret(200));
    h.update(secret(70_000));
    expectClean(core, [(h as unknown as { state: { slot: number } }).state.slot]);
    h.digest();
    expectClean(core);
    const g = sha256.create().update(secret(99));
    g.destroy();
    expectClean(core);
  });

  test('parking states out of the core (more live objects than slots) leaves no trace', () => {
    const objects = Array.from({ length: 50 }, () => hmac.create(sha256, secret(40)).update(secret(70)));
    for (const o of objects) o.update(secret(5));
    for (const o of objects) o.digest();
    expectClean(core);
  });

  test('memory never grows: 100 000 calls, and grow() itself is refused', () => {
    const bytes = core.exports.memory.buffer.byteLength;
    const msg = secret(64);
    for (let i = 0; i < 100_000; i++) {
      if (i % 4 === 0) hmac(sha256, msg, msg);
      else sha256(msg);
    }
    expect(core.exports.memory.buffer.byteLength).toBe(bytes);
    expect(() => core.exports.memory.grow(1)).toThrow(RangeError);
    expectClean(core);
  });

  test('a trap becomes CryptoError(INTERNAL) and the next call runs on a fresh instance', () => {
    const live = sha256.create().update(secret(3));
    const before = core.exports;
    core.exports = {
      ...before,
      hash: () => {
        throw new WebAssembly.RuntimeError('unreachable');
      },
    };
    expect(() => sha256(secret(1))).toThrow(new CryptoError('INTERNAL'));
    expect(core.exports.memory).not.toBe(before.memory);
    expect(Buffer.from(sha256(new Uint8Array(0))).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    // An object made on the dropped instance cannot continue.
    expect(() => live.update(secret(1))).toThrow(new CryptoError('INTERNAL'));
  });

  test('a status other than OK is a bug too: CryptoError(INTERNAL), fresh instance', () => {
    const before = core.exports;
    core.exports = { ...before, hmac: () => 3 };
    let error: unknown;
    try {
      hmac(sha256, secret(1), secret(1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).code).toBe('INTERNAL');
    expect((error as CryptoError).message).toBe('internal error in the cryptographic core');
    expect(core.exports.memory).not.toBe(before.memory);
    expectClean(core);
  });
});
