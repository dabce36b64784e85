// Transparency log proofs (c2sp.org/tlog-proof@v1 §Format): the header line, an optional
// `extra <base64>` line, `index <decimal>`, the inclusion proof (one base64 SHA-256 hash a line,
// from the leaf's sibling up), a blank line, then the signed checkpoint verbatim.
import { bytes, integer, objectArgument } from '../utils/arguments.js';
import { decodeBase64, encodeBase64 } from '../utils/base64.js';
import { parseCheckpoint } from './checkpoint.js';
import { HASH_SIZE } from './merkle.js';
import { noteCharacters, parseNote } from './signed-note.js';
import { TransparencyError } from './transparency-error.js';

/** c2sp.org/tlog-proof: an entry's index, its inclusion proof and the signed checkpoint. */
export interface TlogProof {
  readonly index: number;
  /** The inclusion proof of entry `index` in the checkpoint's tree. */
  readonly hashes: readonly Uint8Array[];
  /** The signed checkpoint note, verbatim (with its cosignatures). */
  readonly checkpoint: string;
  /** Opaque application data; not authenticated. */
  readonly extra?: Uint8Array;
}

export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The parts of a tlog-proof; MALFORMED if it breaks the format or if its checkpoint is not a
 *  signed note with a checkpoint text (its signatures are not checked here). */
export function parseProof(proof: string | Uint8Array): TlogProof {
  const text = noteCharacters(proof, 'proof');
  const split = text.indexOf('\n\n');
  if (split < 0) throw new TransparencyError('MALFORMED');
  const lines = text.slice(0, split).split('\n');
  const checkpoint = text.slice(split + 2);
  if (lines.shift() !== TLOG_PROOF_HEADER) throw new TransparencyError('MALFORMED');
  let extra: Uint8Array | undefined;
  if (lines[0]?.startsWith('extra ')) {
    extra = decodeBase64(lines.shift()!.slice('extra '.length));
    if (extra === undefined) throw new TransparencyError('MALFORMED');
  }
  const index = lines.shift()?.match(/^index (.*)$/)?.[1];
  if (index === undefined || !DECIMAL.test(index) || Number(index) > Number.MAX_SAFE_INTEGER)
    throw new TransparencyError('MALFORMED');
  const hashes = lines.map((line) => {
    const hash = decodeBase64(line);
    if (hash?.length !== HASH_SIZE) throw new TransparencyError('MALFORMED');
    return hash;
  });
  parseCheckpoint(parseNote(checkpoint).text);
  return { index: Number(index), hashes, checkpoint, ...(extra === undefined ? {} : { extra }) };
}

/** The text of a tlog-proof. */
export function formatProof(proof: TlogProof): string {
  const { index, hashes, checkpoint, extra } = objectArgument<TlogProof>(proof, 'proof');
  integer(index, 'proof.index', 0, Number.MAX_SAFE_INTEGER);
  if (!Array.isArray(hashes)) throw new TypeError(`"proof.hashes" expected an array of Uint8Array`);
  hashes.forEach((h, i) => bytes(h, `proof.hashes[${i}]`, HASH_SIZE));
  if (typeof checkpoint !== 'string') throw new TypeError(`"proof.checkpoint" expected string`);
  parseCheckpoint(parseNote(checkpoint).text);
  const lines = [
    TLOG_PROOF_HEADER,
    ...(extra === undefined ? [] : [`extra ${encodeBase64(bytes(extra, 'proof.extra'))}`]),
    `index ${index}`,
    ...hashes.map(encodeBase64),
  ];
  return `${lines.join('\n')}\n\n${checkpoint}`;
}
