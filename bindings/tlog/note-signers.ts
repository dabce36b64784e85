// Note verifiers and signers from key text: Ed25519 over the note text (type 0x01, signed-note
// §Ed25519 signatures) and witness cosignatures (type 0x04, cosignature.ts); and new Ed25519 keys
// in Go's skey/vkey format.
import { ed25519 } from '../ed25519.js';
import { cosignatureVerifier } from './cosignature.js';
import {
  formatSignerKey,
  formatVerifierKey,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE,
  type NoteSigner,
  type NoteVerifier,
} from './note-key.js';
import { TransparencyError } from './transparency-error.js';

const ED25519_SIGNATURE_SIZE = 64;

/** The verifier of a vkey: type 0x01 (Ed25519) or 0x04 (cosignature); KEY_TYPE for any other. */
export function noteVerifier(vkey: string): NoteVerifier {
  const key = parseVerifierKey(vkey);
  if (key.type === SIGNATURE_TYPE.COSIGNATURE_ED25519) return cosignatureVerifier(key);
  const { name, keyId, publicKey } = key;
  return Object.freeze({
    name,
    keyId,
    verify: (text: Uint8Array, signature: Uint8Array): boolean =>
      signature.length === ED25519_SIGNATURE_SIZE && ed25519.verify(signature, text, publicKey),
  });
}

/** The Ed25519 (type 0x01) signer of a Go skey. Signatures are deterministic (RFC 8032). For a
 *  witness's cosignatures, use `cosigner`. */
export function noteSigner(skey: string): NoteSigner {
  const { name, keyId, type, secretKey } = parseSignerKey(skey);
  if (type !== SIGNATURE_TYPE.ED25519) throw new TransparencyError('KEY_TYPE');
  return Object.freeze({ name, keyId, sign: (text: Uint8Array) => ed25519.sign(text, secretKey) });
}

/** A new Ed25519 key named `name` (WebCrypto getRandomValues): Go's skey and vkey texts (type 0x01). */
export function generateKey(name: string): { signerKey: string; verifierKey: string } {
  const secretKey = crypto.getRandomValues(new Uint8Array(32));
  const type = SIGNATURE_TYPE.ED25519;
  return {
    signerKey: formatSignerKey(name, type, secretKey),
    verifierKey: formatVerifierKey(name, type, ed25519.getPublicKey(secretKey)),
  };
}
