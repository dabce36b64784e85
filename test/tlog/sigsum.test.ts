// Real Sigsum proofs from test.sigsum.org/barreleye (../shared/vectors/tlog/sigsum): the leaf
// signature, the log's signature and the witnesses' cosignatures, recast as a C2SP checkpoint note
// (Sigsum's tree head and cosignature messages are C2SP's). The note built here from each proof is
// the c2sp-derived checkpoint byte for byte; 2-of-3 quorum; non-policy witnesses ignored; and
// sigsum-ts's 5 negative mutations, each with its code.
import { describe, expect, test } from 'vitest';
import { sha256, tlog, type TlogProof } from 'oblivia';
import { ed25519 } from 'oblivia/ed25519.js';
import { hex, readJsonVector, readVector, unhex } from '../helpers.js';

const expected = readJsonVector('tlog/sigsum/expected.json');
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const refused = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'TransparencyError', code }));

/** policy.txt: the log key and the witnesses' keys by name. */
function readPolicy() {
  const lines = readVector('tlog/sigsum/policy.txt').split('\n');
  const log = unhex(lines.find((l) => l.startsWith('log '))!.split(' ')[1]!);
  const witnesses = new Map(
    lines.filter((l) => l.startsWith('witness ')).map((l) => [l.split(' ')[1]!, unhex(l.split(' ')[2]!)] as const),
  );
  const quorum = Number(lines.find((l) => l.startsWith('group '))!.split(' ')[2]);
  return { log, witnesses, quorum };
}

/** Sigsum proof format v1: key=value lines, in three blank-line-separated sections. */
function readProof(file: string) {
  const lines = readVector(`tlog/sigsum/${file}`).split('\n');
  const values = (key: string) => lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  const [shortChecksum, keyHash, signature] = values('leaf')[0]!.split(' ');
  return {
    log: values('log')[0]!,
    leaf: { shortChecksum: shortChecksum!, keyHash: unhex(keyHash!), signature: unhex(signature!) },
    size: Number(values('size')[0]),
    rootHash: unhex(values('root_hash')[0]!),
    signature: unhex(values('signature')[0]!),
    cosignatures: values('cosignature').map((c) => {
      const [keyHash, time, signature] = c.split(' ');
      return { keyHash: keyHash!, time: Number(time), signature: unhex(signature!) };
    }),
    index: Number(values('leaf_index')[0]),
    path: values('node_hash').map(unhex),
  };
}

const policyFile = readPolicy();
const origin = `sigsum.org/v1/tree/${hex(sha256(policyFile.log))}`;
const logVkey = tlog.formatVerifierKey(origin, tlog.SIGNATURE_TYPE.ED25519, policyFile.log);
const witnessVkeys = [...policyFile.witnesses].map(([name, key]) =>
  tlog.formatVerifierKey(name, tlog.SIGNATURE_TYPE.COSIGNATURE_ED25519, key),
);
const witnessByKeyHash = new Map([...policyFile.witnesses].map(([name, key]) => [hex(sha256(key)), { name, key }]));
const policy = tlog.policy({ log: logVkey, witnesses: witnessVkeys, quorum: policyFile.quorum });

/** The sigsum proof as a signed checkpoint: the log's line, the policy witnesses' lines in the
 *  policy's order, then (if `foreign`) the other witnesses' lines under names of their own. */
function checkpointNote(proof: ReturnType<typeof readProof>, foreign = false): string {
  const text = tlog.formatCheckpoint({ origin, size: proof.size, rootHash: proof.rootHash, extensions: [] });
  const stamp = (time: number) => {
    const t = new Uint8Array(8);
    new DataView(t.buffer).setBigUint64(0, BigInt(time));
    return t;
  };
  const known = [...policyFile.witnesses.keys()].map((name) => {
    const c = proof.cosignatures.find((c) => witnessByKeyHash.get(c.keyHash)?.name === name)!;
    const key = tlog.parseVerifierKey(witnessVkeys.find((v) => v.startsWith(`${name}+`))!);
    return { name, keyId: key.keyId, signature: Uint8Array.of(...stamp(c.time), ...c.signature) };
  });
  const others = proof.cosignatures
    .filter((c) => !witnessByKeyHash.has(c.keyHash))
    .map((c) => ({
      name: `witness.example/${c.keyHash.slice(0, 8)}`,
      keyId: 0,
      signature: Uint8Array.of(...stamp(c.time), ...c.signature),
    }));
  const logLine = { name: origin, keyId: tlog.parseVerifierKey(logVkey).keyId, signature: proof.signature };
  return tlog.formatNote({ text, signatures: [logLine, ...known, ...(foreign ? others : [])] });
}

const proofFiles: [string, (typeof expected.proofs)[0]][] = expected.proofs.map((p: { file: string }) => [p.file, p]);

describe.each(proofFiles)('%s', (file, want) => {
  const proof = readProof(file);
  const message = ascii(readVector(`tlog/sigsum/${want.message_file}`));
  const checksum = sha256(sha256(message));
  const leaf = Uint8Array.of(...checksum, ...proof.leaf.signature, ...proof.leaf.keyHash);

  test('the policy: keys, key hashes, vkeys (expected.json)', () => {
    expect(hex(policyFile.log)).toBe(expected.log_public_key_hex);
    expect(proof.log).toBe(expected.log_key_hash_hex);
    expect(logVkey).toBe(readJsonVector('tlog/c2sp-derived/expected.json').vectors[0].log_vkey);
    for (const [name, keyHash] of Object.entries(expected.witness_key_hashes_hex))
      expect(hex(sha256(policyFile.witnesses.get(name)!))).toBe(keyHash);
  });

  test('the leaf: signature over "sigsum.org/v1/tree-leaf" ‖ 0x00 ‖ checksum, and its hash', () => {
    const submitter = unhex(expected.submitter_public_key_hex);
    expect(hex(sha256(submitter))).toBe(hex(proof.leaf.keyHash));
    expect(hex(checksum).slice(0, 4)).toBe(proof.leaf.shortChecksum);
    const signed = Uint8Array.of(...ascii('sigsum.org/v1/tree-leaf'), 0, ...checksum);
    expect(ed25519.verify(proof.leaf.signature, signed, submitter)).toBe(true);
    expect(hex(tlog.leafHash(leaf))).toBe(want.leaf_hash_hex);
  });

  test('the log signature, 3 policy cosignatures and the inclusion proof; the note is the c2sp-derived file', () => {
    const note = checkpointNote(proof);
    expect(note).toBe(readVector(`tlog/c2sp-derived/checkpoint_sigsum_size${proof.size}_cosigned.txt`));
    const verified = policy.verifyProof(
      { index: proof.index, hashes: proof.path, checkpoint: note },
      tlog.leafHash(leaf),
    );
    expect(hex(verified.checkpoint.rootHash)).toBe(want.root_hash_hex);
    expect(verified.cosignatures).toEqual(
      want.cosignatures.valid_known.map((name: string) => ({ name, time: want.cosignatures.timestamp })),
    );
  });

  test('2 cosignatures from witnesses outside the policy are ignored', () => {
    const note = checkpointNote(proof, true);
    const verified = policy.verifyCheckpoint(note);
    expect(verified.cosignatures.map((c) => c.name)).toEqual(['test1', 'test2', 'test3']);
    expect(verified.note.unverified.length).toBe(2);
    expect(
      proof.cosignatures
        .filter((c) => !witnessByKeyHash.has(c.keyHash))
        .map((c) => c.keyHash)
        .sort(),
    ).toEqual([...want.cosignatures.unknown_witness_key_hashes].sort());
  });

  test('2 of 3: with one policy cosignature left out, the quorum holds; with two, it does not', () => {
    const parsed = tlog.parseNote(checkpointNote(proof, true));
    const without = (...names: string[]) =>
      tlog.formatNote({ ...parsed, signatures: parsed.signatures.filter((s) => !names.includes(s.name)) });
    expect(policy.verifyCheckpoint(without('test2')).cosignatures.map((c) => c.name)).toEqual(['test1', 'test3']);
    refused(() => policy.verifyCheckpoint(without('test1', 'test3')), 'QUORUM');
  });
});

describe("sigsum-ts's 5 negative mutations of proof_leaf929_size930", () => {
  const proof = readProof('proof_leaf929_size930.txt');
  const leafFor = (message: string) =>
    tlog.leafHash(Uint8Array.of(...sha256(sha256(ascii(message))), ...proof.leaf.signature, ...proof.leaf.keyHash));
  const base: TlogProof = { index: proof.index, hashes: proof.path, checkpoint: checkpointNote(proof) };

  test('the unchanged proof verifies', () => {
    expect(policy.verifyProof(base, leafFor('test\n')).index).toBe(929);
  });

  test('message "uest\\n": the leaf signature fails, and the leaf is not included', () => {
    const checksum = sha256(sha256(ascii('uest\n')));
    const signed = Uint8Array.of(...ascii('sigsum.org/v1/tree-leaf'), 0, ...checksum);
    const submitter = unhex(expected.submitter_public_key_hex);
    expect(ed25519.verify(proof.leaf.signature, signed, submitter)).toBe(false);
    refused(() => policy.verifyProof(base, leafFor('uest\n')), 'NOT_INCLUDED');
  });

  test('leaf_index 931 (past the size): NOT_INCLUDED', () => {
    refused(() => policy.verifyProof({ ...base, index: 931 }, leafFor('test\n')), 'NOT_INCLUDED');
  });

  test('the 4th node_hash changed (4e30… → aa30…): NOT_INCLUDED', () => {
    const hashes = proof.path.map((h) => h.slice());
    expect(hex(hashes[3]!).slice(0, 4)).toBe('4e30');
    hashes[3]![0] = 0xaa;
    refused(() => policy.verifyProof({ ...base, hashes }, leafFor('test\n')), 'NOT_INCLUDED');
  });

  test('one node_hash appended: NOT_INCLUDED', () => {
    const hashes = [...proof.path, proof.path[0]!];
    refused(() => policy.verifyProof({ ...base, hashes }, leafFor('test\n')), 'NOT_INCLUDED');
  });

  test('log=aaaa…aa: the checkpoint is not the policy log’s, UNKNOWN_LOG', () => {
    const other = base.checkpoint.replaceAll(proof.log, 'aa'.repeat(32));
    expect(other).not.toBe(base.checkpoint);
    refused(() => policy.verifyProof({ ...base, checkpoint: other }, leafFor('test\n')), 'UNKNOWN_LOG');
  });
});
