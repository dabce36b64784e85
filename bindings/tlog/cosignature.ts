// Timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature, signature type 0x04). The signed
// message is `cosignature/v1\ntime <t>\n` ‖ the checkpoint's note text (§Ed25519 signed message);
// the signature is the uint64 timestamp (big-endian POSIX seconds, at most 2^63 - 1) ‖ the 64-byte
// Ed25519 signature (§Format). A cosigner's key ID uses type 0x04, so one Ed25519 key can be a
// note signer (0x01) and a cosigner without ambiguity.
import { ed25519 } from '../ed25519.js';
import { integer } from '../utils/arguments.js';
import { concat, utf8 } from '../utils/bytes.js';
import { parseCheckpoint } from './checkpoint.js';
import {
  formatVerifierKey,
  keyId,
  parseSignerKey,
  SIGNATURE_TYPE,
  type NoteSigner,
  type NoteVerifier,
  type VerifierKey,
} from './note-key.js';
import { parseNote, signNote } from './signed-note.js';
import { TransparencyError } from './transparency-error.js';

const TIMESTAMP_SIZE = 8;
const COSIGNATURE_SIZE = TIMESTAMP_SIZE + 64;
const MAX_TIMESTAMP = 2n ** 63n - 1n;

/** What a type-0x04 cosignature signs. */
const cosignedMessage = (time: bigint, text: Uint8Array): Uint8Array =>
  concat(utf8(`cosignature/v1\ntime ${time}\n`), text);

const timestampOf = (signature: Uint8Array): bigint =>
  new DataView(signature.buffer, signature.byteOffset).getBigUint64(0);

/** The timestamp (POSIX seconds) of a type-0x04 signature (the bytes after the key ID);
 *  MALFORMED if it is not 72 bytes. */
export function cosignatureTime(signature: Uint8Array): number {
  if (!(signature instanceof Uint8Array)) throw new TypeError(`"signature" expected Uint8Array`);
  if (signature.length !== COSIGNATURE_SIZE) throw new TransparencyError('MALFORMED');
  return Number(timestampOf(signature));
}

/** The verifier of a witness's type-0x04 key. As Go's, it refuses a text of fewer than 3 lines. */
export function cosignatureVerifier(key: VerifierKey): NoteVerifier {
  if (key.type !== SIGNATURE_TYPE.COSIGNATURE_ED25519) throw new TransparencyError('KEY_TYPE');
  const publicKey = key.publicKey;
  return Object.freeze({
    name: key.name,
    keyId: key.keyId,
    verify(text: Uint8Array, signature: Uint8Array): boolean {
      if (signature.length !== COSIGNATURE_SIZE || text.filter((c) => c === 0x0a).length < 2) return false;
      const time = timestampOf(signature);
      if (time > MAX_TIMESTAMP) return false;
      return ed25519.verify(signature.subarray(TIMESTAMP_SIZE), cosignedMessage(time, text), publicKey);
    },
  });
}

/** A witness's signing side. */
export interface Cosigner {
  readonly name: string;
  readonly keyId: number;
  /** The type-0x04 vkey that verifies this cosigner's cosignatures. */
  readonly verifierKey: string;
  /** A note signer that cosigns at `time` (POSIX seconds). */
  signer(time: number): NoteSigner;
  /** `note`, a signed checkpoint, with this cosigner's cosignature at `time` added (replacing an
   *  earlier one of its own). It does not check the note's other signatures: a witness does that
   *  with its policy first. */
  cosign(note: string | Uint8Array, time: number): string;
}

/** A cosigner from a Go skey of type 0x01 or 0x04 (as transparency-dev/formats reads them): the
 *  cosigner's key ID is the type-0x04 one either way. */
export function cosigner(signerKey: string): Cosigner {
  const { name, publicKey, secretKey } = parseSignerKey(signerKey);
  const type = SIGNATURE_TYPE.COSIGNATURE_ED25519;
  const id = keyId(name, type, publicKey);
  const signer = (time: number): NoteSigner => {
    const t = BigInt(integer(time, 'time', 0, Number.MAX_SAFE_INTEGER));
    const stamp = new Uint8Array(TIMESTAMP_SIZE);
    new DataView(stamp.buffer).setBigUint64(0, t);
    return Object.freeze({
      name,
      keyId: id,
      sign: (text: Uint8Array) => concat(stamp, ed25519.sign(cosignedMessage(t, text), secretKey)),
    });
  };
  return Object.freeze({
    name,
    keyId: id,
    verifierKey: formatVerifierKey(name, type, publicKey),
    signer,
    cosign(note: string | Uint8Array, time: number): string {
      const parsed = parseNote(note);
      parseCheckpoint(parsed.text);
      return signNote(parsed, [signer(time)]);
    },
  });
}
