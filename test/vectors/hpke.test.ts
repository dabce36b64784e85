// RFC 9180 test vectors (../shared/vectors/hpke/test-vectors.json): every vector set whose suite
// is supported, in every mode, on the active backend. The sender's ephemeral key is replayed from
// ikmE. Checked: the derived key pairs, enc, shared_secret, key_schedule_context, key, base_nonce
// and exporter_secret (through the internal KEM and key schedule), then every encryption in order
// on a sender context and every decryption on a receiver context, every export on both sides, and
// the single-shot API on the first message. Only X448 (KEM 0x0021) sets are skipped.
import { describe, expect, test } from 'vitest';
import { CryptoError, hpke, type AeadId, type KdfId, type KemId } from 'oblivia';
import { aeadById } from 'oblivia/hpke/hpke-aead.js';
import { kdfById } from 'oblivia/hpke/hpke-kdf.js';
import { kemById } from 'oblivia/hpke/dhkem.js';
import { hpkeSuiteId, labeledKdf } from 'oblivia/hpke/labeled.js';
import { keySchedule } from 'oblivia/hpke/key-schedule.js';
import { hex, readJsonVector, unhex } from '../helpers.js';

interface Encryption {
  aad: string;
  ct: string;
  nonce: string;
  pt: string;
}

interface Export {
  exporter_context: string;
  L: number;
  exported_value: string;
}

interface VectorSet {
  mode: 0 | 1 | 2 | 3;
  kem_id: number;
  kdf_id: number;
  aead_id: number;
  info: string;
  ikmR: string;
  ikmS?: string;
  ikmE: string;
  skRm: string;
  skSm?: string;
  skEm: string;
  psk?: string;
  psk_id?: string;
  pkRm: string;
  pkSm?: string;
  pkEm: string;
  enc: string;
  shared_secret: string;
  key_schedule_context: string;
  secret: string;
  key: string;
  base_nonce: string;
  exporter_secret: string;
  encryptions: Encryption[];
  exports: Export[];
}

const X448 = 0x0021;
const SETS = readJsonVector<VectorSet[]>('hpke/test-vectors.json');
const supported = SETS.filter((set) => set.kem_id !== X448);
const skipped = SETS.filter((set) => set.kem_id === X448);

const counts = { sets: 0, sealed: 0, opened: 0, exports: 0 };

/** RFC 7748 §5 decodeScalar25519 clamping, which §7.1.2 applies to serialized X25519 keys. */
function clamp(sk: Uint8Array): Uint8Array {
  const out = new Uint8Array(sk);
  out[0]! &= 248;
  out[31]! &= 127;
  out[31]! |= 64;
  return out;
}

const name = (set: VectorSet) =>
  `kem 0x${set.kem_id.toString(16).padStart(4, '0')} kdf ${set.kdf_id} aead 0x${set.aead_id.toString(16)} mode ${set.mode}`;

describe('RFC 9180 test vectors', () => {
  test('the file holds 128 sets: 96 supported, 32 X448 skipped', () => {
    expect(SETS.length).toBe(128);
    expect(supported.length).toBe(96);
    expect(skipped.length).toBe(32);
    // Every supported set's suite is known to the API.
    for (const set of supported) {
      expect(() =>
        hpke.suite({ kem: set.kem_id as KemId, kdf: set.kdf_id as KdfId, aead: set.aead_id as AeadId }),
      ).not.toThrow();
    }
    expect(() => hpke.suite({ kem: X448 as KemId, kdf: 1, aead: 1 })).toThrow(RangeError);
  });

  test.each(supported.map((set) => [name(set), set] as const))('%s', (_, set) => {
    const suite = hpke.suite({ kem: set.kem_id as KemId, kdf: set.kdf_id as KdfId, aead: set.aead_id as AeadId });
    const exportOnly = set.aead_id === 0xffff;
    const info = unhex(set.info);
    const psk = set.psk === undefined ? undefined : unhex(set.psk);
    const pskId = set.psk_id === undefined ? undefined : unhex(set.psk_id);
    const auth = set.mode === 2 || set.mode === 3;
    expect(psk !== undefined).toBe(set.mode === 1 || set.mode === 3);

    // Key pairs (§7.1.3) and serialization (§7.1.2).
    const recipient = suite.deriveKeyPair(unhex(set.ikmR));
    expect(hex(recipient.privateKey)).toBe(set.skRm);
    expect(hex(recipient.publicKey)).toBe(set.pkRm);
    const ephemeral = suite.deriveKeyPair(unhex(set.ikmE));
    expect(hex(ephemeral.privateKey)).toBe(set.skEm);
    expect(hex(ephemeral.publicKey)).toBe(set.pkEm);
    const sender = auth ? suite.deriveKeyPair(unhex(set.ikmS!)) : undefined;
    if (sender) {
      expect(hex(sender.privateKey)).toBe(set.skSm);
      expect(hex(sender.publicKey)).toBe(set.pkSm);
    }
    const skR = unhex(set.skRm);
    const serialized = set.kem_id === 0x0020 ? hex(clamp(skR)) : set.skRm;
    expect(hex(suite.serializePrivateKey(skR))).toBe(serialized);
    expect(hex(suite.deserializePrivateKey(skR))).toBe(serialized);
    expect(hex(suite.deserializePublicKey(unhex(set.pkRm)))).toBe(set.pkRm);

    // The KEM's shared secret and the key schedule, through the internal modules. (The sender's
    // side of the KEM shows in enc and in every ciphertext below; scalar multiplications are kept
    // few, since P-521 dominates the time of this file.)
    expect(hex(kemById(set.kem_id)!.decap(unhex(set.enc), skR, recipient.publicKey, sender?.publicKey))).toBe(
      set.shared_secret,
    );
    const secrets = keySchedule(
      labeledKdf(kdfById(set.kdf_id)!, hpkeSuiteId(set.kem_id, set.kdf_id, set.aead_id)),
      aeadById(set.aead_id)!,
      set.mode,
      unhex(set.shared_secret),
      info,
      psk === undefined ? undefined : { psk, pskId: pskId! },
    );
    expect(hex(secrets.keyScheduleContext)).toBe(set.key_schedule_context);
    expect(hex(secrets.key)).toBe(set.key);
    expect(hex(secrets.baseNonce)).toBe(set.base_nonce);
    expect(hex(secrets.exporterSecret)).toBe(set.exporter_secret);

    // The public API: contexts with the replayed ephemeral key.
    const { enc, context: s } = suite.setupSender(recipient.publicKey, {
      info,
      psk,
      pskId,
      skS: sender?.privateKey,
      ikmE: unhex(set.ikmE),
    });
    expect(hex(enc)).toBe(set.enc);
    const r = suite.setupReceiver(enc, skR, { info, psk, pskId, pkS: sender?.publicKey });

    if (exportOnly) {
      expect(set.encryptions.length).toBe(0);
      expect(() => s.seal(new Uint8Array(1))).toThrow(TypeError);
      expect(() => r.open(new Uint8Array(16))).toThrow(TypeError);
    } else {
      expect(set.encryptions.length).toBe(257);
      // A forged first message fails without consuming its sequence number.
      const first = unhex(set.encryptions[0]!.ct);
      first[0]! ^= 1;
      expect(() => r.open(first, unhex(set.encryptions[0]!.aad))).toThrow(new CryptoError('INVALID_TAG'));
    }
    let mismatches = 0;
    for (const e of set.encryptions) {
      const pt = unhex(e.pt);
      const aad = unhex(e.aad);
      if (hex(s.seal(pt, aad)) !== e.ct) mismatches++;
      if (hex(r.open(unhex(e.ct), aad)) !== e.pt) mismatches++;
    }
    expect(mismatches).toBe(0);
    counts.sealed += set.encryptions.length;
    counts.opened += set.encryptions.length;

    expect(set.exports.length).toBe(3);
    for (const x of set.exports) {
      const context = unhex(x.exporter_context);
      expect(hex(s.export(context, x.L))).toBe(x.exported_value);
      expect(hex(r.export(context, x.L))).toBe(x.exported_value);
      counts.exports++;
    }
    s.destroy();
    r.destroy();

    // Single-shot (§6): the first message, or for export-only suites the last export.
    const options = { info, psk, pskId, pkS: sender?.publicKey };
    if (!exportOnly) {
      const e = set.encryptions[0]!;
      const aad = unhex(e.aad);
      const sealed = suite.seal(recipient.publicKey, unhex(e.pt), {
        info,
        psk,
        pskId,
        skS: sender?.privateKey,
        ikmE: unhex(set.ikmE),
        aad,
      });
      expect([hex(sealed.enc), hex(sealed.ct)]).toEqual([set.enc, e.ct]);
      expect(hex(suite.open(enc, skR, unhex(e.ct), { ...options, aad }))).toBe(e.pt);
      expect(hex(suite.open(enc, recipient, unhex(e.ct), { ...options, aad }))).toBe(e.pt);
    } else {
      expect(() => suite.open(enc, skR, new Uint8Array(16), options)).toThrow(TypeError);
      const x = set.exports[2]!;
      expect(hex(suite.receiveExport(enc, skR, unhex(x.exporter_context), x.L, options))).toBe(x.exported_value);
    }
    counts.sets++;
  });

  test('counts: 96 sets run, 32 skipped (X448); 18504 encryptions sealed and opened; 288 exports', () => {
    expect(counts.sets).toBe(96);
    expect(skipped.every((set) => set.kem_id === X448)).toBe(true);
    expect(counts.sealed).toBe(18504);
    expect(counts.opened).toBe(18504);
    expect(counts.exports).toBe(288);
    // Per KEM: 32 sets each, 24 with 257 encryptions (the other 8 are export-only).
    for (const kem of [0x0010, 0x0012, 0x0020]) {
      const sets = supported.filter((set) => set.kem_id === kem);
      expect(sets.length).toBe(32);
      expect(sets.reduce((n, set) => n + set.encryptions.length, 0)).toBe(24 * 257);
    }
    expect(supported.some((set) => set.kem_id === 0x0011)).toBe(false); // no P-384 sets in the file
  });
});
