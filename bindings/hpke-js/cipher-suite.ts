// hpke-js's CipherSuite over oblivia's HPKE (RFC 9180). Built from ids (hpke-js style) or from
// KEM/KDF/AEAD objects (@hpke/core style); offers the two-step API of §5 (createSenderContext /
// createRecipientContext) and the single-shot seal/open of §6.1. The mode (§5) follows from the
// params: `psk` selects psk, `senderKey` / `senderPublicKey` auth, both auth_psk, none base.
import { hpke, type HpkeSuite, type ReceiverContext, type SenderContext as ObliviaSenderContext } from '../hpke.js';
import {
  hexId,
  type AeadId as ObliviaAeadId,
  type KdfId as ObliviaKdfId,
  type KemId as ObliviaKemId,
} from '../hpke/ids.js';
import { MIN_PSK_LENGTH } from '../hpke/key-schedule.js';
import { describe, objectArgument } from '../utils/arguments.js';
import { aeadById, kdfById, type AeadInterface, type KdfInterface } from './kdf-aead-objects.js';
import { arrayBuffer, bytesArgument, optionalBytesArgument, type BufferInput } from './buffers.js';
import {
  exportOnlyError,
  RecipientContextImpl,
  SenderContextImpl,
  type RecipientContext,
  type SenderContext,
} from './async-contexts.js';
import {
  attempt,
  DecapError,
  DeserializeError,
  EncapError,
  InvalidParamError,
  NotSupportedError,
  OpenError,
  SealError,
} from './hpke-js-errors.js';
import { AeadId, KdfId, KemId } from './identifiers.js';
import { kemById, kemKind, type Dhkem, type KemInterface } from './kem-objects.js';
import {
  isSubtleKey,
  keyArgument,
  keyBytes,
  privateKeyArgument,
  privateKeyInput,
  publicKeyOfPair,
  type PrivateKeyInput,
} from './keys.js';
import { checkLength, INFO_LENGTH_LIMIT } from './limits.js';
import { subtleSetupReceiver, subtleSetupSender, type ScheduleInputs, type SuiteIds } from './subtle-dhkem.js';

/**
 * A pre-shared key and its id (RFC 9180 §5.1.1): with it, the mode is psk, or auth_psk with a
 * sender key.
 */
export interface PreSharedKey {
  /** psk_id: 1 to 8192 bytes. */
  id: BufferInput;
  /** psk: 32 to 8192 bytes (§5.1.1). */
  key: BufferInput;
}

/** The key schedule's inputs (RFC 9180 §5.1) that sender and recipient share. */
export interface KeyScheduleParams {
  /** Application info bound to the context (at most 2^28 bytes); empty if absent. */
  info?: BufferInput;
  /** A pre-shared key: psk or auth_psk mode. */
  psk?: PreSharedKey;
}

/**
 * The sender's parameters of {@link CipherSuite.createSenderContext} and {@link CipherSuite.seal};
 * the mode (RFC 9180 §5) follows from them: `psk` (psk), `senderKey` (auth), both (auth_psk).
 */
export interface SenderContextParams extends KeyScheduleParams {
  /** The recipient's public key: the adapter's, hpke-js's or a WebCrypto key of the suite's KEM. */
  recipientPublicKey: CryptoKey;
  /** The sender's private key, or its key pair: auth or auth_psk mode. */
  senderKey?: CryptoKey | CryptoKeyPair;
  /**
   * Known-answer tests only: the ephemeral key pair is DeriveKeyPair(ekm) (at most 8192 bytes)
   * instead of a random one. hpke-js also takes a CryptoKeyPair here; this adapter does not
   * (NotSupportedError).
   */
  ekm?: CryptoKeyPair | BufferInput;
}

/**
 * The recipient's parameters of {@link CipherSuite.createRecipientContext} and
 * {@link CipherSuite.open}: the sender's, mirrored (`senderPublicKey` for auth).
 */
export interface RecipientContextParams extends KeyScheduleParams {
  /**
   * The recipient's private key, or its key pair (which spares computing the public key; a
   * non-extractable WebCrypto key needs it).
   */
  recipientKey: CryptoKey | CryptoKeyPair;
  /** The encapsulated key from the sender: Nenc bytes. */
  enc: BufferInput;
  /** The sender's public key: auth or auth_psk mode. */
  senderPublicKey?: CryptoKey;
}

/**
 * The algorithms of a {@link CipherSuite}: each an id (hpke-js style) or an object (`@hpke/core`
 * style).
 */
export interface CipherSuiteParams {
  /** The KEM: {@link KemId} or a KEM object such as {@link DhkemX25519HkdfSha256}. */
  kem: KemId | KemInterface;
  /** The KDF: {@link KdfId} or a KDF object such as {@link HkdfSha256}. */
  kdf: KdfId | KdfInterface;
  /** The AEAD: {@link AeadId} or an AEAD object such as {@link Aes128Gcm}. */
  aead: AeadId | AeadInterface;
}

/** What the single-shot {@link CipherSuite.seal} returns (RFC 9180 §6.1). */
export interface CipherSuiteSealResponse {
  /** The ciphertext ‖ tag. */
  ct: ArrayBuffer;
  /** The encapsulated key, for the recipient (Nenc bytes). */
  enc: ArrayBuffer;
}

/**
 * The adapter's object for a `kem`, `kdf` or `aead` parameter: an id, or an object with an `id`
 * (the adapter's own objects are used as they are; another implementation's, such as
 * @hpke/chacha20poly1305's Chacha20Poly1305, stands for its id). NotSupportedError for an id that
 * hpke-js lists but oblivia does not implement, InvalidParamError for any other.
 */
function algorithm<T extends object>(
  value: unknown,
  name: string,
  byId: (id: number) => T | undefined,
  known: Record<string, number>,
): T {
  const id = typeof value === 'object' && value !== null && 'id' in value ? value.id : value;
  if (typeof id !== 'number')
    throw new TypeError(`"${name}" expected an id or an object with an id, got ${describe(value)}`);
  const found = byId(id);
  if (found !== undefined) return value instanceof found.constructor ? (value as T) : found;
  const shown = Number.isInteger(id) && id >= 0 ? hexId(id) : String(id);
  const listed = Object.entries(known).find(([, listedId]) => listedId === id && id !== KemId.NotAssigned);
  if (listed) throw new NotSupportedError(`${name} ${listed[0]} (${shown}) is not supported`);
  throw new InvalidParamError(`unknown ${name} id ${shown}`);
}

/** The KEMs hpke-js's CipherSuite takes by id; the others come as objects from their own packages. */
const KEMS_BY_ID: readonly number[] = [
  KemId.DhkemP256HkdfSha256,
  KemId.DhkemP384HkdfSha384,
  KemId.DhkemP521HkdfSha512,
  KemId.DhkemX25519HkdfSha256,
  KemId.DhkemX448HkdfSha512,
];

/** The `kem` parameter: as algorithm(), and InvalidParamError for an id hpke-js does not take as one. */
function kemArgument(value: unknown): Dhkem {
  if (typeof value === 'number' && !KEMS_BY_ID.includes(value)) {
    throw new InvalidParamError(`The KEM (${value}) cannot be specified by KemId. Use submodule for the KEM`);
  }
  return algorithm(value, 'KEM', kemById, KemId);
}

/**
 * info, psk and psk_id as oblivia takes them, checked as hpke-js checks them (InvalidParamError): the
 * length limits (limits.ts) and a PSK of at least 32 bytes (§5.1.1); and, as VerifyPSKInputs
 * requires (hpke-js does not check it), a PSK comes with a non-empty id.
 */
function scheduleArguments(params: KeyScheduleParams): ScheduleInputs {
  const info = optionalBytesArgument(params.info, 'info');
  if (info) checkLength(info, 'info', INFO_LENGTH_LIMIT);
  if (params.psk === undefined) return { info };
  const psk = objectArgument(params.psk, 'psk');
  const key = bytesArgument(psk.key, 'psk.key');
  const id = bytesArgument(psk.id, 'psk.id');
  if (key.length < MIN_PSK_LENGTH) throw new InvalidParamError(`PSK must have at least ${MIN_PSK_LENGTH} bytes`);
  checkLength(key, 'psk.key');
  checkLength(id, 'psk.id');
  if (id.length === 0) throw new InvalidParamError('a PSK needs a non-empty psk.id (RFC 9180 §5.1.1)');
  return { info, psk: key, pskId: id };
}

/** The ekm as input keying material for DeriveKeyPair (at most 8192 bytes, as hpke-js's ikm). */
function ekmArgument(ekm: SenderContextParams['ekm']): Uint8Array | undefined {
  if (typeof ekm === 'object' && ekm !== null && 'privateKey' in ekm) {
    throw new NotSupportedError('"ekm" as a CryptoKeyPair is not supported; pass input keying material');
  }
  const ikm = optionalBytesArgument(ekm, 'ekm');
  if (ikm) checkLength(ikm, 'ikm');
  return ikm;
}

/** skR as oblivia takes it: the key pair when its public key is known (sparing its computation). */
const recipientKeyBytes = ({ privateKey, publicKey }: { privateKey: Uint8Array; publicKey?: Uint8Array }) =>
  publicKey ? { privateKey, publicKey } : privateKey;

interface SenderInputs {
  pkR: Uint8Array;
  skS?: PrivateKeyInput;
  schedule: ScheduleInputs;
  ikmE?: Uint8Array;
}

interface ReceiverInputs {
  enc: Uint8Array;
  skR: PrivateKeyInput;
  pkS?: Uint8Array;
  schedule: ScheduleInputs;
}

/**
 * hpke-js's CipherSuite over oblivia's HPKE (RFC 9180): a KEM, a KDF and an AEAD, given as ids
 * (hpke-js style) or objects (`@hpke/core` style). It offers the two-step API of §5
 * (`createSenderContext` / `createRecipientContext` → contexts), the single-shot `seal` / `open` of
 * §6.1, and the KEM's key methods on `suite.kem`. All four modes: the mode follows from the params
 * (`psk`, `senderKey` / `senderPublicKey`). Everything is async and takes ArrayBuffers or views.
 *
 * @throws `TypeError` if `params` is not an object or an algorithm is neither a number nor an
 * object with a numeric `id`; `NotSupportedError` for an algorithm hpke-js lists that oblivia does
 * not implement (X448, by id or object; secp256k1 and post-quantum KEM objects; any KDF but
 * HKDF-SHA256/384/512); `InvalidParamError` for an unknown id, or a KEM id hpke-js does not take by
 * id (secp256k1, ML-KEM, X-Wing, …).
 * @example
 * ```ts
 * import { AeadId, CipherSuite, KdfId, KemId } from 'oblivia/hpke-js';
 *
 * const suite = new CipherSuite({ kem: KemId.DhkemX25519HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
 * const rkp = await suite.kem.generateKeyPair();
 * const sender = await suite.createSenderContext({ recipientPublicKey: rkp.publicKey });
 * const ct = await sender.seal(new TextEncoder().encode('Hello world!'));
 * const recipient = await suite.createRecipientContext({ recipientKey: rkp, enc: sender.enc });
 * const pt = await recipient.open(ct); // ArrayBuffer: 'Hello world!'
 * ```
 */
export class CipherSuite {
  readonly #kem: Dhkem;
  readonly #kdf: KdfInterface;
  readonly #aead: AeadInterface;
  readonly #suite: HpkeSuite;

  /** The suite of these algorithms; see the class for what it throws. */
  constructor(params: CipherSuiteParams) {
    const p = objectArgument(params, 'params');
    this.#kem = kemArgument(p.kem);
    this.#kdf = algorithm(p.kdf, 'KDF', kdfById, KdfId);
    this.#aead = algorithm(p.aead, 'AEAD', aeadById, AeadId);
    this.#suite = hpke.suite({
      kem: this.#kem.id as ObliviaKemId,
      kdf: this.#kdf.id as ObliviaKdfId,
      aead: this.#aead.id as ObliviaAeadId,
    });
  }

  /** The KEM object: its sizes and the key methods (generateKeyPair, importKey, …). */
  get kem(): KemInterface {
    return this.#kem;
  }

  /** The KDF object: its id and Nh. */
  get kdf(): KdfInterface {
    return this.#kdf;
  }

  /** The AEAD object: its id and sizes. */
  get aead(): AeadInterface {
    return this.#aead;
  }

  get #exportOnly(): boolean {
    return this.#aead.id === AeadId.ExportOnly;
  }

  /**
   * SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS (RFC 9180 §5.1): a sender context and its
   * `enc`, for the recipient.
   *
   * @throws (rejects with) `TypeError` for params, keys or buffers of the wrong JavaScript type;
   * `InvalidParamError` for a PSK shorter than 32 bytes or with an empty id, or an input over
   * hpke-js's limits (8192 bytes, info 2^28); `NotSupportedError` for an `ekm` given as a key pair
   * or a lone non-extractable `senderKey`; `EncapError` if encapsulation fails (a key of the wrong
   * type or KEM among the causes).
   */
  async createSenderContext(params: SenderContextParams): Promise<SenderContext> {
    const { enc, context } = await this.#setupSender(await this.#senderInputs(params));
    return new SenderContextImpl(context, enc, this.#exportOnly);
  }

  /**
   * SetupBaseR / SetupPSKR / SetupAuthR / SetupAuthPSKR (RFC 9180 §5.1): the recipient's context
   * for the sender's `enc`.
   *
   * @throws (rejects with) `TypeError` for params, keys or buffers of the wrong JavaScript type;
   * `InvalidParamError` for a PSK shorter than 32 bytes or with an empty id, or an input over
   * hpke-js's limits; `DeserializeError` for an `enc` that is not a public key of the KEM;
   * `NotSupportedError` for a lone non-extractable `recipientKey` (pass its CryptoKeyPair);
   * `DecapError` if decapsulation fails otherwise (a key of the wrong type or KEM among the
   * causes).
   */
  async createRecipientContext(params: RecipientContextParams): Promise<RecipientContext> {
    return new RecipientContextImpl(await this.#setupReceiver(await this.#receiverInputs(params)), this.#exportOnly);
  }

  /**
   * Single-shot seal (RFC 9180 §6.1): one message to the recipient, in one core call (with a sender
   * key in crypto.subtle: setup, then seal).
   *
   * @throws (rejects with) `NotSupportedError` in an export-only suite; otherwise as
   * {@link CipherSuite.createSenderContext}, `TypeError` for a `pt` or `aad` that is not an
   * ArrayBuffer or a view, and `EncapError` for a failure of the core call.
   * @example
   * ```ts
   * import { AeadId, CipherSuite, KdfId, KemId } from 'oblivia/hpke-js';
   *
   * const suite = new CipherSuite({ kem: KemId.DhkemP256HkdfSha256, kdf: KdfId.HkdfSha256, aead: AeadId.Aes128Gcm });
   * const rkp = await suite.kem.generateKeyPair();
   * const info = new TextEncoder().encode('app');
   * const { ct, enc } = await suite.seal({ recipientPublicKey: rkp.publicKey, info }, new TextEncoder().encode('hi'));
   * const pt = await suite.open({ recipientKey: rkp, enc, info }, ct); // 'hi'
   * ```
   */
  async seal(params: SenderContextParams, pt: BufferInput, aad?: BufferInput): Promise<CipherSuiteSealResponse> {
    if (this.#exportOnly) throw exportOnlyError();
    const plaintext = bytesArgument(pt, 'pt');
    const associated = optionalBytesArgument(aad, 'aad');
    const inputs = await this.#senderInputs(params);
    if (inputs.skS && isSubtleKey(inputs.skS)) {
      const { enc, context } = await this.#setupSender(inputs);
      return {
        ct: await attempt(SealError, () => arrayBuffer(context.seal(plaintext, associated))),
        enc: arrayBuffer(enc),
      };
    }
    const { pkR, skS, schedule, ikmE } = inputs;
    const { enc, ct } = await attempt(EncapError, () =>
      this.#suite.seal(pkR, plaintext, { ...schedule, skS: skS?.privateKey, ikmE, aad: associated }),
    );
    return { ct: arrayBuffer(ct), enc: arrayBuffer(enc) };
  }

  /**
   * Single-shot open (RFC 9180 §6.1), in one core call: the plaintext.
   *
   * @throws (rejects with) `NotSupportedError` in an export-only suite; otherwise as
   * {@link CipherSuite.createRecipientContext}, `TypeError` for a `ct` or `aad` that is not an
   * ArrayBuffer or a view, and `OpenError` if `ct` does not authenticate (or, as in hpke-js, is
   * shorter than the tag: then the setup runs first, so a bad `enc` is reported first).
   */
  async open(params: RecipientContextParams, ct: BufferInput, aad?: BufferInput): Promise<ArrayBuffer> {
    if (this.#exportOnly) throw exportOnlyError();
    const ciphertext = bytesArgument(ct, 'ct');
    const associated = optionalBytesArgument(aad, 'aad');
    const inputs = await this.#receiverInputs(params);
    if (isSubtleKey(inputs.skR) || ciphertext.length < this.#aead.tagSize) {
      const context = await this.#setupReceiver(inputs);
      return attempt(OpenError, () => arrayBuffer(context.open(ciphertext, associated)));
    }
    const { enc, skR, pkS, schedule } = inputs;
    return attempt(DecapError, () =>
      arrayBuffer(this.#suite.open(enc, recipientKeyBytes(skR), ciphertext, { ...schedule, pkS, aad: associated })),
    );
  }

  /**
   * A fresh random key pair of the suite's KEM: {@link KemInterface.generateKeyPair}.
   *
   * @deprecated As in hpke-js: use `suite.kem.generateKeyPair()`.
   */
  async generateKeyPair(): Promise<CryptoKeyPair> {
    return this.#kem.generateKeyPair();
  }

  /**
   * DeriveKeyPair(ikm) (RFC 9180 §7.1.3) of the suite's KEM: {@link KemInterface.deriveKeyPair}.
   *
   * @throws As {@link KemInterface.deriveKeyPair}.
   * @deprecated As in hpke-js: use `suite.kem.deriveKeyPair(ikm)`.
   */
  async deriveKeyPair(ikm: BufferInput): Promise<CryptoKeyPair> {
    return this.#kem.deriveKeyPair(ikm);
  }

  /**
   * A key of the suite's KEM from its serialization or a JWK: {@link KemInterface.importKey}.
   *
   * @throws `DeserializeError` for any failure, as {@link KemInterface.importKey}.
   * @deprecated As in hpke-js: use `suite.kem.importKey(format, key, isPublic)`.
   */
  async importKey(format: 'raw' | 'jwk', key: ArrayBuffer | JsonWebKey, isPublic = true): Promise<CryptoKey> {
    return this.#kem.importKey(format, key, isPublic);
  }

  /** Setup on checked inputs: in oblivia, or with the sender's or recipient's key in crypto.subtle. */
  async #setupSender(inputs: SenderInputs): Promise<{ enc: Uint8Array; context: ObliviaSenderContext }> {
    const { pkR, skS, schedule, ikmE } = inputs;
    if (skS && isSubtleKey(skS)) {
      return attempt(EncapError, () => subtleSetupSender(this.#ids, pkR, skS, { ...schedule, ikmE }));
    }
    return attempt(EncapError, () => this.#suite.setupSender(pkR, { ...schedule, skS: skS?.privateKey, ikmE }));
  }

  async #setupReceiver(inputs: ReceiverInputs): Promise<ReceiverContext> {
    const { enc, skR, pkS, schedule } = inputs;
    if (isSubtleKey(skR)) return attempt(DecapError, () => subtleSetupReceiver(this.#ids, enc, skR, pkS, schedule));
    return attempt(DecapError, () => this.#suite.setupReceiver(enc, recipientKeyBytes(skR), { ...schedule, pkS }));
  }

  get #ids(): SuiteIds {
    return { kem: this.#kem.id, kdf: this.#kdf.id, aead: this.#aead.id };
  }

  /** The sender's checked inputs, keys resolved; EncapError if a key is unusable. */
  async #senderInputs(params: SenderContextParams): Promise<SenderInputs> {
    const p = objectArgument(params, 'params');
    const recipient = keyArgument(p.recipientPublicKey, 'recipientPublicKey');
    const sender = p.senderKey === undefined ? undefined : privateKeyArgument(p.senderKey, 'senderKey');
    const senderPublic = publicKeyOfPair(p.senderKey, 'senderKey');
    const schedule = scheduleArguments(p);
    const ikmE = ekmArgument(p.ekm);
    const kind = kemKind(this.#kem);
    return attempt(EncapError, async () => ({
      pkR: await keyBytes(recipient, kind, 'public', 'recipientPublicKey'),
      skS: sender && (await privateKeyInput(sender, senderPublic, kind, 'senderKey')),
      schedule,
      ikmE,
    }));
  }

  /**
   * The recipient's checked inputs, keys resolved (with its public key when `recipientKey` is a
   * CryptoKeyPair, which spares computing it); DeserializeError for an `enc` of the wrong length,
   * DecapError if a key is unusable.
   */
  async #receiverInputs(params: RecipientContextParams): Promise<ReceiverInputs> {
    const p = objectArgument(params, 'params');
    const recipient = privateKeyArgument(p.recipientKey, 'recipientKey');
    const recipientPublic = publicKeyOfPair(p.recipientKey, 'recipientKey');
    const enc = bytesArgument(p.enc, 'enc');
    const sender = p.senderPublicKey === undefined ? undefined : keyArgument(p.senderPublicKey, 'senderPublicKey');
    const schedule = scheduleArguments(p);
    const kind = kemKind(this.#kem);
    return attempt(DecapError, async () => {
      if (enc.length !== this.#kem.encSize) {
        throw new DeserializeError(
          new RangeError(`"enc" expected ${this.#kem.encSize} bytes, got length=${enc.length}`),
        );
      }
      return {
        enc,
        skR: await privateKeyInput(recipient, recipientPublic, kind, 'recipientKey'),
        pkS: sender && (await keyBytes(sender, kind, 'public', 'senderPublicKey')),
        schedule,
      };
    });
  }
}
