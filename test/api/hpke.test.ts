// HPKE API behaviour on the active backend: round trips in every mode for every KEM (P-384 has no
// RFC vectors, so this is its own-backend check), authentication failures, the sequence-number
// limit, export-only suites, key (de)serialization, and typed argument errors.
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hpke, chacha20poly1305, CryptoError, p256, sha256, sha512, type HpkeSuite } from 'oblivia';
import { aeadById } from 'oblivia/hpke/hpke-aead.js';
import { ReceiverContext, SenderContext } from 'oblivia/hpke/encryption-context.js';
import { kdfById } from 'oblivia/hpke/hpke-kdf.js';
import { dhkem } from 'oblivia/hpke/dhkem.js';
import { hpkeSuiteId, kemSuiteId, labeledKdf } from 'oblivia/hpke/labeled.js';
import { hex, unhex } from '../helpers.js';

const rand = (n: number) => new Uint8Array(randomBytes(n));
const x25519Suite = hpke.suite({
  kem: hpke.KEM.X25519_HKDF_SHA256,
  kdf: hpke.KDF.HKDF_SHA256,
  aead: hpke.AEAD.CHACHA20_POLY1305,
});
const p256Suite = hpke.suite({
  kem: hpke.KEM.P256_HKDF_SHA256,
  kdf: hpke.KDF.HKDF_SHA256,
  aead: hpke.AEAD.AES_128_GCM,
});

describe('constants', () => {
  test('the RFC 9180 ids', () => {
    expect([
      hpke.KEM.P256_HKDF_SHA256,
      hpke.KEM.P384_HKDF_SHA384,
      hpke.KEM.P521_HKDF_SHA512,
      hpke.KEM.X25519_HKDF_SHA256,
    ]).toEqual([0x10, 0x11, 0x12, 0x20]);
    expect([hpke.KDF.HKDF_SHA256, hpke.KDF.HKDF_SHA384, hpke.KDF.HKDF_SHA512]).toEqual([1, 2, 3]);
    expect([hpke.AEAD.AES_128_GCM, hpke.AEAD.AES_256_GCM, hpke.AEAD.CHACHA20_POLY1305, hpke.AEAD.EXPORT_ONLY]).toEqual([
      1, 2, 3, 0xffff,
    ]);
  });

  test('suite lengths', () => {
    expect(x25519Suite).toMatchObject({
      kem: 0x20,
      kdf: 1,
      aead: 3,
      publicKeyLength: 32,
      privateKeyLength: 32,
      encLength: 32,
      tagLength: 16,
    });
    const p521 = hpke.suite({ kem: hpke.KEM.P521_HKDF_SHA512, kdf: hpke.KDF.HKDF_SHA512, aead: hpke.AEAD.EXPORT_ONLY });
    expect(p521).toMatchObject({ publicKeyLength: 133, privateKeyLength: 66, encLength: 133, tagLength: 0 });
  });
});

const MODES = [
  ['base', false, false],
  ['psk', true, false],
  ['auth', false, true],
  ['auth_psk', true, true],
] as const;

const SUITES: [string, HpkeSuite][] = [
  ['X25519 / SHA-256 / ChaCha20-Poly1305', x25519Suite],
  ['P-256 / SHA-256 / AES-128-GCM', p256Suite],
  [
    'P-384 / SHA-384 / AES-256-GCM',
    hpke.suite({ kem: hpke.KEM.P384_HKDF_SHA384, kdf: hpke.KDF.HKDF_SHA384, aead: hpke.AEAD.AES_256_GCM }),
  ],
  [
    'P-521 / SHA-512 / ChaCha20-Poly1305',
    hpke.suite({ kem: hpke.KEM.P521_HKDF_SHA512, kdf: hpke.KDF.HKDF_SHA512, aead: hpke.AEAD.CHACHA20_POLY1305 }),
  ],
];

describe.each(SUITES)('%s', (_, suite) => {
  test.each(MODES)(
    '%s: contexts and single-shot round trips; wrong inputs fail with INVALID_TAG',
    (_, withPsk, auth) => {
      const recipient = suite.generateKeyPair();
      const sender = auth ? suite.generateKeyPair() : undefined;
      const info = rand(20);
      const psk = withPsk ? { psk: rand(32), pskId: rand(8) } : {};
      const { enc, context: s } = suite.setupSender(recipient.publicKey, { info, ...psk, skS: sender?.privateKey });
      expect(enc.length).toBe(suite.encLength);
      const r = suite.setupReceiver(enc, recipient.privateKey, { info, ...psk, pkS: sender?.publicKey });
      const cts = [rand(0), rand(1), rand(100)].map((pt) => ({ pt, ct: s.seal(pt, pt) }));
      // Out of order: the second message does not open at sequence number 0, and nothing advances.
      expect(() => r.open(cts[1]!.ct, cts[1]!.pt)).toThrow(new CryptoError('INVALID_TAG'));
      for (const { pt, ct } of cts) expect(hex(r.open(ct, pt))).toBe(hex(pt));
      expect(hex(r.export(rand(0), 0))).toBe('');
      const context = rand(5);
      expect(hex(r.export(context, 77))).toBe(hex(s.export(context, 77)));

      const pt = rand(33);
      const aad = rand(7);
      const sealed = suite.seal(recipient.publicKey, pt, { info, aad, ...psk, skS: sender?.privateKey });
      const options = { info, aad, ...psk, pkS: sender?.publicKey };
      expect(hex(suite.open(sealed.enc, recipient.privateKey, sealed.ct, options))).toBe(hex(pt));
      expect(hex(suite.open(sealed.enc, recipient, sealed.ct, options))).toBe(hex(pt));
      expect(hex(suite.setupReceiver(sealed.enc, recipient, options).open(sealed.ct, aad))).toBe(hex(pt));
      // Every input is bound: AAD, info, the PSK, the sender's key, the recipient's key, enc.
      const fails = (f: () => unknown) => expect(f).toThrow(new CryptoError('INVALID_TAG'));
      fails(() => suite.open(sealed.enc, recipient.privateKey, sealed.ct, { ...options, aad: rand(7) }));
      fails(() => suite.open(sealed.enc, recipient.privateKey, sealed.ct, { ...options, info: rand(20) }));
      if (withPsk) fails(() => suite.open(sealed.enc, recipient.privateKey, sealed.ct, { ...options, psk: rand(32) }));
      if (auth)
        fails(() =>
          suite.open(sealed.enc, recipient.privateKey, sealed.ct, {
            ...options,
            pkS: suite.generateKeyPair().publicKey,
          }),
        );
      fails(() => suite.open(sealed.enc, suite.generateKeyPair().privateKey, sealed.ct, options));
      fails(() => suite.open(suite.generateKeyPair().publicKey, recipient.privateKey, sealed.ct, options));
      // A different mode does not open either.
      if (withPsk)
        fails(() => suite.open(sealed.enc, recipient.privateKey, sealed.ct, { info, aad, pkS: sender?.publicKey }));
      if (auth) fails(() => suite.open(sealed.enc, recipient.privateKey, sealed.ct, { info, aad, ...psk }));

      const exported = suite.sendExport(recipient.publicKey, context, 16, { info, ...psk, skS: sender?.privateKey });
      expect(
        hex(
          suite.receiveExport(exported.enc, recipient.privateKey, context, 16, {
            info,
            ...psk,
            pkS: sender?.publicKey,
          }),
        ),
      ).toBe(hex(exported.exported));
    },
  );

  test('deriveKeyPair is deterministic; keys serialize', () => {
    const ikm = rand(suite.privateKeyLength);
    const a = suite.deriveKeyPair(ikm);
    expect(hex(suite.deriveKeyPair(ikm).privateKey)).toBe(hex(a.privateKey));
    expect(hex(suite.getPublicKey(a.privateKey))).toBe(hex(a.publicKey));
    expect(hex(suite.serializePublicKey(a.publicKey))).toBe(hex(a.publicKey));
    expect(hex(suite.deserializePublicKey(a.publicKey))).toBe(hex(a.publicKey));
    const sk = suite.serializePrivateKey(a.privateKey);
    expect(hex(suite.getPublicKey(suite.deserializePrivateKey(sk)))).toBe(hex(a.publicKey));
    expect(() => suite.deriveKeyPair(rand(suite.privateKeyLength - 1))).toThrow(
      new RangeError(
        `"ikm" expected Uint8Array of length >= ${suite.privateKeyLength}, got length=${suite.privateKeyLength - 1}`,
      ),
    );
  });

  test('skE (known-answer tests): the same enc and messages as the ikmE it derives from; left unmodified', () => {
    const recipient = suite.generateKeyPair();
    const ikmE = rand(suite.privateKeyLength);
    const skE = suite.deriveKeyPair(ikmE).privateKey;
    const before = hex(skE);
    const pt = rand(20);
    const fromIkm = suite.seal(recipient.publicKey, pt, { ikmE });
    expect(suite.seal(recipient.publicKey, pt, { skE })).toEqual(fromIkm);
    const { enc, context } = suite.setupSender(recipient.publicKey, { skE });
    expect([hex(enc), hex(context.seal(pt))]).toEqual([hex(fromIkm.enc), hex(fromIkm.ct)]);
    expect(hex(skE)).toBe(before);
    expect(() => suite.seal(recipient.publicKey, pt, { ikmE, skE })).toThrow(
      new TypeError('"ikmE" and "skE" are exclusive'),
    );
    expect(() => suite.setupSender(recipient.publicKey, { skE: skE.subarray(1) })).toThrow(RangeError);
  });
});

describe('DeriveKeyPair rejection sampling (§7.1.3)', () => {
  const ascii = (text: string) => new TextEncoder().encode(text);
  /** The candidate with this counter, computed here from LabeledExtract / LabeledExpand. */
  function candidate(
    kem: number,
    hash: typeof sha256,
    ikm: Uint8Array,
    counter: number,
    length: number,
    bitmask: number,
  ) {
    const kdf = labeledKdf(hash, kemSuiteId(kem));
    const bytes = kdf.expand(
      kdf.extract(new Uint8Array(0), ascii('dkp_prk'), ikm),
      ascii('candidate'),
      Uint8Array.of(counter),
      length,
    );
    bytes[0]! &= bitmask;
    return bytes;
  }

  test('a rejected candidate moves on to the next counter', () => {
    let calls = 0;
    const picky = { ...p256, isValidSecretKey: (sk: Uint8Array) => ++calls > 2 && p256.isValidSecretKey(sk) };
    const ikm = rand(32);
    const pair = dhkem(0x10, picky, sha256, 32, 0xff).deriveKeyPair(ikm);
    expect(calls).toBe(3);
    expect(hex(pair.privateKey)).toBe(hex(candidate(0x10, sha256, ikm, 2, 32, 0xff)));
    expect(hex(pair.publicKey)).toBe(hex(p256.getPublicKey(pair.privateKey)));
  });

  test('the P-521 bitmask keeps 521 bits', () => {
    const ikm = rand(66);
    const pair = hpke.suite({ kem: hpke.KEM.P521_HKDF_SHA512, kdf: 3, aead: 3 }).deriveKeyPair(ikm);
    expect(hex(pair.privateKey)).toBe(hex(candidate(0x12, sha512, ikm, 0, 66, 0x01)));
    expect(pair.privateKey[0]).toBeLessThanOrEqual(1);
  });

  test('256 rejected candidates: DeriveKeyPairError as CryptoError INVALID_SCALAR', () => {
    let calls = 0;
    const never = { ...p256, isValidSecretKey: () => (calls++, false) };
    expect(() => dhkem(0x10, never, sha256, 32, 0xff).deriveKeyPair(rand(32))).toThrow(
      new CryptoError('INVALID_SCALAR'),
    );
    expect(calls).toBe(256);
  });
});

describe('keys', () => {
  test('X25519 private keys serialize clamped (RFC 9180 §7.1.2)', () => {
    const sk = new Uint8Array(32).fill(0xff);
    const clamped = x25519Suite.serializePrivateKey(sk);
    expect(clamped[0]).toBe(0xf8);
    expect(clamped[31]).toBe(0x7f);
    expect(hex(x25519Suite.deserializePrivateKey(sk))).toBe(hex(clamped));
    expect(hex(x25519Suite.getPublicKey(clamped))).toBe(hex(x25519Suite.getPublicKey(sk)));
    expect(hex(sk)).toBe('ff'.repeat(32)); // input untouched
  });

  test('NIST private keys outside [1, n-1]: INVALID_SCALAR', () => {
    const n = unhex('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
    expect(() => p256Suite.deserializePrivateKey(new Uint8Array(32))).toThrow(new CryptoError('INVALID_SCALAR'));
    expect(() => p256Suite.deserializePrivateKey(n)).toThrow(new CryptoError('INVALID_SCALAR'));
    expect(() => p256Suite.serializePrivateKey(new Uint8Array(32).fill(0xff))).toThrow(
      new CryptoError('INVALID_SCALAR'),
    );
    expect(() => p256Suite.setupSender(p256Suite.generateKeyPair().publicKey, { skE: n })).toThrow(
      new CryptoError('INVALID_SCALAR'),
    );
  });

  describe.each(SUITES)('%s', (_, suite) => {
    test('inputs larger than the core window: messages, info and AAD of 70 000 bytes', () => {
      const recipient = suite.generateKeyPair();
      const large = rand(70_000);
      const small = rand(10);
      for (const [pt, info, aad] of [
        [large, small, small],
        [small, large, small],
        [small, small, large],
      ]) {
        const { enc, ct } = suite.seal(recipient.publicKey, pt!, { info, aad });
        expect(ct.length).toBe(pt!.length + 16);
        expect(hex(suite.open(enc, recipient, ct, { info, aad }))).toBe(hex(pt!));
        const { enc: enc2, context } = suite.setupSender(recipient.publicKey, { info });
        expect(hex(suite.setupReceiver(enc2, recipient.privateKey, { info }).open(context.seal(pt!, aad), aad))).toBe(
          hex(pt!),
        );
      }
    });

    test('a key pair whose public key is not its own fails to open (INVALID_TAG)', () => {
      const recipient = suite.generateKeyPair();
      const { enc, ct } = suite.seal(recipient.publicKey, rand(5));
      const mismatched = { privateKey: recipient.privateKey, publicKey: suite.generateKeyPair().publicKey };
      expect(() => suite.open(enc, mismatched, ct)).toThrow(new CryptoError('INVALID_TAG'));
      expect(() => suite.open(enc, { privateKey: recipient.privateKey } as never, ct)).toThrow(
        new TypeError('"skR.publicKey" expected Uint8Array, got undefined'),
      );
    });
  });

  test('invalid public keys: INVALID_POINT (NIST) and IDENTITY (X25519 low order)', () => {
    const pk = p256Suite.generateKeyPair().publicKey;
    pk[64]! ^= 1; // off the curve
    expect(() => p256Suite.deserializePublicKey(pk)).toThrow(new CryptoError('INVALID_POINT'));
    expect(() => p256Suite.seal(pk, rand(1))).toThrow(new CryptoError('INVALID_POINT'));
    const compressed = new Uint8Array(65);
    compressed[0] = 0x02;
    expect(() => p256Suite.setupReceiver(compressed, p256Suite.generateKeyPair().privateKey)).toThrow(
      new CryptoError('INVALID_POINT'),
    );
    expect(() => x25519Suite.seal(new Uint8Array(32), rand(1))).toThrow(new CryptoError('IDENTITY'));
    expect(() => x25519Suite.setupReceiver(new Uint8Array(32), rand(32))).toThrow(new CryptoError('IDENTITY'));
  });
});

describe('contexts', () => {
  /** A sender and a receiver over the same random secrets, starting at sequence number `seq`. */
  function pair(seq: Uint8Array) {
    const kdf = labeledKdf(kdfById(1)!, hpkeSuiteId(0x20, 1, 3));
    const secrets = () => ({
      key: new Uint8Array(key),
      baseNonce: new Uint8Array(baseNonce),
      exporterSecret: rand(32),
      keyScheduleContext: rand(0),
    });
    const key = rand(32);
    const baseNonce = rand(12);
    return {
      key,
      baseNonce,
      sender: new SenderContext(kdf, aeadById(3)!, secrets(), seq),
      receiver: new ReceiverContext(kdf, aeadById(3)!, secrets(), seq),
    };
  }

  test('the message limit: sequence numbers up to 2^96 − 2, then CryptoError LIMIT', () => {
    const seq = new Uint8Array(12).fill(0xff);
    seq[11] = 0xfd;
    const { key, baseNonce, sender, receiver } = pair(seq);
    const a = sender.seal(unhex('01'));
    const b = sender.seal(unhex('02'));
    expect(() => sender.seal(unhex('03'))).toThrow(new CryptoError('LIMIT'));
    expect(() => sender.seal(unhex('03'))).toThrow(new CryptoError('LIMIT'));
    // ComputeNonce: base_nonce XOR I2OSP(seq, 12) at seq = 2^96 − 2.
    const nonce = baseNonce.map((byte, i) => byte ^ (i === 11 ? 0xfe : 0xff));
    expect(hex(b)).toBe(hex(chacha20poly1305(key, nonce).encrypt(unhex('02'))));
    expect(hex(receiver.open(a))).toBe('01');
    expect(hex(receiver.open(b))).toBe('02');
    expect(() => receiver.open(b)).toThrow(new CryptoError('LIMIT'));
  });

  test('sequence numbers carry across bytes', () => {
    const seq = new Uint8Array(12);
    seq[10] = 0x01;
    seq[11] = 0xff;
    const { key, baseNonce, sender } = pair(seq);
    sender.seal(rand(1));
    const ct = sender.seal(unhex('aa'));
    const nonce = new Uint8Array(baseNonce);
    nonce[10]! ^= 0x02;
    expect(hex(ct)).toBe(hex(chacha20poly1305(key, nonce).encrypt(unhex('aa'))));
  });

  test('destroy wipes the secrets; later calls throw TypeError', () => {
    const { enc, context } = x25519Suite.setupSender(x25519Suite.generateKeyPair().publicKey);
    expect(enc.length).toBe(32);
    context.destroy();
    expect(() => context.seal(rand(1))).toThrow(TypeError);
    expect(() => context.export(rand(1), 32)).toThrow(TypeError);
  });

  test('export length: at most 255·Nh', () => {
    const { context } = x25519Suite.setupSender(x25519Suite.generateKeyPair().publicKey);
    expect(context.export(rand(0), 255 * 32).length).toBe(8160);
    expect(() => context.export(rand(0), 8161)).toThrow(
      new RangeError('"length" expected integer in [0, 8160], got 8161'),
    );
    expect(() => context.export('x' as never, 1)).toThrow(
      new TypeError('"exporterContext" expected Uint8Array, got string'),
    );
  });
});

describe('export-only suites', () => {
  const suite = hpke.suite({
    kem: hpke.KEM.X25519_HKDF_SHA256,
    kdf: hpke.KDF.HKDF_SHA256,
    aead: hpke.AEAD.EXPORT_ONLY,
  });
  const recipient = suite.generateKeyPair();

  test('seal and open throw TypeError; export works', () => {
    const message = /hpke.AEAD.EXPORT_ONLY \(0xffff\)/;
    expect(() => suite.seal(recipient.publicKey, rand(1))).toThrow(message);
    expect(() => suite.seal(recipient.publicKey, rand(1))).toThrow(TypeError);
    expect(() => suite.open(rand(32), recipient.privateKey, rand(16))).toThrow(TypeError);
    const { enc, context } = suite.setupSender(recipient.publicKey);
    expect(() => context.seal(rand(1))).toThrow(TypeError);
    const r = suite.setupReceiver(enc, recipient.privateKey);
    expect(() => r.open(rand(16))).toThrow(TypeError);
    expect(hex(r.export(unhex('00'), 32))).toBe(hex(context.export(unhex('00'), 32)));
  });
});

describe('arguments', () => {
  const { publicKey, privateKey } = x25519Suite.generateKeyPair();

  test('suite ids: TypeError for a non-number, RangeError for an unsupported id', () => {
    expect(() => hpke.suite({ kem: 0x21 as never, kdf: 1, aead: 1 })).toThrow(
      new RangeError('"kem" expected one of 0x0010, 0x0011, 0x0012, 0x0020, got 0x0021'),
    );
    expect(() => hpke.suite({ kem: 0x20, kdf: 4 as never, aead: 1 })).toThrow(
      new RangeError('"kdf" expected one of 0x0001, 0x0002, 0x0003, got 0x0004'),
    );
    expect(() => hpke.suite({ kem: 0x20, kdf: 1, aead: 0 as never })).toThrow(
      new RangeError('"aead" expected one of 0x0001, 0x0002, 0x0003, 0xffff, got 0x0000'),
    );
    expect(() => hpke.suite({ kem: 0x20, kdf: 1, aead: 1.5 as never })).toThrow(RangeError);
    expect(() => hpke.suite({ kem: '32' as never, kdf: 1, aead: 1 })).toThrow(
      new TypeError('"kem" expected number, got string'),
    );
    expect(() => hpke.suite({ kem: 0x20, kdf: 1 } as never)).toThrow(
      new TypeError('"aead" expected number, got undefined'),
    );
    expect(() => hpke.suite(undefined as never)).toThrow(TypeError);
  });

  test('keys, enc and ciphertexts: RangeError on length, TypeError on type', () => {
    expect(() => x25519Suite.seal(publicKey.subarray(1), rand(1))).toThrow(
      new RangeError('"pkR" expected Uint8Array of length 32, got length=31'),
    );
    expect(() => x25519Suite.seal([...publicKey] as never, rand(1))).toThrow(
      new TypeError('"pkR" expected Uint8Array, got object'),
    );
    expect(() => x25519Suite.seal(publicKey, 'hi' as never)).toThrow(
      new TypeError('"pt" expected Uint8Array, got string'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), { aad: 1 as never })).toThrow(
      new TypeError('"aad" expected Uint8Array, got number'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), { info: 'x' as never })).toThrow(
      new TypeError('"info" expected Uint8Array, got string'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), { skS: rand(31) })).toThrow(
      new RangeError('"skS" expected Uint8Array of length 32, got length=31'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), 'opts' as never)).toThrow(
      new TypeError('"options" expected object, got string'),
    );
    expect(() => x25519Suite.open(rand(33), privateKey, rand(16))).toThrow(
      new RangeError('"enc" expected Uint8Array of length 32, got length=33'),
    );
    expect(() => x25519Suite.open(rand(32), rand(16), rand(16))).toThrow(
      new RangeError('"skR" expected Uint8Array of length 32, got length=16'),
    );
    expect(() => x25519Suite.open(rand(32), privateKey, rand(15))).toThrow(
      new RangeError('"ct" expected Uint8Array of length >= 16, got length=15'),
    );
    expect(() => x25519Suite.open(rand(32), privateKey, rand(16), { pkS: rand(33) })).toThrow(
      new RangeError('"pkS" expected Uint8Array of length 32, got length=33'),
    );
    const r = x25519Suite.setupReceiver(x25519Suite.setupSender(publicKey).enc, privateKey);
    expect(() => r.open(rand(15))).toThrow(new RangeError('"ct" expected Uint8Array of length >= 16, got length=15'));
    expect(() => x25519Suite.deriveKeyPair('ikm' as never)).toThrow(
      new TypeError('"ikm" expected Uint8Array, got string'),
    );
  });

  test('PSK inputs (§5.1.1): both or neither, psk ≥ 32 bytes, pskId non-empty', () => {
    expect(() => x25519Suite.seal(publicKey, rand(1), { psk: rand(32) })).toThrow(
      new TypeError('"pskId" expected Uint8Array, got undefined'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), { pskId: rand(4) })).toThrow(
      new TypeError('"psk" expected Uint8Array, got undefined'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), { psk: rand(31), pskId: rand(4) })).toThrow(
      new RangeError('"psk" expected Uint8Array of length >= 32, got length=31'),
    );
    expect(() => x25519Suite.seal(publicKey, rand(1), { psk: rand(32), pskId: rand(0) })).toThrow(
      new RangeError('"pskId" expected Uint8Array of length >= 1, got length=0'),
    );
    expect(() => x25519Suite.setupReceiver(rand(32), privateKey, { pskId: rand(4) })).toThrow(TypeError);
  });

  test('inputs are not modified', () => {
    const pt = rand(50);
    const aad = rand(5);
    const info = rand(5);
    const psk = rand(32);
    const pskId = rand(3);
    const before = [publicKey, privateKey, pt, aad, info, psk, pskId].map(hex);
    const { enc, ct } = x25519Suite.seal(publicKey, pt, { aad, info, psk, pskId, skS: privateKey });
    const encBefore = hex(enc);
    const ctBefore = hex(ct);
    expect(hex(x25519Suite.open(enc, privateKey, ct, { aad, info, psk, pskId, pkS: publicKey }))).toBe(hex(pt));
    expect([publicKey, privateKey, pt, aad, info, psk, pskId].map(hex)).toEqual(before);
    expect([hex(enc), hex(ct)]).toEqual([encBefore, ctBefore]);
  });
});
