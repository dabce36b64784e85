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
} from './hpke-js-errors.js';
import { AeadId, KdfId, KemId } from './identifiers.js';
import { kemById, kemKind, type Dhkem, type KemInterface } from './kem-objects.js';
import { keyArgument, keyBytes, privateKeyArgument, publicKeyOfPair } from './keys.js';

export interface PreSharedKey {
  /** psk_id: at least one byte. */
  id: BufferInput;
  /** psk: at least 32 bytes (§5.1.1). */
  key: BufferInput;
}

export interface KeyScheduleParams {
  /** Application info bound to the context; empty if absent. */
  info?: BufferInput;
  /** A pre-shared key: psk or auth_psk mode. */
  psk?: PreSharedKey;
}

export interface SenderContextParams extends KeyScheduleParams {
  recipientPublicKey: CryptoKey;
  /** The sender's private key, or its key pair: auth or auth_psk mode. */
  senderKey?: CryptoKey | CryptoKeyPair;
  /**
   * Known-answer tests only: the ephemeral key pair is DeriveKeyPair(ekm) instead of a random one.
   * hpke-js also takes a CryptoKeyPair here; this adapter does not (NotSupportedError).
   */
  ekm?: CryptoKeyPair | BufferInput;
}

export interface RecipientContextParams extends KeyScheduleParams {
  /** The recipient's private key, or its key pair. */
  recipientKey: CryptoKey | CryptoKeyPair;
  /** The encapsulated key from the sender: Nenc bytes. */
  enc: BufferInput;
  /** The sender's public key: auth or auth_psk mode. */
  senderPublicKey?: CryptoKey;
}

export interface CipherSuiteParams {
  kem: KemId | KemInterface;
  kdf: KdfId | KdfInterface;
  aead: AeadId | AeadInterface;
}

export interface CipherSuiteSealResponse {
  ct: ArrayBuffer;
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

/**
 * info, psk and psk_id as oblivia takes them. hpke-js's checks, as InvalidParamError: the PSK has
 * at least 32 bytes (§5.1.1), and, as VerifyPSKInputs requires, a PSK comes with a non-empty id.
 */
function scheduleArguments(params: KeyScheduleParams): { info?: Uint8Array; psk?: Uint8Array; pskId?: Uint8Array } {
  const info = optionalBytesArgument(params.info, 'info');
  if (params.psk === undefined) return { info };
  const psk = objectArgument(params.psk, 'psk');
  const key = bytesArgument(psk.key, 'psk.key');
  const id = bytesArgument(psk.id, 'psk.id');
  if (key.length < MIN_PSK_LENGTH) throw new InvalidParamError(`PSK must have at least ${MIN_PSK_LENGTH} bytes`);
  if (id.length === 0) throw new InvalidParamError('a PSK needs a non-empty psk.id (RFC 9180 §5.1.1)');
  return { info, psk: key, pskId: id };
}

/** The ekm as input keying material for DeriveKeyPair. */
function ekmArgument(ekm: SenderContextParams['ekm']): Uint8Array | undefined {
  if (typeof ekm === 'object' && ekm !== null && 'privateKey' in ekm) {
    throw new NotSupportedError('"ekm" as a CryptoKeyPair is not supported; pass input keying material');
  }
  return optionalBytesArgument(ekm, 'ekm');
}

export class CipherSuite {
  readonly #kem: Dhkem;
  readonly #kdf: KdfInterface;
  readonly #aead: AeadInterface;
  readonly #suite: HpkeSuite;

  /** InvalidParamError for an unknown id, NotSupportedError for a known one oblivia does not implement. */
  constructor(params: CipherSuiteParams) {
    const p = objectArgument(params, 'params');
    this.#kem = algorithm(p.kem, 'KEM', kemById, KemId);
    this.#kdf = algorithm(p.kdf, 'KDF', kdfById, KdfId);
    this.#aead = algorithm(p.aead, 'AEAD', aeadById, AeadId);
    this.#suite = hpke.suite({
      kem: this.#kem.id as ObliviaKemId,
      kdf: this.#kdf.id as ObliviaKdfId,
      aead: this.#aead.id as ObliviaAeadId,
    });
  }

  get kem(): KemInterface {
    return this.#kem;
  }

  get kdf(): KdfInterface {
    return this.#kdf;
  }

  get aead(): AeadInterface {
    return this.#aead;
  }

  get #exportOnly(): boolean {
    return this.#aead.id === AeadId.ExportOnly;
  }

  /** SetupBaseS / SetupPSKS / SetupAuthS / SetupAuthPSKS (§5.1); EncapError if encapsulation fails. */
  async createSenderContext(params: SenderContextParams): Promise<SenderContext> {
    const { enc, context } = await this.#setupSender(params);
    return new SenderContextImpl(context, enc, this.#exportOnly);
  }

  /**
   * SetupBaseR / SetupPSKR / SetupAuthR / SetupAuthPSKR (§5.1); DeserializeError for an `enc` that
   * is not a public key of the KEM, DecapError if decapsulation fails otherwise.
   */
  async createRecipientContext(params: RecipientContextParams): Promise<RecipientContext> {
    return new RecipientContextImpl(await this.#setupReceiver(params), this.#exportOnly);
  }

  /** §6.1 single-shot seal: one message to the recipient, in one core call. */
  async seal(params: SenderContextParams, pt: BufferInput, aad?: BufferInput): Promise<CipherSuiteSealResponse> {
    if (this.#exportOnly) throw exportOnlyError();
    const plaintext = bytesArgument(pt, 'pt');
    const associated = optionalBytesArgument(aad, 'aad');
    const { pkR, options } = await this.#senderInputs(params);
    const { enc, ct } = await attempt(EncapError, () =>
      this.#suite.seal(pkR, plaintext, { ...options, aad: associated }),
    );
    return { ct: arrayBuffer(ct), enc: arrayBuffer(enc) };
  }

  /** §6.1 single-shot open, in one core call; OpenError if `ct` does not authenticate. */
  async open(params: RecipientContextParams, ct: BufferInput, aad?: BufferInput): Promise<ArrayBuffer> {
    if (this.#exportOnly) throw exportOnlyError();
    const ciphertext = bytesArgument(ct, 'ct');
    const associated = optionalBytesArgument(aad, 'aad');
    const { enc, skR, options } = await this.#receiverInputs(params);
    return attempt(DecapError, () =>
      arrayBuffer(this.#suite.open(enc, skR, ciphertext, { ...options, aad: associated })),
    );
  }

  /** @deprecated As in hpke-js: use `suite.kem.generateKeyPair()`. */
  async generateKeyPair(): Promise<CryptoKeyPair> {
    return this.#kem.generateKeyPair();
  }

  /** @deprecated As in hpke-js: use `suite.kem.deriveKeyPair(ikm)`. */
  async deriveKeyPair(ikm: BufferInput): Promise<CryptoKeyPair> {
    return this.#kem.deriveKeyPair(ikm);
  }

  /** @deprecated As in hpke-js: use `suite.kem.importKey(format, key, isPublic)`. */
  async importKey(format: 'raw' | 'jwk', key: ArrayBuffer | JsonWebKey, isPublic = true): Promise<CryptoKey> {
    return this.#kem.importKey(format, key, isPublic);
  }

  async #setupSender(params: SenderContextParams): Promise<{ enc: Uint8Array; context: ObliviaSenderContext }> {
    const { pkR, options } = await this.#senderInputs(params);
    return attempt(EncapError, () => this.#suite.setupSender(pkR, options));
  }

  async #setupReceiver(params: RecipientContextParams): Promise<ReceiverContext> {
    const { enc, skR, options } = await this.#receiverInputs(params);
    return attempt(DecapError, () => this.#suite.setupReceiver(enc, skR, options));
  }

  /** The sender's keys as bytes and the key schedule's options; EncapError if a key is unusable. */
  async #senderInputs(params: SenderContextParams) {
    const p = objectArgument(params, 'params');
    const recipient = keyArgument(p.recipientPublicKey, 'recipientPublicKey');
    const sender = p.senderKey === undefined ? undefined : privateKeyArgument(p.senderKey, 'senderKey');
    const schedule = scheduleArguments(p);
    const ikmE = ekmArgument(p.ekm);
    const kind = kemKind(this.#kem);
    return attempt(EncapError, async () => {
      const pkR = await keyBytes(recipient, kind, 'public', 'recipientPublicKey');
      const skS = sender && (await keyBytes(sender, kind, 'private', 'senderKey'));
      return { pkR, options: { ...schedule, skS, ikmE } };
    });
  }

  /**
   * The recipient's key as bytes (with its public key when `recipientKey` is a CryptoKeyPair, which
   * spares computing it), `enc`, and the key schedule's options; DecapError if a key is unusable.
   */
  async #receiverInputs(params: RecipientContextParams) {
    const p = objectArgument(params, 'params');
    const recipient = privateKeyArgument(p.recipientKey, 'recipientKey');
    const recipientPublic = publicKeyOfPair(p.recipientKey);
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
      const privateKey = await keyBytes(recipient, kind, 'private', 'recipientKey');
      const publicKey = recipientPublic && (await keyBytes(recipientPublic, kind, 'public', 'recipientKey.publicKey'));
      const pkS = sender && (await keyBytes(sender, kind, 'public', 'senderPublicKey'));
      return { enc, skR: publicKey ? { privateKey, publicKey } : privateKey, options: { ...schedule, pkS } };
    });
  }
}
