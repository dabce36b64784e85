// A consistency mirror (draft-ietf-privacypass-consistency-mirror): it fetches a few public
// resources — key configurations, node directories, a log's tiles — from origins named in its
// configuration, keeps each copy for a while, and serves every client that same copy. Clients fetch
// such resources from the mirror (the relay runs one) and never from the origin, so the origin sees
// the mirror alone: no client address, no client's timing — at most one fetch of a resource per
// `minFreshness` whatever clients do — and no way to hand one client a key of its own.
//
// A request chooses a configured resource by its path, never where the mirror connects: an exact
// path ('/ohttp-keys'), or a prefix ending in '/' ('/log/') whose remainder — letters, digits and
// '.', '_', '-', '/' only, no empty or dot segment — is appended to the prefix's origin URL. The
// query and every request header are ignored. Only GET.
import {
  bodyOf,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  exchange,
  limitArgument,
  statusResponse,
  TimeoutError,
  type Answer,
  type Handler,
} from './exchange.js';
import { targetArgument } from './forwarder.js';
import { describe, objectArgument } from '../utils/arguments.js';

/** Options of {@link ohttp.mirror}. */
export interface MirrorOptions {
  /** Served path → origin URL. A path ending in '/' is a prefix: its remainder is appended to the
   *  URL (which then ends in '/' too). */
  readonly resources: Readonly<Record<string, string>>;
  /** The shortest time a copy is served before the origin is asked again, in seconds, whatever
   *  its Cache-Control says; default 60. A failed fetch is remembered as long. */
  readonly minFreshness?: number;
  /** The longest, in seconds; default 3600. Between the two, the origin's max-age decides. */
  readonly maxFreshness?: number;
  /** The largest copy kept; default 1 MiB (a larger answer is a 502). */
  readonly maxBodyBytes?: number;
  /** How long an origin may take to answer in full, in ms (else 504); default 30 s. */
  readonly timeoutMs?: number;
  /** How many copies are kept, the oldest dropped first; default 1024. */
  readonly maxEntries?: number;
  /** How many origin fetches may be in flight at once (beyond: 503); default 8. */
  readonly maxFetches?: number;
  /** The clock, in ms since the epoch; default Date.now. */
  readonly now?: () => number;
}

/** What the mirror serves for one path until `expires` (ms). */
interface Copy {
  readonly status: 200 | 404 | 502 | 504;
  readonly contentType: string | null;
  readonly body: Uint8Array;
  readonly expires: number;
}

/** A prefix's remainder that stays under it: segments of letters, digits, '.', '_' and '-', none
 *  of them empty, '.' or '..'. */
const safeRemainder = (rest: string): boolean =>
  rest.length <= 256 && rest.split('/').every((s) => /^[A-Za-z0-9._-]+$/.test(s) && s !== '.' && s !== '..');

function resourcesArgument(value: unknown): Map<string, URL> {
  const resources = objectArgument<Record<string, unknown>>(value, 'options.resources');
  const map = new Map<string, URL>();
  for (const [path, target] of Object.entries(resources)) {
    if (!path.startsWith('/')) throw new RangeError(`"options.resources" expected paths from '/', got ${path}`);
    const url = targetArgument(target, `options.resources[${path}]`);
    if (path.endsWith('/') && !url.pathname.endsWith('/'))
      throw new RangeError(`"options.resources[${path}]" expected a URL ending in '/' for a prefix`);
    map.set(path, url);
  }
  if (map.size === 0) throw new RangeError('"options.resources" expected at least one resource');
  return map;
}

/** How long the origin asks for its answer to be kept, in seconds; 0 for no-store or none. */
function maxAgeOf(headers: Headers): number {
  const control = headers.get('cache-control') ?? '';
  if (/(?:^|,)\s*(?:no-store|no-cache)\b/i.test(control)) return 0;
  const match = /(?:^|,)\s*max-age=(\d{1,10})\b/i.exec(control);
  return match === null ? 0 : Number(match[1]);
}

export function createMirror(options: MirrorOptions): Handler {
  const o = objectArgument<MirrorOptions>(options, 'options');
  const resources = resourcesArgument(o.resources);
  const minFreshness = limitArgument(o.minFreshness, 'options.minFreshness', 60);
  const maxFreshness = limitArgument(o.maxFreshness, 'options.maxFreshness', 3600);
  if (maxFreshness < minFreshness) throw new RangeError('"options.maxFreshness" expected at least minFreshness');
  const maxBodyBytes = limitArgument(o.maxBodyBytes, 'options.maxBodyBytes', DEFAULT_MAX_BODY_BYTES);
  const timeoutMs = limitArgument(o.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const maxEntries = limitArgument(o.maxEntries, 'options.maxEntries', 1024);
  const maxFetches = limitArgument(o.maxFetches, 'options.maxFetches', 8);
  const now = o.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`"options.now" expected function, got ${describe(now)}`);

  const copies = new Map<string, Copy>();
  /** One origin fetch per path at a time: the clients asking meanwhile wait for it. */
  const pending = new Map<string, Promise<Copy>>();

  /** The origin URL of a request path, or undefined if no resource serves it. */
  function originOf(path: string): URL | undefined {
    if (!path.endsWith('/') && resources.has(path)) return resources.get(path);
    for (const [prefix, base] of resources) {
      if (!prefix.endsWith('/') || !path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      return safeRemainder(rest) ? new URL(rest, base) : undefined;
    }
    return undefined;
  }

  async function fetchCopy(origin: URL): Promise<Copy> {
    let answer: Answer;
    try {
      answer = await exchange(origin, { method: 'GET' }, maxBodyBytes, timeoutMs);
    } catch (e) {
      return failure(e instanceof TimeoutError ? 504 : 502);
    }
    if (answer.status !== 200 && answer.status !== 404) return failure(502);
    const seconds = Math.min(maxFreshness, Math.max(minFreshness, maxAgeOf(answer.headers)));
    const { status, body } = answer;
    return { status, contentType: answer.headers.get('content-type'), body, expires: now() + 1000 * seconds };
  }

  const failure = (status: 502 | 504): Copy => ({
    status,
    contentType: null,
    body: new Uint8Array(0),
    expires: now() + 1000 * minFreshness,
  });

  function keep(path: string, copy: Copy): void {
    copies.delete(path);
    if (copies.size >= maxEntries) copies.delete(copies.keys().next().value!);
    copies.set(path, copy);
  }

  /** The copy to serve for `path`: the kept one while fresh, else the origin's answer. */
  async function copyOf(path: string, origin: URL): Promise<Copy | undefined> {
    const kept = copies.get(path);
    if (kept !== undefined && kept.expires > now()) return kept;
    let fetching = pending.get(path);
    if (fetching === undefined) {
      if (pending.size >= maxFetches) return undefined;
      fetching = fetchCopy(origin).finally(() => pending.delete(path));
      pending.set(path, fetching);
    }
    const copy = await fetching;
    // A failure does not replace a copy that worked: that one is served until the origin answers.
    if (copy.status === 502 || copy.status === 504) {
      if (kept !== undefined && kept.status !== 502 && kept.status !== 504) {
        keep(path, { ...kept, expires: copy.expires });
        return kept;
      }
    }
    keep(path, copy);
    return copy;
  }

  return async function mirror(request: Request): Promise<Response> {
    if (request.method !== 'GET') return statusResponse(405, { allow: 'GET' });
    const path = new URL(request.url).pathname;
    const origin = originOf(path);
    if (origin === undefined) return statusResponse(404);
    const copy = await copyOf(path, origin);
    if (copy === undefined) return statusResponse(503, { 'retry-after': '1' });
    if (copy.status !== 200) return statusResponse(copy.status);
    const age = Math.max(0, Math.ceil((copy.expires - now()) / 1000));
    return new Response(bodyOf(copy.body), {
      status: 200,
      headers: {
        ...(copy.contentType === null ? {} : { 'content-type': copy.contentType }),
        'cache-control': `public, max-age=${age}`,
      },
    });
  };
}
