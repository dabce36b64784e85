// A hop's byte-level form, for a server that already holds a request as bytes (serveNode): the
// same answers as the hop's fetch-style handler, computed from the request's method, media type
// and body alone, without Fetch Request and Response objects or web streams on the way. Only hops
// whose answer depends on nothing else offer one (the gateway); serveNode uses it when it is there.
import type { Handler } from './exchange.js';

export interface ByteRequest {
  readonly method: string;
  /** The Content-Type field as received, or '' without one. */
  readonly contentType: string;
  readonly body: Uint8Array;
}

export interface ByteAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export type ByteHandler = (request: ByteRequest) => Promise<ByteAnswer>;

const BYTE_HANDLER = Symbol('oblivia.byteHandler');

/** `handler`, carrying `bytes` as its byte-level form. */
export function withByteHandler(handler: Handler, bytes: ByteHandler): Handler {
  return Object.assign(handler, { [BYTE_HANDLER]: bytes });
}

/** The byte-level form `handler` carries, if any. */
export function byteHandlerOf(handler: Handler): ByteHandler | undefined {
  return (handler as Handler & { [BYTE_HANDLER]?: ByteHandler })[BYTE_HANDLER];
}

/** A Response (a refusal: small, fixed) as a ByteAnswer. */
export async function byteAnswerOf(response: Response): Promise<ByteAnswer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}
