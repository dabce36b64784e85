// RFC 6962 / RFC 9162 Merkle proofs: every case of transparency-dev/merkle's testdata
// (../shared/vectors/tlog/rfc6962-merkle, 98 inclusion + 98 consistency) verified as its wantErr
// says, each refusal with its exact code; the 4 cases the RFC algorithms alone would accept are
// named. The happy paths are also rebuilt from RFC 6962's test leaves: root and proofs, byte for byte.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tlog, TransparencyError } from 'oblivia';
import { readJsonVector, VECTORS } from '../helpers.js';

const DIR = join(VECTORS, 'tlog/rfc6962-merkle');
const b64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
const files = (kind: string): string[] =>
  readdirSync(join(DIR, kind), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => relative(DIR, join(DIR, kind, f)))
    .sort();

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

/** 'ok' or the TransparencyError code; anything else fails. */
function outcome(f: () => void): string {
  try {
    f();
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(TransparencyError);
    return (error as TransparencyError).code;
  }
}

const verifyInclusion = (c: InclusionCase) => () =>
  tlog.verifyInclusion(
    b64(c.leafHash),
    c.leafIdx,
    { size: c.treeSize, rootHash: b64(c.root) },
    (c.proof ?? []).map(b64),
  );
const verifyConsistency = (c: ConsistencyCase) => () =>
  tlog.verifyConsistency(
    { size: c.size1, rootHash: b64(c.root1) },
    { size: c.size2, rootHash: b64(c.root2) },
    (c.proof ?? []).map(b64),
  );

describe('inclusion (RFC 9162 §2.1.3.2)', () => {
  const cases = files('inclusion');

  test('98 cases: 6 valid, 92 refused', () => {
    expect(cases.length).toBe(98);
    const wanted = cases.map((f) => readJsonVector<InclusionCase>(`tlog/rfc6962-merkle/${f}`).wantErr);
    expect(wanted.filter((w) => !w).length).toBe(6);
  });

  test.each(cases)('%s', (file) => {
    const c = readJsonVector<InclusionCase>(`tlog/rfc6962-merkle/${file}`);
    expect(outcome(verifyInclusion(c))).toBe(c.wantErr ? 'NOT_INCLUDED' : 'ok');
  });

  test('policy: a leaf hash that is not 32 bytes is refused, though the RFC algorithm accepts it', () => {
    const c = readJsonVector<InclusionCase>('tlog/rfc6962-merkle/inclusion/single-entry/empty-root-and-leaf.json');
    expect([c.leafHash, c.root, c.proof, c.wantErr]).toEqual(['', '', [], true]);
    expect(outcome(verifyInclusion(c))).toBe('NOT_INCLUDED');
  });
});

describe('consistency (RFC 9162 §2.1.4.2)', () => {
  const cases = files('consistency');

  test('98 cases: 6 valid, 92 refused', () => {
    expect(cases.length).toBe(98);
    const wanted = cases.map((f) => readJsonVector<ConsistencyCase>(`tlog/rfc6962-merkle/${f}`).wantErr);
    expect(wanted.filter((w) => !w).length).toBe(6);
  });

  test.each(cases)('%s', (file) => {
    const c = readJsonVector<ConsistencyCase>(`tlog/rfc6962-merkle/${file}`);
    expect(outcome(verifyConsistency(c))).toBe(c.wantErr ? 'INCONSISTENT' : 'ok');
  });

  test('policy: no consistency proof from size 0, even to size 0', () => {
    const policy = [
      'size1-is-zero-and-size2-is-not-zero',
      'size1-is-zero-and-does-not-equal-size2',
      'sizes-are-equal-zero-and-proof-is-empty',
    ];
    for (const name of policy) {
      const c = readJsonVector<ConsistencyCase>(`tlog/rfc6962-merkle/consistency/additional/${name}.json`);
      expect([c.size1, c.proof, c.wantErr]).toEqual([0, [], true]);
      expect(outcome(verifyConsistency(c))).toBe('INCONSISTENT');
    }
  });
});

describe('the happy paths, rebuilt from RFC 6962 test leaves', () => {
  // transparency-dev/merkle's testonly leaves: the trees of every vector are prefixes of these.
  const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
  const hashes = LEAVES.map((h) => tlog.leafHash(new Uint8Array(Buffer.from(h, 'hex'))));

  test('the root of 8 leaves is inclusion/1/happy-path.json root', () => {
    const c = readJsonVector<InclusionCase>('tlog/rfc6962-merkle/inclusion/1/happy-path.json');
    expect(Buffer.from(tlog.rootHash(hashes)).toString('base64')).toBe(c.root);
    expect(Buffer.from(tlog.rootHash([])).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  test('inclusionProof and consistencyProof give each happy path proof', () => {
    let checked = 0;
    for (const file of files('inclusion').filter((f) => f.endsWith('happy-path.json'))) {
      const c = readJsonVector<InclusionCase>(`tlog/rfc6962-merkle/${file}`);
      const leaves = hashes.slice(0, c.treeSize);
      expect(Buffer.from(tlog.rootHash(leaves)).toString('base64')).toBe(c.root);
      expect(tlog.inclusionProof(leaves, c.leafIdx).map((h) => Buffer.from(h).toString('base64'))).toEqual(
        c.proof ?? [],
      );
      checked++;
    }
    for (const file of files('consistency').filter((f) => f.endsWith('happy-path.json'))) {
      const c = readJsonVector<ConsistencyCase>(`tlog/rfc6962-merkle/${file}`);
      const leaves = hashes.slice(0, c.size2);
      expect(Buffer.from(tlog.rootHash(hashes.slice(0, c.size1))).toString('base64')).toBe(c.root1);
      expect(tlog.consistencyProof(leaves, c.size1).map((h) => Buffer.from(h).toString('base64'))).toEqual(
        c.proof ?? [],
      );
      checked++;
    }
    expect(checked).toBe(10);
  });
});
