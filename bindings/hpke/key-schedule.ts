// RFC 9180 §5.1: the key schedule, and the PSK input checks of §5.1.1 (VerifyPSKInputs).
import { CryptoError } from '../crypto-error.js';
import { bytes } from '../utils/arguments.js';
import { ascii, concat, EMPTY } from '../utils/bytes.js';
import type { HpkeAead } from './hpke-aead.js';
import { MODE, type Mode } from './ids.js';
import type { LabeledKdf } from './labeled.js';

const LABEL_PSK_ID_HASH = ascii('psk_id_hash');
const LABEL_INFO_HASH = ascii('info_hash');
const LABEL_SECRET = ascii('secret');
const LABEL_KEY = ascii('key');
const LABEL_BASE_NONCE = ascii('base_nonce');
const LABEL_EXP = ascii('exp');

/** §5.1.1: "The psk MUST have at least 32 bytes of entropy", so it has at least 32 bytes. */
export const MIN_PSK_LENGTH = 32;

export interface Psk {
  psk: Uint8Array;
  pskId: Uint8Array;
}

/**
 * VerifyPSKInputs, as argument checks: `psk` and `pskId` come together or not at all (the mode
 * follows from their presence), the psk has at least 32 bytes and the id at least one.
 */
export function pskArguments(psk: unknown, pskId: unknown): Psk | undefined {
  if (psk === undefined && pskId === undefined) return undefined;
  bytes(psk, 'psk');
  bytes(pskId, 'pskId');
  const key = psk as Uint8Array;
  const id = pskId as Uint8Array;
  if (key.length < MIN_PSK_LENGTH) {
    throw new RangeError(`"psk" expected Uint8Array of length >= ${MIN_PSK_LENGTH}, got length=${key.length}`);
  }
  if (id.length === 0) throw new RangeError('"pskId" expected Uint8Array of length >= 1, got length=0');
  return { psk: key, pskId: id };
}

/** What a context is made of (§5.1). */
export interface ContextSecrets {
  key: Uint8Array;
  baseNonce: Uint8Array;
  exporterSecret: Uint8Array;
}

/** key ‖ base_nonce ‖ exporter_secret, as the fused core returns them, split. */
export function splitSecrets(secrets: Uint8Array, aead: HpkeAead): ContextSecrets {
  const Nk = aead.keyLength;
  const Nn = aead.nonceLength;
  return {
    key: secrets.subarray(0, Nk),
    baseNonce: secrets.subarray(Nk, Nk + Nn),
    exporterSecret: secrets.subarray(Nk + Nn),
  };
}

/**
 * KeySchedule<ROLE>(mode, shared_secret, info, psk, psk_id) up to the context's secrets, and the
 * public key_schedule_context (for known-answer tests). `kdf` is labeled with the HPKE suite id.
 * The mode matches the inputs (the callers derive it from them).
 */
export function keySchedule(
  kdf: LabeledKdf,
  aead: HpkeAead,
  mode: Mode,
  sharedSecret: Uint8Array,
  info: Uint8Array,
  psk: Psk | undefined,
): ContextSecrets & { keyScheduleContext: Uint8Array } {
  if (((mode & MODE.PSK) !== 0) !== (psk !== undefined)) throw new CryptoError('INTERNAL'); // a caller's bug
  const pskIdHash = kdf.extract(EMPTY, LABEL_PSK_ID_HASH, psk?.pskId ?? EMPTY);
  const infoHash = kdf.extract(EMPTY, LABEL_INFO_HASH, info);
  const keyScheduleContext = concat(Uint8Array.of(mode), pskIdHash, infoHash);
  const secret = kdf.extract(sharedSecret, LABEL_SECRET, psk?.psk ?? EMPTY);
  try {
    // Export-only (Nk = Nn = 0): no key and no nonce.
    const key = aead.keyLength ? kdf.expand(secret, LABEL_KEY, keyScheduleContext, aead.keyLength) : EMPTY;
    const baseNonce = aead.nonceLength
      ? kdf.expand(secret, LABEL_BASE_NONCE, keyScheduleContext, aead.nonceLength)
      : EMPTY;
    const exporterSecret = kdf.expand(secret, LABEL_EXP, keyScheduleContext, kdf.outputLength);
    return { key, baseNonce, exporterSecret, keyScheduleContext };
  } finally {
    secret.fill(0);
  }
}
