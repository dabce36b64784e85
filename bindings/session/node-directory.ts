// The node directory: one document that lists the processing nodes a client may choose from, each
// with its current attested key bundle. It is JSON with one encoding (docs/session.md, "Node
// directory"):
//
//   {"nodes":[{"name":"<name>","bundle":"<base64url>"},…]}
//
// no whitespace, the members in this order and no others, the nodes in increasing order of name
// (each [a-z0-9-]{1,63}, no two alike, 1 to MAX_DIRECTORY_NODES of them), each bundle unpadded
// base64url of at most MAX_BUNDLE_SIZE bytes. `decodeNodeDirectory` refuses anything else, so the
// bytes a client accepts are exactly what `encodeNodeDirectory` writes. The directory is not
// trusted: every bundle is verified by the client before use.
import { type Handler } from '../http/exchange.js';
import { loggedHandler, type Outcome, type Sizes } from '../http/logged-handler.js';
import { createLogger, type LogSink } from '../http/logger.js';
import { describe, objectArgument } from '../utils/arguments.js';
import { decodeBase64url, encodeBase64url } from '../utils/base64url.js';
import { MAX_BUNDLE_SIZE } from './bundle-format.js';
import { nodeMapArgument, NODE_NAME, problem } from './node-names.js';
import { SessionError } from './session-error.js';

/** The node directory's media type. */
export const NODE_DIRECTORY_MEDIA_TYPE = 'application/oblivia-nodes+json';

/** The most nodes a directory lists. */
export const MAX_DIRECTORY_NODES = 16;

/** The largest directory document, in bytes: 16 bundles of the largest size, base64url, and names. */
export const MAX_DIRECTORY_SIZE = 8 << 20;

/** One node of the directory: its name and its attested key bundle's bytes. */
export interface DirectoryNode {
  /** The node's name, `[a-z0-9-]{1,63}`. */
  readonly name: string;
  /** Its current attested key bundle (encoded). */
  readonly bundle: Uint8Array;
}

/** Options of {@link session.nodeDirectory}. */
export interface NodeDirectoryOptions {
  /** The nodes, by name ([a-z0-9-]{1,63}): each gives its current bundle. A node whose function
   *  throws or gives something else than a bundle's bytes is left out of that answer. */
  nodes: Readonly<Record<string, () => Uint8Array | Promise<Uint8Array>>>;
  /** Where the filtered log lines go. */
  log?: LogSink;
}

/** The directory document of `nodes` (sorted by name here). RangeError if a name is not a node
 *  name, two are alike, a bundle is empty or too large, or there are none or too many. */
export function encodeNodeDirectory(nodes: readonly DirectoryNode[]): Uint8Array {
  if (!Array.isArray(nodes)) throw new TypeError(`"nodes" expected an array, got ${describe(nodes)}`);
  if (nodes.length === 0 || nodes.length > MAX_DIRECTORY_NODES)
    throw new RangeError(`"nodes" expected 1 to ${MAX_DIRECTORY_NODES} nodes`);
  const sorted = [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const items = sorted.map((node, i) => {
    if (typeof node?.name !== 'string' || !NODE_NAME.test(node.name))
      throw new RangeError(`"nodes[${i}].name" expected [a-z0-9-]{1,63}`);
    if (i > 0 && sorted[i - 1]!.name === node.name) throw new RangeError(`"nodes" has two nodes named ${node.name}`);
    if (!(node.bundle instanceof Uint8Array)) throw new TypeError(`"nodes[${i}].bundle" expected Uint8Array`);
    if (node.bundle.length === 0 || node.bundle.length > MAX_BUNDLE_SIZE)
      throw new RangeError(`"nodes[${i}].bundle" expected 1 to ${MAX_BUNDLE_SIZE} bytes`);
    return { name: node.name, bundle: encodeBase64url(node.bundle) };
  });
  return new TextEncoder().encode(JSON.stringify({ nodes: items }));
}

/** The nodes of a directory document, in its order; SessionError('DIRECTORY') unless the bytes are
 *  exactly one directory's encoding. */
export function decodeNodeDirectory(bytes: Uint8Array): DirectoryNode[] {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`"bytes" expected Uint8Array, got ${describe(bytes)}`);
  if (bytes.length > MAX_DIRECTORY_SIZE) throw new SessionError('DIRECTORY');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SessionError('DIRECTORY');
  }
  const list = (parsed as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(list)) throw new SessionError('DIRECTORY');
  const nodes: DirectoryNode[] = [];
  for (const item of list as unknown[]) {
    const { name, bundle } = (item ?? {}) as { name?: unknown; bundle?: unknown };
    const decoded = typeof bundle === 'string' ? decodeBase64url(bundle) : undefined;
    if (typeof name !== 'string' || decoded === undefined) throw new SessionError('DIRECTORY');
    nodes.push({ name, bundle: decoded });
  }
  // One encoding: what encodeNodeDirectory writes of these nodes must be these bytes.
  let again: Uint8Array;
  try {
    again = encodeNodeDirectory(nodes);
  } catch {
    throw new SessionError('DIRECTORY');
  }
  if (again.length !== bytes.length || again.some((b, i) => b !== bytes[i])) throw new SessionError('DIRECTORY');
  return nodes;
}

/** A handler serving the directory of `nodes` to GET (and HEAD): NODE_DIRECTORY_MEDIA_TYPE,
 *  `cache-control: no-store`; 405 for another method, 503 when no node has a bundle. */
export function createNodeDirectory(options: NodeDirectoryOptions): Handler {
  const o = objectArgument<NodeDirectoryOptions>(options, 'options');
  const nodes = nodeMapArgument(o.nodes, 'options.nodes', (v, name) => {
    if (typeof v !== 'function') throw new TypeError(`"${name}" expected function, got ${describe(v)}`);
    return v as () => Uint8Array | Promise<Uint8Array>;
  });
  if (nodes.size > MAX_DIRECTORY_NODES)
    throw new RangeError(`"options.nodes" expected at most ${MAX_DIRECTORY_NODES} nodes`);
  const log = createLogger(o.log);

  async function serve(request: Request, sizes: Sizes): Promise<Outcome> {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return { response: problem(405, { allow: 'GET, HEAD' }), error: 'METHOD' };
    const listed: DirectoryNode[] = [];
    for (const [name, current] of nodes) {
      try {
        const bundle = await current();
        if (bundle instanceof Uint8Array && bundle.length > 0 && bundle.length <= MAX_BUNDLE_SIZE)
          listed.push({ name, bundle });
      } catch {
        // left out of this answer
      }
    }
    if (listed.length === 0) return { response: problem(503), error: 'UPSTREAM' };
    const body = encodeNodeDirectory(listed);
    sizes.responseBytes = body.length;
    const headers = { 'content-type': NODE_DIRECTORY_MEDIA_TYPE, 'cache-control': 'no-store' };
    return {
      response: new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { headers }),
    };
  }

  return loggedHandler('directory', log, serve);
}
