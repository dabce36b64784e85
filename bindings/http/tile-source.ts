// A tiled log's files over HTTP (c2sp.org/tlog-tiles: GET <prefix>/tile/<L>/<N>[.p/<W>], static
// and cacheable, so any mirror or cache may serve them): a tile source for fetchConsistencyProof.
// What it reads is untrusted and checked against signed checkpoints by its user; here it is only
// bounded: the body's size (a full hash tile is 256 × 32 = 8 KiB, the default), the time, and no
// redirect followed.
//   200 the body; 404 none (undefined: a partial tile may be gone once its full tile exists);
//   a body over the bound is TransparencyError MALFORMED; any other status, a network error or a
//   timeout is UNAVAILABLE (the cause).
import { HASH_SIZE } from '../tlog/merkle.js';
import type { TileSource } from '../tlog/tile-fetch.js';
import { TILE_WIDTH } from '../tlog/tile-path.js';
import { TransparencyError } from '../tlog/transparency-error.js';
import { describe, optionsArgument } from '../utils/arguments.js';
import {
  DEFAULT_TIMEOUT_MS,
  endpointArgument,
  exchange,
  limitArgument,
  TooLargeError,
  type Answer,
  type Handler,
} from './exchange.js';

/** Options of {@link tlog.httpTiles}. */
export interface HttpTilesOptions {
  /** The largest file read, in bytes; default 8192, a full hash tile (entry bundles are larger). */
  readonly maxTileBytes?: number;
  /** The longest one file may take; default 30 s. */
  readonly timeoutMs?: number;
}

/** A full hash tile's size: 256 hashes of 32 bytes. */
export const MAX_HASH_TILE_BYTES = TILE_WIDTH * HASH_SIZE;

/** A relative path of a log's file: `/`-separated names of letters, digits and dots, no `..`. */
const FILE_PATH = /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9.]+(\/[A-Za-z0-9.]+)*$/;

/** The files of the log at `base` (its URL prefix, with or without a final `/`; or an in-process
 *  handler, which sees `http://in-process.invalid/<path>`). */
export function httpTiles(base: string | Handler, options?: HttpTilesOptions): TileSource {
  const endpoint = endpointArgument(base, 'base');
  if (endpoint instanceof URL && !endpoint.pathname.endsWith('/')) endpoint.pathname += '/';
  if (endpoint instanceof URL && (endpoint.search !== '' || endpoint.hash !== ''))
    throw new RangeError('"base" expected a URL without query or fragment');
  const o = optionsArgument(options);
  const maxBytes = limitArgument(o.maxTileBytes, 'options.maxTileBytes', MAX_HASH_TILE_BYTES);
  const timeoutMs = limitArgument(o.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);

  return async (path: string) => {
    if (typeof path !== 'string') throw new TypeError(`"path" expected string, got ${describe(path)}`);
    if (!FILE_PATH.test(path)) throw new RangeError('"path" expected a relative tile path');
    let answer: Answer;
    try {
      answer = await exchange(endpoint, { method: 'GET' }, maxBytes, timeoutMs, path);
    } catch (cause) {
      throw new TransparencyError(cause instanceof TooLargeError ? 'MALFORMED' : 'UNAVAILABLE', { cause });
    }
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw new TransparencyError('UNAVAILABLE');
    return answer.body;
  };
}
