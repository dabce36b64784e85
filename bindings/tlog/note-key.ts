// Keys of signed notes (c2sp.org/signed-note §Signatures): key names, key IDs, verifier keys
// (vkeys, `<name>+<hex key ID>+<base64(type ‖ public key)>`) and Go's signer keys (skeys,
// `PRIVATE+KEY+<name>+<hex key ID>+<base64(type ‖ seed)>`, golang.org/x/mod/sumdb/note).
import { ed25519 } from '../ed25519.js';
import { sha256 } from '../hash.js';
import { bytes, integer } from '../utils/arguments.js';
import { decodeBase64, encodeBase64 } from '../utils/base64.js';
import { concat, readU32, utf8 } from '../utils/bytes.js';
import { TransparencyError } from './transparency-error.js';

/** Signature type identifier bytes (c2sp.org/signed-note §Signature types). */
export const SIGNATURE_TYPE = Object.freeze({
  /** Ed25519 over the note text. */
  ED25519: 0x01,
  /** Timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature). */
  COSIGNATURE_ED25519: 0x04,
  /** RFC 6962 TreeHeadSignature (c2sp.org/static-ct-api): recognised by key ID only, not verified. */
  RFC6962_TREE_HEAD: 0x05,
} as const);

/** The types whose keys this library parses: both are 32-byte Ed25519 public keys. */
const SUPPORTED_TYPES: readonly number[] = [SIGNATURE_TYPE.ED25519, SIGNATURE_TYPE.COSIGNATURE_ED25519];
const ED25519_KEY_SIZE = 32;

/** What checks a note's signature lines under one key. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  /** Whether `signature` (the bytes after the key ID) signs the note text `text`. */
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** What signs note texts under one key. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  /** The signature of the note text (the bytes after the key ID). */
  sign(text: Uint8Array): Uint8Array;
}

/** A parsed vkey. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: number;
  readonly publicKey: Uint8Array;
}

/** A parsed skey: `secretKey` is the 32-byte Ed25519 seed. */
export interface SignerKey extends VerifierKey {
  readonly secretKey: Uint8Array;
}

/** A key name: non-empty, well-formed, with no Unicode space (Go's unicode.IsSpace) and no '+'. */
export const isKeyName = (name: string): boolean => name !== '' && !/[\p{White_Space}+\p{Cs}]/u.test(name);

/** SHA-256(name ‖ 0x0A ‖ type ‖ publicKey)[:4] as a big-endian uint32 (signed-note §Signatures).
 *  For type 0x05, `publicKey` is SHA-256 of the key's SPKI DER (c2sp.org/static-ct-api). */
export function keyId(name: string, type: number, publicKey: Uint8Array): number {
  integer(type, 'type', 0, 255);
  return readU32(sha256(concat(utf8(name), Uint8Array.of(0x0a, type), bytes(publicKey, 'publicKey'))), 0);
}

const hex8 = (id: number): string => id.toString(16).padStart(8, '0');

/** Go's chop: the text before the first `sep` and the text after it ('' if there is none). */
function chop(text: string, sep: string): [string, string] {
  const at = text.indexOf(sep);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + sep.length)];
}

/** name, key ID and the decoded type ‖ key of `<name>+<hex8>+<base64>`; undefined if malformed. */
function splitKey(text: string): { name: string; id: number; type: number; key: Uint8Array } | undefined {
  const [name, rest] = chop(text, '+');
  const [id, key64] = chop(rest, '+');
  const key = decodeBase64(key64);
  if (!/^[0-9a-fA-F]{8}$/.test(id) || key === undefined || key.length === 0 || !isKeyName(name)) return undefined;
  return { name, id: parseInt(id, 16), type: key[0]!, key: key.subarray(1) };
}

/** A vkey of a supported type (0x01, 0x04): TransparencyError BAD_KEY if malformed or if its key ID
 *  is not the key's, KEY_TYPE if of another type. */
export function parseVerifierKey(vkey: string): VerifierKey {
  if (typeof vkey !== 'string') throw new TypeError(`"vkey" expected string, got ${typeof vkey}`);
  const parts = splitKey(vkey);
  if (parts === undefined) throw new TransparencyError('BAD_KEY');
  const { name, id, type, key } = parts;
  if (!SUPPORTED_TYPES.includes(type)) throw new TransparencyError('KEY_TYPE');
  if (key.length !== ED25519_KEY_SIZE || keyId(name, type, key) !== id) throw new TransparencyError('BAD_KEY');
  return { name, keyId: id, type, publicKey: key.slice() };
}

/** The vkey of a public key: `<name>+<hex key ID>+<base64(type ‖ publicKey)>`. */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  if (typeof name !== 'string' || !isKeyName(name)) throw new RangeError(`"name" expected a key name`);
  const id = keyId(name, type, publicKey);
  return `${name}+${hex8(id)}+${encodeBase64(concat(Uint8Array.of(type), publicKey))}`;
}

/** A Go skey of a supported type; its key ID is checked against the public key it derives. */
export function parseSignerKey(skey: string): SignerKey {
  if (typeof skey !== 'string') throw new TypeError(`"skey" expected string, got ${typeof skey}`);
  const [private1, rest1] = chop(skey, '+');
  const [private2, rest2] = chop(rest1, '+');
  const parts = splitKey(rest2);
  if (private1 !== 'PRIVATE' || private2 !== 'KEY' || parts === undefined) throw new TransparencyError('BAD_KEY');
  const { name, id, type, key } = parts;
  if (!SUPPORTED_TYPES.includes(type)) throw new TransparencyError('KEY_TYPE');
  if (key.length !== ED25519_KEY_SIZE) throw new TransparencyError('BAD_KEY');
  const publicKey = ed25519.getPublicKey(key);
  if (keyId(name, type, publicKey) !== id) throw new TransparencyError('BAD_KEY');
  return { name, keyId: id, type, publicKey, secretKey: key.slice() };
}

/** The skey of a 32-byte Ed25519 seed, in Go's format. */
export function formatSignerKey(name: string, type: number, secretKey: Uint8Array): string {
  const publicKey = ed25519.getPublicKey(bytes(secretKey, 'secretKey', ED25519_KEY_SIZE));
  const [, id] = formatVerifierKey(name, type, publicKey).split('+', 2);
  return `PRIVATE+KEY+${name}+${id}+${encodeBase64(concat(Uint8Array.of(type), secretKey))}`;
}
