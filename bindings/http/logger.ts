// Log filtering for the OHTTP hops. A log line may say what happened and how big it was, never
// what was said or by whom: no payloads, tokens, header values or addresses. So a logger keeps
// only an allow-list of fields, each of a checked type, and every string is one of a fixed set —
// a free-form string could carry a secret. Anything else is dropped, silently.
import type { BhttpErrorCode } from '../bhttp/bhttp-error.js';
import type { OhttpErrorCode } from '../ohttp/ohttp-error.js';

/** The hop a log line comes from. */
export type Hop = 'client' | 'relay' | 'gateway' | 'directory' | 'node' | 'router';

/** What happened, in a log line. */
export type LogEvent =
  /** A request was answered: forwarded and its response returned. */
  | 'served'
  /** A request was refused before it was forwarded. */
  | 'refused'
  /** The key directory served its key configurations. */
  | 'keys'
  /** The key directory published a new key, or retired an old one. */
  | 'rotated'
  | 'retired';

/** Why a request failed: the typed error codes, and the handlers' own. */
export type LogErrorCode =
  | OhttpErrorCode
  | BhttpErrorCode
  /** The next hop could not be reached or did not answer usably. */
  | 'UPSTREAM'
  /** A method the hop does not serve. */
  | 'METHOD'
  /** A path that names nothing the hop serves (the router: a node not configured). */
  | 'NOT_FOUND'
  /** A body of another media type. */
  | 'MEDIA_TYPE'
  /** A body over the hop's limit. */
  | 'TOO_LARGE'
  /** A key configuration list that cannot be used. */
  | 'KEYS'
  /** The gateway's authorization refused the decapsulated request (e.g. a missing or spent credential). */
  | 'UNAUTHORIZED'
  /** The decrypted request's Date is missing or outside the gateway's window (RFC 9458 §6.5.2). */
  | 'DATE'
  /** The request was already accepted once: a replay (RFC 9458 §6.5). */
  | 'REPLAY'
  /** A store the hop depends on (the replay store) could not answer. */
  | 'UNAVAILABLE'
  /** A bug: an exception no other code covers. */
  | 'INTERNAL';

/** A filtered log line. */
export interface LogEntry {
  /** The hop that logs. */
  readonly hop: Hop;
  /** What happened. */
  readonly event: LogEvent;
  /** An HTTP status code. */
  readonly status?: number;
  /** The request body's size. */
  readonly requestBytes?: number;
  /** The response body's size. */
  readonly responseBytes?: number;
  /** The OHTTP key identifier (RFC 9458 §3.1), 0–255. */
  readonly keyId?: number;
  /** How long the exchange took, in ms. */
  readonly durationMs?: number;
  /** Why it failed: a typed error code. */
  readonly error?: LogErrorCode;
}

/** Where filtered lines go. */
export type LogSink = (entry: LogEntry) => void;

/** Takes any fields; passes only the allowed ones, checked, to the sink. Never throws. */
export type Logger = (fields: Readonly<Record<string, unknown>>) => void;

const HOPS: ReadonlySet<unknown> = new Set<Hop>(['client', 'relay', 'gateway', 'directory', 'node', 'router']);
const EVENTS: ReadonlySet<unknown> = new Set<LogEvent>(['served', 'refused', 'keys', 'rotated', 'retired']);
const ERRORS: ReadonlySet<unknown> = new Set<LogErrorCode>([
  'MALFORMED',
  'UNKNOWN_KEY',
  'UNSUPPORTED_SUITE',
  'DECRYPT',
  'TRUNCATED',
  'INVALID_FRAMING',
  'INVALID_LENGTH',
  'INVALID_STATUS',
  'INVALID_CONTROL_DATA',
  'INVALID_FIELD',
  'INVALID_PADDING',
  'FIELDS_TOO_LARGE',
  'TOO_MANY_INFORMATIONAL',
  'UNSUPPORTED',
  'UPSTREAM',
  'METHOD',
  'NOT_FOUND',
  'MEDIA_TYPE',
  'UNAUTHORIZED',
  'DATE',
  'REPLAY',
  'UNAVAILABLE',
  'TOO_LARGE',
  'KEYS',
  'INTERNAL',
]);

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const CHECKS: Readonly<Record<Exclude<keyof LogEntry, 'hop' | 'event'>, (v: unknown) => boolean>> = {
  status: (v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599,
  requestBytes: isCount,
  responseBytes: isCount,
  keyId: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 255,
  durationMs: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  error: (v) => ERRORS.has(v),
};

/** A logger over `sink` (none: lines are dropped). A line without a known hop and event is
 *  dropped whole; a field that is not allowed, or not of its type, is dropped alone. Each field is
 *  read once, so the value checked is the value passed (a getter cannot pass the check with one
 *  value and hand the sink another). A sink that throws loses its line, not the request. */
export function createLogger(sink?: LogSink): Logger {
  if (sink !== undefined && typeof sink !== 'function')
    throw new TypeError(`"log" expected function, got ${typeof sink}`);
  return (fields) => {
    if (sink === undefined || typeof fields !== 'object' || fields === null) return;
    try {
      const hop = fields.hop;
      const event = fields.event;
      if (!HOPS.has(hop) || !EVENTS.has(event)) return;
      const entry: Record<string, unknown> = { hop, event };
      for (const [name, check] of Object.entries(CHECKS)) {
        if (!Object.hasOwn(fields, name)) continue;
        const value = fields[name];
        if (check(value)) entry[name] = value;
      }
      sink(Object.freeze(entry) as unknown as LogEntry);
    } catch {
      // A throwing getter or sink loses its line, not the request.
    }
  };
}
