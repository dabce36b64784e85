// A release statement: the transparency log entry that makes a measurement acceptable. It is text,
// so a log's entries read as what they say, and it has exactly one encoding (five lines, each
// ending in a newline, in this order; lowercase hex; decimal without leading zeros):
//
//   oblivia release v1
//   platform <sev-snp | nvidia-h100>
//   measurement <96 lowercase hex digits: 48 bytes>
//   name <1 to 128 printable ASCII characters, no space first or last>
//   time <POSIX seconds, decimal>
//
// The log hashes the entry as RFC 9162 leaves are hashed: SHA-256(0x00 ‖ statement).
import { bytes, objectArgument } from '../utils/arguments.js';
import { bytesToHex, hexToBytes, utf8 } from '../utils/bytes.js';
import { MEASUREMENT_SIZE, isPlatform, platformArgument, type BundlePlatform } from './platform.js';
import { MAX_SECONDS, secondsOf } from './report-data.js';
import { SessionError } from './session-error.js';

/** A release's statement in the transparency log: a platform's measurement, the release's name and time. */
export interface ReleaseStatement {
  readonly platform: BundlePlatform;
  /** 48 bytes: the SEV-SNP MEASUREMENT, or the H100 composite measurement. */
  readonly measurement: Uint8Array;
  /** The release's name: 1 to 128 printable ASCII characters, no space first or last. */
  readonly name: string;
  /** When it was released (whole seconds). */
  readonly time: Date;
}

export const RELEASE_STATEMENT_HEADER = 'oblivia release v1';
export const MAX_RELEASE_NAME = 128;
/** A statement is at most this long (its longest name and time fit well below it). */
export const MAX_STATEMENT_SIZE = 512;

const NAME = /^[\x21-\x7e](?:[\x20-\x7e]{0,126}[\x21-\x7e])?$/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const HEX = /^[0-9a-f]*$/;

function text(platform: BundlePlatform, measurement: Uint8Array, name: string, seconds: number): string {
  return [
    RELEASE_STATEMENT_HEADER,
    `platform ${platform}`,
    `measurement ${bytesToHex(measurement)}`,
    `name ${name}`,
    `time ${seconds}`,
    '',
  ].join('\n');
}

/** The encoding of a release statement: the bytes a release appends to the log. */
export function releaseStatement(statement: ReleaseStatement): Uint8Array {
  const s = objectArgument<ReleaseStatement>(statement, 'statement');
  const platform = platformArgument(s.platform, 'statement.platform');
  const measurement = bytes(s.measurement, 'statement.measurement', MEASUREMENT_SIZE);
  if (typeof s.name !== 'string') throw new TypeError(`"statement.name" expected string, got ${typeof s.name}`);
  if (!NAME.test(s.name))
    throw new RangeError(
      `"statement.name" expected 1 to ${MAX_RELEASE_NAME} printable ASCII characters, no space first or last`,
    );
  return utf8(text(platform, measurement, s.name, secondsOf(s.time, 'statement.time')));
}

/** The parts of an encoded release statement; SessionError('MALFORMED') unless it is exactly the
 *  one encoding of its parts. */
export function parseReleaseStatement(encoded: Uint8Array): ReleaseStatement {
  bytes(encoded, 'statement');
  if (encoded.length > MAX_STATEMENT_SIZE || encoded.some((b) => b > 0x7e || (b < 0x20 && b !== 0x0a)))
    throw new SessionError('MALFORMED');
  const lines = String.fromCharCode(...encoded).split('\n');
  const field = (i: number, key: string): string => {
    const line = lines[i]!;
    if (!line.startsWith(`${key} `)) throw new SessionError('MALFORMED');
    return line.slice(key.length + 1);
  };
  if (lines.length !== 6 || lines[0] !== RELEASE_STATEMENT_HEADER || lines[5] !== '')
    throw new SessionError('MALFORMED');
  const platform = field(1, 'platform');
  const hex = field(2, 'measurement');
  const name = field(3, 'name');
  const time = field(4, 'time');
  if (
    !isPlatform(platform) ||
    hex.length !== 2 * MEASUREMENT_SIZE ||
    !HEX.test(hex) ||
    !NAME.test(name) ||
    !DECIMAL.test(time) ||
    Number(time) > MAX_SECONDS
  )
    throw new SessionError('MALFORMED');
  return Object.freeze({ platform, measurement: hexToBytes(hex), name, time: new Date(Number(time) * 1000) });
}
