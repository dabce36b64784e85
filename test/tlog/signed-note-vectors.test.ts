// c2sp.org/signed-note: the 20 vectors of ../shared/vectors/tlog/signed-note (golang/mod's note
// tests, the C2SP example, a real sum.golang.org checkpoint, a real static-ct checkpoint, Go's tlog
// tree bodies). Signing reproduces Go's note byte for byte; each Go error maps to one code:
// "malformed note" MALFORMED, "note has no verifiable signatures" UNVERIFIED, "ambiguous key"
// AMBIGUOUS_KEY, "invalid signature for key" BAD_SIGNATURE; bad vkeys BAD_KEY or KEY_TYPE.
import { describe, expect, test } from 'vitest';
import { sha256, tlog, TransparencyError } from 'oblivia';
import { hex, readJsonVector } from '../helpers.js';

interface Vector {
  id: string;
  note?: string;
  text?: string;
  skey?: string;
  vkey?: string;
  verifier_vkeys?: string[];
  bad_vkeys?: string[];
  tree_body?: string;
  log_public_key_spki_b64?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect: any;
}

const { vectors } = readJsonVector<{ vectors: Vector[] }>('tlog/signed-note/signed-note-vectors.json');
const byId = new Map(vectors.map((v) => [v.id, v]));
const vector = (id: string): Vector => byId.get(id)!;
const checked = new Set<string>();
const check = (id: string): Vector => (checked.add(id), vector(id));

const GO_ERRORS: Record<string, string> = {
  'malformed note': 'MALFORMED',
  'note has no verifiable signatures': 'UNVERIFIED',
  'ambiguous key EnochRoot+af0cfe78': 'AMBIGUOUS_KEY',
  'invalid signature for key PeterNeumann+c74f20a3': 'BAD_SIGNATURE',
};

const refused = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'TransparencyError', code }));
const names = (list: readonly { name: string }[]) => list.map((s) => s.name);

test('20 vectors', () => {
  expect(vectors.length).toBe(20);
});

describe('golang/mod sumdb/note', () => {
  test('signing with PeterNeumann skey gives Go note byte for byte; key ID c74f20a3', () => {
    const v = check('go-note-sign-peterneumann');
    const signer = tlog.noteSigner(v.skey!);
    expect([signer.name, signer.keyId.toString(16)]).toEqual([v.expect.key_name, v.expect.key_id_hex]);
    expect(tlog.signNote(v.text!, [signer])).toBe(v.note);
    const key = tlog.parseVerifierKey(v.vkey!);
    expect([key.name, key.keyId, key.type]).toEqual(['PeterNeumann', 0xc74f20a3, v.expect.sig_type]);
    expect(tlog.keyId(key.name, key.type, key.publicKey)).toBe(0xc74f20a3);
    expect(names(tlog.openNote(v.note!, [tlog.noteVerifier(v.vkey!)]).verified)).toEqual(v.expect.verified);
    // Re-signing a parsed note keeps the other signatures and replaces the signer's own.
    const parsed = tlog.parseNote(v.note!);
    expect(tlog.signNote(parsed, [signer])).toBe(v.note);
    expect(tlog.formatNote(parsed)).toBe(v.note);
  });

  test.each([
    'go-note-open-one-known-one-unknown',
    'go-note-open-both-known',
    'go-note-open-duplicate-verifier-unused',
  ])('%s opens', (id) => {
    const v = check(id);
    const opened = tlog.openNote(v.note!, v.verifier_vkeys!.map(tlog.noteVerifier));
    expect(opened.text).toBe(v.expect.text ?? opened.text);
    expect(names(opened.verified)).toEqual(v.expect.verified);
    expect(names(opened.unverified)).toEqual(v.expect.unverified ?? []);
  });

  const refusals = vectors.filter((v) => v.expect.ok === false && v.note !== undefined);
  test('11 notes are refused', () => expect(refusals.length).toBe(11));

  test.each(refusals.map((v) => [v.id, v] as const))('%s is refused as Go refuses it', (id, v) => {
    check(id);
    const code = GO_ERRORS[v.expect.error];
    expect(code).toBeDefined();
    // malformed-4 begins with the raw byte 0xFF (invalid UTF-8), which JSON cannot hold.
    const note = id.endsWith('malformed-4') ? Uint8Array.of(0xff, ...Buffer.from(v.note!.slice(1), 'utf8')) : v.note!;
    refused(() => tlog.openNote(note, v.verifier_vkeys!.map(tlog.noteVerifier)), code!);
    if (code === 'MALFORMED') refused(() => tlog.parseNote(note), 'MALFORMED');
  });

  test('bad vkeys: a wrong key length is BAD_KEY, an unknown algorithm KEY_TYPE', () => {
    const v = check('go-note-vkey-bad-length-and-alg');
    refused(() => tlog.noteVerifier(v.bad_vkeys![0]!), 'BAD_KEY');
    refused(() => tlog.noteVerifier(v.bad_vkeys![1]!), 'KEY_TYPE');
  });
});

test('the C2SP example: key ID 530d903a = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]', () => {
  const v = check('c2sp-signed-note-example');
  const [vkey] = v.verifier_vkeys!;
  const key = tlog.parseVerifierKey(vkey!);
  expect(tlog.keyId(key.name, 1, key.publicKey).toString(16)).toBe(v.expect.key_id_hex);
  expect(tlog.formatVerifierKey(key.name, 1, key.publicKey)).toBe(vkey);
  const opened = tlog.openNote(v.note!, [tlog.noteVerifier(vkey!)]);
  expect([opened.text, names(opened.verified)]).toEqual([v.expect.text, v.expect.verified]);
});

test('the real sum.golang.org checkpoint verifies; its key name is not its origin', () => {
  const v = check('sum-golang-org-real-checkpoint');
  const [vkey] = v.verifier_vkeys!;
  const opened = tlog.openNote(v.note!, [tlog.noteVerifier(vkey!)]);
  expect(names(opened.verified)).toEqual(['sum.golang.org']);
  const checkpoint = tlog.parseCheckpoint(opened.text, { origin: 'go.sum database tree' });
  expect([checkpoint.origin, checkpoint.size, Buffer.from(checkpoint.rootHash).toString('base64')]).toEqual([
    v.expect.checkpoint.origin,
    v.expect.checkpoint.size,
    v.expect.checkpoint.root_hash_b64,
  ]);
  // The vector's root_hash_hex is a transcription slip (…bd81033c… for …bd80433c…): the signed
  // base64 line is authoritative, and decodes to this.
  expect(hex(checkpoint.rootHash)).toBe('99bf102d022cd19d323f90acb6aea0ba3f3ba1759e0bd80433ca158a49a6f569');
  expect(v.expect.checkpoint.root_hash_hex).toBe('99bf102d022cd19d323f90acb6aea0ba3f3ba1759e0bd81033ca158a49a6f569');
  expect(tlog.formatCheckpoint(checkpoint)).toBe(opened.text);
  refused(() => tlog.parseCheckpoint(opened.text, { origin: 'Go rocks but I might have the wrong ID' }), 'UNKNOWN_LOG');
  const policy = tlog.policy({ log: vkey!, origin: 'go.sum database tree' });
  expect(policy.verifyCheckpoint(v.note!).checkpoint.size).toBe(6476701);
  refused(() => tlog.policy({ log: vkey! }).verifyCheckpoint(v.note!), 'UNKNOWN_LOG');
});

test('the real static-ct checkpoint: type 0x05 is recognised by key ID but not verified (KEY_TYPE)', () => {
  const v = check('static-ct-rfc6962-note-rome2024h1');
  const [vkey] = v.verifier_vkeys!;
  const name = vkey!.split('+')[0]!;
  const spki = new Uint8Array(Buffer.from(v.log_public_key_spki_b64!, 'base64'));
  expect(tlog.keyId(name, tlog.SIGNATURE_TYPE.RFC6962_TREE_HEAD, sha256(spki)).toString(16)).toBe(v.expect.key_id_hex);
  refused(() => tlog.noteVerifier(vkey!), 'KEY_TYPE');
  const note = tlog.parseNote(v.note!);
  const [signature] = note.signatures;
  expect([signature!.name, signature!.keyId.toString(16)]).toEqual([name, v.expect.key_id_hex]);
  const view = new DataView(signature!.signature.buffer, signature!.signature.byteOffset);
  expect(Number(view.getBigUint64(0))).toBe(v.expect.timestamp_ms);
  expect(hex(signature!.signature.subarray(8, 10))).toBe('0403'); // DigitallySigned: SHA-256, ECDSA
  expect(tlog.parseCheckpoint(note.text).size).toBe(115474666);
  refused(() => tlog.openNote(v.note!, []), 'UNVERIFIED');
});

test("Go's tlog tree body: size 123456789012, root SHA-256(0x00 ‖ 'hello world'); 3 bad bodies", () => {
  const v = check('go-tlog-tree-body-format');
  const checkpoint = tlog.parseCheckpoint(v.tree_body!);
  expect(checkpoint.size).toBe(v.expect.size);
  expect(Buffer.from(checkpoint.rootHash).toString('base64')).toBe(v.expect.root_hash_b64);
  expect(hex(checkpoint.rootHash)).toBe(hex(tlog.leafHash(new TextEncoder().encode('hello world'))));
  const [otherOrigin, hexSize, badRoot] = v.expect.bad_bodies as string[];
  refused(() => tlog.parseCheckpoint(otherOrigin!, { origin: 'go.sum database tree' }), 'UNKNOWN_LOG');
  refused(() => tlog.parseCheckpoint(hexSize!), 'MALFORMED');
  refused(() => tlog.parseCheckpoint(badRoot!), 'MALFORMED');
});

test('every vector was checked', () => {
  expect([...checked].sort()).toEqual(vectors.map((v) => v.id).sort());
  expect(new TransparencyError('MALFORMED').message).toBe('transparency log data is malformed');
});
