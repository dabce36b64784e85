// Transparency logs (docs/tlog.md): what a client does per session — verify a c2sp.org/tlog-proof,
// its checkpoint signed by the log and cosigned by 3 witnesses under a 2-of-3 policy with a
// freshness bound, and the inclusion proof of one entry in a tree of 10^6 — what a log does —
// append a batch of entries and publish them as tlog-tiles, to a directory and to memory — and
// an inclusion proof computed from the tiles. oblivia wasm against oblivia js (the same calls,
// the backend switched); the client's verification also against the same steps written by hand
// over @noble/curves's Ed25519 and @noble/hashes's SHA-256.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { tlog, useBackend, type LogWriter, type TileStorage } from '../../bindings/index.js';
import { directoryStorage } from '../../bindings/node.js';
import { bytes } from '../inputs.js';
import type { BenchCase, Impl } from '../types.js';

/** The client's tree: 10^6 entries of 16 bytes, written once as tiles in memory. */
export const TLOG_TREE_SIZE = 1_000_000;
const TREE_ENTRY_SIZE = 16;
/** The entry whose inclusion is proven. */
const PROVEN_INDEX = 765_432;
/** Appends: batches of 1,000 entries of 256 bytes, one publish each. */
export const TLOG_BATCH = 1000;
export const TLOG_ENTRY_SIZE = 256;
/** Each writer starts a fresh log once its log holds this many entries. */
const LOG_WRAP = 100 * TLOG_BATCH;
/** The client's clock (POSIX seconds); the witnesses cosigned 30, 60 and 90 s before it. */
const NOW = 1_750_000_000;
const MAX_AGE = 600;
const QUORUM = 2;
const ORIGIN = 'bench.example/log';

export type TlogOp = 'client-verify' | 'append-disk' | 'append-memory' | 'prove-tiles';

/** `tlog-client-verify`, `tlog-append-disk`, … */
export const tlogCaseId = (op: TlogOp): string => `tlog-${op}`;

/** The same call on the wasm (SIMD build) and js backends. */
function bothBackends(run: () => Uint8Array): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);
const base64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** A vkey `<name>+<hex key ID>+<base64(type ‖ key)>`, split by hand. */
interface HandKey {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
}

function handKey(vkey: string): HandKey {
  const [name, id] = vkey.split('+') as [string, string];
  const key = vkey.slice(name.length + id.length + 2); // base64 may hold '+'
  return { name, keyId: parseInt(id, 16), publicKey: base64(key).subarray(1) };
}

interface HandPolicy {
  readonly origin: string;
  readonly log: HandKey;
  readonly witnesses: readonly HandKey[];
}

/**
 * The peer: the client's steps written over @noble/curves and @noble/hashes — split the
 * tlog-proof and its checkpoint note, verify the log's Ed25519 signature and each policy
 * witness's type-0x04 cosignature, count the fresh distinct witnesses, hash the entry and walk
 * the inclusion proof (RFC 9162 §2.1.3.2) to the checkpoint's root. Throws if anything fails;
 * the root hash if everything holds.
 */
function verifyByHand(proof: string, entry: Uint8Array, policy: HandPolicy, now: number): Uint8Array {
  const fail = (what: string): never => {
    throw new Error(`hand verification: ${what}`);
  };
  const blank = proof.indexOf('\n\n');
  const [header, indexLine, ...hashLines] = proof.slice(0, blank).split('\n');
  if (header !== tlog.TLOG_PROOF_HEADER || !indexLine?.startsWith('index ')) fail('proof header');
  const index = Number(indexLine!.slice('index '.length));
  const note = proof.slice(blank + 2);
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const message = utf8(text);
  const [origin, sizeLine, rootLine] = text.split('\n') as [string, string, string];
  if (origin !== policy.origin) fail('origin');
  const size = Number(sizeLine);
  const root = base64(rootLine);
  let logSigned = false;
  const fresh = new Set<string>();
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const [, name, signature64] = line.split(' ') as [string, string, string];
    const raw = base64(signature64);
    const keyId = new DataView(raw.buffer, raw.byteOffset).getUint32(0);
    const signature = raw.subarray(4);
    if (name === policy.log.name && keyId === policy.log.keyId) {
      if (!ed25519.verify(signature, message, policy.log.publicKey)) fail('log signature');
      logSigned = true;
      continue;
    }
    const witness = policy.witnesses.find((w) => w.name === name && w.keyId === keyId);
    if (!witness) continue;
    const time = new DataView(signature.buffer, signature.byteOffset).getBigUint64(0);
    const cosigned = concatBytes(utf8(`cosignature/v1\ntime ${time}\n`), message);
    if (!ed25519.verify(signature.subarray(8), cosigned, witness.publicKey)) fail('cosignature');
    if (time <= BigInt(now) && now - Number(time) <= MAX_AGE) fresh.add(name);
  }
  if (!logSigned || fresh.size < QUORUM) fail('signatures');
  let fn = index;
  let sn = size - 1;
  let hash = sha256(concatBytes(Uint8Array.of(0), entry));
  for (const line of hashLines) {
    const sibling = base64(line);
    if (sn === 0) fail('proof too long');
    if (fn % 2 === 1 || fn === sn) {
      hash = sha256(concatBytes(Uint8Array.of(1), sibling, hash));
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else {
      hash = sha256(concatBytes(Uint8Array.of(1), hash, sibling));
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  if (sn !== 0 || !equalBytes(hash, root)) fail('inclusion');
  return root;
}

/** The 10^6-entry tree as tiles in memory (entry i: 16 bytes holding i), published in slices. */
function clientTree(logKey: string): { storage: TileStorage; note: string } {
  const storage = tlog.memoryStorage();
  const writer = tlog.logWriter({ storage, signer: logKey });
  const entry = bytes(TREE_ENTRY_SIZE, 130);
  let note = '';
  while (writer.size < TLOG_TREE_SIZE) {
    const end = Math.min(writer.size + 65_536, TLOG_TREE_SIZE);
    for (let i = writer.size; i < end; i++) {
      new DataView(entry.buffer).setUint32(0, i);
      writer.append(entry);
    }
    note = writer.publish();
  }
  return { storage, note };
}

/** Appends `entries` to a log in `open()`'s storage and publishes it; a fresh log every LOG_WRAP. */
function appender(open: () => TileStorage, logKey: string, entries: readonly Uint8Array[]): () => Uint8Array {
  let writer: LogWriter | undefined;
  return () => {
    if (writer === undefined || writer.size >= LOG_WRAP) writer = tlog.logWriter({ storage: open(), signer: logKey });
    for (const entry of entries) writer.append(entry);
    return utf8(writer.publish());
  };
}

/** Before anything is timed: both backends publish the same batch to the same checkpoint, which
 *  the log's policy verifies, with an entry read back and proven from the tiles. */
function checkAppend(logKey: string, logVerifier: string, entries: readonly Uint8Array[]): void {
  const notes = (['wasm', 'js'] as const).map((name) => {
    useBackend(name);
    const storage = tlog.memoryStorage();
    const writer = tlog.logWriter({ storage, signer: logKey });
    for (const entry of entries) writer.append(entry);
    const note = writer.publish();
    const { checkpoint } = tlog.policy({ log: logVerifier }).verifyCheckpoint(note);
    const reader = tlog.tileReader(storage, checkpoint.size);
    const last = entries.length - 1;
    if (checkpoint.size !== entries.length || !equalBytes(reader.entry(last), entries[last]!))
      throw new Error(`tlog append check (${name}): the log does not hold the batch`);
    tlog.verifyInclusion(tlog.leafHash(entries[last]!), last, checkpoint, reader.inclusionProof(last));
    return note;
  });
  if (notes[0] !== notes[1])
    throw new Error('tlog append check: the wasm and js backends publish different checkpoints');
}

export function tlogCases(): BenchCase[] {
  useBackend('wasm');
  const log = tlog.generateKey(ORIGIN);
  const witnesses = ['w1.bench.example', 'w2.bench.example', 'w3.bench.example'].map((name) =>
    tlog.cosigner(tlog.generateKey(name).signerKey),
  );

  // The client's inputs: the tree's checkpoint cosigned by all 3 witnesses, a tlog-proof for one
  // entry, the policy (made once, as a client keeps it) and the same trust split for the peer.
  const tree = clientTree(log.signerKey);
  let checkpoint = tree.note;
  witnesses.forEach((w, i) => (checkpoint = w.cosign(checkpoint, NOW - 30 * (i + 1))));
  const reader = tlog.tileReader(tree.storage, TLOG_TREE_SIZE);
  const entry = reader.entry(PROVEN_INDEX);
  const hashes = reader.inclusionProof(PROVEN_INDEX);
  const proof = tlog.formatProof({ index: PROVEN_INDEX, hashes, checkpoint });
  const policy = tlog.policy({
    log: log.verifierKey,
    witnesses: witnesses.map((w) => w.verifierKey),
    quorum: QUORUM,
    maxAge: MAX_AGE,
  });
  const root = policy.verifyCheckpoint(checkpoint, { now: NOW }).checkpoint.rootHash;
  const handPolicy: HandPolicy = {
    origin: ORIGIN,
    log: handKey(log.verifierKey),
    witnesses: witnesses.map((w) => handKey(w.verifierKey)),
  };

  // The log's inputs: 1,000 distinct entries, each log in its own temporary directory (removed at exit).
  const batch = Array.from({ length: TLOG_BATCH }, (_, i) => bytes(TLOG_ENTRY_SIZE, 1000 + i));
  checkAppend(log.signerKey, log.verifierKey, batch);
  useBackend(undefined);
  const logsDir = mkdtempSync(join(tmpdir(), 'oblivia-bench-tlog-'));
  process.once('exit', () => rmSync(logsDir, { recursive: true, force: true }));
  const directory = (): TileStorage => directoryStorage(mkdtempSync(join(logsDir, 'log-')));

  const appendCase = (op: 'append-disk' | 'append-memory', where: string, open: () => TileStorage): BenchCase => ({
    id: tlogCaseId(op),
    title: `tlog log: append ${TLOG_BATCH.toLocaleString('en-US')} entries of ${TLOG_ENTRY_SIZE} B and publish, ${where} (1 op = 1 batch)`,
    chartLabel: ['tlog append', `${TLOG_BATCH} × ${TLOG_ENTRY_SIZE} B, ${where}`],
    group: 'tlog',
    unit: 'ops/s',
    bytes: TLOG_BATCH * TLOG_ENTRY_SIZE,
    // Every publish names a larger tree than the one before.
    expected: 'randomized',
    impls: [
      { name: 'oblivia wasm', backend: 'wasm', build: 'simd', run: appender(open, log.signerKey, batch) },
      { name: 'oblivia js', backend: 'js', run: appender(open, log.signerKey, batch) },
    ],
  });

  return [
    {
      id: tlogCaseId('client-verify'),
      title: 'tlog client: verify a tlog-proof — checkpoint cosigned 2-of-3, fresh; inclusion in a tree of 10^6',
      chartLabel: ['tlog client', 'checkpoint 2-of-3 + inclusion, 10^6'],
      group: 'tlog',
      unit: 'ops/s',
      bytes: proof.length,
      expected: root,
      impls: [
        ...bothBackends(() => {
          return policy.verifyProof(proof, tlog.leafHash(entry), { now: NOW }).checkpoint.rootHash;
        }),
        {
          name: '@noble/curves',
          run: () => {
            return verifyByHand(proof, entry, handPolicy, NOW);
          },
        },
      ],
    },
    appendCase('append-disk', 'to disk', directory),
    appendCase('append-memory', 'to memory', () => tlog.memoryStorage()),
    {
      id: tlogCaseId('prove-tiles'),
      title: 'tlog log: inclusion proof from tiles, tree of 10^6 (in memory)',
      chartLabel: ['tlog proof from tiles', 'tree of 10^6'],
      group: 'tlog',
      unit: 'ops/s',
      bytes: TREE_ENTRY_SIZE,
      expected: concatBytes(...hashes),
      impls: bothBackends(() => {
        return concatBytes(...tlog.tileReader(tree.storage, TLOG_TREE_SIZE).inclusionProof(PROVEN_INDEX));
      }),
    },
  ];
}
