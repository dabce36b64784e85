// The C2SP-framed files of ../shared/vectors/tlog/c2sp-derived: two Sigsum checkpoints with the log's
// signature and 3 Ed25519 cosignatures (type 0x04), and 3 c2sp.org/tlog-proof@v1 files (2 Sigsum,
// 1 Sigstore Rekor v2). Also pins the tampering rule: a changed byte in a known witness's
// cosignature refuses the whole note (BAD_SIGNATURE), even though 2 of 3 valid cosignatures remain.
import { describe, expect, test } from 'vitest';
import { tlog } from 'oblivia';
import { hex, readJsonVector, readVector, unhex } from '../helpers.js';

const { vectors } = readJsonVector('tlog/c2sp-derived/expected.json');
const [size930, size1329, rekor] = vectors;
const refused = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'TransparencyError', code }));
const witnessVkeys = (v: typeof size930): string[] =>
  Object.values(v.witness_vkeys as Record<string, { vkey: string }>).map((w) => w.vkey);
const policyOf = (v: typeof size930, options = {}) =>
  tlog.policy({ log: v.log_vkey, witnesses: witnessVkeys(v), quorum: 2, ...options });

/** `note` with byte `at` of the decoded signature of `name`'s line flipped. */
function tamper(note: string, name: string, at: number): string {
  const parsed = tlog.parseNote(note);
  return tlog.formatNote({
    ...parsed,
    signatures: parsed.signatures.map((s) => {
      if (s.name !== name) return s;
      const signature = s.signature.slice();
      signature[at]! ^= 0x01;
      return { ...s, signature };
    }),
  });
}

describe.each([size930, size1329].map((v) => [v.checkpoint_file, v] as const))('%s', (file, v) => {
  const note = readVector(`tlog/c2sp-derived/${file}`);
  const time = Object.values(v.witness_vkeys as Record<string, { timestamp: number }>)[0]!.timestamp;

  test('the log signature, 3 valid cosignatures (2-of-3 met), the checkpoint', () => {
    const verified = policyOf(v).verifyCheckpoint(note);
    expect(verified.checkpoint.origin).toBe(v.origin);
    expect(verified.checkpoint.size).toBe(v.tree_size);
    expect(hex(verified.checkpoint.rootHash)).toBe(v.root_hash_hex);
    expect(verified.note.verified.map((s) => s.name)).toEqual([v.origin, ...v.expect.witness_cosignatures_valid]);
    expect(verified.cosignatures).toEqual(v.expect.witness_cosignatures_valid.map((name: string) => ({ name, time })));
    expect(tlog.parseVerifierKey(v.log_vkey).keyId.toString(16)).toBe(v.log_key_id_hex);
    expect(policyOf(v, { quorum: 3 }).verifyCheckpoint(note).cosignatures.length).toBe(3);
  });

  test('each witness key verifies its own line through openNote, and only it', () => {
    for (const vkey of witnessVkeys(v)) {
      const opened = tlog.openNote(note, [tlog.noteVerifier(vkey)]);
      expect(opened.verified.map((s) => s.name)).toEqual([vkey.split('+')[0]]);
      expect(tlog.cosignatureTime(opened.verified[0]!.signature)).toBe(time);
      expect(opened.unverified.length).toBe(3);
    }
  });

  test('tampering rule: one changed byte in a known cosignature refuses the note, quorum or not', () => {
    for (const at of [0, 7, 8, 40, 71])
      refused(() => policyOf(v).verifyCheckpoint(tamper(note, 'test1', at)), 'BAD_SIGNATURE');
    refused(() => policyOf(v).verifyCheckpoint(tamper(tamper(note, 'test1', 20), 'test3', 20)), 'BAD_SIGNATURE');
    refused(() => policyOf(v).verifyCheckpoint(tamper(note, v.origin, 20)), 'BAD_SIGNATURE');
    refused(() => tlog.openNote(tamper(note, 'test2', 9), [tlog.noteVerifier(witnessVkeys(v)[1]!)]), 'BAD_SIGNATURE');
  });

  test('a changed key ID makes the line an unknown key’s: ignored, so 2 of 3 still meet the quorum', () => {
    const parsed = tlog.parseNote(note);
    const renamed = tlog.formatNote({
      ...parsed,
      signatures: parsed.signatures.map((s) => (s.name === 'test1' ? { ...s, keyId: s.keyId ^ 1 } : s)),
    });
    expect(
      policyOf(v)
        .verifyCheckpoint(renamed)
        .cosignatures.map((c) => c.name),
    ).toEqual(['test2', 'test3']);
    refused(() => policyOf(v, { quorum: 3 }).verifyCheckpoint(renamed), 'QUORUM');
  });

  test('a cosignature from a witness outside the policy is ignored, tampered or not', () => {
    const policy = tlog.policy({ log: v.log_vkey, witnesses: witnessVkeys(v).slice(0, 2), quorum: 2 });
    expect(policy.verifyCheckpoint(tamper(note, 'test3', 20)).cosignatures.map((c) => c.name)).toEqual([
      'test1',
      'test2',
    ]);
  });

  test('freshness: maxAge bounds the age, a future timestamp does not count, now is required', () => {
    const policy = policyOf(v, { maxAge: 3600 });
    expect(policy.verifyCheckpoint(note, { now: time }).cosignatures.length).toBe(3);
    expect(policy.verifyCheckpoint(note, { now: time + 3600 }).cosignatures.length).toBe(3);
    refused(() => policy.verifyCheckpoint(note, { now: time + 3601 }), 'STALE');
    refused(() => policy.verifyCheckpoint(note, { now: time - 1 }), 'STALE');
    expect(() => policy.verifyCheckpoint(note)).toThrow(TypeError);
    expect(policyOf(v).verifyCheckpoint(note, { now: 0 }).cosignatures.length).toBe(3);
  });

  test('unsigned by the log: UNVERIFIED; another origin: UNKNOWN_LOG', () => {
    const parsed = tlog.parseNote(note);
    const witnessesOnly = tlog.formatNote({ ...parsed, signatures: parsed.signatures.slice(1) });
    refused(() => policyOf(v).verifyCheckpoint(witnessesOnly), 'UNVERIFIED');
    refused(() => policyOf(v, { origin: 'example.com/log' }).verifyCheckpoint(note), 'UNKNOWN_LOG');
  });
});

const proofFiles: [string, typeof rekor][] = vectors.map((v: typeof rekor) => [v.tlog_proof_file, v]);

describe.each(proofFiles)('%s', (file, v) => {
  const text = readVector(`tlog/c2sp-derived/${file}`);
  const leafHash = unhex(v.leaf?.leaf_hash_hex ?? '');
  const policy = v.witness_vkeys === undefined ? tlog.policy({ log: v.log_vkey }) : policyOf(v);

  test('parses, formats back byte for byte, and verifies: log signature, cosignatures, inclusion', () => {
    const proof = tlog.parseProof(text);
    expect(proof.index).toBe(v.leaf_index);
    expect(proof.extra).toBeUndefined();
    expect(tlog.formatProof(proof)).toBe(text);
    const verified = policy.verifyProof(text, leafHash);
    expect([verified.index, verified.checkpoint.origin, verified.checkpoint.size]).toEqual([
      v.leaf_index,
      v.origin,
      v.tree_size,
    ]);
    expect(Buffer.from(verified.checkpoint.rootHash).toString('base64')).toBe(v.root_hash_b64);
    expect(verified.cosignatures.length).toBe(v.expect.witness_cosignatures_valid?.length ?? 0);
  });

  test('another leaf, index or hash: NOT_INCLUDED', () => {
    const proof = tlog.parseProof(text);
    const other = leafHash.slice();
    other[0]! ^= 1;
    refused(() => policy.verifyProof(text, other), 'NOT_INCLUDED');
    refused(() => policy.verifyProof({ ...proof, index: proof.index - 1 }, leafHash), 'NOT_INCLUDED');
    refused(() => policy.verifyProof({ ...proof, hashes: proof.hashes.slice(1) }, leafHash), 'NOT_INCLUDED');
  });
});

test('Rekor v2: the log key ID f30d5a99; an extra line round-trips and is returned unauthenticated', () => {
  const text = readVector(`tlog/c2sp-derived/${rekor.tlog_proof_file}`);
  expect(tlog.parseVerifierKey(rekor.log_vkey).keyId.toString(16)).toBe(rekor.log_key_id_hex);
  const withExtra = tlog.formatProof({ ...tlog.parseProof(text), extra: Uint8Array.of(1, 2, 3) });
  expect(withExtra.split('\n').slice(0, 3)).toEqual(['c2sp.org/tlog-proof@v1', 'extra AQID', 'index 735']);
  const verified = tlog.policy({ log: rekor.log_vkey }).verifyProof(withExtra, unhex(rekor.leaf.leaf_hash_hex));
  expect(hex(verified.extra!)).toBe('010203');
});
