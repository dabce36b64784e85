// Conversion between Binary HTTP messages and the Fetch API's Request and Response. Fetch cannot
// represent every valid message; what it lacks is dropped where HTTP lets an intermediary drop it,
// and refused otherwise with BhttpError('UNSUPPORTED'):
// - trailer fields are dropped: Fetch has none, and HTTP expects trailers to be discarded in
//   transit (RFC 9110 §6.5.1);
// - informational (1xx) responses are dropped: a Fetch Response is a final response;
// - connection-specific fields (Connection, the fields it names, Proxy-Connection, Keep-Alive, TE,
//   Transfer-Encoding, Upgrade; RFC 9110 §7.6.1) are removed both ways (RFC 9292 §3.6);
// - the request's URL is scheme "://" authority path, the authority taken from Host when empty
//   (RFC 9292 §5.1); Host is not a Fetch header (Fetch derives it from the URL), so it is not copied
//   either way, and a Host that differs from the authority is refused (RFC 9113 §8.3.1);
// - Cookie lines are combined with "; " (RFC 9292 §3.6, RFC 9113 §8.2.3);
// - refused: a scheme other than http and https, a path that does not start with "/" (the
//   asterisk and authority forms), CONNECT, TRACE and TRACK (Fetch forbids them), content in a
//   GET or HEAD request or in a 204, 205 or 304 response, extension pseudo-fields (they are not
//   Fetch header names), and a Response without a status (a network error or an opaque response).
// Fetch itself normalises what it accepts: it uppercases the methods DELETE, GET, HEAD, OPTIONS,
// POST and PUT, resolves the path's dot segments and percent-encodes what a URL must, and a
// browser drops the request headers it forbids (Cookie, for one).
import { describe } from '../utils/arguments.js';
import { BhttpError } from './bhttp-error.js';
import type { BhttpRequest, BhttpResponse, Field } from './message.js';

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
const CONNECTION_FIELDS = ['connection', 'proxy-connection', 'keep-alive', 'te', 'transfer-encoding', 'upgrade'];

/** The Fetch Request of a decoded request (field names lowercase, as decoded). */
export function requestFromBhttp(message: BhttpRequest): Request {
  const { method, scheme, path, content } = message;
  const upper = method.toUpperCase(); // as Fetch compares methods
  if (FORBIDDEN_METHODS.has(upper)) unsupported('the method is CONNECT, TRACE or TRACK, which Fetch forbids');
  if ((upper === 'GET' || upper === 'HEAD') && content.length > 0)
    unsupported('a GET or HEAD request has content, which Fetch forbids');
  if (!/^https?$/i.test(scheme)) unsupported('the scheme is neither http nor https');
  const hosts = message.headers.filter(([name]) => name === 'host');
  if (hosts.length > 1) unsupported('the request has more than one Host field');
  const host = hosts[0]?.[1];
  const authority = message.authority || host;
  if (authority === undefined) unsupported('the request has neither an authority nor a Host field');
  if (host !== undefined && host.toLowerCase() !== authority.toLowerCase())
    unsupported('the Host field differs from the authority');
  if (!/^[\x21-\x7e]+$/.test(authority) || /[@/?#\\]/.test(authority))
    unsupported('the authority is not a host and port');
  if (!path.startsWith('/') || path.includes('#')) unsupported('the path is not an absolute path and query');
  let url: URL;
  try {
    url = new URL(`${scheme}://${authority}${path}`);
  } catch {
    unsupported('the scheme, authority and path do not form a URL');
  }
  return new Request(url, {
    method,
    headers: fetchHeaders(message.headers),
    body: content.length > 0 ? content.slice() : null,
  });
}

/** The Binary HTTP form of a Fetch Request; reads its body. */
export async function bhttpFromRequest(request: Request): Promise<BhttpRequest> {
  if (!(request instanceof Request)) throw new TypeError(`"request" expected Request, got ${describe(request)}`);
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') unsupported('the scheme is neither http nor https');
  return {
    method: request.method,
    scheme: url.protocol.slice(0, -1),
    authority: url.host,
    path: url.href.slice(url.origin.length).replace(/#.*/, ''), // path and query, an empty query kept
    headers: forwardable(fieldsOf(request.headers)).filter(([name]) => name !== 'host'),
    content: new Uint8Array(await request.arrayBuffer()),
    trailers: [],
  };
}

/** The Fetch Response of a decoded response's final response (field names lowercase, as decoded). */
export function responseFromBhttp(message: BhttpResponse): Response {
  const { status, content } = message;
  if (NULL_BODY_STATUSES.has(status) && content.length > 0)
    unsupported('a 204, 205 or 304 response has content, which Fetch forbids');
  return new Response(content.length > 0 ? content.slice() : null, { status, headers: fetchHeaders(message.headers) });
}

/** The Binary HTTP form of a Fetch Response; reads its body. */
export async function bhttpFromResponse(response: Response): Promise<BhttpResponse> {
  if (!(response instanceof Response)) throw new TypeError(`"response" expected Response, got ${describe(response)}`);
  return bhttpFromResponseContent(response, new Uint8Array(await response.arrayBuffer()));
}

/** The Binary HTTP form of a Fetch Response whose body the caller has read as `content` (under
 *  its own limit); `content` is taken, not copied. */
export function bhttpFromResponseContent(response: Response, content: Uint8Array): BhttpResponse {
  if (response.status === 0) unsupported('the Response has no status: a network error or an opaque response');
  return {
    informational: [],
    status: response.status,
    headers: forwardable(fieldsOf(response.headers)),
    content,
    trailers: [],
  };
}

/** Fetch Headers of a header section: forwardable fields, Cookie lines joined, no Host. */
function fetchHeaders(fields: readonly Field[]): Headers {
  const headers = new Headers();
  const cookies: string[] = [];
  for (const [name, value] of forwardable(fields)) {
    if (name.startsWith(':')) unsupported('a pseudo-field has no Fetch form');
    if (name === 'cookie') cookies.push(value);
    else if (name !== 'host') headers.append(name, value);
  }
  if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
  return headers;
}

/** The field lines of Fetch Headers: lowercase names, Set-Cookie lines kept apart. */
function fieldsOf(headers: Headers): Field[] {
  const fields: Field[] = [];
  headers.forEach((value, name) => fields.push([name, value]));
  return fields;
}

/** `fields` without the connection-specific ones (RFC 9110 §7.6.1). */
function forwardable(fields: readonly Field[]): Field[] {
  const options = new Set(CONNECTION_FIELDS);
  for (const [name, value] of fields) {
    if (name === 'connection') for (const option of value.split(',')) options.add(option.trim().toLowerCase());
  }
  return fields.filter(([name]) => !options.has(name));
}

function unsupported(message: string): never {
  throw new BhttpError('UNSUPPORTED', message);
}
