// The error classes of hpke-js 1.8.0 (@hpke/common), with the same names, hierarchy and messages,
// so code that catches OpenError, DeserializeError, … keeps working. What oblivia threw is the
// `cause`: a CryptoError keeps its `code` there (`INVALID_TAG`, `INVALID_POINT`, …).
import { CryptoError } from '../crypto-error.js';

/** The base class of every error below. */
export class HpkeError extends Error {
  constructor(e: unknown) {
    super(
      e instanceof Error ? e.message : typeof e === 'string' ? e : '',
      e instanceof Error ? { cause: e } : undefined,
    );
    this.name = new.target.name;
  }
}

/** Invalid parameter: a PSK shorter than 32 bytes, an unknown algorithm id, … */
export class InvalidParamError extends HpkeError {}
/** KEM input or output validation failure. */
export class ValidationError extends HpkeError {}
/** Public or private key serialization failure. */
export class SerializeError extends HpkeError {}
/** Public or private key deserialization failure (also a malformed `enc`). */
export class DeserializeError extends HpkeError {}
/** Encap failure (RFC 9180 §4.1). */
export class EncapError extends HpkeError {}
/** Decap failure (RFC 9180 §4.1). */
export class DecapError extends HpkeError {}
/** Secret export failure (RFC 9180 §5.3). */
export class ExportError extends HpkeError {}
/** Seal failure. */
export class SealError extends HpkeError {}
/** Open failure: the ciphertext does not authenticate. */
export class OpenError extends HpkeError {}
/** The context's sequence number is exhausted (RFC 9180 §5.2). */
export class MessageLimitReachedError extends HpkeError {}
/** DeriveKeyPair failure (RFC 9180 §7.1.3). */
export class DeriveKeyPairError extends HpkeError {}
/** An algorithm, key or operation this implementation does not offer. */
export class NotSupportedError extends HpkeError {}

type HpkeErrorClass = new (e: unknown) => HpkeError;

/**
 * The hpke-js error for a failure inside an operation whose failures are `Fallback`s. An HpkeError
 * passes unchanged; a point that does not decode is a DeserializeError, a ciphertext that does not
 * authenticate an OpenError and an exhausted sequence number a MessageLimitReachedError, wherever
 * they happen.
 */
function hpkeError(e: unknown, Fallback: HpkeErrorClass): HpkeError {
  if (e instanceof HpkeError) return e;
  if (e instanceof CryptoError && e.code === 'INVALID_TAG') return new OpenError(e);
  if (e instanceof CryptoError && e.code === 'INVALID_POINT') return new DeserializeError(e);
  if (e instanceof CryptoError && e.code === 'LIMIT') return new MessageLimitReachedError(e);
  return new Fallback(e);
}

/**
 * Runs one operation, mapping what it throws with hpkeError. `run` starts synchronously, so
 * operations on a context happen in call order even when nobody awaits between them.
 */
export async function attempt<T>(Fallback: HpkeErrorClass, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw hpkeError(e, Fallback);
  }
}
