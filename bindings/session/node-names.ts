// What the router and the node directory share: node names and the check of a map keyed by them;
// and, with the node, the clear-text refusals (application/problem+json, a fixed title, nothing
// from the request).
import { reasonPhrase } from '../http/exchange.js';
import { objectArgument } from '../utils/arguments.js';

/** A node's name: lowercase letters, digits and hyphens, 1 to 63 of them (a DNS label's size). */
export const NODE_NAME = /^[a-z0-9-]{1,63}$/;

/** A clear-text refusal: application/problem+json (RFC 9457), a fixed title, nothing from the
 *  request. */
export function problem(status: number, headers?: Record<string, string>, type = 'about:blank'): Response {
  return new Response(JSON.stringify({ type, title: reasonPhrase(status), status }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** Checks a name → value map whose names are node names. */
export function nodeMapArgument<T>(
  value: unknown,
  name: string,
  check: (v: unknown, name: string) => T,
): Map<string, T> {
  const o = objectArgument<Record<string, unknown>>(value, name);
  const map = new Map<string, T>();
  for (const key of Object.keys(o)) {
    if (!NODE_NAME.test(key)) throw new RangeError(`"${name}" expected node names of [a-z0-9-]{1,63}`);
    map.set(key, check(o[key], `${name}.${key}`));
  }
  if (map.size === 0) throw new RangeError(`"${name}" expected at least one node`);
  return map;
}
