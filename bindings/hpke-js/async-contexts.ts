// RFC 9180 §5.2–5.3: encryption contexts as hpke-js returns them — seal on the sender's, open on
// the recipient's, export on both — async over oblivia's synchronous contexts. Each call does its
// work when it is made, so calls nobody awaited in between still take sequence numbers in order.
import type { ReceiverContext as ObliviaReceiverContext, SenderContext as ObliviaSenderContext } from '../hpke.js';
import { arrayBuffer, bytesArgument, optionalBytesArgument, type BufferInput } from './buffers.js';
import { attempt, ExportError, NotSupportedError, OpenError, SealError } from './hpke-js-errors.js';
import { checkLength } from './limits.js';

/**
 * An encryption context (RFC 9180 §5.2–5.3) as hpke-js returns it: `seal` on the sender's, `open`
 * on the recipient's, `export` on both; async, on ArrayBuffers or views. Each call does its work
 * when it is made, so calls nobody awaited in between still take sequence numbers in order.
 */
export interface EncryptionContext {
  /**
   * ContextS.Seal (§5.2): the ciphertext ‖ tag of `data`, with `aad` (empty if absent).
   *
   * @throws (rejects with) `NotSupportedError` on a recipient context or in an export-only suite;
   * `TypeError` if `data` or `aad` is not an ArrayBuffer or a view; `MessageLimitReachedError` when
   * the sequence number is exhausted; `SealError` if sealing fails otherwise.
   */
  seal(data: BufferInput, aad?: BufferInput): Promise<ArrayBuffer>;
  /**
   * ContextR.Open (§5.2): the plaintext of `data` (ciphertext ‖ tag), with `aad` (empty if absent).
   *
   * @throws (rejects with) `NotSupportedError` on a sender context or in an export-only suite;
   * `TypeError` if `data` or `aad` is not an ArrayBuffer or a view; `OpenError` if the ciphertext
   * does not authenticate; `MessageLimitReachedError` when the sequence number is exhausted.
   */
  open(data: BufferInput, aad?: BufferInput): Promise<ArrayBuffer>;
  /**
   * Context.Export (§5.3): a secret of `len` bytes (at most 255·Nh) bound to `exporterContext`.
   *
   * @throws (rejects with) `TypeError` if `exporterContext` is not an ArrayBuffer or a view or
   * `len` not a number; `InvalidParamError` (`Too long exporter context`) for a context over 8192
   * bytes; `ExportError` for a `len` above 255·Nh, negative or not an integer.
   */
  export(exporterContext: BufferInput, len: number): Promise<ArrayBuffer>;
}

/** The recipient's context from {@link CipherSuite.createRecipientContext}: `open` and `export`. */
export type RecipientContext = EncryptionContext;

/**
 * The sender's context from {@link CipherSuite.createSenderContext}: `seal`, `export`, and `enc`.
 */
export interface SenderContext extends EncryptionContext {
  /** The encapsulated key for the recipient (Nenc bytes). */
  readonly enc: ArrayBuffer;
}

/** seal or open on an export-only suite. */
export const exportOnlyError = () =>
  new NotSupportedError('the suite is export-only (RFC 9180 §5.3): seal and open are not supported');

abstract class Context implements EncryptionContext {
  readonly #context: ObliviaSenderContext | ObliviaReceiverContext;
  protected readonly exportOnly: boolean;

  constructor(context: ObliviaSenderContext | ObliviaReceiverContext, exportOnly: boolean) {
    this.#context = context;
    this.exportOnly = exportOnly;
  }

  async seal(_data: BufferInput, _aad?: BufferInput): Promise<ArrayBuffer> {
    throw this.exportOnly ? exportOnlyError() : new NotSupportedError('a recipient context does not seal');
  }

  async open(_data: BufferInput, _aad?: BufferInput): Promise<ArrayBuffer> {
    throw this.exportOnly ? exportOnlyError() : new NotSupportedError('a sender context does not open');
  }

  async export(exporterContext: BufferInput, len: number): Promise<ArrayBuffer> {
    const context = bytesArgument(exporterContext, 'exporterContext');
    checkLength(context, 'exporter context');
    if (typeof len !== 'number') throw new TypeError(`"len" expected number, got ${typeof len}`);
    return attempt(ExportError, () => arrayBuffer(this.#context.export(context, len)));
  }
}

export class SenderContextImpl extends Context implements SenderContext {
  readonly enc: ArrayBuffer;
  readonly #sender: ObliviaSenderContext;

  constructor(context: ObliviaSenderContext, enc: Uint8Array, exportOnly: boolean) {
    super(context, exportOnly);
    this.#sender = context;
    this.enc = arrayBuffer(enc);
  }

  override async seal(data: BufferInput, aad?: BufferInput): Promise<ArrayBuffer> {
    if (this.exportOnly) throw exportOnlyError();
    const pt = bytesArgument(data, 'data');
    const associated = optionalBytesArgument(aad, 'aad');
    return attempt(SealError, () => arrayBuffer(this.#sender.seal(pt, associated)));
  }
}

export class RecipientContextImpl extends Context {
  readonly #recipient: ObliviaReceiverContext;

  constructor(context: ObliviaReceiverContext, exportOnly: boolean) {
    super(context, exportOnly);
    this.#recipient = context;
  }

  override async open(data: BufferInput, aad?: BufferInput): Promise<ArrayBuffer> {
    if (this.exportOnly) throw exportOnlyError();
    const ct = bytesArgument(data, 'data');
    const associated = optionalBytesArgument(aad, 'aad');
    return attempt(OpenError, () => arrayBuffer(this.#recipient.open(ct, associated)));
  }
}
