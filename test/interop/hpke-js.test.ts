// HPKE interop with hpke-js, in both directions, for every suite both implement: the four DHKEMs
// (X25519, P-256, P-384, P-521) × HKDF-SHA256/384/512 × AES-128-GCM, AES-256-GCM,
// ChaCha20-Poly1305 and export-only, in modes base, psk, auth and auth_psk, on random keys,
// messages, info, AAD, PSKs and exporter contexts. Runs on the default backend.
import { randomBytes, randomInt } from 'node:crypto';
import { AeadId, CipherSuite, KdfId, KemId } from 'hpke-js';
import { describe, expect, test } from 'vitest';
import {
  hpke,
  type AeadId as OurAeadId,
  type HpkeSuite,
  type KdfId as OurKdfId,
  type KemId as OurKemId,
} from 'oblivia';
import { hex } from '../helpers.js';

const KEMS = [
  KemId.DhkemX25519HkdfSha256,
  KemId.DhkemP256HkdfSha256,
  KemId.DhkemP384HkdfSha384,
  KemId.DhkemP521HkdfSha512,
];
const KDFS = [KdfId.HkdfSha256, KdfId.HkdfSha384, KdfId.HkdfSha512];
const AEADS = [AeadId.Aes128Gcm, AeadId.Aes256Gcm, AeadId.Chacha20Poly1305, AeadId.ExportOnly];
const MODES = ['base', 'psk', 'auth', 'auth_psk'] as const;
type ModeName = (typeof MODES)[number];

const SUITES = KEMS.flatMap((kem) => KDFS.flatMap((kdf) => AEADS.map((aead) => [kem, kdf, aead] as const)));
const bytes = (buffer: ArrayBuffer | Uint8Array) => new Uint8Array(buffer);
const random = (max: number) => new Uint8Array(randomBytes(randomInt(0, max + 1)));
const label = (id: number) => `0x${id.toString(16).padStart(4, '0')}`;

interface Inputs {
  info: Uint8Array;
  psk?: Uint8Array;
  pskId?: Uint8Array;
  messages: { pt: Uint8Array; aad: Uint8Array }[];
  exports: { context: Uint8Array; length: number }[];
}

function inputs(mode: ModeName, exportOnly: boolean): Inputs {
  const withPsk = mode === 'psk' || mode === 'auth_psk';
  return {
    info: random(64),
    psk: withPsk ? new Uint8Array(randomBytes(randomInt(32, 65))) : undefined,
    pskId: withPsk ? new Uint8Array(randomBytes(randomInt(1, 33))) : undefined,
    messages: exportOnly ? [] : Array.from({ length: 3 }, () => ({ pt: random(300), aad: random(40) })),
    exports: Array.from({ length: 2 }, () => ({ context: random(32), length: randomInt(0, 100) })),
  };
}

let checked = 0;

describe.each(
  SUITES.map(([kem, kdf, aead]) => [`kem ${label(kem)} kdf ${kdf} aead ${label(aead)}`, kem, kdf, aead] as const),
)('hpke-js %s', (_, kemId, kdfId, aeadId) => {
  const theirs = new CipherSuite({ kem: kemId, kdf: kdfId, aead: aeadId });
  const ours: HpkeSuite = hpke.suite({ kem: kemId as OurKemId, kdf: kdfId as OurKdfId, aead: aeadId as OurAeadId });
  const exportOnly = aeadId === AeadId.ExportOnly;

  test.each(MODES)('%s: oblivia seals, hpke-js opens', async (mode) => {
    const auth = mode === 'auth' || mode === 'auth_psk';
    const recipient = await theirs.kem.generateKeyPair();
    const pkR = bytes(await theirs.kem.serializePublicKey(recipient.publicKey));
    const sender = auth ? ours.generateKeyPair() : undefined;
    const x = inputs(mode, exportOnly);

    const { enc, context } = ours.setupSender(pkR, {
      info: x.info,
      psk: x.psk,
      pskId: x.pskId,
      skS: sender?.privateKey,
    });
    const other = await theirs.createRecipientContext({
      recipientKey: recipient,
      enc,
      info: x.info,
      psk: x.psk ? { key: x.psk, id: x.pskId! } : undefined,
      senderPublicKey: sender ? await theirs.kem.deserializePublicKey(sender.publicKey) : undefined,
    });
    for (const { pt, aad } of x.messages) {
      expect(hex(bytes(await other.open(context.seal(pt, aad), aad)))).toBe(hex(pt));
    }
    for (const { context: exporterContext, length } of x.exports) {
      expect(hex(context.export(exporterContext, length))).toBe(
        hex(bytes(await other.export(exporterContext, length))),
      );
    }
    if (!exportOnly) {
      // hpke-js's single-shot open of our single-shot seal.
      const { pt, aad } = x.messages[0]!;
      const sealed = ours.seal(pkR, pt, { info: x.info, aad, psk: x.psk, pskId: x.pskId, skS: sender?.privateKey });
      const opened = await theirs.open(
        {
          recipientKey: recipient,
          enc: sealed.enc,
          info: x.info,
          psk: x.psk ? { key: x.psk, id: x.pskId! } : undefined,
          senderPublicKey: sender ? await theirs.kem.deserializePublicKey(sender.publicKey) : undefined,
        },
        sealed.ct,
        aad,
      );
      expect(hex(bytes(opened))).toBe(hex(pt));
    }
    checked++;
  });

  test.each(MODES)('%s: hpke-js seals, oblivia opens', async (mode) => {
    const auth = mode === 'auth' || mode === 'auth_psk';
    const recipient = ours.generateKeyPair();
    const sender = auth ? await theirs.kem.generateKeyPair() : undefined;
    const pkS = sender ? bytes(await theirs.kem.serializePublicKey(sender.publicKey)) : undefined;
    const x = inputs(mode, exportOnly);
    const psk = x.psk ? { key: x.psk, id: x.pskId! } : undefined;

    const other = await theirs.createSenderContext({
      recipientPublicKey: await theirs.kem.deserializePublicKey(recipient.publicKey),
      info: x.info,
      psk,
      senderKey: sender,
    });
    const context = ours.setupReceiver(bytes(other.enc), recipient.privateKey, {
      info: x.info,
      psk: x.psk,
      pskId: x.pskId,
      pkS,
    });
    for (const { pt, aad } of x.messages) {
      expect(hex(context.open(bytes(await other.seal(pt, aad)), aad))).toBe(hex(pt));
    }
    for (const { context: exporterContext, length } of x.exports) {
      expect(hex(context.export(exporterContext, length))).toBe(
        hex(bytes(await other.export(exporterContext, length))),
      );
    }
    if (!exportOnly) {
      const { pt, aad } = x.messages[0]!;
      const sealed = await theirs.seal(
        {
          recipientPublicKey: await theirs.kem.deserializePublicKey(recipient.publicKey),
          info: x.info,
          psk,
          senderKey: sender,
        },
        pt,
        aad,
      );
      const opened = ours.open(bytes(sealed.enc), recipient.privateKey, bytes(sealed.ct), {
        info: x.info,
        aad,
        psk: x.psk,
        pskId: x.pskId,
        pkS,
      });
      expect(hex(opened)).toBe(hex(pt));
    }
    checked++;
  });
});

describe('hpke-js key formats', () => {
  test.each(KEMS.map((kem) => [label(kem), kem] as const))(
    'kem %s: each side imports the other’s serialized keys',
    async (_, kemId) => {
      const theirs = new CipherSuite({ kem: kemId, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
      const ours = hpke.suite({ kem: kemId as OurKemId, kdf: 1, aead: 1 });
      // Theirs → ours.
      const pair = await theirs.kem.generateKeyPair();
      const sk = bytes(await theirs.kem.serializePrivateKey(pair.privateKey));
      const pk = bytes(await theirs.kem.serializePublicKey(pair.publicKey));
      expect(hex(ours.getPublicKey(ours.deserializePrivateKey(sk)))).toBe(hex(pk));
      expect(hex(ours.deserializePublicKey(pk))).toBe(hex(pk));
      // Ours → theirs, and the same derived key pair from the same ikm.
      const ikm = new Uint8Array(randomBytes(ours.privateKeyLength));
      const derived = ours.deriveKeyPair(ikm);
      const theirDerived = await theirs.kem.deriveKeyPair(ikm);
      expect(hex(bytes(await theirs.kem.serializePublicKey(theirDerived.publicKey)))).toBe(hex(derived.publicKey));
      const imported = await theirs.kem.deserializePrivateKey(ours.serializePrivateKey(derived.privateKey));
      expect(hex(bytes(await theirs.kem.serializePrivateKey(imported)))).toBe(
        hex(ours.serializePrivateKey(derived.privateKey)),
      );
    },
  );

  test('every suite and mode ran in both directions', () => {
    expect(SUITES.length).toBe(48);
    expect(checked).toBe(48 * MODES.length * 2);
  });
});
