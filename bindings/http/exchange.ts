// HTTP plumbing shared by the fetch-style handlers: the handler type, media types, bodies read
// under a size limit, and fixed-phrase error responses (no detail, no stack, nothing echoed).
import { concat } from '../utils/bytes.js';
import { DEFAULT_MAX_FIELD_LINES, DEFAULT_MAX_FIELD_SECTION_BYTES } from '../bhttp/limits.js';
import type { DecodeOptions } from '../bhttp/message.js';

/** A fetch-style HTTP handler, as service workers, Deno, Bun and Cloudflare Workers use. */
export type Handler = (request: Request) => Promise<Response>;

/** The default limit on a request body: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

/** The default time a hop waits for the next hop's whole answer: 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The essence of a Content-Type (type/subtype, lowercase), or '' if there is none. */
export const mediaTypeOf = (headers: Headers): string => essenceOf(headers.get('content-type') ?? '');

/** The essence of a Content-Type field value (type/subtype, lowercase). */
export const essenceOf = (contentType: string): string => contentType.split(';')[0]!.trim().toLowerCase();

/** Bytes as a Fetch body. (TypeScript types a Uint8Array as possibly over a SharedArrayBuffer,
 *  which Fetch refuses; these are never.) */
export const bodyOf = (bytes: Uint8Array): BodyInit => bytes as Uint8Array<ArrayBuffer>;

/** Thrown by readBody when the body is over its limit. */
export class TooLargeError extends Error {
  constructor() {
    super('body too large');
    this.name = 'TooLargeError';
  }
}

/** The whole body, or TooLargeError as soon as it passes `max` bytes (declared or read). */
export async function readBody(message: Request | Response, max: number): Promise<Uint8Array> {
  if (Number(message.headers.get('content-length') ?? 0) > max) throw new TooLargeError();
  if (message.body === null) return new Uint8Array(0);
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    length += r.value.length;
    if (length > max) {
      await reader.cancel();
      throw new TooLargeError();
    }
    chunks.push(r.value);
  }
  return concat(...chunks);
}

/** Thrown by withinDeadline when the next hop takes too long. */
export class TimeoutError extends Error {
  constructor() {
    super('the next hop did not answer in time');
    this.name = 'TimeoutError';
  }
}

/** `exchange()`, or TimeoutError once `ms` have passed, whichever settles first. (What the
 *  exchange sends over the network carries its own abort signal: see the forwarder.) */
export function withinDeadline<T>(ms: number, exchange: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError()), ms);
    // A throw of `exchange` itself rejects too; the timer goes as soon as either settles.
    new Promise<T>((run) => run(exchange())).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

const PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The fixed reason phrase of `status`, or 'Error'. */
export const reasonPhrase = (status: number): string => PHRASES[status] ?? 'Error';

/** A response with `status` and its fixed reason phrase as a text/plain body. */
export function statusResponse(status: number, headers?: Record<string, string>): Response {
  return new Response(`${reasonPhrase(status)}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  });
}

/** Checks a handler-or-URL option: a function, or an absolute http(s) URL string. */
export function endpointArgument(value: unknown, name: string): Handler | URL {
  if (typeof value === 'function') return value as Handler;
  if (typeof value !== 'string')
    throw new TypeError(`"${name}" expected function or URL string, got ${value === null ? 'null' : typeof value}`);
  return httpUrlArgument(value, name);
}

/** Checks a URL string: an absolute http(s) URL. */
export function httpUrlArgument(value: string, name: string): URL {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new RangeError(`"${name}" expected an absolute http or https URL`);
  return url;
}

/** An endpoint's answer, its body read in full. */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/**
 * Sends a request to an endpoint — an in-process handler (at `IN_PROCESS_URL`), or the network, no
 * redirects followed — and reads its answer's body, at most `maxBytes` (else TooLargeError), all
 * within `timeoutMs` (else TimeoutError; a network exchange is aborted then). A `path` is resolved
 * against the endpoint's URL (or `IN_PROCESS_URL`).
 */
export function exchange(
  endpoint: Handler | URL,
  init: RequestInit,
  maxBytes: number,
  timeoutMs: number,
  path = '',
): Promise<Answer> {
  return withinDeadline(timeoutMs, async () => {
    const url = new URL(path, typeof endpoint === 'function' ? IN_PROCESS_URL : endpoint);
    const response =
      typeof endpoint === 'function' ? await endpoint(new Request(url, init)) : await fetchWithin(url, init, timeoutMs);
    return { status: response.status, headers: response.headers, body: await readBody(response, maxBytes) };
  });
}

/** `init` sent to `url` over the network, no redirect followed, aborted after `timeoutMs`. */
export const fetchWithin = (url: URL, init: RequestInit, timeoutMs: number): Promise<Response> =>
  fetch(new Request(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' }));

/** The URL an in-process endpoint sees. */
const IN_PROCESS_URL = 'http://in-process.invalid/';

/** A positive integer option with a default. */
export function limitArgument(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) < 1)
    throw new RangeError(`"${name}" expected a positive integer, got ${String(value)}`);
  return value as number;
}

/** The Binary HTTP field limits of a hop's options (`maxFieldLines`, `maxFieldSectionBytes`),
 *  checked, defaults filled in. */
export function fieldLimitsOption(options: { maxFieldLines?: unknown; maxFieldSectionBytes?: unknown }): DecodeOptions {
  return {
    maxFieldLines: limitArgument(options.maxFieldLines, 'options.maxFieldLines', DEFAULT_MAX_FIELD_LINES),
    maxFieldSectionBytes: limitArgument(
      options.maxFieldSectionBytes,
      'options.maxFieldSectionBytes',
      DEFAULT_MAX_FIELD_SECTION_BYTES,
    ),
  };
}
