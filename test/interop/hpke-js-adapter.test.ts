// The hpke-js adapter (oblivia/hpke-js). (1) One hpke-js usage, written as hpke-js's README and
// @hpke/core's docs show it, runs unchanged on hpke-js 1.8.0 and on the adapter and gives the same
// results: the same bytes wherever they are deterministic (derived keys, and encryptions and
// exports with a fixed ephemeral key), the same error classes. (2) Cross interop: adapter sender →
// hpke-js recipient and back for all 48 suites both implement. (3) What only the adapter does:
// unsupported ids, the CryptoError behind each hpke-js error, WebCrypto keys, argument errors.
import { randomBytes, randomInt } from 'node:crypto';
import * as core from '@hpke/core';
import * as hpkeJs from 'hpke-js';
import { describe, expect, test } from 'vitest';
import { CryptoError } from 'oblivia';
import * as adapter from 'oblivia/hpke-js';

type Bytes = ArrayBuffer | Uint8Array;
const hex = (b: Bytes) => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');
const bytes = (b: ArrayBuffer) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);
const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
/** n bytes counting up from `seed`: fixed input keying material. */
const ikm = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (seed + i) & 0xff);
const random = (max: number) => new Uint8Array(randomBytes(randomInt(0, max + 1)));
const label = (id: number) => `0x${id.toString(16).padStart(4, '0')}`;

// ---------------------------------------------------------------------------------------------
// (1) One usage, two modules.

type Theirs = typeof hpkeJs;
type Kem = Omit<hpkeJs.KemInterface, 'encap' | 'decap'>;
type Kdf = Pick<hpkeJs.KdfInterface, 'id' | 'hashSize'>;
type Aead = Pick<hpkeJs.AeadInterface, 'id' | 'keySize' | 'nonceSize' | 'tagSize'>;
type Suite = Pick<
  InstanceType<Theirs['CipherSuite']>,
  'createSenderContext' | 'createRecipientContext' | 'seal' | 'open' | 'generateKeyPair' | 'deriveKeyPair' | 'importKey'
> & { readonly kem: Kem; readonly kdf: Kdf; readonly aead: Aead };

/**
 * What the usage needs: hpke-js's exports, typed as hpke-js types them, plus @hpke/core's classes.
 * The adapter module is assigned to it without a cast, so code written for hpke-js type-checks
 * against the adapter. (hpke-js's own CipherSuite needs one: its params demand KEM objects with
 * encap/decap, which this shared type leaves out because the adapter's KEMs do not offer them.)
 */
interface HpkeModule extends Pick<
  Theirs,
  | 'KemId'
  | 'KdfId'
  | 'AeadId'
  | 'HpkeError'
  | 'OpenError'
  | 'DeserializeError'
  | 'DecapError'
  | 'InvalidParamError'
  | 'ExportError'
  | 'NotSupportedError'
> {
  CipherSuite: new (params: { kem: hpkeJs.KemId | Kem; kdf: hpkeJs.KdfId | Kdf; aead: hpkeJs.AeadId | Aead }) => Suite;
  DhkemP256HkdfSha256: new () => Kem;
  HkdfSha256: new () => Kdf;
  Aes128Gcm: new () => Aead;
}

const THEIRS: HpkeModule = {
  ...hpkeJs,
  CipherSuite: hpkeJs.CipherSuite as HpkeModule['CipherSuite'],
  DhkemP256HkdfSha256: core.DhkemP256HkdfSha256,
  HkdfSha256: core.HkdfSha256,
  Aes128Gcm: core.Aes128Gcm,
};
const OURS: HpkeModule = adapter;

/** RFC 9180 §7.1.2: X25519 private keys serialize clamped (hpke-js returns them as derived). */
const X25519_CLAMPED = 'X25519 skR (clamped)';
const clamp = (sk: Uint8Array) => Uint8Array.from(sk, (b, i) => (i === 0 ? b & 248 : i === 31 ? (b & 127) | 64 : b));

/** hpke-js usage as its README and docs write it; returns what it saw, as strings. */
async function usage(m: HpkeModule): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  const text = (b: ArrayBuffer) => new TextDecoder().decode(b);

  // The README (Node.js): X25519, HKDF-SHA256, ChaCha20-Poly1305.
  {
    const suite = new m.CipherSuite({
      kem: m.KemId.DhkemX25519HkdfSha256,
      kdf: m.KdfId.HkdfSha256,
      aead: m.AeadId.Chacha20Poly1305,
    });
    const rkp = await suite.kem.generateKeyPair();
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    const ct = await sender.seal(new TextEncoder().encode('Hello world!'));
    const recipient = await suite.createRecipientContext({ recipientKey: rkp.privateKey, enc: sender.enc });
    seen.readme = text(await recipient.open(ct));
    seen['readme lengths'] = `${sender.enc.byteLength} ${ct.byteLength}`;

    // Seals not awaited in between still take sequence numbers in call order.
    const cts = await Promise.all(['one', 'two', 'three'].map((s) => sender.seal(utf8(s))));
    const opened: string[] = [];
    for (const c of cts) opened.push(text(await recipient.open(c)));
    seen.sequence = opened.join(' ');

    // Out of order: the open fails and leaves the sequence number as it was.
    const [first, second] = [await sender.seal(utf8('first')), await sender.seal(utf8('second'))];
    await expect(recipient.open(second)).rejects.toBeInstanceOf(m.OpenError);
    seen['after a failed open'] = `${text(await recipient.open(first))} ${text(await recipient.open(second))}`;

    // A low-order enc (all zeros): the X25519 shared secret is zero.
    await expect(suite.createRecipientContext({ recipientKey: rkp, enc: new Uint8Array(32) })).rejects.toBeInstanceOf(
      m.DecapError,
    );
  }

  // The README (browsers): P-256, AES-128-GCM, the key pair as recipientKey.
  {
    const suite = new m.CipherSuite({
      kem: m.KemId.DhkemP256HkdfSha256,
      kdf: m.KdfId.HkdfSha256,
      aead: m.AeadId.Aes128Gcm,
    });
    const rkp = await suite.kem.generateKeyPair();
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    const ct = await sender.seal(new TextEncoder().encode('Hello world!'));
    const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
    seen['readme browser'] = text(await recipient.open(ct));
  }

  // @hpke/core style, the single-shot API, and the errors a caller catches.
  {
    const suite = new m.CipherSuite({
      kem: new m.DhkemP256HkdfSha256(),
      kdf: new m.HkdfSha256(),
      aead: new m.Aes128Gcm(),
    });
    const { kem, kdf, aead } = suite;
    seen.ids = `${kem.id} ${kdf.id} ${aead.id}`;
    const sizes = [
      kem.secretSize,
      kem.encSize,
      kem.publicKeySize,
      kem.privateKeySize,
      kdf.hashSize,
      aead.keySize,
      aead.nonceSize,
      aead.tagSize,
    ];
    seen.sizes = sizes.join(' ');
    const rkp = await suite.kem.generateKeyPair();
    const info = utf8('app info');
    const aad = utf8('header');
    const { ct, enc } = await suite.seal({ recipientPublicKey: rkp.publicKey, info }, utf8('single shot'), aad);
    seen['single shot'] = text(await suite.open({ recipientKey: rkp, enc, info }, ct, aad));
    seen['output types'] = [ct, enc].map((b) => b.constructor.name).join(' ');

    const tampered = new Uint8Array(ct);
    tampered[0]! ^= 1;
    await expect(suite.open({ recipientKey: rkp, enc, info }, tampered, aad)).rejects.toBeInstanceOf(m.OpenError);
    await expect(suite.open({ recipientKey: rkp, enc, info }, ct)).rejects.toBeInstanceOf(m.HpkeError);
    const offCurve = new Uint8Array(65);
    offCurve[0] = 4;
    offCurve[64] = 1;
    await expect(suite.kem.deserializePublicKey(offCurve)).rejects.toBeInstanceOf(m.DeserializeError);
    await expect(suite.createRecipientContext({ recipientKey: rkp, enc: offCurve })).rejects.toBeInstanceOf(
      m.DeserializeError,
    );
    const shortEnc = new Uint8Array(enc).subarray(1);
    await expect(suite.createRecipientContext({ recipientKey: rkp, enc: shortEnc })).rejects.toBeInstanceOf(
      m.DeserializeError,
    );
    await expect(suite.kem.deserializePublicKey(new Uint8Array(33))).rejects.toBeInstanceOf(m.DeserializeError);
    const psk = { id: utf8('id'), key: new Uint8Array(31) };
    await expect(suite.createSenderContext({ recipientPublicKey: rkp.publicKey, psk })).rejects.toBeInstanceOf(
      m.InvalidParamError,
    );
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    await expect(sender.export(utf8('too long'), 255 * 32 + 1)).rejects.toBeInstanceOf(m.ExportError);
    seen['export of 255·Nh'] = String((await sender.export(utf8('longest'), 255 * 32)).byteLength);
  }

  // Fixed keys: derived key pairs and a derived ephemeral key (ekm) make every byte deterministic,
  // in all four modes, for each KEM with its natural KDF.
  const suites = [
    [m.KemId.DhkemX25519HkdfSha256, m.KdfId.HkdfSha256, m.AeadId.Chacha20Poly1305],
    [m.KemId.DhkemP256HkdfSha256, m.KdfId.HkdfSha256, m.AeadId.Aes128Gcm],
    [m.KemId.DhkemP384HkdfSha384, m.KdfId.HkdfSha384, m.AeadId.Aes256Gcm],
    [m.KemId.DhkemP521HkdfSha512, m.KdfId.HkdfSha512, m.AeadId.Aes256Gcm],
  ] as const;
  for (const [kemId, kdfId, aeadId] of suites) {
    const suite = new m.CipherSuite({ kem: kemId, kdf: kdfId, aead: aeadId });
    const name = label(kemId);
    const rkp = await suite.kem.deriveKeyPair(ikm(66, 1));
    const skp = await suite.deriveKeyPair(ikm(66, 2)); // the deprecated suite-level method
    seen[`${name} pkR`] = hex(await suite.kem.serializePublicKey(rkp.publicKey));
    seen[`${name} pkS`] = hex(await suite.kem.serializePublicKey(skp.publicKey));
    const skR = bytes(await suite.kem.serializePrivateKey(rkp.privateKey));
    if (kemId === m.KemId.DhkemX25519HkdfSha256) seen[X25519_CLAMPED] = hex(clamp(skR));
    else seen[`${name} skR`] = hex(skR);

    const psk = { id: utf8('psk id'), key: ikm(32, 3) };
    for (const mode of ['base', 'psk', 'auth', 'auth_psk'] as const) {
      const withPsk = mode === 'psk' || mode === 'auth_psk';
      const auth = mode === 'auth' || mode === 'auth_psk';
      const info = utf8(`info ${mode}`);
      const sender = await suite.createSenderContext({
        recipientPublicKey: rkp.publicKey,
        info,
        psk: withPsk ? psk : undefined,
        senderKey: auth ? skp : undefined,
        ekm: ikm(66, 4),
      });
      // Inputs as views: a DataView at an offset, a Buffer.
      const padded = new Uint8Array(40);
      padded.set(utf8('message zero'), 5);
      const ct0 = await sender.seal(new DataView(padded.buffer, 5, 12), Buffer.from('aad'));
      const ct1 = await sender.seal(utf8('message one'));
      const recipient = await suite.createRecipientContext({
        recipientKey: rkp,
        enc: sender.enc,
        info,
        psk: withPsk ? psk : undefined,
        senderPublicKey: auth ? skp.publicKey : undefined,
      });
      seen[`${name} ${mode} enc`] = hex(sender.enc);
      seen[`${name} ${mode} ct`] = `${hex(ct0)} ${hex(ct1)}`;
      seen[`${name} ${mode} opened`] =
        `${text(await recipient.open(ct0, utf8('aad')))} ${text(await recipient.open(ct1))}`;
      seen[`${name} ${mode} export`] = hex(await sender.export(utf8('exporter context'), 42));
      seen[`${name} ${mode} export (recipient)`] = hex(await recipient.export(utf8('exporter context'), 42));
    }
  }

  // Export-only: contexts export, seal and open are not supported.
  {
    const suite = new m.CipherSuite({
      kem: m.KemId.DhkemP256HkdfSha256,
      kdf: m.KdfId.HkdfSha256,
      aead: m.AeadId.ExportOnly,
    });
    const rkp = await suite.kem.deriveKeyPair(ikm(32, 5));
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey, ekm: ikm(32, 6) });
    const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
    seen['export only'] =
      `${hex(await sender.export(utf8('ctx'), 32))} ${hex(await recipient.export(utf8('ctx'), 32))}`;
    await expect(sender.seal(utf8('no'))).rejects.toBeInstanceOf(m.NotSupportedError);
    await expect(recipient.open(new Uint8Array(32))).rejects.toBeInstanceOf(m.NotSupportedError);
  }

  // importKey: raw and JWK, public and private, used in a context.
  for (const kemId of [m.KemId.DhkemX25519HkdfSha256, m.KemId.DhkemP256HkdfSha256]) {
    const suite = new m.CipherSuite({ kem: kemId, kdf: m.KdfId.HkdfSha256, aead: m.AeadId.Aes128Gcm });
    const name = label(kemId);
    const rkp = await suite.kem.deriveKeyPair(ikm(32, 7));
    const pk = bytes(await suite.kem.serializePublicKey(rkp.publicKey));
    const sk = bytes(await suite.kem.serializePrivateKey(rkp.privateKey));
    const ec = kemId === m.KemId.DhkemP256HkdfSha256;
    const publicJwk: JsonWebKey = ec
      ? { kty: 'EC', crv: 'P-256', x: b64url(pk.subarray(1, 33)), y: b64url(pk.subarray(33)) }
      : { kty: 'OKP', crv: 'X25519', x: b64url(pk) };
    const privateJwk: JsonWebKey = { ...publicJwk, d: b64url(sk) };

    const rawPublic = await suite.kem.importKey('raw', pk.slice().buffer, true);
    const jwkPublic = await suite.importKey('jwk', publicJwk); // the deprecated suite-level method
    const rawPrivate = await suite.kem.importKey('raw', sk.slice().buffer, false);
    const jwkPrivate = await suite.kem.importKey('jwk', privateJwk, false);
    const serialized = [await suite.kem.serializePublicKey(rawPublic), await suite.kem.serializePublicKey(jwkPublic)];
    seen[`${name} imported public`] = serialized.map(hex).join(' ');
    const imported = [rawPublic, jwkPublic, rawPrivate, jwkPrivate];
    seen[`${name} imported key types`] = imported.map((k) => `${k.type}:${k.usages.join()}`).join(' ');
    const sealed = await suite.seal({ recipientPublicKey: jwkPublic }, utf8('to a JWK'));
    seen[`${name} imported round trip`] = text(
      await suite.open({ recipientKey: rawPrivate, enc: sealed.enc }, sealed.ct),
    );
    const sealed2 = await suite.seal({ recipientPublicKey: rawPublic }, utf8('to a raw key'));
    seen[`${name} imported round trip 2`] = text(
      await suite.open({ recipientKey: jwkPrivate, enc: sealed2.enc }, sealed2.ct),
    );
    await expect(suite.kem.importKey('jwk', { ...publicJwk, crv: 'P-384' })).rejects.toBeInstanceOf(m.DeserializeError);
    await expect(suite.kem.importKey('jwk', privateJwk, true)).rejects.toBeInstanceOf(m.DeserializeError);
    await expect(suite.kem.importKey('jwk', publicJwk, false)).rejects.toBeInstanceOf(m.DeserializeError);
  }
  return seen;
}

describe('one hpke-js usage on hpke-js and on the adapter', () => {
  test('same results, byte for byte where deterministic', async () => {
    const theirs = await usage(THEIRS);
    const ours = await usage(OURS);
    expect(Object.keys(ours).length).toBe(111);
    expect(ours).toEqual(theirs);
    expect(ours.readme).toBe('Hello world!');
    expect(ours['0x0012 auth_psk opened']).toBe('message zero message one');
  });
});

// ---------------------------------------------------------------------------------------------
// (2) Cross interop, every suite both implement, both directions.

const { KemId, KdfId, AeadId } = hpkeJs;
const KEMS = [
  KemId.DhkemX25519HkdfSha256,
  KemId.DhkemP256HkdfSha256,
  KemId.DhkemP384HkdfSha384,
  KemId.DhkemP521HkdfSha512,
];
const KDFS = [KdfId.HkdfSha256, KdfId.HkdfSha384, KdfId.HkdfSha512];
const AEADS = [AeadId.Aes128Gcm, AeadId.Aes256Gcm, AeadId.Chacha20Poly1305, AeadId.ExportOnly];
const MODES = ['base', 'psk', 'auth', 'auth_psk'] as const;
const SUITES = KEMS.flatMap((kem) => KDFS.flatMap((kdf) => AEADS.map((aead) => ({ kem, kdf, aead }))));

type AnySuite = Pick<Suite, 'kem' | 'createSenderContext' | 'createRecipientContext' | 'seal' | 'open'>;

interface Inputs {
  info: Uint8Array;
  psk?: { id: Uint8Array; key: Uint8Array };
  messages: { pt: Uint8Array; aad: Uint8Array }[];
  exports: { context: Uint8Array; length: number }[];
}

function inputs(mode: (typeof MODES)[number], exportOnly: boolean): Inputs {
  const withPsk = mode === 'psk' || mode === 'auth_psk';
  return {
    info: random(64),
    psk: withPsk
      ? { id: new Uint8Array(randomBytes(randomInt(1, 33))), key: new Uint8Array(randomBytes(randomInt(32, 65))) }
      : undefined,
    messages: exportOnly ? [] : Array.from({ length: 2 }, () => ({ pt: random(200), aad: random(32) })),
    exports: Array.from({ length: 2 }, () => ({ context: random(32), length: randomInt(0, 80) })),
  };
}

/** `from` seals to a key pair of `to`, which opens; keys cross as bytes, as between two parties. */
async function send(from: AnySuite, to: AnySuite, mode: (typeof MODES)[number], exportOnly: boolean): Promise<void> {
  const auth = mode === 'auth' || mode === 'auth_psk';
  const x = inputs(mode, exportOnly);
  const rkp = await to.kem.generateKeyPair();
  const pkR = await from.kem.deserializePublicKey(await to.kem.serializePublicKey(rkp.publicKey));
  const skp = auth ? await from.kem.generateKeyPair() : undefined;
  const pkS = skp && (await to.kem.deserializePublicKey(await from.kem.serializePublicKey(skp.publicKey)));

  const sender = await from.createSenderContext({ recipientPublicKey: pkR, info: x.info, psk: x.psk, senderKey: skp });
  const recipient = await to.createRecipientContext({
    recipientKey: rkp,
    enc: sender.enc,
    info: x.info,
    psk: x.psk,
    senderPublicKey: pkS,
  });
  for (const { pt, aad } of x.messages)
    expect(hex(await recipient.open(await sender.seal(pt, aad), aad))).toBe(hex(pt));
  for (const { context, length } of x.exports) {
    expect(hex(await recipient.export(context, length))).toBe(hex(await sender.export(context, length)));
  }
  if (!exportOnly) {
    const { pt, aad } = x.messages[0]!;
    const { ct, enc } = await from.seal({ recipientPublicKey: pkR, info: x.info, psk: x.psk, senderKey: skp }, pt, aad);
    const opened = await to.open(
      { recipientKey: rkp.privateKey, enc, info: x.info, psk: x.psk, senderPublicKey: pkS },
      ct,
      aad,
    );
    expect(hex(opened)).toBe(hex(pt));
  }
}

let crossed = 0;

describe('cross interop with hpke-js', () => {
  // Modes rotate over the suites: each KEM sees every mode three times, in both directions.
  test.each(
    SUITES.map(
      (s, i) => [`kem ${label(s.kem)} kdf ${s.kdf} aead ${label(s.aead)} ${MODES[i % 4]}`, s, MODES[i % 4]!] as const,
    ),
  )('%s: adapter → hpke-js, hpke-js → adapter', async (_, params, mode) => {
    const theirs = new hpkeJs.CipherSuite({ ...params });
    const ours = new adapter.CipherSuite(params);
    const exportOnly = params.aead === AeadId.ExportOnly;
    await send(ours, theirs, mode, exportOnly);
    crossed++;
    await send(theirs, ours, mode, exportOnly);
    crossed++;
  });

  test('every suite ran in both directions', () => {
    expect(SUITES.length).toBe(48);
    expect(crossed).toBe(96);
  });
});

// ---------------------------------------------------------------------------------------------
// (3) The adapter alone.

const { KemId: K, KdfId: F, AeadId: A } = adapter;
const p256 = () => new adapter.CipherSuite({ kem: K.DhkemP256HkdfSha256, kdf: F.HkdfSha256, aead: A.Aes128Gcm });
const x25519 = () =>
  new adapter.CipherSuite({ kem: K.DhkemX25519HkdfSha256, kdf: F.HkdfSha256, aead: A.Chacha20Poly1305 });

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('adapter: suites and algorithm objects', () => {
  test('the identifiers are hpke-js’s, name for name and value for value', () => {
    expect({ ...adapter.KemId }).toEqual({ ...hpkeJs.KemId });
    expect({ ...adapter.KdfId }).toEqual({ ...hpkeJs.KdfId });
    expect({ ...adapter.AeadId }).toEqual({ ...hpkeJs.AeadId });
    expect({ ...adapter.Kem }).toEqual({ ...hpkeJs.Kem });
    expect({ ...adapter.Kdf }).toEqual({ ...hpkeJs.Kdf });
    expect({ ...adapter.Aead }).toEqual({ ...hpkeJs.Aead });
  });

  test('the error classes are hpke-js’s, name for name', () => {
    const names = Object.keys(hpkeJs).filter((name) => name.endsWith('Error'));
    expect(names.length).toBe(13);
    for (const name of names) {
      const Class = (adapter as unknown as Record<string, new (e: unknown) => Error>)[name]!;
      const error = new Class('message');
      expect([error.name, error.message, error instanceof adapter.HpkeError]).toEqual([name, 'message', true]);
    }
  });

  // KEMs other than the DHKEMs hpke-js takes by id come as objects (their packages'): here, by their ids.
  test.each([
    ['KEM X448', { kem: adapter.KemId.DhkemX448HkdfSha512 }],
    ['KEM secp256k1', { kem: { id: adapter.KemId.DhkemSecp256k1HkdfSha256 } }],
    ['KEM X25519Kyber768', { kem: { id: adapter.KemId.HybridkemX25519Kyber768 } }],
    ['KEM ML-KEM-768', { kem: { id: adapter.KemId.MlKem768 } }],
    ['KEM X-Wing', { kem: { id: adapter.KemId.XWing } }],
    ['KDF SHA3-256', { kdf: adapter.KdfId.Sha3256 }],
    ['KDF SHAKE256', { kdf: adapter.KdfId.Shake256 }],
  ])('%s → NotSupportedError', (_, override) => {
    const params = {
      kem: adapter.KemId.DhkemX25519HkdfSha256,
      kdf: adapter.KdfId.HkdfSha256,
      aead: adapter.AeadId.Aes128Gcm,
      ...override,
    };
    expect(() => new adapter.CipherSuite(params as adapter.CipherSuiteParams)).toThrow(adapter.NotSupportedError);
  });

  test('unknown ids → InvalidParamError, ids of the wrong type → TypeError', () => {
    const base = {
      kem: adapter.KemId.DhkemX25519HkdfSha256,
      kdf: adapter.KdfId.HkdfSha256,
      aead: adapter.AeadId.Aes128Gcm,
    };
    for (const bad of [{ kem: 0 }, { kem: 0x9999 }, { kdf: 7 }, { aead: 4 }, { aead: 1.5 }]) {
      expect(() => new adapter.CipherSuite({ ...base, ...bad } as adapter.CipherSuiteParams)).toThrow(
        adapter.InvalidParamError,
      );
    }
    expect(() => new adapter.CipherSuite({ ...base, kem: '32' } as unknown as adapter.CipherSuiteParams)).toThrow(
      TypeError,
    );
    expect(() => new adapter.CipherSuite(undefined as unknown as adapter.CipherSuiteParams)).toThrow(TypeError);
  });

  test('class style: the adapter’s objects are kept; another implementation’s stand for their ids', async () => {
    const kem = new adapter.DhkemP256HkdfSha256();
    const kdf = new adapter.HkdfSha384();
    const aead = new adapter.Chacha20Poly1305();
    const suite = new adapter.CipherSuite({ kem, kdf, aead });
    expect([suite.kem === kem, suite.kdf === kdf, suite.aead === aead]).toEqual([true, true, true]);

    // @hpke/core's objects (e.g. with only one import line switched): the adapter's equivalents.
    const mixed = new adapter.CipherSuite({
      kem: new core.DhkemX25519HkdfSha256(),
      kdf: new core.HkdfSha256(),
      aead: new core.Aes128Gcm(),
    });
    expect(mixed.kem).toBeInstanceOf(adapter.DhkemX25519HkdfSha256);
    expect(mixed.aead).toBeInstanceOf(adapter.Aes128Gcm);
    const rkp = await mixed.kem.generateKeyPair();
    const { ct, enc } = await mixed.seal({ recipientPublicKey: rkp.publicKey }, utf8('mixed'));
    expect(new TextDecoder().decode(await mixed.open({ recipientKey: rkp, enc }, ct))).toBe('mixed');
  });

  test('keys: the CryptoKey interface, bytes kept private, X25519 serialized clamped', async () => {
    const { publicKey, privateKey } = await p256().kem.deriveKeyPair(ikm(32, 9));
    const algorithm = { name: 'ECDH', namedCurve: 'P-256' };
    expect({ ...publicKey }).toEqual({ type: 'public', extractable: true, algorithm, usages: [] });
    expect({ ...privateKey }).toEqual({ type: 'private', extractable: true, algorithm, usages: ['deriveBits'] });
    expect(Object.getOwnPropertyNames(privateKey).sort()).toEqual(['algorithm', 'extractable', 'type', 'usages']);
    expect(Object.isFrozen(privateKey)).toBe(true);

    const suite = x25519();
    const derived = await suite.kem.deriveKeyPair(ikm(32, 1));
    const theirKem = new hpkeJs.CipherSuite({ kem: KemId.DhkemX25519HkdfSha256, kdf: 1, aead: 3 }).kem;
    const theirs = bytes(await theirKem.serializePrivateKey((await theirKem.deriveKeyPair(ikm(32, 1))).privateKey));
    const sk = bytes(await suite.kem.serializePrivateKey(derived.privateKey));
    expect(hex(sk)).toBe(hex(clamp(sk)));
    expect(hex(sk)).toBe(hex(clamp(theirs)));
    expect(derived.privateKey.algorithm).toEqual({ name: 'X25519' });
  });

  test.each([
    ['X25519', adapter.KemId.DhkemX25519HkdfSha256, { name: 'X25519' }],
    ['P-256', adapter.KemId.DhkemP256HkdfSha256, { name: 'ECDH', namedCurve: 'P-256' }],
    ['P-384', adapter.KemId.DhkemP384HkdfSha384, { name: 'ECDH', namedCurve: 'P-384' }],
    ['P-521', adapter.KemId.DhkemP521HkdfSha512, { name: 'ECDH', namedCurve: 'P-521' }],
  ] as const)(
    '%s: WebCrypto CryptoKeys (hpke-js’s NIST keys are such keys) are taken directly',
    async (_, kemId, algorithm) => {
      const suite = new adapter.CipherSuite({
        kem: kemId,
        kdf: adapter.KdfId.HkdfSha256,
        aead: adapter.AeadId.Aes128Gcm,
      });
      const generate = (extractable: boolean) =>
        crypto.subtle.generateKey(algorithm, extractable, ['deriveBits']) as Promise<CryptoKeyPair>;
      const rkp = await generate(true);
      const skp = await generate(true);
      expect(hex(await suite.kem.serializePublicKey(rkp.publicKey))).toBe(
        hex(await crypto.subtle.exportKey('raw', rkp.publicKey)),
      );
      const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey, senderKey: skp });
      const recipient = await suite.createRecipientContext({
        recipientKey: rkp,
        enc: sender.enc,
        senderPublicKey: skp.publicKey,
      });
      expect(hex(await recipient.open(await sender.seal(utf8('webcrypto'))))).toBe(hex(utf8('webcrypto')));
      if (kemId !== adapter.KemId.DhkemX25519HkdfSha256) {
        const theirs = await new hpkeJs.CipherSuite({ kem: kemId, kdf: 1, aead: 1 }).kem.generateKeyPair();
        expect(theirs.privateKey).toBeInstanceOf(CryptoKey);
        const sealed = await suite.seal({ recipientPublicKey: theirs.publicKey }, utf8('to hpke-js’s key'));
        expect(hex(await suite.open({ recipientKey: theirs, enc: sealed.enc }, sealed.ct))).toBe(
          hex(utf8('to hpke-js’s key')),
        );
      }
      // A non-extractable private key: its DH runs in crypto.subtle, so it comes in its pair.
      const locked = await generate(false);
      const toLocked = await suite.createSenderContext({ recipientPublicKey: locked.publicKey, senderKey: locked });
      const lockedRecipient = await suite.createRecipientContext({
        recipientKey: locked,
        enc: toLocked.enc,
        senderPublicKey: locked.publicKey,
      });
      expect(hex(await lockedRecipient.open(await toLocked.seal(utf8('locked'))))).toBe(hex(utf8('locked')));
      const alone = await failure(suite.createRecipientContext({ recipientKey: locked.privateKey, enc: sender.enc }));
      expect([alone.constructor, alone.message]).toEqual([
        adapter.NotSupportedError,
        '"recipientKey" is a non-extractable CryptoKey: pass its CryptoKeyPair',
      ]);
    },
  );
});

describe('adapter: errors', () => {
  test('each hpke-js error carries oblivia’s error as its cause', async () => {
    const suite = p256();
    const rkp = await suite.kem.generateKeyPair();
    const { ct, enc } = await suite.seal({ recipientPublicKey: rkp.publicKey }, utf8('pt'));
    const tampered = new Uint8Array(ct);
    tampered[tampered.length - 1]! ^= 0x80;
    const open = await failure(suite.open({ recipientKey: rkp, enc }, tampered));
    expect(open).toBeInstanceOf(adapter.OpenError);
    expect(open.cause).toBeInstanceOf(CryptoError);
    expect((open.cause as CryptoError).code).toBe('INVALID_TAG');

    const badEnc = new Uint8Array(enc);
    badEnc[64]! ^= 1;
    const decode = await failure(suite.createRecipientContext({ recipientKey: rkp, enc: badEnc }));
    expect([decode.constructor, (decode.cause as CryptoError).code]).toEqual([
      adapter.DeserializeError,
      'INVALID_POINT',
    ]);

    const length = await failure(suite.createRecipientContext({ recipientKey: rkp, enc: new Uint8Array(64) }));
    expect([length.constructor, length.cause?.constructor]).toEqual([adapter.DeserializeError, RangeError]);
    expect(length.message).toBe('"enc" expected 65 bytes, got length=64');

    const scalar = await failure(suite.kem.deserializePrivateKey(new Uint8Array(32)));
    expect([scalar.constructor, (scalar.cause as CryptoError).code]).toEqual([
      adapter.DeserializeError,
      'INVALID_SCALAR',
    ]);

    const derive = await failure(suite.kem.deriveKeyPair(new Uint8Array(31)));
    expect([derive.constructor, derive.cause?.constructor]).toEqual([adapter.DeriveKeyPairError, RangeError]);

    const psk = { id: new Uint8Array(0), key: new Uint8Array(32) };
    await expect(suite.createSenderContext({ recipientPublicKey: rkp.publicKey, psk })).rejects.toBeInstanceOf(
      adapter.InvalidParamError,
    );
  });

  test('keys of another KEM or of the wrong type: the operation’s error, with a TypeError as cause', async () => {
    const suite = p256();
    const rkp = await suite.kem.generateKeyPair();
    const other = await x25519().kem.generateKeyPair();
    const encap = await failure(suite.createSenderContext({ recipientPublicKey: other.publicKey }));
    expect([encap.constructor, encap.cause?.constructor]).toEqual([adapter.EncapError, TypeError]);
    expect(encap.message).toBe(
      '"recipientPublicKey" expected a public key of DHKEM(P-256, HKDF-SHA256), got a public key of DHKEM(X25519, HKDF-SHA256)',
    );
    await expect(suite.createSenderContext({ recipientPublicKey: rkp.privateKey })).rejects.toBeInstanceOf(
      adapter.EncapError,
    );
    const { enc } = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    await expect(suite.createRecipientContext({ recipientKey: rkp.publicKey, enc })).rejects.toBeInstanceOf(
      adapter.DecapError,
    );
    await expect(suite.kem.serializePublicKey(rkp.privateKey)).rejects.toBeInstanceOf(adapter.SerializeError);
    await expect(suite.kem.serializePrivateKey(other.privateKey)).rejects.toBeInstanceOf(adapter.SerializeError);
    // Keys of the same KEM from another suite are fine.
    const sealed = await p256().seal({ recipientPublicKey: rkp.publicKey }, utf8('x'));
    expect(hex(await suite.open({ recipientKey: rkp, enc: sealed.enc }, sealed.ct))).toBe(hex(utf8('x')));
  });

  test('arguments of the wrong type → TypeError; unsupported uses → NotSupportedError', async () => {
    const suite = x25519();
    const rkp = await suite.kem.generateKeyPair();
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
    const raw = new Uint8Array(await suite.kem.serializePublicKey(rkp.publicKey));
    const wrong = (value: unknown) => value as never;
    await expect(sender.seal(wrong('text'))).rejects.toThrow(TypeError);
    await expect(sender.seal(utf8('pt'), wrong([1, 2]))).rejects.toThrow(TypeError);
    await expect(sender.export(utf8('ctx'), wrong('32'))).rejects.toThrow(TypeError);
    const notAKey = suite.createSenderContext({ recipientPublicKey: wrong(raw) });
    await expect(notAKey).rejects.toThrow('"recipientPublicKey" expected CryptoKey, got Uint8Array');
    await expect(suite.createRecipientContext({ recipientKey: rkp, enc: wrong('enc') })).rejects.toThrow(TypeError);

    await expect(sender.open(new Uint8Array(32))).rejects.toBeInstanceOf(adapter.NotSupportedError);
    await expect(recipient.seal(utf8('pt'))).rejects.toBeInstanceOf(adapter.NotSupportedError);
    const ekmPair = suite.createSenderContext({ recipientPublicKey: rkp.publicKey, ekm: rkp });
    await expect(ekmPair).rejects.toBeInstanceOf(adapter.NotSupportedError);
    // importKey fails with DeserializeError whatever the reason, as in hpke-js.
    const spki = await failure(suite.kem.importKey(wrong('spki'), raw.buffer));
    expect([spki.constructor, spki.cause?.constructor, spki.message]).toEqual([
      adapter.DeserializeError,
      TypeError,
      'key format "spki" is not supported; use "raw" or "jwk"',
    ]);
    await expect(suite.kem.importKey('jwk', raw.buffer)).rejects.toBeInstanceOf(adapter.DeserializeError);

    // A private JWK whose public part does not match its d.
    const a = await suite.kem.deriveKeyPair(ikm(32, 1));
    const b = await suite.kem.deriveKeyPair(ikm(32, 2));
    const jwk = {
      kty: 'OKP',
      crv: 'X25519',
      x: b64url(bytes(await suite.kem.serializePublicKey(b.publicKey))),
      d: b64url(bytes(await suite.kem.serializePrivateKey(a.privateKey))),
    };
    await expect(suite.kem.importKey('jwk', jwk, false)).rejects.toBeInstanceOf(adapter.DeserializeError);
  });

  test('outputs are ArrayBuffers of their own; inputs are not changed', async () => {
    const suite = x25519();
    const rkp = await suite.kem.generateKeyPair();
    const pt = utf8('plaintext');
    const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
    const ct = await sender.seal(pt);
    const exported = await sender.export(new Uint8Array(0), 16);
    for (const out of [sender.enc, ct, exported, await suite.kem.serializePublicKey(rkp.publicKey)]) {
      expect(out).toBeInstanceOf(ArrayBuffer);
    }
    expect([sender.enc.byteLength, ct.byteLength, exported.byteLength]).toEqual([32, pt.length + 16, 16]);
    expect(new TextDecoder().decode(pt)).toBe('plaintext');
  });
});
