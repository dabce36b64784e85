// Checkpoints (c2sp.org/tlog-checkpoint §Note text): the text of a signed note whose lines are the
// origin, the tree size (decimal, no leading zero), the base64 root hash (32 bytes), then optional
// non-empty extension lines. Sizes above 2^53 - 1 are refused as malformed.
import { bytes, integer, objectArgument } from '../utils/arguments.js';
import { decodeBase64, encodeBase64 } from '../utils/base64.js';
import { HASH_SIZE, type TreeHead } from './merkle.js';
import { isNoteText } from './signed-note.js';
import { TransparencyError } from './transparency-error.js';

/** c2sp.org/tlog-checkpoint: a log's origin, tree size, root hash and extension lines. */
export interface Checkpoint extends TreeHead {
  /** The log's origin line. */
  readonly origin: string;
  /** Extension lines after the root hash; usually none. */
  readonly extensions: readonly string[];
}

/** Options of {@link tlog.parseCheckpoint}. */
export interface ParseCheckpointOptions {
  /** The log's origin: another is refused with UNKNOWN_LOG. */
  readonly origin?: string;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The checkpoint in a note text; MALFORMED if it breaks the format, UNKNOWN_LOG if its origin is
 *  not `options.origin`. */
export function parseCheckpoint(text: string, options: ParseCheckpointOptions = {}): Checkpoint {
  if (typeof text !== 'string') throw new TypeError(`"text" expected string, got ${typeof text}`);
  const expected = objectArgument<ParseCheckpointOptions>(options, 'options').origin;
  if (!text.endsWith('\n') || !isNoteText(text)) throw new TransparencyError('MALFORMED');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  const rootHash = decodeBase64(root ?? '');
  if (
    !origin ||
    !DECIMAL.test(size ?? '') ||
    Number(size) > Number.MAX_SAFE_INTEGER ||
    rootHash?.length !== HASH_SIZE ||
    extensions.includes('')
  )
    throw new TransparencyError('MALFORMED');
  if (expected !== undefined && origin !== expected) throw new TransparencyError('UNKNOWN_LOG');
  return { origin, size: Number(size), rootHash, extensions };
}

const isLine = (line: unknown): boolean => typeof line === 'string' && line !== '' && !line.includes('\n');

/** The note text of a checkpoint (what the log signs). */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = objectArgument<Checkpoint>(checkpoint, 'checkpoint');
  if (!isLine(origin)) throw new RangeError(`"checkpoint.origin" expected a non-empty line`);
  integer(size, 'checkpoint.size', 0, Number.MAX_SAFE_INTEGER);
  bytes(rootHash, 'checkpoint.rootHash', HASH_SIZE);
  if (!Array.isArray(extensions) || !extensions.every(isLine))
    throw new RangeError(`"checkpoint.extensions" expected non-empty lines`);
  const text = [origin, String(size), encodeBase64(rootHash!), ...extensions].join('\n') + '\n';
  if (!isNoteText(text)) throw new RangeError(`"checkpoint" holds a control character`);
  return text;
}
