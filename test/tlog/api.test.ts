// The tlog API end to end: a log signs a checkpoint, witnesses cosign it, a client verifies a
// tlog-proof made from a local tree and a consistency proof between two checkpoints; strict
// checkpoint, note and proof grammar (each refusal MALFORMED); argument errors (TypeError,
// RangeError); keys (generateKey, cosigner key IDs, bad skeys).
import { describe, expect, test } from 'vitest';
import { tlog } from 'oblivia';

const refused = (f: () => unknown, code: string) =>
  expect(f).toThrow(expect.objectContaining({ name: 'TransparencyError', code }));
const utf8 = (text: string) => new TextEncoder().encode(text);

const ORIGIN = 'example.com/log';
const log = tlog.generateKey(ORIGIN);
const [w1, w2, w3] = ['w1.example', 'w2.example', 'w3.example'].map((name) =>
  tlog.cosigner(tlog.generateKey(name).signerKey),
);
const entries = Array.from({ length: 13 }, (_, i) => utf8(`entry ${i}`));
const leaves = entries.map(tlog.leafHash);

function signedCheckpoint(size: number, time: number): string {
  const text = tlog.formatCheckpoint({
    origin: ORIGIN,
    size,
    rootHash: tlog.rootHash(leaves.slice(0, size)),
    extensions: [],
  });
  const note = tlog.signNote(text, [tlog.noteSigner(log.signerKey)]);
  return w3!.cosign(w2!.cosign(w1!.cosign(note, time), time), time + 1);
}

describe('a log, three witnesses and a client', () => {
  const policy = tlog.policy({
    log: log.verifierKey,
    witnesses: [w1!.verifierKey, w2!.verifierKey, w3!.verifierKey],
    quorum: 2,
    maxAge: 600,
  });

  test('a tlog-proof made from the tree verifies; the proof text round-trips', () => {
    const checkpoint = signedCheckpoint(13, 1_700_000_000);
    const text = tlog.formatProof({ index: 5, hashes: tlog.inclusionProof(leaves, 5), checkpoint });
    expect(tlog.formatProof(tlog.parseProof(text))).toBe(text);
    expect(tlog.formatProof(tlog.parseProof(utf8(text)))).toBe(text);
    const verified = policy.verifyProof(text, leaves[5]!, { now: 1_700_000_100 });
    expect(verified.index).toBe(5);
    expect(verified.cosignatures).toEqual([
      { name: 'w1.example', time: 1_700_000_000 },
      { name: 'w2.example', time: 1_700_000_000 },
      { name: 'w3.example', time: 1_700_000_001 },
    ]);
    refused(() => policy.verifyProof(text, leaves[6]!, { now: 1_700_000_100 }), 'NOT_INCLUDED');
    refused(() => policy.verifyProof(text, leaves[5]!, { now: 1_700_000_601 }), 'STALE');
  });

  test('two checkpoints of the log are consistent', () => {
    const older = policy.verifyCheckpoint(signedCheckpoint(6, 100), { now: 200 }).checkpoint;
    const newer = policy.verifyCheckpoint(signedCheckpoint(13, 300), { now: 300 }).checkpoint;
    tlog.verifyConsistency(older, newer, tlog.consistencyProof(leaves, 6));
    refused(() => tlog.verifyConsistency(older, newer, tlog.consistencyProof(leaves, 7)), 'INCONSISTENT');
  });

  test('cosigning again replaces the witness’s own line; the notes keep other lines in order', () => {
    const once = signedCheckpoint(4, 10);
    const again = w1!.cosign(once, 20);
    const names = tlog.parseNote(again).signatures.map((s) => s.name);
    expect(names).toEqual([ORIGIN, 'w2.example', 'w3.example', 'w1.example']);
    expect(policy.verifyCheckpoint(again, { now: 20 }).cosignatures.find((c) => c.name === 'w1.example')!.time).toBe(
      20,
    );
    refused(() => w1!.cosign('not a checkpoint\n\n— x AAAAAAA=\n', 1), 'MALFORMED');
  });
});

describe('keys', () => {
  test('generateKey: Go-format skey and vkey of one Ed25519 key; signing verifies', () => {
    const { signerKey, verifierKey } = tlog.generateKey('example.com/k');
    expect(signerKey).toMatch(/^PRIVATE\+KEY\+example\.com\/k\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    expect(verifierKey).toMatch(/^example\.com\/k\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    expect(signerKey.split('+')[3]).toBe(verifierKey.split('+')[1]);
    const note = tlog.signNote('hello\n', [tlog.noteSigner(signerKey)]);
    expect(tlog.openNote(note, [tlog.noteVerifier(verifierKey)]).text).toBe('hello\n');
  });

  test('a cosigner from an 0x01 skey has the type-0x04 key ID; its vkey is type 0x04', () => {
    const { signerKey, verifierKey } = tlog.generateKey('w.example');
    const c = tlog.cosigner(signerKey);
    const key = tlog.parseVerifierKey(c.verifierKey);
    expect([key.type, key.keyId]).toEqual([tlog.SIGNATURE_TYPE.COSIGNATURE_ED25519, c.keyId]);
    expect(key.publicKey).toEqual(tlog.parseVerifierKey(verifierKey).publicKey);
    expect(c.keyId).toBe(tlog.keyId('w.example', 4, key.publicKey));
    refused(() => tlog.noteSigner(signerKey.replace(/\+A/, '+B')), 'KEY_TYPE');
  });

  test('bad keys: BAD_KEY (syntax, key ID), KEY_TYPE (type); a witness key must be type 0x04', () => {
    const { signerKey, verifierKey } = tlog.generateKey('k');
    const [name, id, key] = verifierKey.split('+');
    for (const bad of [
      `${name}+${id}`,
      `${name}+zzzzzzzz+${key}`,
      `a b+${id}+${key}`,
      `${name}+00000000+${key}`,
      `+${id}+${key}`,
    ])
      refused(() => tlog.noteVerifier(bad), 'BAD_KEY');
    refused(() => tlog.noteSigner(signerKey.replace('PRIVATE', 'PUBLIC')), 'BAD_KEY');
    refused(() => tlog.noteSigner(signerKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+')), 'BAD_KEY');
    refused(() => tlog.policy({ log: verifierKey, witnesses: [verifierKey] }), 'KEY_TYPE');
    refused(() => tlog.policy({ log: verifierKey, witnesses: [w1!.verifierKey, w1!.verifierKey] }), 'AMBIGUOUS_KEY');
    expect(() => tlog.noteVerifier(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('strict grammar', () => {
  const root = Buffer.from(new Uint8Array(32)).toString('base64');

  test('checkpoints: each deviation is MALFORMED', () => {
    expect(tlog.parseCheckpoint(`o\n0\n${root}\next\n`).extensions).toEqual(['ext']);
    for (const bad of [
      `o\n0\n${root}`,
      `o\n01\n${root}\n`,
      `o\n-1\n${root}\n`,
      `o\n1 \n${root}\n`,
      `o\n9007199254740992\n${root}\n`,
      `\n1\n${root}\n`,
      `o\n1\n${root.slice(4)}\n`,
      `o\n1\n${root.replace('=', '')}\n`,
      `o\n1\n${root}\n\n`,
      `o\n1\n${root}\nx\n\ny\n`,
      `o\r\n1\n${root}\n`,
      `o\n1\n`,
    ])
      refused(() => tlog.parseCheckpoint(bad), 'MALFORMED');
    expect(() => tlog.formatCheckpoint({ origin: 'o', size: 1, rootHash: new Uint8Array(31), extensions: [] })).toThrow(
      RangeError,
    );
    expect(() =>
      tlog.formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: new Uint8Array(32), extensions: [] }),
    ).toThrow(RangeError);
  });

  test('notes: a name with a space or plus, a short or non-canonical signature, no text newline', () => {
    for (const bad of [
      't\n\n— a+b AAAAAAA=\n',
      't\n\n— a AAAA\n',
      't\n\n— a AAAAAAB=\n',
      '\n— a AAAAAAA=\n',
      't\n\n—  AAAAAAA=\n',
    ])
      refused(() => tlog.parseNote(bad), 'MALFORMED');
    expect(tlog.parseNote('t\n\n— a AAAAAAA=\n').signatures).toEqual([
      { name: 'a', keyId: 0, signature: Uint8Array.of(0) },
    ]);
    refused(() => tlog.signNote('no newline', []), 'MALFORMED');
    refused(() => tlog.parseNote(`t\n\n${'— a AAAAAAA=\n'.repeat(101)}`), 'MALFORMED');
    expect(tlog.parseNote(`t\n\n${'— a AAAAAAA=\n'.repeat(100)}`).signatures.length).toBe(tlog.MAX_SIGNATURES);
  });

  test('tlog-proofs: header, extra, index, hashes, checkpoint', () => {
    const note = tlog.signNote(`o\n1\n${root}\n`, [tlog.noteSigner(tlog.generateKey('o').signerKey)]);
    const good = `c2sp.org/tlog-proof@v1\nindex 0\n\n${note}`;
    expect(tlog.parseProof(good).hashes).toEqual([]);
    for (const bad of [
      good.replace('@v1', '@v2'),
      good.replace('index 0', 'index 00'),
      good.replace('index 0', 'index -1'),
      good.replace('index 0', 'index 0\nAAAA'),
      good.replace('index 0', 'extra !!\nindex 0'),
      good.replace('index 0', 'index 0\nextra AAAA'),
      good.replace(`o\n1`, 'o\nx'),
      `c2sp.org/tlog-proof@v1\nindex 0\n`,
    ])
      refused(() => tlog.parseProof(bad), 'MALFORMED');
  });
});

describe('argument errors', () => {
  const tree = { size: 1, rootHash: new Uint8Array(32) };
  test('TypeError for a wrong type, RangeError for a wrong length or range', () => {
    expect(() => tlog.verifyInclusion('x' as unknown as Uint8Array, 0, tree, [])).toThrow(TypeError);
    expect(() => tlog.verifyInclusion(new Uint8Array(32), -1, tree, [])).toThrow(RangeError);
    expect(() => tlog.verifyInclusion(new Uint8Array(32), 0, { size: 1.5, rootHash: tree.rootHash }, [])).toThrow(
      RangeError,
    );
    expect(() => tlog.verifyConsistency(tree, tree, 'x' as unknown as Uint8Array[])).toThrow(TypeError);
    expect(() => tlog.nodeHash(new Uint8Array(31), new Uint8Array(32))).toThrow(RangeError);
    expect(() => tlog.inclusionProof(tlog.leafHash(new Uint8Array(0)) as unknown as Uint8Array[], 0)).toThrow(
      TypeError,
    );
    expect(() => tlog.inclusionProof([new Uint8Array(32)], 1)).toThrow(RangeError);
    expect(() => tlog.consistencyProof([new Uint8Array(32)], 0)).toThrow(RangeError);
    expect(() => tlog.policy({ log: tlog.generateKey('k').verifierKey, quorum: 1 })).toThrow(RangeError);
    expect(() => tlog.cosigner(tlog.generateKey('k').signerKey).signer(-1)).toThrow(RangeError);
  });
});
