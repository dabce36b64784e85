// The public HPKE object (RFC 9180): hpke.suite({ kem, kdf, aead }) gives key generation and
// (de)serialization, the two-step API (setupSender / setupReceiver → contexts) and the
// single-shot API of §6 (seal / open, sendExport / receiveExport). The mode (§5) follows from the
// options: `psk` + `pskId` select psk, `skS` (sender) / `pkS` (receiver) select auth, all three
// auth_psk, none base.
import { active } from '../backend/select.js';
import type { HpkeInputs, HpkeParams } from '../backend/backend.js';
import { bytes, describe, integer, optionalBytes, optionsArgument } from '../utils/arguments.js';
import { EMPTY } from '../utils/bytes.js';
import { aeadById, type HpkeAead } from './hpke-aead.js';
import { ReceiverContext, SenderContext } from './encryption-context.js';
import { AEAD, KDF, KEM, MODE, hexId, type AeadId, type KdfId, type KemId, type Mode } from './ids.js';
import { kdfById } from './hpke-kdf.js';
import { kemById, type KeyPair } from './dhkem.js';
import { hpkeSuiteId, labeledKdf, type LabeledKdf } from './labeled.js';
import { keySchedule, pskArguments, splitSecrets, type ContextSecrets, type Psk } from './key-schedule.js';

export type { KeyPair } from './dhkem.js';
export type { ReceiverContext, SenderContext } from './encryption-context.js';

/** The algorithms of an HPKE suite, by their RFC 9180 §7 ids ({@link hpke.KEM}, {@link hpke.KDF}, {@link hpke.AEAD}). */
export interface HpkeSuiteIds {
  /** The KEM id ({@link hpke.KEM}). */
  kem: KemId;
  /** The KDF id ({@link hpke.KDF}). */
  kdf: KdfId;
  /** The AEAD id ({@link hpke.AEAD}). */
  aead: AeadId;
}

interface PskOptions {
  /** Application info bound to the context; empty if absent. */
  info?: Uint8Array;
  /** Pre-shared key (at least 32 bytes); requires `pskId`. */
  psk?: Uint8Array;
  /** Its identifier (at least one byte); requires `psk`. */
  pskId?: Uint8Array;
}

/** The sender's options of {@link HpkeSuite.setupSender}; they select the mode (§5): `psk` + `pskId`, `skS` (auth), or both. */
export interface SenderOptions extends PskOptions {
  /** The sender's private key: auth mode. */
  skS?: Uint8Array;
  /**
   * Known-answer tests only: derive the ephemeral key pair from this input keying material
   * (DeriveKeyPair(ikmE), as the RFC 9180 vectors do) instead of drawing it at random. Reusing
   * an ikmE reuses the ephemeral key and breaks the security of every message sent with it.
   */
  ikmE?: Uint8Array;
  /**
   * Known-answer tests only: the ephemeral private key itself, for vectors that give skE rather
   * than ikmE (RFC 9458 Appendix A). Excludes `ikmE`; the same warning applies.
   */
  skE?: Uint8Array;
}

/** The receiver's options of {@link HpkeSuite.setupReceiver}: the sender's, mirrored (`pkS` for auth). */
export interface ReceiverOptions extends PskOptions {
  /** The sender's public key: auth mode. */
  pkS?: Uint8Array;
}

/** Options of the single-shot {@link HpkeSuite.seal}: the sender's and the message's `aad`. */
export interface SealOptions extends SenderOptions {
  /** The message's associated data; empty if absent. */
  aad?: Uint8Array;
}

/** Options of the single-shot {@link HpkeSuite.open}: the receiver's and the message's `aad`. */
export interface OpenOptions extends ReceiverOptions {
  /** The message's associated data; empty if absent. */
  aad?: Uint8Array;
}

/**
 * One HPKE suite (RFC 9180) from {@link hpke.suite}: keys, the two-step API (`setupSender` /
 * `setupReceiver` → contexts) and the single-shot API of §6 (`seal` / `open`, `sendExport` /
 * `receiveExport`). The mode follows from the options.
 */
export interface HpkeSuite {
  /** The suite's KEM id. */
  readonly kem: KemId;
  /** The suite's KDF id. */
  readonly kdf: KdfId;
  /** The suite's AEAD id. */
  readonly aead: AeadId;
  /** Npk (= Nenc, the length of `enc`), Nsk, and the AEAD's Nt (0 when export-only). */
  readonly publicKeyLength: number;
  /** Nsk: bytes of a private key. */
  readonly privateKeyLength: number;
  /** Nenc: bytes of `enc`. */
  readonly encLength: number;
  /** Nt: bytes of the AEAD tag (0 when export-only). */
  readonly tagLength: number;
  /** A random key pair (GenerateKeyPair). */
  generateKeyPair(): KeyPair;
  /** DeriveKeyPair(ikm) of §7.1.3; `ikm` has at least Nsk bytes. */
  deriveKeyPair(ikm: Uint8Array): KeyPair;
  /** The public key of `privateKey`. */
  getPublicKey(privateKey: Uint8Array): Uint8Array;
  /** §7.1.1 SerializePublicKey: a copy (keys are held serialized). */
  serializePublicKey(publicKey: Uint8Array): Uint8Array;
  /** A copy of a validated public key; CryptoError INVALID_POINT if it is not on the curve. */
  deserializePublicKey(publicKey: Uint8Array): Uint8Array;
  /** §7.1.2: X25519 keys clamped; NIST keys checked to lie in [1, n−1] (else CryptoError INVALID_SCALAR). */
  serializePrivateKey(privateKey: Uint8Array): Uint8Array;
  /** §7.1.2 DeserializePrivateKey: a copy of a checked private key. */
  deserializePrivateKey(privateKey: Uint8Array): Uint8Array;
  /** SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS. */
  setupSender(pkR: Uint8Array, options?: SenderOptions): { enc: Uint8Array; context: SenderContext };
  /** SetupBaseR / SetupPSKR / SetupAuthR / SetupAuthPSKR. `skR` may be the whole key pair, which
   *  saves computing its public key. */
  setupReceiver(enc: Uint8Array, skR: Uint8Array | KeyPair, options?: ReceiverOptions): ReceiverContext;
  /** §6.1 single-shot Seal: one message. */
  seal(pkR: Uint8Array, pt: Uint8Array, options?: SealOptions): { enc: Uint8Array; ct: Uint8Array };
  /** §6.1 single-shot Open; CryptoError INVALID_TAG if `ct` does not authenticate. */
  open(enc: Uint8Array, skR: Uint8Array | KeyPair, ct: Uint8Array, options?: OpenOptions): Uint8Array;
  /** §6.2 single-shot export, sender side. */
  sendExport(
    pkR: Uint8Array,
    exporterContext: Uint8Array,
    length: number,
    options?: Omit<SenderOptions, 'ikmE' | 'skE'>,
  ): {
    enc: Uint8Array;
    exported: Uint8Array;
  };
  /** §6.2 single-shot export, receiver side. */
  receiveExport(
    enc: Uint8Array,
    skR: Uint8Array | KeyPair,
    exporterContext: Uint8Array,
    length: number,
    options?: ReceiverOptions,
  ): Uint8Array;
}

/** A sender's checked arguments. */
interface Sender {
  mode: Mode;
  info: Uint8Array;
  psk: Psk | undefined;
  pkR: Uint8Array;
  skS: Uint8Array | undefined;
  ikmE: Uint8Array | undefined;
  skE: Uint8Array | undefined;
}

/** A receiver's checked arguments, with pkR (given in a key pair, or computed). */
interface Receiver {
  mode: Mode;
  info: Uint8Array;
  psk: Psk | undefined;
  enc: Uint8Array;
  skR: Uint8Array;
  pkR: Uint8Array;
  pkS: Uint8Array | undefined;
}

/** A registered id: not a number → TypeError, not supported → RangeError. */
function idArgument<T>(value: unknown, name: string, lookup: (id: number) => T | undefined, known: number[]): T {
  if (typeof value !== 'number') throw new TypeError(`"${name}" expected number, got ${describe(value)}`);
  const found = Number.isInteger(value) ? lookup(value) : undefined;
  if (found === undefined) {
    const shown = Number.isInteger(value) && value >= 0 ? hexId(value) : String(value);
    throw new RangeError(`"${name}" expected one of ${known.map(hexId).join(', ')}, got ${shown}`);
  }
  return found;
}

const KNOWN_KEMS = [KEM.P256_HKDF_SHA256, KEM.P384_HKDF_SHA384, KEM.P521_HKDF_SHA512, KEM.X25519_HKDF_SHA256];
const KNOWN_KDFS = [KDF.HKDF_SHA256, KDF.HKDF_SHA384, KDF.HKDF_SHA512];
const KNOWN_AEADS = [AEAD.AES_128_GCM, AEAD.AES_256_GCM, AEAD.CHACHA20_POLY1305, AEAD.EXPORT_ONLY];

/** §5: the mode follows from which inputs are present. */
const modeOf = (psk: Psk | undefined, auth: boolean): Mode =>
  ((psk ? MODE.PSK : MODE.BASE) | (auth ? MODE.AUTH : MODE.BASE)) as Mode;

function requireCipher(aead: HpkeAead): void {
  if (aead.cipher === undefined) {
    throw new TypeError(
      `hpke.AEAD.EXPORT_ONLY (${hexId(AEAD.EXPORT_ONLY)}): this suite only exports secrets; seal and open are unavailable`,
    );
  }
}

export function suite(params: HpkeSuiteIds): HpkeSuite {
  const p = optionsArgument(params, 'params');
  const kem = idArgument(p.kem, 'kem', kemById, KNOWN_KEMS);
  const hash = idArgument(p.kdf, 'kdf', kdfById, KNOWN_KDFS);
  const aead = idArgument(p.aead, 'aead', aeadById, KNOWN_AEADS);
  const kdf: LabeledKdf = labeledKdf(hash, hpkeSuiteId(kem.id, p.kdf!, aead.id));
  const secretsLength = aead.keyLength + aead.nonceLength + kdf.outputLength;
  const fusedParams = (mode: Mode): HpkeParams => ({ kem: kem.id, kdf: p.kdf!, aead: aead.id, mode, secretsLength });

  /** The checked arguments of a sender: the mode follows from them. */
  function sender(pkR: unknown, o: Partial<SenderOptions>): Sender {
    const info = optionalBytes(o.info, 'info');
    const psk = pskArguments(o.psk, o.pskId);
    bytes(pkR, 'pkR', kem.publicKeyLength);
    if (o.skS !== undefined) bytes(o.skS, 'skS', kem.privateKeyLength);
    if (o.ikmE !== undefined) bytes(o.ikmE, 'ikmE');
    if (o.skE !== undefined) bytes(o.skE, 'skE', kem.privateKeyLength);
    if (o.ikmE !== undefined && o.skE !== undefined) throw new TypeError('"ikmE" and "skE" are exclusive');
    const mode = modeOf(psk, o.skS !== undefined);
    return { mode, info, psk, pkR: pkR as Uint8Array, skS: o.skS, ikmE: o.ikmE, skE: o.skE };
  }

  /** The checked arguments of a receiver; pkR is computed from skR unless a key pair was given. */
  function receiver(enc: unknown, recipient: unknown, o: Partial<ReceiverOptions>): Receiver {
    const info = optionalBytes(o.info, 'info');
    const psk = pskArguments(o.psk, o.pskId);
    bytes(enc, 'enc', kem.encLength);
    if (o.pkS !== undefined) bytes(o.pkS, 'pkS', kem.publicKeyLength);
    const mode = modeOf(psk, o.pkS !== undefined);
    const { skR, pkR } = recipientKey(recipient);
    return { mode, info, psk, enc: enc as Uint8Array, skR, pkR: pkR ?? kem.getPublicKey(skR), pkS: o.pkS };
  }

  /** skR alone, or a key pair { privateKey, publicKey } (which saves computing pkR). */
  function recipientKey(value: unknown): { skR: Uint8Array; pkR?: Uint8Array } {
    if (value instanceof Uint8Array) return { skR: bytes(value, 'skR', kem.privateKeyLength) };
    const pair = optionsArgument(value as KeyPair, 'skR');
    return {
      skR: bytes(pair.privateKey, 'skR.privateKey', kem.privateKeyLength),
      pkR: bytes(pair.publicKey, 'skR.publicKey', kem.publicKeyLength),
    };
  }

  /** The ephemeral secret (a fresh buffer, which the caller wipes): drawn, or for known-answer
   *  tests DeriveKeyPair(ikmE) or a checked copy of skE. */
  function ephemeralSecret(s: Sender): Uint8Array {
    if (s.skE !== undefined) return kem.deserializePrivateKey(s.skE);
    return s.ikmE === undefined ? kem.randomPrivateKey() : kem.deriveKeyPair(s.ikmE, 'ikmE').privateKey;
  }

  const inputsOf = (s: Sender | Receiver): HpkeInputs => ({
    info: s.info,
    psk: s.psk?.psk ?? EMPTY,
    pskId: s.psk?.pskId ?? EMPTY,
  });

  /** The key schedule for a shared secret, which it wipes. */
  function schedule(mode: Mode, sharedSecret: Uint8Array, info: Uint8Array, psk: Psk | undefined): ContextSecrets {
    try {
      return keySchedule(kdf, aead, mode, sharedSecret, info, psk);
    } finally {
      sharedSecret.fill(0);
    }
  }

  /** SetupS with the ephemeral secret `skE`: in one core call where the backend has it. */
  function startSender(s: Sender, skE: Uint8Array): { enc: Uint8Array; context: SenderContext } {
    const fused = active().hpke?.setupSender(fusedParams(s.mode), { skE, pkR: s.pkR, skS: s.skS }, inputsOf(s));
    if (fused) return { enc: fused.enc, context: new SenderContext(kdf, aead, splitSecrets(fused.secrets, aead)) };
    const { sharedSecret, enc } = kem.encap(s.pkR, skE, s.skS);
    return { enc, context: new SenderContext(kdf, aead, schedule(s.mode, sharedSecret, s.info, s.psk)) };
  }

  /** SetupR: in one core call where the backend has it. */
  function startReceiver(r: Receiver): ReceiverContext {
    const fused = active().hpke?.setupReceiver(fusedParams(r.mode), r, inputsOf(r));
    if (fused) return new ReceiverContext(kdf, aead, splitSecrets(fused, aead));
    const sharedSecret = kem.decap(r.enc, r.skR, r.pkR, r.pkS);
    return new ReceiverContext(kdf, aead, schedule(r.mode, sharedSecret, r.info, r.psk));
  }

  function setupSender(pkR: Uint8Array, options?: SenderOptions): { enc: Uint8Array; context: SenderContext } {
    const s = sender(pkR, optionsArgument(options));
    const skE = ephemeralSecret(s);
    try {
      return startSender(s, skE);
    } finally {
      skE.fill(0);
    }
  }

  function setupReceiver(enc: Uint8Array, skR: Uint8Array | KeyPair, options?: ReceiverOptions): ReceiverContext {
    return startReceiver(receiver(enc, skR, optionsArgument(options)));
  }

  function exportArguments(exporterContext: unknown, length: unknown): void {
    bytes(exporterContext, 'exporterContext');
    integer(length, 'length', 0, 255 * kdf.outputLength);
  }

  return Object.freeze({
    kem: kem.id,
    kdf: p.kdf!,
    aead: aead.id,
    publicKeyLength: kem.publicKeyLength,
    privateKeyLength: kem.privateKeyLength,
    encLength: kem.encLength,
    tagLength: aead.tagLength,
    generateKeyPair: () => kem.generateKeyPair(),
    deriveKeyPair: (ikm: Uint8Array) => kem.deriveKeyPair(ikm),
    getPublicKey: (privateKey: Uint8Array) => kem.getPublicKey(privateKey),
    serializePublicKey: (publicKey: Uint8Array) => kem.serializePublicKey(publicKey),
    deserializePublicKey: (publicKey: Uint8Array) => kem.deserializePublicKey(publicKey),
    serializePrivateKey: (privateKey: Uint8Array) => kem.serializePrivateKey(privateKey),
    deserializePrivateKey: (privateKey: Uint8Array) => kem.deserializePrivateKey(privateKey),
    setupSender,
    setupReceiver,

    seal(pkR: Uint8Array, pt: Uint8Array, options?: SealOptions): { enc: Uint8Array; ct: Uint8Array } {
      const o = optionsArgument(options);
      requireCipher(aead);
      bytes(pt, 'pt');
      const aad = optionalBytes(o.aad, 'aad');
      const s = sender(pkR, o);
      const skE = ephemeralSecret(s);
      try {
        const sealed = active().hpke?.seal(fusedParams(s.mode), { skE, pkR: s.pkR, skS: s.skS }, inputsOf(s), aad, pt);
        if (sealed) return sealed;
        const { enc, context } = startSender(s, skE);
        try {
          return { enc, ct: context.seal(pt, aad) };
        } finally {
          context.destroy();
        }
      } finally {
        skE.fill(0);
      }
    },

    open(enc: Uint8Array, skR: Uint8Array | KeyPair, ct: Uint8Array, options?: OpenOptions): Uint8Array {
      const o = optionsArgument(options);
      requireCipher(aead);
      bytes(ct, 'ct');
      if (ct.length < aead.tagLength) {
        throw new RangeError(`"ct" expected Uint8Array of length >= ${aead.tagLength}, got length=${ct.length}`);
      }
      const aad = optionalBytes(o.aad, 'aad');
      const r = receiver(enc, skR, o);
      const opened = active().hpke?.open(fusedParams(r.mode), r, inputsOf(r), aad, ct);
      if (opened) return opened;
      const context = startReceiver(r);
      try {
        return context.open(ct, aad);
      } finally {
        context.destroy();
      }
    },

    sendExport(
      pkR: Uint8Array,
      exporterContext: Uint8Array,
      length: number,
      options?: Omit<SenderOptions, 'ikmE' | 'skE'>,
    ) {
      const o = optionsArgument(options);
      exportArguments(exporterContext, length);
      const { enc, context } = setupSender(pkR, { info: o.info, psk: o.psk, pskId: o.pskId, skS: o.skS });
      try {
        return { enc, exported: context.export(exporterContext, length) };
      } finally {
        context.destroy();
      }
    },

    receiveExport(
      enc: Uint8Array,
      skR: Uint8Array | KeyPair,
      exporterContext: Uint8Array,
      length: number,
      options?: ReceiverOptions,
    ) {
      const o = optionsArgument(options);
      exportArguments(exporterContext, length);
      const context = setupReceiver(enc, skR, { info: o.info, psk: o.psk, pskId: o.pskId, pkS: o.pkS });
      try {
        return context.export(exporterContext, length);
      } finally {
        context.destroy();
      }
    },
  });
}
