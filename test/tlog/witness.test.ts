// The witness (c2sp.org/tlog-witness §add-checkpoint): every answer the protocol names, for a log
// it knows, grown and forked here; its cosignatures verify with its type-0x04 vkey.
import { describe, expect, test } from 'vitest';
import { tlog } from 'oblivia';

const ORIGIN = 'example.com/log';
const log = tlog.generateKey(ORIGIN);
const intruder = tlog.generateKey(ORIGIN); // the same name, another key
const witnessKey = tlog.generateKey('witness.example/w1');
const NOW = 1_780_000_000;

const leaves = (n: number, tag = 'entry') =>
  Array.from({ length: n }, (_, i) => tlog.leafHash(new TextEncoder().encode(`${tag} ${i}`)));

function signed(tree: Uint8Array[], signerKey = log.signerKey, origin = ORIGIN): string {
  const text = tlog.formatCheckpoint({ origin, size: tree.length, rootHash: tlog.rootHash(tree), extensions: [] });
  return tlog.signNote(text, [tlog.noteSigner(signerKey)]);
}

const b64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');

function body(oldSize: number, proof: readonly Uint8Array[], note: string): string {
  return [`old ${oldSize}`, ...proof.map(b64), '', note].join('\n');
}

function newWitness() {
  return tlog.witness({ key: witnessKey.signerKey, logs: [{ key: log.verifierKey }], now: () => NOW });
}

async function submit(witness: ReturnType<typeof newWitness>, text: string, init: RequestInit = {}) {
  const response = await witness(
    new Request('https://witness.example/add-checkpoint', { method: 'POST', body: text, ...init }),
  );
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('add-checkpoint', () => {
  test('cosigns the first checkpoint and then each consistent one; the cosignature verifies', async () => {
    const witness = newWitness();
    const all = leaves(20);
    const first = signed(all.slice(0, 7));
    const answer = await submit(witness, body(0, [], first));
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/^— witness\.example\/w1 [A-Za-z0-9+/]+=*\n$/);
    const cosigned = first + answer.text;
    const cosignature = tlog.cosigner(witnessKey.signerKey).verifierKey;
    const policy = tlog.policy({ log: log.verifierKey, witnesses: [cosignature], quorum: 1, maxAge: 60 });
    const verified = policy.verifyCheckpoint(cosigned, { now: NOW });
    expect(verified.cosignatures).toEqual([{ name: 'witness.example/w1', time: NOW }]);

    const next = signed(all);
    expect((await submit(witness, body(7, tlog.consistencyProof(all, 7), next))).status).toBe(200);
    // the same checkpoint again: old = size, same root
    expect((await submit(witness, body(20, [], next))).status).toBe(200);
  });

  test('409 with the recorded size for another old size; 409 for the same size with another root', async () => {
    const witness = newWitness();
    const all = leaves(10);
    expect((await submit(witness, body(0, [], signed(all.slice(0, 4))))).status).toBe(200);
    expect(await submit(witness, body(3, tlog.consistencyProof(all, 3), signed(all)))).toEqual({
      status: 409,
      type: 'text/x.tlog.size',
      text: '4\n',
    });
    expect(await submit(witness, body(0, [], signed(all)))).toEqual({
      status: 409,
      type: 'text/x.tlog.size',
      text: '4\n',
    });
    const fork = [...all.slice(0, 3), ...leaves(1, 'fork')];
    expect((await submit(witness, body(4, [], signed(fork)))).status).toBe(409);
  });

  test('422 for a proof that does not verify, including a fork of the recorded tree', async () => {
    const witness = newWitness();
    const all = leaves(16);
    expect((await submit(witness, body(0, [], signed(all.slice(0, 5))))).status).toBe(200);
    const proof = tlog.consistencyProof(all, 5);
    const flipped = proof.map((hash, i) => (i === 0 ? hash.map((b, j) => (j === 0 ? b ^ 1 : b)) : hash));
    expect((await submit(witness, body(5, flipped, signed(all)))).status).toBe(422);
    const fork = [...all.slice(0, 2), ...leaves(14, 'fork')];
    expect((await submit(witness, body(5, tlog.consistencyProof(fork, 5), signed(fork)))).status).toBe(422);
    // the record did not move: the honest tree is still accepted from 5
    expect((await submit(witness, body(5, proof, signed(all)))).status).toBe(200);
  });

  test('404 for an unknown origin, 403 without a valid signature of the log', async () => {
    const witness = newWitness();
    const all = leaves(3);
    const other = tlog.generateKey('other.example/log');
    expect((await submit(witness, body(0, [], signed(all, other.signerKey, 'other.example/log')))).status).toBe(404);
    expect((await submit(witness, body(0, [], signed(all, intruder.signerKey)))).status).toBe(403);
    const good = signed(all);
    const tampered = good.replace(
      /([A-Za-z0-9+/])(=*\n)$/,
      (_, c: string, end: string) => (c === 'A' ? 'B' : 'A') + end,
    );
    expect((await submit(witness, body(0, [], tampered))).status).toBe(403);
  });

  test('400 for a malformed body, an old size above the checkpoint, a proof from 0, 64 proof lines', async () => {
    const witness = newWitness();
    const all = leaves(8);
    const note = signed(all);
    const hash = all[0]!;
    for (const text of [
      note,
      `old 01\n\n${note}`,
      `old -1\n\n${note}`,
      `old 1\nnot base64!\n\n${note}`,
      `old 1\n${b64(hash.subarray(1))}\n\n${note}`,
      body(9, [], note),
      body(0, [hash], note),
      body(4, Array(64).fill(hash), note),
      body(0, [], 'example.com/log\n8\n\n'),
    ]) {
      expect((await submit(witness, text)).status, text.slice(0, 20)).toBe(400);
    }
  });

  test('405 for another method, 404 for another path, 413 past the body limit', async () => {
    const witness = tlog.witness({ key: witnessKey.signerKey, logs: [{ key: log.verifierKey }], maxBodyBytes: 100 });
    expect((await witness(new Request('https://w.example/add-checkpoint'))).status).toBe(405);
    expect((await witness(new Request('https://w.example/other', { method: 'POST', body: 'x' }))).status).toBe(404);
    const big = body(0, [], signed(leaves(2)));
    expect((await submit(witness, big)).status).toBe(413);
  });

  test('concurrent submissions from the same old size: one is cosigned, the other gets 409', async () => {
    const witness = newWitness();
    const all = leaves(30);
    expect((await submit(witness, body(0, [], signed(all.slice(0, 10))))).status).toBe(200);
    const answers = await Promise.all(
      [20, 30].map((size) =>
        submit(witness, body(10, tlog.consistencyProof(all.slice(0, size), 10), signed(all.slice(0, size)))),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.text).toMatch(/^(20|30)\n$/);
  });
});
