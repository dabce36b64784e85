// RFC 9180 §7.3: the AEADs (AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305) and the export-only mode.
import { chacha20poly1305, gcm, type AeadFunction } from '../aead.js';
import { AEAD, type AeadId } from './ids.js';

export interface HpkeAead {
  readonly id: AeadId;
  /** Nk, Nn, Nt; all 0 for the export-only mode. */
  readonly keyLength: number;
  readonly nonceLength: number;
  readonly tagLength: number;
  /** Undefined for the export-only mode. */
  readonly cipher: AeadFunction | undefined;
}

const AEADS = new Map<number, HpkeAead>(
  (
    [
      [AEAD.AES_128_GCM, 16, gcm],
      [AEAD.AES_256_GCM, 32, gcm],
      [AEAD.CHACHA20_POLY1305, 32, chacha20poly1305],
      [AEAD.EXPORT_ONLY, 0, undefined],
    ] as const
  ).map(([id, keyLength, cipher]) => [
    id,
    Object.freeze({
      id,
      keyLength,
      nonceLength: cipher ? 12 : 0,
      tagLength: cipher ? 16 : 0,
      cipher,
    }),
  ]),
);

/** The AEAD with this id, or undefined. */
export const aeadById = (id: number): HpkeAead | undefined => AEADS.get(id);
