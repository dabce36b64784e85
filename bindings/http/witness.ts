// A transparency-log witness (c2sp.org/tlog-witness §add-checkpoint) as a fetch-style handler: it
// keeps the latest checkpoint it cosigned per log, and cosigns a newer one only if the log signed
// it and it is consistent with that record. The answers are the protocol's:
//   404 an unknown origin; 403 no signature from the log's key (or a bad one);
//   400 a malformed body, an old size above the checkpoint's, a proof when the old size is 0;
//   409 an old size that is not the recorded one (body: the recorded size, text/x.tlog.size), or
//       the same size with another root — a split view;
//   422 a consistency proof that does not verify; 200 the cosignature line.
// Per origin, the check and the update of the record run one at a time (§add-checkpoint: "must be
// performed atomically"); a store shared by several processes makes the update a compare-and-set.
import { parseCheckpoint, type Checkpoint } from '../tlog/checkpoint.js';
import { cosigner as makeCosigner } from '../tlog/cosignature.js';
import { HASH_SIZE, verifyConsistency, type TreeHead } from '../tlog/merkle.js';
import { noteVerifier } from '../tlog/note-signers.js';
import { formatNote, openNote, parseNote } from '../tlog/signed-note.js';
import { TransparencyError } from '../tlog/transparency-error.js';
import { integer, objectArgument } from '../utils/arguments.js';
import { decodeBase64 } from '../utils/base64.js';
import { equalBytes, utf8 } from '../utils/bytes.js';
import { bodyOf, limitArgument, readBody, statusResponse, TooLargeError, type Handler } from './exchange.js';

/** Where a witness records the latest checkpoint it cosigned, per origin. */
export interface WitnessStore {
  /** The recorded tree head of `origin`, if any. */
  get(origin: string): Promise<TreeHead | undefined>;
  /** Records `next` for `origin` if the recorded size is still `expectedSize` (0: none); whether it did. */
  compareAndSet(origin: string, expectedSize: number, next: TreeHead): Promise<boolean>;
}

/** Options of {@link tlog.witness}. */
export interface WitnessOptions {
  /** The witness's Ed25519 signer key (a Go skey, type 0x01 or 0x04); it cosigns with type 0x04. */
  readonly key: string;
  /** The logs it witnesses: each log's vkey, and its origin if that is not the key's name. */
  readonly logs: readonly { readonly key: string; readonly origin?: string }[];
  /** Where the latest cosigned checkpoints are kept; in this process's memory by default. */
  readonly store?: WitnessStore;
  /** The time a cosignature states, POSIX seconds; the system clock by default. */
  readonly now?: () => number;
  /** The largest request body, in bytes; default 64 KiB. */
  readonly maxBodyBytes?: number;
}

/** §add-checkpoint: at most 63 consistency proof lines. */
const MAX_PROOF_LINES = 63;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** A store in this process's memory. */
export function memoryWitnessStore(): WitnessStore {
  const heads = new Map<string, TreeHead>();
  return Object.freeze({
    get: async (origin: string) => heads.get(origin),
    async compareAndSet(origin: string, expectedSize: number, next: TreeHead) {
      if ((heads.get(origin)?.size ?? 0) !== expectedSize) return false;
      heads.set(origin, { size: next.size, rootHash: next.rootHash.slice() });
      return true;
    },
  });
}

interface Submission {
  readonly oldSize: number;
  readonly proof: readonly Uint8Array[];
  readonly note: string;
}

/** The body: `old <size>\n`, up to 63 base64 hash lines, a blank line, then the signed checkpoint. */
function parseSubmission(body: Uint8Array): Submission | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  const blank = text.indexOf('\n\n');
  if (blank < 0) return undefined;
  const [oldLine, ...proofLines] = text.slice(0, blank).split('\n');
  const oldSize = oldLine?.startsWith('old ') ? oldLine.slice(4) : '';
  if (!DECIMAL.test(oldSize) || Number(oldSize) > Number.MAX_SAFE_INTEGER) return undefined;
  if (proofLines.length > MAX_PROOF_LINES) return undefined;
  const proof = proofLines.map((line) => decodeBase64(line));
  if (!proof.every((hash) => hash?.length === HASH_SIZE)) return undefined;
  return { oldSize: Number(oldSize), proof: proof as Uint8Array[], note: text.slice(blank + 2) };
}

const sizeConflict = (size: number): Response =>
  new Response(`${size}\n`, { status: 409, headers: { 'content-type': 'text/x.tlog.size' } });

/** A witness's add-checkpoint handler; it answers every request and never throws. */
export function createWitness(options: WitnessOptions): Handler {
  const {
    key,
    logs,
    store = memoryWitnessStore(),
    now = () => Math.floor(Date.now() / 1000),
  } = objectArgument(options, 'options');
  if (typeof key !== 'string') throw new TypeError('"options.key" expected a signer key string');
  const witness = makeCosigner(key);
  if (!Array.isArray(logs)) throw new TypeError('"options.logs" expected an array');
  const verifiers = new Map<string, ReturnType<typeof noteVerifier>[]>();
  for (const log of logs) {
    const verifier = noteVerifier(log.key);
    const origin = log.origin ?? verifier.name!;
    verifiers.set(origin, [...(verifiers.get(origin) ?? []), verifier]);
  }
  if (typeof now !== 'function') throw new TypeError('"options.now" expected function');
  const maxBodyBytes = limitArgument(options.maxBodyBytes, 'options.maxBodyBytes', 64 * 1024);
  const queues = new Map<string, Promise<unknown>>();

  /** Runs `step` after every earlier step for `origin` has finished. */
  function serialized<T>(origin: string, step: () => Promise<T>): Promise<T> {
    const previous = queues.get(origin) ?? Promise.resolve();
    const run = previous.then(step, step);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(origin, settled);
    void settled.then(() => queues.get(origin) === settled && queues.delete(origin));
    return run;
  }

  /** The checks against the record, then the record's update and the cosignature. */
  async function addCheckpoint(submission: Submission, checkpoint: Checkpoint, text: string): Promise<Response> {
    const { oldSize, proof } = submission;
    const recorded = await store.get(checkpoint.origin);
    const recordedSize = recorded?.size ?? 0;
    if (oldSize !== recordedSize) return sizeConflict(recordedSize);
    if (oldSize === checkpoint.size) {
      if (oldSize > 0 && !equalBytes(recorded!.rootHash, checkpoint.rootHash)) return statusResponse(409);
    } else if (oldSize > 0) {
      try {
        verifyConsistency(recorded!, checkpoint, proof);
      } catch (e) {
        if (e instanceof TransparencyError) return statusResponse(422);
        throw e;
      }
    }
    if (!(await store.compareAndSet(checkpoint.origin, oldSize, checkpoint))) {
      return sizeConflict((await store.get(checkpoint.origin))?.size ?? 0);
    }
    const time = integer(now(), 'options.now()', 0, Number.MAX_SAFE_INTEGER);
    const signature = witness.signer(time).sign(utf8(text));
    const line = formatNote({ text, signatures: [{ name: witness.name, keyId: witness.keyId, signature }] });
    return new Response(bodyOf(utf8(line.slice(text.length + 1))), {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }

  async function handle(request: Request): Promise<Response> {
    if (!new URL(request.url).pathname.endsWith('/add-checkpoint')) return statusResponse(404);
    if (request.method !== 'POST') return statusResponse(405, { allow: 'POST' });
    const submission = parseSubmission(await readBody(request, maxBodyBytes));
    if (submission === undefined) return statusResponse(400);
    let checkpoint: Checkpoint;
    let text: string;
    try {
      text = parseNote(submission.note).text;
      checkpoint = parseCheckpoint(text);
    } catch (e) {
      if (e instanceof TransparencyError) return statusResponse(400);
      throw e;
    }
    const known = verifiers.get(checkpoint.origin);
    if (known === undefined) return statusResponse(404);
    try {
      openNote(submission.note, known);
    } catch (e) {
      if (e instanceof TransparencyError) return statusResponse(e.code === 'MALFORMED' ? 400 : 403);
      throw e;
    }
    if (submission.oldSize > checkpoint.size) return statusResponse(400);
    if (submission.oldSize === 0 && submission.proof.length > 0) return statusResponse(400);
    return serialized(checkpoint.origin, () => addCheckpoint(submission, checkpoint, text));
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch (e) {
      return statusResponse(e instanceof TooLargeError ? 413 : 500);
    }
  };
}
