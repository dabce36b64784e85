// The client's verifier: a checkpoint is accepted under the policy (log signature, 2 of 3 witnesses
// cosigning through real witness handlers, freshness) and only if consistent with the newest one it
// accepted; one refusal per code, including a split view the witnesses never saw.
import { describe, expect, test } from 'vitest';
import { tlog, TransparencyError } from 'oblivia';

const ORIGIN = 'example.com/log';
const log = tlog.generateKey(ORIGIN);
const witnessKeys = [1, 2, 3].map((i) => tlog.generateKey(`witness.example/w${i}`));
const T0 = 1_780_000_000;

const leaves = (n: number, tag = 'entry') =>
  Array.from({ length: n }, (_, i) => tlog.leafHash(new TextEncoder().encode(`${tag} ${i}`)));

function signed(tree: Uint8Array[]): string {
  const text = tlog.formatCheckpoint({
    origin: ORIGIN,
    size: tree.length,
    rootHash: tlog.rootHash(tree),
    extensions: [],
  });
  return tlog.signNote(text, [tlog.noteSigner(log.signerKey)]);
}

/** Three witnesses; `cosign` submits a checkpoint to the first `count` of them and collects their lines. */
function witnesses(now: number) {
  const handlers = witnessKeys.map((k) =>
    tlog.witness({ key: k.signerKey, logs: [{ key: log.verifierKey }], now: () => now }),
  );
  const seen = handlers.map(() => ({ size: 0, tree: [] as Uint8Array[] }));
  return async (tree: Uint8Array[], count = 3): Promise<string> => {
    const note = signed(tree);
    let cosigned = note;
    for (const [i, handler] of handlers.slice(0, count).entries()) {
      const old = seen[i]!;
      const proof = old.size === 0 ? [] : tlog.consistencyProof(tree, old.size);
      const body = [`old ${old.size}`, ...proof.map((h) => Buffer.from(h).toString('base64')), '', note].join('\n');
      const response = await handler(new Request('https://w.example/add-checkpoint', { method: 'POST', body }));
      expect(response.status).toBe(200);
      cosigned += await response.text();
      seen[i] = { size: tree.length, tree };
    }
    return cosigned;
  };
}

const policy = () =>
  tlog.policy({
    log: log.verifierKey,
    witnesses: witnessKeys.map((k) => tlog.cosigner(k.signerKey).verifierKey),
    quorum: 2,
    maxAge: 3600,
  });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TransparencyError) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('log verifier', () => {
  test('accepts a cosigned checkpoint, then a newer one only with a valid consistency proof', async () => {
    const cosign = witnesses(T0);
    const verifier = tlog.verifier({ policy: policy() });
    const all = leaves(40);
    const first = await verifier.update(await cosign(all.slice(0, 10)), { now: T0 + 5 });
    expect(first.checkpoint.size).toBe(10);
    expect(first.cosignatures.map((c) => c.name)).toEqual([
      'witness.example/w1',
      'witness.example/w2',
      'witness.example/w3',
    ]);
    expect((await verifier.newest())!.size).toBe(10);

    const next = await cosign(all);
    expect(await refusal(verifier.update(next, { now: T0 + 5 }))).toBe('INCONSISTENT');
    const wrong = tlog.consistencyProof(all, 9);
    expect(await refusal(verifier.update(next, { now: T0 + 5, consistency: wrong }))).toBe('INCONSISTENT');
    await verifier.update(next, { now: T0 + 5, consistency: tlog.consistencyProof(all, 10) });
    expect((await verifier.newest())!.size).toBe(40);
  });

  test('a split view: the same size with another root is INCONSISTENT, even fully cosigned', async () => {
    const verifier = tlog.verifier({ policy: policy() });
    const honest = leaves(12);
    await verifier.update(await witnesses(T0)(honest), { now: T0 });
    const fork = [...honest.slice(0, 11), ...leaves(1, 'fork')];
    // other witnesses that never saw the honest tree cosign the fork
    expect(await refusal(verifier.update(await witnesses(T0)(fork), { now: T0 }))).toBe('INCONSISTENT');
    expect(tlog.rootHash(honest)).toEqual((await verifier.newest())!.rootHash);
  });

  test('an older checkpoint is accepted with a proof to the newest, which stays', async () => {
    const cosign = witnesses(T0);
    const verifier = tlog.verifier({ policy: policy() });
    const all = leaves(50);
    const older = await cosign(all.slice(0, 20));
    await verifier.update(await cosign(all), { now: T0 });
    const accepted = await verifier.update(older, { now: T0, consistency: tlog.consistencyProof(all, 20) });
    expect(accepted.checkpoint.size).toBe(20);
    expect((await verifier.newest())!.size).toBe(50);
  });

  test('QUORUM, STALE, UNVERIFIED, UNKNOWN_LOG, BAD_SIGNATURE, MALFORMED', async () => {
    const all = leaves(6);
    const verifier = tlog.verifier({ policy: policy() });
    expect(await refusal(verifier.update(await witnesses(T0)(all, 1), { now: T0 }))).toBe('QUORUM');
    const cosigned = await witnesses(T0)(all);
    expect(await refusal(verifier.update(cosigned, { now: T0 + 3601 }))).toBe('STALE');
    const unsignedByLog = cosigned.replace(/^— example\.com\/log .*\n/m, '');
    expect(await refusal(verifier.update(unsignedByLog, { now: T0 }))).toBe('UNVERIFIED');
    const other = tlog.generateKey('other.example/log');
    const foreign = tlog.signNote(
      tlog.formatCheckpoint({ origin: 'other.example/log', size: 6, rootHash: tlog.rootHash(all), extensions: [] }),
      [tlog.noteSigner(other.signerKey)],
    );
    expect(await refusal(verifier.update(foreign, { now: T0 }))).toBe('UNKNOWN_LOG');
    const line = cosigned.split('\n').find((l) => l.startsWith('— witness.example/w2 '))!;
    const flipped = line.slice(0, -2) + (line.at(-2) === 'A' ? 'B' : 'A') + line.at(-1);
    expect(await refusal(verifier.update(cosigned.replace(line, flipped), { now: T0 }))).toBe('BAD_SIGNATURE');
    expect(await refusal(verifier.update('not a note', { now: T0 }))).toBe('MALFORMED');
    expect(await verifier.newest()).toBeUndefined();
  });

  test('a tlog-proof: included, or NOT_INCLUDED for another leaf', async () => {
    const cosign = witnesses(T0);
    const verifier = tlog.verifier({ policy: policy() });
    const all = leaves(9);
    const checkpoint = await cosign(all);
    const proof = tlog.formatProof({ index: 4, hashes: tlog.inclusionProof(all, 4), checkpoint });
    const verified = await verifier.verifyProof(proof, all[4]!, { now: T0 });
    expect(verified.index).toBe(4);
    expect(await refusal(verifier.verifyProof(proof, all[5]!, { now: T0 }))).toBe('NOT_INCLUDED');
  });
});
