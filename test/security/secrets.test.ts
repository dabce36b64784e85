// Regression, finding 6 of the gateway attack: secrets and content left in the JS heap and in
// messages. AEAD objects kept an unwiped copy of their key, so every OHTTP request's AEAD and
// response keys lived until garbage collection (on wasm they now never leave the core: see
// test/ohttp/fused.test.ts); the logger read each field twice, so a getter could
// pass the allow-list with one value and hand the sink another. (Binary HTTP messages that repeated
// request content are covered in bhttp-limits.test.ts.)
import { afterEach, describe, expect, test } from 'vitest';
import { hpke, chacha20poly1305, ohttp, gcm, xchacha20poly1305, type Aead, type LogEntry, useBackend } from 'oblivia';

/** The copy of the key and nonce an AEAD object holds (its private fields). */
const held = (cipher: Aead): Uint8Array[] => [
  Reflect.get(cipher, 'key') as Uint8Array,
  Reflect.get(cipher, 'nonce') as Uint8Array,
];
const isZero = (bytes: Uint8Array) => bytes.length > 0 && bytes.every((b) => b === 0);
const key32 = () => crypto.getRandomValues(new Uint8Array(32));

describe('an AEAD object wipes its key and nonce once its one operation is done', () => {
  test.each([
    ['chacha20poly1305', () => chacha20poly1305(key32(), new Uint8Array(12).fill(7))],
    ['xchacha20poly1305', () => xchacha20poly1305(key32(), new Uint8Array(24).fill(7))],
    ['gcm', () => gcm(key32().subarray(0, 16), new Uint8Array(12).fill(7))],
  ])('%s: after an encryption, and after a failed decryption (the OHTTP test below opens)', (_, make) => {
    const sealer = make();
    expect(held(sealer).map(isZero)).toEqual([false, false]);
    sealer.encrypt(new Uint8Array(40));
    expect(held(sealer).map(isZero)).toEqual([true, true]);
    const failed = make();
    expect(() => failed.decrypt(new Uint8Array(56))).toThrow();
    expect(held(failed).map(isZero)).toEqual([true, true]);
  });
});

describe('an OHTTP exchange leaves no AEAD key or nonce in any AEAD object it made', () => {
  const proto = Object.getPrototypeOf(gcm(new Uint8Array(16), new Uint8Array(12))) as Aead;
  const original = { encrypt: proto.encrypt, decrypt: proto.decrypt };
  const used: Aead[] = [];
  afterEach(() => {
    Object.assign(proto, original);
    useBackend(undefined);
  });

  // The wasm backend seals and opens both messages inside the core (no AEAD object at all); on the
  // js backend the request and the response are sealed and opened by four objects, all wiped.
  test.each([
    ['wasm', hpke.AEAD.AES_128_GCM, 0],
    ['wasm', hpke.AEAD.CHACHA20_POLY1305, 0],
    ['js', hpke.AEAD.AES_128_GCM, 4],
    ['js', hpke.AEAD.CHACHA20_POLY1305, 4],
  ] as const)('%s, AEAD %i: request, response, both ends', async (backend, aead, objects) => {
    useBackend(backend);
    // Record every AEAD object that runs an operation; the exchange itself is unchanged.
    Object.assign(proto, {
      encrypt(this: Aead, ...args: [Uint8Array]) {
        used.push(this);
        return original.encrypt.apply(this, args);
      },
      decrypt(this: Aead, ...args: [Uint8Array]) {
        used.push(this);
        return original.decrypt.apply(this, args);
      },
    });
    used.length = 0;
    const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [{ kdf: hpke.KDF.HKDF_SHA256, aead }]);
    const gateway = ohttp.gateway({ keys: [key], target: async (r) => new Response(`echo ${await r.text()}`) });
    const client = ohttp.client({ relay: gateway, keys: [ohttp.decodeKeyConfig(ohttp.encodeKeyConfig(key))] });
    const response = await client.fetch(new Request('https://service.example/', { method: 'POST', body: 'secret' }));
    expect(await response.text()).toBe('echo secret');
    expect(used.length).toBe(objects);
    expect(used.map((c) => held(c).map(isZero))).toEqual(Array(objects).fill([true, true]));
  });
});

test('the logger reads each field once: a getter cannot pass the check and hand the sink another value', () => {
  const lines: LogEntry[] = [];
  const log = ohttp.logger((entry) => lines.push(entry));
  const reads: Record<string, number> = {};
  const twoFaced = (name: string, checked: unknown, leaked: unknown) => ({
    get() {
      reads[name] = (reads[name] ?? 0) + 1;
      return reads[name] === 1 ? checked : leaked;
    },
    enumerable: true,
  });
  const fields = Object.defineProperties({} as Record<string, unknown>, {
    hop: twoFaced('hop', 'gateway', 'patient 1234'),
    event: twoFaced('event', 'served', 'patient 1234'),
    status: twoFaced('status', 200, 'diagnosis: positive'),
    error: twoFaced('error', 'UPSTREAM', 'Authorization: ObliviaToken abc'),
    requestBytes: twoFaced('requestBytes', 10, 'the request body'),
  });
  log(fields);
  expect(lines).toEqual([{ hop: 'gateway', event: 'served', status: 200, error: 'UPSTREAM', requestBytes: 10 }]);
  expect(reads).toEqual({ hop: 1, event: 1, status: 1, error: 1, requestBytes: 1 });
});

test('a getter that throws loses its line, not the caller', () => {
  const lines: LogEntry[] = [];
  const log = ohttp.logger((entry) => lines.push(entry));
  const fields = Object.defineProperty({ hop: 'gateway', event: 'served' } as Record<string, unknown>, 'status', {
    get() {
      throw new Error('boom');
    },
    enumerable: true,
  });
  expect(() => log(fields)).not.toThrow();
  expect(lines).toEqual([]);
});
