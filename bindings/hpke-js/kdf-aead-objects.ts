// The KDFs (RFC 9180 §7.2) and AEADs (§7.3) as hpke-js's objects: `suite.kdf`, `suite.aead`, or
// passed to a CipherSuite in the @hpke/core style. They carry the id and sizes; the labeled HKDF
// and the AEAD run inside oblivia, so hpke-js's plug-in hooks (extract/expand, labeledExtract/
// labeledExpand, createEncryptionContext) are not offered.
import type { BufferInput } from './buffers.js';
import { AeadId, KdfId } from './identifiers.js';

export interface KdfInterface {
  readonly id: KdfId;
  /** Nh. */
  readonly hashSize: number;
}

/**
 * hpke-js's type for what its AEAD hook `createEncryptionContext(key)` returns: seal and open under
 * an explicit nonce. Offered so code naming the type compiles; the adapter's AEADs have no such hook.
 */
export interface AeadEncryptionContext {
  seal(iv: BufferInput, data: BufferInput, aad: BufferInput): Promise<ArrayBuffer>;
  open(iv: BufferInput, data: BufferInput, aad: BufferInput): Promise<ArrayBuffer>;
}

export interface AeadInterface {
  readonly id: AeadId;
  /** Nk, Nn, Nt (all 0 for export-only). */
  readonly keySize: number;
  readonly nonceSize: number;
  readonly tagSize: number;
}

export class HkdfSha256 implements KdfInterface {
  readonly id: KdfId = KdfId.HkdfSha256;
  readonly hashSize: number = 32;
}

export class HkdfSha384 implements KdfInterface {
  readonly id: KdfId = KdfId.HkdfSha384;
  readonly hashSize: number = 48;
}

export class HkdfSha512 implements KdfInterface {
  readonly id: KdfId = KdfId.HkdfSha512;
  readonly hashSize: number = 64;
}

export class Aes128Gcm implements AeadInterface {
  readonly id: AeadId = AeadId.Aes128Gcm;
  readonly keySize: number = 16;
  readonly nonceSize: number = 12;
  readonly tagSize: number = 16;
}

/** A subclass of Aes128Gcm, as in hpke-js. */
export class Aes256Gcm extends Aes128Gcm {
  override readonly id: AeadId = AeadId.Aes256Gcm;
  override readonly keySize: number = 32;
}

export class Chacha20Poly1305 implements AeadInterface {
  readonly id: AeadId = AeadId.Chacha20Poly1305;
  readonly keySize: number = 32;
  readonly nonceSize: number = 12;
  readonly tagSize: number = 16;
}

/** No AEAD (§5.3): contexts only export secrets; seal and open throw NotSupportedError. */
export class ExportOnly implements AeadInterface {
  readonly id: AeadId = AeadId.ExportOnly;
  readonly keySize: number = 0;
  readonly nonceSize: number = 0;
  readonly tagSize: number = 0;
}

/** The KDF object for a supported id, or undefined. */
export function kdfById(id: number): KdfInterface | undefined {
  switch (id) {
    case KdfId.HkdfSha256:
      return new HkdfSha256();
    case KdfId.HkdfSha384:
      return new HkdfSha384();
    case KdfId.HkdfSha512:
      return new HkdfSha512();
    default:
      return undefined;
  }
}

/** The AEAD object for a supported id, or undefined. */
export function aeadById(id: number): AeadInterface | undefined {
  switch (id) {
    case AeadId.Aes128Gcm:
      return new Aes128Gcm();
    case AeadId.Aes256Gcm:
      return new Aes256Gcm();
    case AeadId.Chacha20Poly1305:
      return new Chacha20Poly1305();
    case AeadId.ExportOnly:
      return new ExportOnly();
    default:
      return undefined;
  }
}
