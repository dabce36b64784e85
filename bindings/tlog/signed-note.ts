// Signed notes (c2sp.org/signed-note §Format, §Signatures): a text ending in a newline, a blank
// line, then signature lines `— <key name> <base64(key ID ‖ signature)>`. Parsing, opening with
// known verifiers and signing fail closed as golang.org/x/mod/sumdb/note does:
//   - the note is valid UTF-8 with no control character but newline, and it ends in a signature
//     block after the last blank line; more than 100 signature lines is malformed;
//   - signatures from unknown keys (name and key ID) are kept aside, unverified;
//   - a known key whose signature fails refuses the whole note (BAD_SIGNATURE), and so does a
//     key that two verifiers claim (AMBIGUOUS_KEY); a note that no known key signed is UNVERIFIED.
// One deliberate difference: Go skips a known key's repeated signature lines unverified; here each
// is verified (signed-note: "If the key name and ID match a known key, verifiers MUST verify").
import { decodeBase64, encodeBase64 } from '../utils/base64.js';
import { concat, utf8 } from '../utils/bytes.js';
import { isKeyName, type NoteSigner, type NoteVerifier } from './note-key.js';
import { TransparencyError } from './transparency-error.js';

/** One signature line: the signature is the bytes after the 4-byte key ID. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

/** A note as parsed: its text (with the final newline) and every signature line, in order. */
export interface Note {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

/** A note whose signatures were checked: `verified` by known keys, `unverified` from unknown ones
 *  (each listed once). */
export interface OpenedNote {
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  readonly unverified: readonly NoteSignature[];
}

/** Go's limit: more signature lines than this is a malformed note (C2SP requires at least 16). */
export const MAX_SIGNATURES = 100;
const SIGNATURE_PREFIX = '\u2014 ';
const KEY_ID_SIZE = 4;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether `text` is well-formed and free of control characters other than newline (§Format). */
export function isNoteText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return false;
  }
  return !/\p{Cs}/u.test(text);
}

/** A note's characters, from its UTF-8 bytes or as a string; MALFORMED if invalid (§Format). */
export function noteCharacters(note: string | Uint8Array, name = 'note'): string {
  let text: string;
  if (typeof note === 'string') text = note;
  else if (note instanceof Uint8Array) {
    try {
      text = decoder.decode(note);
    } catch {
      throw new TransparencyError('MALFORMED');
    }
  } else throw new TypeError(`"${name}" expected string or Uint8Array, got ${typeof note}`);
  if (!isNoteText(text)) throw new TransparencyError('MALFORMED');
  return text;
}

function signatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw new TransparencyError('MALFORMED');
  const body = line.slice(SIGNATURE_PREFIX.length);
  const space = body.indexOf(' ');
  const name = space < 0 ? body : body.slice(0, space);
  const b64 = space < 0 ? '' : body.slice(space + 1);
  const raw = decodeBase64(b64);
  if (raw === undefined || raw.length <= KEY_ID_SIZE || !isKeyName(name)) throw new TransparencyError('MALFORMED');
  const keyId = new DataView(raw.buffer, raw.byteOffset).getUint32(0);
  return { name, keyId, signature: raw.subarray(KEY_ID_SIZE) };
}

/** The text and signature lines of a note, unverified; MALFORMED if it breaks §Format. */
export function parseNote(note: string | Uint8Array): Note {
  const message = noteCharacters(note);
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw new TransparencyError('MALFORMED');
  const block = message.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new TransparencyError('MALFORMED');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new TransparencyError('MALFORMED');
  return { text: message.slice(0, split + 1), signatures: lines.map(signatureLine) };
}

const formatLine = (s: NoteSignature): string => {
  const id = new Uint8Array(KEY_ID_SIZE);
  new DataView(id.buffer).setUint32(0, s.keyId);
  return `${SIGNATURE_PREFIX}${s.name} ${encodeBase64(concat(id, s.signature))}\n`;
};

/** The text of a note: its text, a blank line, its signature lines. */
export function formatNote(note: Note): string {
  if (!note.text.endsWith('\n') || !isNoteText(note.text)) throw new TransparencyError('MALFORMED');
  for (const s of note.signatures) if (!isKeyName(s.name)) throw new TransparencyError('MALFORMED');
  return `${note.text}\n${note.signatures.map(formatLine).join('')}`;
}

function verifierList(value: unknown): readonly NoteVerifier[] {
  if (!Array.isArray(value)) throw new TypeError(`"verifiers" expected an array of note verifiers`);
  for (const v of value as NoteVerifier[]) {
    if (typeof v?.name !== 'string' || typeof v.keyId !== 'number' || typeof v.verify !== 'function')
      throw new TypeError(`"verifiers" expected an array of note verifiers`);
  }
  return value;
}

/**
 * Parses `note` and checks its signatures against `verifiers` (§Signatures): every signature from
 * a known key must verify (else BAD_SIGNATURE), and at least one must exist (else UNVERIFIED).
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const known = verifierList(verifiers);
  const { text, signatures } = parseNote(note);
  const message = utf8(text);
  const verified: NoteSignature[] = [];
  const unverified: NoteSignature[] = [];
  const seenLines = new Set<string>();
  const seenKeys = new Set<string>();
  for (const s of signatures) {
    const keys = known.filter((v) => v.name === s.name && v.keyId === s.keyId);
    if (keys.length === 0) {
      const line = formatLine(s);
      if (!seenLines.has(line)) unverified.push(s);
      seenLines.add(line);
      continue;
    }
    if (keys.length > 1) throw new TransparencyError('AMBIGUOUS_KEY');
    if (!keys[0]!.verify(message, s.signature)) throw new TransparencyError('BAD_SIGNATURE');
    const key = `${s.name}+${s.keyId}`;
    if (!seenKeys.has(key)) verified.push(s);
    seenKeys.add(key);
  }
  if (verified.length === 0) throw new TransparencyError('UNVERIFIED');
  return { text, verified, unverified };
}

/**
 * Signs a note text (ending in a newline) or adds signatures to a parsed note (Go's note.Sign):
 * its signatures are kept, but for those of the signers' keys, and the new ones follow.
 */
export function signNote(note: string | Note, signers: readonly NoteSigner[]): string {
  const { text, signatures } = typeof note === 'string' ? { text: note, signatures: [] } : note;
  if (!Array.isArray(signers)) throw new TypeError(`"signers" expected an array of note signers`);
  if (!text.endsWith('\n') || !isNoteText(text)) throw new TransparencyError('MALFORMED');
  const message = utf8(text);
  const added = signers.map((s) => {
    if (!isKeyName(s.name)) throw new TransparencyError('BAD_KEY');
    return { name: s.name, keyId: s.keyId, signature: s.sign(message) };
  });
  const kept = signatures.filter((s) => !added.some((a) => a.name === s.name && a.keyId === s.keyId));
  return formatNote({ text, signatures: [...kept, ...added] });
}
