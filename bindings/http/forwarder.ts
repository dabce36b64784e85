// The gateway's target over the network: one origin, with an optional path prefix, both from
// configuration. A request's URL never chooses where it goes: only its path and query are kept,
// appended under the prefix. An inner path such as "//10.0.0.5/admin" would be a network-path
// reference if resolved against the target (RFC 3986 §4.2, §5.2.2) — it is refused with 400 here,
// and the upstream URL is checked to keep the target's origin and prefix whatever the path.
import {
  DEFAULT_TIMEOUT_MS,
  fetchWithin,
  httpUrlArgument,
  limitArgument,
  statusResponse,
  type Handler,
} from './exchange.js';

/** Options of {@link ohttp.forwarder}. */
export interface ForwarderOptions {
  /** How long an exchange with the target may take, its body included, in ms; default 30 s. */
  timeoutMs?: number;
}

/** Checks a forwarder's target: an absolute http(s) URL with no credentials, query or fragment. */
export function targetArgument(value: unknown, name: string): URL {
  if (typeof value !== 'string')
    throw new TypeError(`"${name}" expected URL string, got ${value === null ? 'null' : typeof value}`);
  const url = httpUrlArgument(value, name);
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    value.includes('#') ||
    value.includes('?')
  ) {
    throw new RangeError(
      `"${name}" expected an origin and optional path prefix, without credentials, query or fragment`,
    );
  }
  return url;
}

/**
 * A handler that sends each request to `target` (an origin, or an origin and path prefix such as
 * https://svc.internal/api/): its method, headers and body, at prefix ‖ its own path and query.
 * Redirects are not followed; the exchange is aborted after `timeoutMs`.
 */
export function createForwarder(target: string, options: ForwarderOptions = {}): Handler {
  return forwarderTo(
    targetArgument(target, 'target'),
    limitArgument(options.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS),
  );
}

/** createForwarder of a checked target and timeout. */
export function forwarderTo(base: URL, timeoutMs: number): Handler {
  const prefix = base.pathname.replace(/\/$/, '');
  return async (request) => {
    const upstream = upstreamUrl(base, prefix, new URL(request.url));
    if (upstream === undefined) return statusResponse(400);
    const body = request.body === null ? null : await request.arrayBuffer();
    const { method, headers } = request;
    return fetchWithin(upstream, { method, headers, body }, timeoutMs);
  };
}

/** prefix ‖ path, query: undefined for a path that starts with "//" or anything that would leave
 *  the target's origin or prefix. */
function upstreamUrl(base: URL, prefix: string, inner: URL): URL | undefined {
  if (inner.pathname.startsWith('//')) return undefined;
  const url = new URL(base.origin);
  url.pathname = prefix + inner.pathname;
  url.search = inner.search;
  const kept = url.origin === base.origin && url.pathname.startsWith(`${prefix}/`);
  return kept ? url : undefined;
}
