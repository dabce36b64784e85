// Replay protection for the gateway (RFC 9458 §6.5). A relay can copy an Encapsulated Request and
// send it again; the gateway would open it and run the target once more. The gateway therefore
// remembers each request it accepts — by the SHA-256 of its header and `enc`, which is fresh for
// every request (§6.5: "The encapsulated keying material (or enc) can be used in place of a nonce
// to uniquely identify a request") — and refuses one it has seen. To bound what it remembers it
// accepts a request only if the `Date` header field of the decrypted request is within ± the
// window of its own clock (§6.5.1), and answers one outside it with the 400 and the "date" problem
// type of §6.5.2, its own Date included so the client can correct the request and retry. Each id
// is kept for twice the window (and a second): a request whose Date is d is accepted only while
// the clock reads within [d − window, d + window], and its id is stored no earlier than d − window.
// An accepted request goes on without its Date: the gateway used it, and the target need not learn
// the client's clock to the second (RFC 9458 §6.8, a way to link one client's requests).
//
// The store is the one thing several gateway processes must share (a Redis `SET key 1 NX PX ttl`
// is one `add`); the memory store serves one process. Both fail closed: a store that cannot answer,
// or a memory store that is full of live entries, makes the gateway answer 503, never forget.
import type { BhttpRequest } from '../bhttp/message.js';
import { sha256 } from '../hash.js';
import { describe } from '../utils/arguments.js';
import { bytesToHex, readU16 } from '../utils/bytes.js';
import { kemOf } from '../ohttp/key-config-suites.js';
import { limitArgument, statusResponse, withinDeadline } from './exchange.js';
import type { LogErrorCode } from './logger.js';

/** RFC 9458 §6.5.2: the problem type for a request whose Date the gateway does not accept. */
export const PROBLEM_TYPE_DATE = 'https://iana.org/assignments/http-problem-types#date';

/** The problem type of a request the gateway has already accepted once (RFC 9458 gives none). */
export const PROBLEM_TYPE_REPLAY = 'urn:oblivia:problem:replay';

/** Where the ids of accepted requests are kept for a while, shared by every gateway that must not
 *  serve a request another one served. */
export interface ReplayStore {
  /** Records `id` for at least `ttlMs`: true if it was not there (the request is new), false if it
   *  was. Atomic: of two concurrent adds of one id, one gets true. A rejection makes the gateway
   *  answer 503 and not serve the request. */
  add(id: Uint8Array, ttlMs: number): Promise<boolean>;
}

/** Options of {@link ohttp.memoryReplayStore}. */
export interface MemoryReplayStoreOptions {
  /** The most ids kept at once; default 100 000. When every one is still live, `add` rejects (the
   *  gateway answers 503) rather than forget one, which would let its request be replayed. */
  maxEntries?: number;
  /** The clock, in ms since the epoch; default Date.now. */
  now?: () => number;
}

/** Thrown by the memory store's `add` when it is full of live entries. */
export class ReplayStoreFullError extends Error {
  constructor() {
    super('replay store full');
    this.name = 'ReplayStoreFullError';
  }
}

/** A ReplayStore in this process's memory: for one gateway process (or several handlers in it). */
export function memoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`"options" expected object, got ${describe(options)}`);
  const maxEntries = limitArgument(options.maxEntries, 'options.maxEntries', 100_000);
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`"options.now" expected function, got ${describe(now)}`);
  // Insertion order is expiry order only for one ttl; the sweep reads every entry, so it is right
  // for any mix, and it runs only when the store is full.
  const expiries = new Map<string, number>();
  const sweep = (t: number): void => {
    for (const [key, expires] of expiries) if (expires <= t) expiries.delete(key);
  };
  return Object.freeze({
    add(id: Uint8Array, ttlMs: number): Promise<boolean> {
      const wrong = addArgumentError(id, ttlMs);
      if (wrong !== undefined) return Promise.reject(wrong);
      const t = now();
      const key = bytesToHex(id);
      const expires = expiries.get(key);
      if (expires !== undefined && expires > t) return Promise.resolve(false);
      expiries.delete(key);
      if (expiries.size >= maxEntries) sweep(t);
      if (expiries.size >= maxEntries) return Promise.reject(new ReplayStoreFullError());
      expiries.set(key, t + ttlMs);
      return Promise.resolve(true);
    },
  });
}

/** What is wrong with a ReplayStore's `add` arguments, if anything: every store refuses them alike. */
export function addArgumentError(id: unknown, ttlMs: unknown): Error | undefined {
  if (!(id instanceof Uint8Array) || id.length === 0) return new TypeError('"id" expected non-empty Uint8Array');
  if (!Number.isSafeInteger(ttlMs) || (ttlMs as number) < 1)
    return new RangeError(`"ttlMs" expected a positive integer, got ${String(ttlMs)}`);
  return undefined;
}

/** The gateway's `replay` option (RFC 9458 §6.5.1): the store of accepted requests and the Date window. */
export interface ReplayOptions {
  /** Where accepted requests are remembered; default a memoryReplayStore for this gateway alone
   *  (several gateway processes need a shared one, such as Redis). */
  store?: ReplayStore;
  /** How far the request's Date may be from the gateway's clock, either way, in seconds; default 60. */
  windowSeconds?: number;
  /** The gateway's clock, in ms since the epoch; default Date.now. */
  now?: () => number;
}

/** The check of a decapsulated, decoded request: the request to serve (without its Date), or the
 *  refusal to answer instead (inside the encapsulation) and its log code. */
export type ReplayCheck = (
  request: BhttpRequest,
  encapsulatedRequest: Uint8Array,
) => Promise<BhttpRequest | { response: Response; error: LogErrorCode }>;

/** The gateway's replay check for `options` (checked; defaults filled in); a store that has not
 *  answered within `timeoutMs` counts as failed. */
export function replayCheck(options: unknown, timeoutMs: number): ReplayCheck {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`"options.replay" expected object, got ${describe(options)}`);
  const o = options as ReplayOptions;
  const windowMs = 1000 * limitArgument(o.windowSeconds, 'options.replay.windowSeconds', 60);
  const now = o.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`"options.replay.now" expected function, got ${describe(now)}`);
  const store = o.store ?? memoryReplayStore({ now });
  if (typeof store !== 'object' || store === null || typeof store.add !== 'function')
    throw new TypeError('"options.replay.store" expected a ReplayStore (an object with add)');
  const ttlMs = 2 * windowMs + 1000;
  return async (request, encapsulatedRequest) => {
    const t = now();
    const dates = request.headers.filter(([name]) => name === 'date'); // decoded names are lowercase
    const date = dates.length === 1 ? parseHttpDate(dates[0]![1], t) : undefined;
    if (date === undefined || Math.abs(date - t) > windowMs) return { response: dateRefusal(t), error: 'DATE' };
    let fresh: boolean;
    try {
      const id = requestId(encapsulatedRequest);
      fresh = (await withinDeadline(timeoutMs, () => store.add(id, ttlMs))) === true;
    } catch {
      return { response: statusResponse(503), error: 'UNAVAILABLE' };
    }
    if (!fresh) return { response: replayRefusal(), error: 'REPLAY' };
    // The Date has served its purpose; the target does not learn the client's clock (§6.8).
    return { ...request, headers: request.headers.filter(([name]) => name !== 'date') };
  };
}

/** SHA-256 of an opened Encapsulated Request's header and `enc` (RFC 9458 §4.3: hdr ‖ enc ‖ ct). */
export function requestId(encapsulatedRequest: Uint8Array): Uint8Array {
  const encLength = kemOf(readU16(encapsulatedRequest, 1), 'kem').encLength;
  return sha256(encapsulatedRequest.subarray(0, 7 + encLength));
}

/** RFC 9458 §6.5.2, Figure 7: 400, the gateway's Date, the "date" problem type. Not to be cached:
 *  it answers this Date only (§6.5.2 asks for no-store or Vary: date). */
function dateRefusal(t: number): Response {
  const body = { type: PROBLEM_TYPE_DATE, title: 'date field in request outside of acceptable range' };
  return new Response(JSON.stringify(body), {
    status: 400,
    headers: { date: formatHttpDate(t), 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

function replayRefusal(): Response {
  return new Response(JSON.stringify({ type: PROBLEM_TYPE_REPLAY, title: 'request already answered' }), {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
  });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const M = MONTHS.join('|');
const IMF_FIXDATE = new RegExp(`^(${DAYS.join('|')}), (\\d\\d) (${M}) (\\d{4}) (\\d\\d):(\\d\\d):(\\d\\d) GMT$`);
const RFC850_DATE = new RegExp(`^(${LONG_DAYS.join('|')}), (\\d\\d)-(${M})-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d) GMT$`);
const ASCTIME_DATE = new RegExp(`^(${DAYS.join('|')}) (${M}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d) (\\d{4})$`);

/** `t` (ms since the epoch) as an IMF-fixdate (RFC 9110 §5.6.7), e.g. "Mon, 07 Feb 2022 00:28:05 GMT". */
export function formatHttpDate(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000).toUTCString();
}

/**
 * An HTTP-date (RFC 9110 §5.6.7) in ms since the epoch, or undefined if `value` is not one: the
 * IMF-fixdate, or the obsolete rfc850-date and asctime-date forms recipients must accept; at most
 * 40 characters, the day name matching the date, every field in range (a leap second reads as :59).
 * A two-digit year more than 50 years ahead of `now` is the most recent past year with those digits.
 */
export function parseHttpDate(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  let day: string, dd: string, mon: string, year: number, hh: string, mm: string, ss: string;
  let m: RegExpExecArray | null;
  if ((m = IMF_FIXDATE.exec(value)) !== null) {
    [day, dd, mon, hh, mm, ss] = [m[1]!, m[2]!, m[3]!, m[5]!, m[6]!, m[7]!];
    year = Number(m[4]);
  } else if ((m = RFC850_DATE.exec(value)) !== null) {
    day = DAYS[LONG_DAYS.indexOf(m[1]!)]!;
    [dd, mon, hh, mm, ss] = [m[2]!, m[3]!, m[5]!, m[6]!, m[7]!];
    const thisYear = new Date(now).getUTCFullYear();
    year = thisYear - (thisYear % 100) + Number(m[4]);
    if (year > thisYear + 50) year -= 100;
  } else if ((m = ASCTIME_DATE.exec(value)) !== null) {
    [day, mon, dd, hh, mm, ss] = [m[1]!, m[2]!, m[3]!.trim(), m[4]!, m[5]!, m[6]!];
    year = Number(m[7]);
  } else return undefined;
  const [d, h, min, s, month] = [Number(dd), Number(hh), Number(mm), Math.min(Number(ss), 59), MONTHS.indexOf(mon)];
  if (d < 1 || h > 23 || min > 59 || Number(ss) > 60) return undefined;
  const t = Date.UTC(year, month, d, h, min, s);
  const date = new Date(t);
  // Date.UTC rolls 31 Apr over to 1 May: a day past the month's end is refused.
  if (date.getUTCDate() !== d || date.getUTCMonth() !== month || DAYS[date.getUTCDay()] !== day) return undefined;
  if (year < 100) return undefined; // Date.UTC maps years 0–99 to 1900–1999
  return t;
}
