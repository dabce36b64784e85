// The hpke-js adapter's edges (issue 18), each run on hpke-js 1.8.0 (or @hpke/core) and on the
// adapter and compared: (1) key objects from elsewhere — hpke-js's own keys (XCryptoKey for X25519,
// WebCrypto CryptoKeys for the NIST curves) and non-extractable WebCrypto keys, whose DH runs in
// crypto.subtle — give the same bytes on both; (2) the names hpke-js exports all import, those the
// adapter cannot implement throw NotSupportedError; (3) hpke-js's input limits, with its errors;
// (4) each bad input fails with the same error class on both, and the few deliberate differences
// are pinned down.
import * as core from '@hpke/core';
import * as hpkeJs from 'hpke-js';
import { describe, expect, test } from 'vitest';
import * as adapter from 'oblivia/hpke-js';

type Module = typeof hpkeJs;
/** The adapter stands in for hpke-js: the programs below are typed against hpke-js. */
const OURS = adapter as unknown as Module;
const MODULES = [
  ['hpke-js', hpkeJs],
  ['adapter', OURS],
] as const;

const hex = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: ArrayBuffer) => new TextDecoder().decode(b);
const b64url = (b: ArrayBuffer | Uint8Array) =>
  Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('base64url');
/** n bytes counting up from `seed`: fixed input keying material. */
const ikm = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (seed + i) & 0xff);
const MODES = ['base', 'psk', 'auth', 'auth_psk'] as const;

/** The class name of what `run` rejects with, or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    return (e as Error).constructor.name;
  }
}

/** The error `run` rejects with. */
async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

interface SuiteLike {
  createSenderContext: Module['CipherSuite']['prototype']['createSenderContext'];
  createRecipientContext: Module['CipherSuite']['prototype']['createRecipientContext'];
  seal: Module['CipherSuite']['prototype']['seal'];
  open: Module['CipherSuite']['prototype']['open'];
}

/**
 * One sender's work in `mode` with fixed keys and a fixed ephemeral key (ekm), as strings: enc, two
 * ciphertexts, an export, and a single-shot seal. The same keys on hpke-js and on the adapter must
 * give the same strings.
 */
async function send(suite: SuiteLike, mode: (typeof MODES)[number], pkR: CryptoKey, skp: CryptoKeyPair) {
  const psk = mode.includes('psk') ? { id: utf8('psk id'), key: ikm(32, 3) } : undefined;
  const senderKey = mode.startsWith('auth') ? skp : undefined;
  const params = { recipientPublicKey: pkR, senderKey, psk, info: utf8(`info ${mode}`), ekm: ikm(66, 4) };
  const sender = await suite.createSenderContext(params);
  const cts = [await sender.seal(utf8('message zero'), utf8('aad')), await sender.seal(utf8('message one'))];
  const single = await suite.seal(params, utf8('single shot'), utf8('aad'));
  return {
    enc: hex(sender.enc),
    cts: cts.map(hex),
    exported: hex(await sender.export(utf8('exporter context'), 42)),
    single: [hex(single.enc), hex(single.ct)],
  };
}

/** The recipient's side of send(): opens what was sent, with `recipientKey` (a pair or a lone key). */
async function receive(
  suite: SuiteLike,
  mode: (typeof MODES)[number],
  recipientKey: CryptoKey | CryptoKeyPair,
  pkS: CryptoKey,
  sent: Awaited<ReturnType<typeof send>>,
) {
  const psk = mode.includes('psk') ? { id: utf8('psk id'), key: ikm(32, 3) } : undefined;
  const senderPublicKey = mode.startsWith('auth') ? pkS : undefined;
  const params = { recipientKey, senderPublicKey, psk, info: utf8(`info ${mode}`) };
  const bytes = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
  const recipient = await suite.createRecipientContext({ ...params, enc: bytes(sent.enc) });
  const opened = [await recipient.open(bytes(sent.cts[0]!), utf8('aad')), await recipient.open(bytes(sent.cts[1]!))];
  const single = await suite.open({ ...params, enc: bytes(sent.single[0]!) }, bytes(sent.single[1]!), utf8('aad'));
  return {
    opened: [...opened, single].map(text),
    exported: hex(await recipient.export(utf8('exporter context'), 42)),
  };
}

// ---------------------------------------------------------------------------------------------
// (1) Keys from elsewhere.

describe('hpke-js’s own keys in the adapter', () => {
  test.each([
    ['X25519 (XCryptoKey)', hpkeJs.KemId.DhkemX25519HkdfSha256, hpkeJs.AeadId.Chacha20Poly1305],
    ['P-256 (WebCrypto CryptoKey)', hpkeJs.KemId.DhkemP256HkdfSha256, hpkeJs.AeadId.Aes128Gcm],
  ] as const)('%s: every mode gives hpke-js’s bytes, and each opens the other’s', async (_, kem, aead) => {
    const theirs = new hpkeJs.CipherSuite({ kem, kdf: hpkeJs.KdfId.HkdfSha256, aead });
    const ours = new adapter.CipherSuite({ kem, kdf: adapter.KdfId.HkdfSha256, aead });
    // Keys made by hpke-js, used by both.
    const rkp = await theirs.kem.deriveKeyPair(ikm(32, 1));
    const skp = await theirs.kem.deriveKeyPair(ikm(32, 2));
    if (kem === hpkeJs.KemId.DhkemX25519HkdfSha256) {
      expect([rkp.privateKey instanceof CryptoKey, Object.keys(rkp.privateKey)]).toEqual([
        false,
        ['key', 'type', 'extractable', 'algorithm', 'usages'],
      ]);
    }
    for (const mode of MODES) {
      const sent = await send(ours, mode, rkp.publicKey, skp);
      expect(sent).toEqual(await send(theirs, mode, rkp.publicKey, skp));
      const expected = { opened: ['message zero', 'message one', 'single shot'], exported: sent.exported };
      expect(await receive(ours, mode, rkp, skp.publicKey, sent)).toEqual(expected);
      expect(await receive(ours, mode, rkp.privateKey, skp.publicKey, sent)).toEqual(expected);
    }
    // Their key objects serialize to what hpke-js serializes.
    expect(hex(await ours.kem.serializePublicKey(rkp.publicKey))).toBe(
      hex(await theirs.kem.serializePublicKey(rkp.publicKey)),
    );
  });

  test('and back: the adapter’s keys reach hpke-js as bytes (serialize, then import)', async () => {
    const ours = new adapter.CipherSuite({ kem: 0x20, kdf: 1, aead: 3 });
    const theirs = new hpkeJs.CipherSuite({ kem: 0x20, kdf: 1, aead: 3 });
    const rkp = await ours.kem.generateKeyPair();
    const pkR = await theirs.kem.importKey('raw', await ours.kem.serializePublicKey(rkp.publicKey));
    const { ct, enc } = await theirs.seal({ recipientPublicKey: pkR }, utf8('to the adapter’s key'));
    expect(text(await ours.open({ recipientKey: rkp, enc }, ct))).toBe('to the adapter’s key');
    const skR = await theirs.kem.importKey('raw', await ours.kem.serializePrivateKey(rkp.privateKey), false);
    const back = await ours.seal({ recipientPublicKey: rkp.publicKey }, utf8('from the adapter'));
    expect(text(await theirs.open({ recipientKey: skR, enc: back.enc }, back.ct))).toBe('from the adapter');
  });
});

describe('non-extractable WebCrypto keys: DH in crypto.subtle', () => {
  // @hpke/core runs every DHKEM on WebCrypto, X25519 included; hpke-js's X25519 does not.
  test.each([
    ['X25519', { name: 'X25519' }, new core.DhkemX25519HkdfSha256(), new core.HkdfSha256()],
    ['P-256', { name: 'ECDH', namedCurve: 'P-256' }, new core.DhkemP256HkdfSha256(), new core.HkdfSha256()],
    ['P-384', { name: 'ECDH', namedCurve: 'P-384' }, new core.DhkemP384HkdfSha384(), new core.HkdfSha384()],
    ['P-521', { name: 'ECDH', namedCurve: 'P-521' }, new core.DhkemP521HkdfSha512(), new core.HkdfSha512()],
  ] as const)('%s: keys from crypto.subtle.generateKey(…, false, …), every mode', async (_, algorithm, kem, kdf) => {
    const theirs = new core.CipherSuite({ kem, kdf, aead: new core.Aes128Gcm() });
    const ours = new adapter.CipherSuite({ kem: kem.id, kdf: kdf.id, aead: adapter.AeadId.Aes128Gcm });
    const generate = () => crypto.subtle.generateKey(algorithm, false, ['deriveBits']) as Promise<CryptoKeyPair>;
    const rkp = await generate();
    const skp = await generate();
    expect([rkp.privateKey.extractable, skp.privateKey.extractable]).toEqual([false, false]);
    for (const mode of MODES) {
      const sent = await send(ours, mode, rkp.publicKey, skp);
      expect(sent).toEqual(await send(theirs, mode, rkp.publicKey, skp));
      const expected = { opened: ['message zero', 'message one', 'single shot'], exported: sent.exported };
      expect(await receive(ours, mode, rkp, skp.publicKey, sent)).toEqual(expected);
      expect(await receive(theirs, mode, rkp, skp.publicKey, sent)).toEqual(expected);
    }
  });

  test('a bad enc: the same error class as @hpke/core’s (X25519’s all-zero DH is refused, §7.1.4)', async () => {
    const cases = [
      [new core.DhkemX25519HkdfSha256(), { name: 'X25519' }, new Uint8Array(32), 'DecapError'],
      [new core.DhkemP256HkdfSha256(), { name: 'ECDH', namedCurve: 'P-256' }, new Uint8Array(65), 'DeserializeError'],
    ] as const;
    for (const [kem, algorithm, enc, expected] of cases) {
      const theirs = new core.CipherSuite({ kem, kdf: new core.HkdfSha256(), aead: new core.Aes128Gcm() });
      const ours = new adapter.CipherSuite({ kem: kem.id, kdf: 1, aead: 1 });
      const rkp = (await crypto.subtle.generateKey(algorithm, false, ['deriveBits'])) as CryptoKeyPair;
      for (const suite of [theirs, ours] as SuiteLike[]) {
        expect(await outcome(() => suite.createRecipientContext({ recipientKey: rkp, enc }))).toBe(expected);
      }
    }
  });

  test('as the README writes it (P-256), with the key pair as recipientKey', async () => {
    const { AeadId, CipherSuite, KdfId, KemId } = adapter; // was: from 'hpke-js'
    const suite = new CipherSuite({ kem: KemId.DhkemP256HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
    const rkp = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
      'deriveBits',
    ])) as CryptoKeyPair;
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    const ct = await sender.seal(new TextEncoder().encode('Hello world!'));
    const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
    expect(new TextDecoder().decode(await recipient.open(ct))).toBe('Hello world!');
  });

  test('a lone non-extractable private key: NotSupportedError (its public key cannot be had); serializing: SerializeError', async () => {
    const suite = new adapter.CipherSuite({ kem: 0x10, kdf: 1, aead: 1 });
    const rkp = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
      'deriveBits',
    ])) as CryptoKeyPair;
    const { enc } = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    const alone = await failure(() => suite.createRecipientContext({ recipientKey: rkp.privateKey, enc }));
    expect([alone.name, alone.message]).toEqual([
      'NotSupportedError',
      '"recipientKey" is a non-extractable CryptoKey: pass its CryptoKeyPair',
    ]);
    const auth = await failure(() =>
      suite.createSenderContext({ recipientPublicKey: rkp.publicKey, senderKey: rkp.privateKey }),
    );
    expect([auth.name, auth.message]).toEqual([
      'NotSupportedError',
      '"senderKey" is a non-extractable CryptoKey: pass its CryptoKeyPair',
    ]);
    // hpke-js: the same class for the same input.
    const theirs = new hpkeJs.CipherSuite({ kem: 0x10, kdf: 1, aead: 1 });
    for (const kem of [theirs.kem, suite.kem]) {
      expect(await outcome(() => kem.serializePrivateKey(rkp.privateKey))).toBe('SerializeError');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// (2) Names.

describe('every name hpke-js and @hpke/core export', () => {
  test('imports from the adapter; X448 throws NotSupportedError when used', () => {
    const names = new Set([...Object.keys(hpkeJs), ...Object.keys(core)]);
    expect(names.size).toBe(31);
    expect([...names].filter((name) => !(name in adapter))).toEqual([]);
    expect(() => new adapter.DhkemX448HkdfSha512()).toThrow(adapter.NotSupportedError);
    expect(() => new adapter.DhkemX448HkdfSha512()).toThrow('KEM DhkemX448HkdfSha512 (0x0021) is not supported');
    expect(() => new adapter.CipherSuite({ kem: adapter.KemId.DhkemX448HkdfSha512, kdf: 3, aead: 2 })).toThrow(
      adapter.NotSupportedError,
    );
  });

  test('the types AeadEncryptionContext and JsonWebKeyExtended are hpke-js’s', async () => {
    // Checked by tsc: each type is assignable both ways to hpke-js's.
    const same = <A, B>(_: [A] extends [B] ? ([B] extends [A] ? true : false) : false) => _;
    expect(same<adapter.AeadEncryptionContext, core.AeadEncryptionContext>(true)).toBe(true);
    expect(same<adapter.JsonWebKeyExtended, core.JsonWebKeyExtended>(true)).toBe(true);
    const suite = new adapter.CipherSuite({ kem: 0x20, kdf: 1, aead: 1 });
    const { publicKey } = await suite.kem.deriveKeyPair(ikm(32, 1));
    const jwk: adapter.JsonWebKeyExtended = {
      kty: 'OKP',
      crv: 'X25519',
      x: b64url(await suite.kem.serializePublicKey(publicKey)),
    };
    expect(hex(await suite.kem.serializePublicKey(await suite.kem.importKey('jwk', jwk)))).toBe(
      hex(await suite.kem.serializePublicKey(publicKey)),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (3) Input limits: at the limit, the same bytes on both; past it, the same error and message.

const LIMIT = 8192;

/** Every limited input of one suite, each at `n` bytes (info at `infoLength`); what comes out. */
async function limited(m: Module, n: number, infoLength = n): Promise<Record<string, string>> {
  const suite = new m.CipherSuite({ kem: m.KemId.DhkemP256HkdfSha256, kdf: m.KdfId.HkdfSha256, aead: 1 });
  const rkp = await suite.kem.deriveKeyPair(ikm(32, 1));
  const at = (seed: number) => ikm(n, seed);
  const out: Record<string, string> = {};
  const run = async (name: string, f: () => Promise<string>) => {
    try {
      out[name] = await f();
    } catch (e) {
      out[name] = `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
  };
  const pk = (kp: CryptoKeyPair) => suite.kem.serializePublicKey(kp.publicKey).then(hex);
  /** A secret exported from a sender context made with `params` and a fixed ephemeral key. */
  const exported = async (params: { info?: Uint8Array; psk?: { id: Uint8Array; key: Uint8Array } }) => {
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey, ekm: ikm(32, 4), ...params });
    return hex(await sender.export(new Uint8Array(0), 32));
  };
  await run('ikm', async () => pk(await suite.kem.deriveKeyPair(at(1))));
  await run('ikm (suite)', async () => pk(await suite.deriveKeyPair(at(2))));
  await run('ekm', async () =>
    hex((await suite.createSenderContext({ recipientPublicKey: rkp.publicKey, ekm: at(3) })).enc),
  );
  await run('info', () => exported({ info: new Uint8Array(infoLength) }));
  await run('psk', () => exported({ psk: { id: at(5), key: at(6) } }));
  await run('psk.id alone', () => exported({ psk: { id: at(5), key: ikm(32, 6) } }));
  const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey, ekm: ikm(32, 4) });
  const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
  await run('psk (recipient)', async () => {
    const context = await suite.createRecipientContext({
      recipientKey: rkp,
      enc: sender.enc,
      psk: { id: at(5), key: at(6) },
    });
    return hex(await context.export(new Uint8Array(0), 32));
  });
  await run('exporter context', async () => hex(await sender.export(at(7), 32)));
  await run('exporter context (recipient)', async () => hex(await recipient.export(at(7), 32)));
  return out;
}

describe('hpke-js’s input limits', () => {
  test('8192 bytes: the same outputs on both', async () => {
    const theirs = await limited(hpkeJs, LIMIT);
    expect(Object.values(theirs).every((v) => /^[0-9a-f]*$/.test(v))).toBe(true);
    expect(await limited(OURS, LIMIT)).toEqual(theirs);
  });

  test('8193 bytes (info: 2^28 + 1): InvalidParamError, hpke-js’s message, on both', async () => {
    const expected = {
      ikm: 'InvalidParamError: Too long ikm',
      'ikm (suite)': 'InvalidParamError: Too long ikm',
      ekm: 'InvalidParamError: Too long ikm',
      info: 'InvalidParamError: Too long info',
      psk: 'InvalidParamError: Too long psk.key',
      'psk.id alone': 'InvalidParamError: Too long psk.id',
      'psk (recipient)': 'InvalidParamError: Too long psk.key',
      'exporter context': 'InvalidParamError: Too long exporter context',
      'exporter context (recipient)': 'InvalidParamError: Too long exporter context',
    };
    expect(await limited(hpkeJs, LIMIT + 1, 2 ** 28 + 1)).toEqual(expected);
    expect(await limited(OURS, LIMIT + 1, 2 ** 28 + 1)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// (4) Bad inputs: the same error class from both.

async function fixture(m: Module, kem: hpkeJs.KemId) {
  const suite = new m.CipherSuite({ kem, kdf: m.KdfId.HkdfSha256, aead: m.AeadId.Aes128Gcm });
  const exportOnly = new m.CipherSuite({ kem, kdf: m.KdfId.HkdfSha256, aead: m.AeadId.ExportOnly });
  const rkp = await suite.kem.deriveKeyPair(ikm(32, 1));
  const skp = await suite.kem.deriveKeyPair(ikm(32, 2));
  const psk = { id: utf8('psk id'), key: ikm(32, 3) };
  const info = utf8('info');
  const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey, senderKey: skp, psk, info });
  const ct = new Uint8Array(await sender.seal(utf8('message'), utf8('aad')));
  const pk = new Uint8Array(await suite.kem.serializePublicKey(rkp.publicKey));
  const sk = new Uint8Array(await suite.kem.serializePrivateKey(rkp.privateKey));
  const base: hpkeJs.RecipientContextParams = {
    recipientKey: rkp,
    enc: sender.enc,
    senderPublicKey: skp.publicKey,
    psk,
    info,
  };
  const receive = (override: Partial<typeof base> = {}) => suite.createRecipientContext({ ...base, ...override });
  const openWith = async (override: Partial<typeof base>, c: Uint8Array, aad = utf8('aad')) =>
    (await receive(override)).open(c, aad);
  const jwk: JsonWebKey =
    kem === m.KemId.DhkemP256HkdfSha256
      ? { kty: 'EC', crv: 'P-256', x: b64url(pk.subarray(1, 33)), y: b64url(pk.subarray(33)) }
      : { kty: 'OKP', crv: 'X25519', x: b64url(pk) };
  return { m, suite, exportOnly, rkp, skp, psk, sender, ct, pk, sk, jwk, receive, openWith };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;
const flip = (b: Uint8Array, i: number) => Uint8Array.from(b, (x, j) => (j === i ? x ^ 1 : x));

const BAD: [string, string, (f: Fixture) => Promise<unknown>][] = [
  ['enc one byte short', 'DeserializeError', (f) => f.receive({ enc: new Uint8Array(f.sender.enc).subarray(1) })],
  ['enc one byte long', 'DeserializeError', (f) => f.receive({ enc: new Uint8Array(f.sender.enc.byteLength + 1) })],
  ['a tampered ciphertext', 'OpenError', (f) => f.openWith({}, flip(f.ct, 0))],
  ['a tampered tag', 'OpenError', (f) => f.openWith({}, flip(f.ct, f.ct.length - 1))],
  ['a ciphertext shorter than the tag', 'OpenError', (f) => f.openWith({}, f.ct.subarray(0, 15))],
  ['another aad', 'OpenError', (f) => f.openWith({}, f.ct, utf8('other'))],
  ['another info', 'OpenError', (f) => f.openWith({ info: utf8('other') }, f.ct)],
  ['another psk', 'OpenError', (f) => f.openWith({ psk: { id: f.psk.id, key: ikm(32, 9) } }, f.ct)],
  ['another psk id', 'OpenError', (f) => f.openWith({ psk: { id: utf8('other'), key: f.psk.key } }, f.ct)],
  ['another sender key', 'OpenError', (f) => f.openWith({ senderPublicKey: f.rkp.publicKey }, f.ct)],
  ['another recipient key', 'OpenError', (f) => f.openWith({ recipientKey: f.skp }, f.ct)],
  ['a PSK of 31 bytes', 'InvalidParamError', (f) => f.receive({ psk: { id: f.psk.id, key: ikm(31, 3) } })],
  ['an export of 255·Nh + 1 bytes', 'ExportError', (f) => f.sender.export(utf8('ctx'), 255 * 32 + 1)],
  ['an export of −1 bytes', 'ExportError', (f) => f.sender.export(utf8('ctx'), -1)],
  ['seal on export-only', 'NotSupportedError', (f) => f.exportOnly.seal({ recipientPublicKey: f.rkp.publicKey }, f.ct)],
  [
    'seal on an export-only context',
    'NotSupportedError',
    async (f) => (await f.exportOnly.createSenderContext({ recipientPublicKey: f.rkp.publicKey })).seal(f.ct),
  ],
  ['open on a sender context', 'NotSupportedError', (f) => f.sender.open(f.ct)],
  ['seal on a recipient context', 'NotSupportedError', async (f) => (await f.receive()).seal(f.ct)],
  [
    'deserializePublicKey, one byte short',
    'DeserializeError',
    (f) => f.suite.kem.deserializePublicKey(f.pk.subarray(1)),
  ],
  [
    'deserializePrivateKey, one byte short',
    'DeserializeError',
    (f) => f.suite.kem.deserializePrivateKey(f.sk.subarray(1)),
  ],
  ['importKey raw, one byte short', 'DeserializeError', (f) => f.suite.kem.importKey('raw', f.pk.slice(1).buffer)],
  [
    'importKey raw private, one byte long',
    'DeserializeError',
    (f) => f.suite.kem.importKey('raw', new ArrayBuffer(f.sk.length + 1), false),
  ],
  ['importKey jwk, given bytes', 'DeserializeError', (f) => f.suite.kem.importKey('jwk', f.pk.slice().buffer)],
  ['importKey raw, given a JWK', 'DeserializeError', (f) => f.suite.kem.importKey('raw', f.jwk)],
  ['importKey spki', 'DeserializeError', (f) => f.suite.kem.importKey('spki' as 'raw', f.pk.slice().buffer)],
  [
    'importKey jwk of another curve',
    'DeserializeError',
    (f) => f.suite.kem.importKey('jwk', { ...f.jwk, crv: 'P-384' }),
  ],
  [
    'importKey jwk public with d',
    'DeserializeError',
    (f) => f.suite.kem.importKey('jwk', { ...f.jwk, d: b64url(f.sk) }),
  ],
  ['importKey jwk private without d', 'DeserializeError', (f) => f.suite.kem.importKey('jwk', f.jwk, false)],
  ['importKey jwk without x', 'DeserializeError', (f) => f.suite.kem.importKey('jwk', { ...f.jwk, x: undefined })],
  [
    'a KEM id hpke-js does not take as one',
    'InvalidParamError',
    async (f) => new f.m.CipherSuite({ kem: f.m.KemId.DhkemSecp256k1HkdfSha256, kdf: 1, aead: 1 }),
  ],
  [
    'an unknown KEM id',
    'InvalidParamError',
    async (f) => new f.m.CipherSuite({ kem: 0x9999 as number as hpkeJs.KemId, kdf: 1, aead: 1 }),
  ],
];

/** Inputs whose failure depends on the curve. */
const BAD_X25519: typeof BAD = [
  ['a low-order enc (all zeros)', 'DecapError', (f) => f.receive({ enc: new Uint8Array(32) })],
];
const BAD_P256: typeof BAD = [
  ['an enc off the curve', 'DeserializeError', (f) => f.receive({ enc: flip(new Uint8Array(f.sender.enc), 64) })],
  ['an enc of zeros', 'DeserializeError', (f) => f.receive({ enc: new Uint8Array(65) })],
  ['a private key of zero', 'DeserializeError', (f) => f.suite.kem.deserializePrivateKey(new Uint8Array(32))],
  ['a private key ≥ n', 'DeserializeError', (f) => f.suite.kem.deserializePrivateKey(new Uint8Array(32).fill(0xff))],
  ['serializePublicKey of a private key', 'SerializeError', (f) => f.suite.kem.serializePublicKey(f.rkp.privateKey)],
  ['serializePrivateKey of a public key', 'SerializeError', (f) => f.suite.kem.serializePrivateKey(f.rkp.publicKey)],
  ['a public key as recipientKey', 'DecapError', (f) => f.receive({ recipientKey: f.rkp.publicKey })],
];

describe.each([
  ['X25519', hpkeJs.KemId.DhkemX25519HkdfSha256, [...BAD, ...BAD_X25519]],
  ['P-256', hpkeJs.KemId.DhkemP256HkdfSha256, [...BAD, ...BAD_P256]],
] as const)('bad input, %s: hpke-js’s error class', (_, kem, cases) => {
  test.each(cases)('%s → %s', async (__, expected, run) => {
    for (const [, m] of MODULES) expect(await outcome(async () => run(await fixture(m, kem)))).toBe(expected);
  });
});

/** Where the adapter is stricter than hpke-js, deliberately: each side's exact outcome. */
describe('deliberate differences', () => {
  const { DhkemP256HkdfSha256: P256, DhkemX25519HkdfSha256: X25519 } = hpkeJs.KemId;
  test.each([
    [
      'an empty psk.id (RFC 9180 §5.1.1)',
      'ok',
      'InvalidParamError',
      P256,
      (f: Fixture) => f.receive({ psk: { id: new Uint8Array(0), key: f.psk.key } }),
    ],
    [
      'ikm shorter than Nsk (§7.1.3)',
      'ok',
      'DeriveKeyPairError',
      P256,
      (f: Fixture) => f.suite.kem.deriveKeyPair(ikm(31, 1)),
    ],
    [
      'an export length that is not an integer',
      'ok',
      'ExportError',
      P256,
      (f: Fixture) => f.sender.export(utf8('ctx'), 1.5),
    ],
    // A key of the wrong type: hpke-js's X25519 does not check it, its P-256 fails on exportKey.
    [
      'X25519: a public key as recipientKey',
      'ok',
      'DecapError',
      X25519,
      (f: Fixture) => f.receive({ recipientKey: f.rkp.publicKey }),
    ],
    [
      'X25519: serializePrivateKey of a public key',
      'ok',
      'SerializeError',
      X25519,
      (f: Fixture) => f.suite.kem.serializePrivateKey(f.rkp.publicKey),
    ],
    [
      'a private key as recipientPublicKey',
      'SerializeError',
      'EncapError',
      P256,
      (f: Fixture) => f.suite.createSenderContext({ recipientPublicKey: f.rkp.privateKey }),
    ],
    // An argument of the wrong type: a TypeError, as everywhere in oblivia.
    [
      'a Uint8Array as recipientPublicKey',
      'SerializeError',
      'TypeError',
      P256,
      (f: Fixture) => f.suite.createSenderContext({ recipientPublicKey: f.pk as unknown as CryptoKey }),
    ],
  ] as const)('%s: hpke-js %s, the adapter %s', async (_, theirs, ours, kem, run) => {
    expect(await outcome(async () => run(await fixture(hpkeJs, kem)))).toBe(theirs);
    expect(await outcome(async () => run(await fixture(OURS, kem)))).toBe(ours);
  });

  test('X448: hpke-js implements it, the adapter throws NotSupportedError', () => {
    const params = {
      kem: hpkeJs.KemId.DhkemX448HkdfSha512,
      kdf: hpkeJs.KdfId.HkdfSha512,
      aead: hpkeJs.AeadId.Aes256Gcm,
    };
    expect(new hpkeJs.CipherSuite(params).kem.id).toBe(0x21);
    expect(() => new adapter.CipherSuite(params)).toThrow(adapter.NotSupportedError);
  });
});
