// The session client: it sends a request end to end to one attested processing node, through the
// OHTTP relay and gateway. For each request:
//   1. it reads the gateway's keys and the node directory from a consistency mirror (the relay's,
//      ohttp.mirror: every client gets the same copy and neither origin sees a client), keeps each
//      copy for at least `minKeyLifetime` whatever its cache headers say, and with `confirm` uses
//      only keys a second mirror shows alike (else KEY_INCONSISTENT, INCONSISTENT);
//   2. it verifies EVERY bundle of the directory with the bundle verifier at `now()` (a bundle
//      verified less than `reverifyAfter` ago and not expired is not verified again); if none
//      verifies it throws SessionError NO_NODE (cause: an AggregateError of the refusals) and
//      nothing is encrypted or sent;
//   3. it picks one verified node uniformly at random (32-bit draws, rejection sampling), so the
//      operator cannot steer a chosen user to a chosen machine;
//   4. it encapsulates the request to that node's key (the inner layer) and sends the inner body
//      as POST https://<gateway>/nodes/<name> through an OHTTP client (`ohttp.client`: its relay,
//      the mirror's keys, its `authorize` hook); the gateway's target (session.router) passes it on;
//   5. it opens the node's inner response with the request's context and returns it. A failed
//      exchange is not re-sent; the directory is read again (from the mirror) for the next request.
// Its audit log records, per request, how the session was set up: node, platform, measurement,
// log origin, tree size, leaf index, checkpoint hash, the witnesses that cosigned, key id, expiry.
import { endpointArgument, exchange, limitArgument, DEFAULT_TIMEOUT_MS, type Handler } from '../http/exchange.js';
import { targetArgument } from '../http/forwarder.js';
import { createClient, record, type Client, type ClientOptions } from '../http/ohttp-client.js';
import type { KeyConfig } from '../ohttp/key-config.js';
import { describe, objectArgument } from '../utils/arguments.js';
import type { BundleVerifier, VerifiedBundle } from './bundle-verifier.js';
import { encapsulateRequest } from './inner-client.js';
import { decodeBundle } from './bundle-format.js';
import { INNER_MEDIA_TYPE } from './inner-media-types.js';
import {
  decodeNodeDirectory,
  MAX_DIRECTORY_SIZE,
  NODE_DIRECTORY_MEDIA_TYPE,
  type DirectoryNode,
} from './node-directory.js';
import type { BundlePlatform } from './platform.js';
import { NODE_PATH_PREFIX } from './router.js';
import { SessionError } from './session-error.js';
import { bytesToHex, equalBytes } from '../utils/bytes.js';

/** Where a consistency mirror serves what the client reads, relative to the mirror's URL: the
 *  gateway's key list (application/ohttp-keys) and the node directory. */
export const MIRROR_PATHS = Object.freeze({ keys: 'ohttp-keys', nodes: 'nodes' });

/** Options of {@link session.client}. */
export interface SessionClientOptions {
  /** The OHTTP relay: its URL, or an in-process handler. */
  relay: Handler | string;
  /** The consistency mirror (ohttp.mirror, usually the relay's): its URL, under which it serves
   *  MIRROR_PATHS, or an in-process handler (asked for http://mirror.invalid/<path>). */
  mirror: Handler | string;
  /** A second mirror, of another operator: a gateway key or a node's key is used only if it shows
   *  the same one. */
  confirm?: Handler | string;
  /** The gateway's OHTTP key configurations, pinned: then the mirrors' key lists are not read. */
  keys?: readonly KeyConfig[];
  /** The shortest time the gateway's keys and the node directory are kept, in seconds; default 3600. */
  minKeyLifetime?: number;
  /** How long a bundle's verification is reused before it is verified again, in seconds (never past
   *  its expiry); default 60. Evidence, chain, log proof and witness freshness are checked at the
   *  time of a verification. */
  reverifyAfter?: number;
  /** The bundle verifier: the vendor roots, the release log and its witnesses. */
  verifier: BundleVerifier;
  /** The gateway's origin (https://gateway.example): the inner request goes to <origin>/nodes/<name>. */
  gateway: string;
  /** The verification time; default the clock. */
  now?: () => Date;
  /** Fills its argument with random bytes (the node choice); default crypto.getRandomValues. */
  random?: (bytes: Uint8Array<ArrayBuffer>) => void;
  /** Prepares each outer request (POST <gateway>/nodes/<name>) before it is encapsulated: for
   *  example adds a credential bound to it. The gateway sees what it adds; the node does not. */
  authorize?: ClientOptions['authorize'];
  /** The OHTTP client's own options: its log and Binary HTTP field limits. */
  log?: ClientOptions['log'];
  /** How long the relay or a mirror may take to answer, in ms; default 30 s. */
  timeoutMs?: number;
  /** How many audit entries are kept, the oldest dropped first; default 1000. */
  maxAuditEntries?: number;
  /** The largest node directory read; default MAX_DIRECTORY_SIZE. */
  maxDirectoryBytes?: number;
}

/** How one request's session was set up, and how it ended. */
export interface SessionAuditEntry {
  /** When it was sent (ISO 8601). */
  readonly time: string;
  /** The node chosen, by its directory name, and what its verified bundle proved. */
  readonly node: string;
  /** The node's TEE platform. */
  readonly platform: BundlePlatform;
  /** The attested measurement, lowercase hex. */
  readonly measurement: string;
  /** The origin of the log that includes its release. */
  readonly logOrigin: string;
  /** The size of the checkpoint's tree. */
  readonly treeSize: number;
  /** The release statement's index in the log. */
  readonly leafIndex: number;
  /** SHA-256 of the checkpoint's note text, lowercase hex. */
  readonly checkpointHash: string;
  /** The names of the witnesses whose cosignatures verified. */
  readonly witnesses: readonly string[];
  /** The node key's identifier, and the bundle's expiry (ISO 8601). */
  readonly keyId: number;
  /** The bundle's expiry (ISO 8601). */
  readonly expiry: string;
  /** How many nodes the directory listed, and how many verified. */
  readonly listed: number;
  /** How many of them verified. */
  readonly verified: number;
  /** The node's status, or why the exchange failed (an error's code). */
  status?: number;
  /** Why the exchange failed: an error's code. */
  error?: string;
}

/** A session client, from {@link session.client}. */
export interface SessionClient {
  /** The node's response to `request`. SessionError DIRECTORY, INCONSISTENT or NO_NODE, and
   *  ObliviousFetchError KEYS or KEY_INCONSISTENT, before anything is sent. */
  fetch(request: Request): Promise<Response>;
  /** One entry per request sent, oldest first: the last `maxAuditEntries`. */
  readonly audit: readonly SessionAuditEntry[];
}

/** A uniform index below `n` (1 ≤ n ≤ 2^32) from 32-bit draws, rejecting the biased tail. */
export function uniformIndex(n: number, random: (bytes: Uint8Array<ArrayBuffer>) => void): number {
  const limit = 2 ** 32 - (2 ** 32 % n);
  const draw = new Uint8Array(4);
  for (;;) {
    random(draw);
    const x = ((draw[0]! << 24) | (draw[1]! << 16) | (draw[2]! << 8) | draw[3]!) >>> 0;
    if (x < limit) return x % n;
  }
}

interface VerifiedNode {
  readonly name: string;
  readonly verified: VerifiedBundle;
}

/** `endpoint` (a mirror) at `path`: the URL under it, or the handler asked for that path. */
function at(endpoint: Handler | URL, path: string): Handler | URL {
  if (endpoint instanceof URL) return new URL(path, endpoint.href.endsWith('/') ? endpoint : `${endpoint.href}/`);
  return (request) => endpoint(new Request(new URL(path, 'http://mirror.invalid/'), request));
}

const option = (endpoint: Handler | URL): Handler | string => (endpoint instanceof URL ? endpoint.href : endpoint);

export function createSessionClient(options: SessionClientOptions): SessionClient {
  const o = objectArgument<SessionClientOptions>(options, 'options');
  const mirror = endpointArgument(o.mirror, 'options.mirror');
  const confirm = o.confirm === undefined ? undefined : endpointArgument(o.confirm, 'options.confirm');
  const verifier = o.verifier;
  if (typeof verifier?.verify !== 'function') throw new TypeError('"options.verifier" expected a bundle verifier');
  const gateway = targetArgument(o.gateway, 'options.gateway');
  if (gateway.pathname !== '/') throw new RangeError('"options.gateway" expected an origin');
  const now = o.now ?? (() => new Date());
  if (typeof now !== 'function') throw new TypeError(`"options.now" expected function, got ${describe(now)}`);
  const random = o.random ?? ((bytes: Uint8Array<ArrayBuffer>) => void crypto.getRandomValues(bytes));
  if (typeof random !== 'function') throw new TypeError(`"options.random" expected function, got ${describe(random)}`);
  const timeoutMs = limitArgument(o.timeoutMs, 'options.timeoutMs', DEFAULT_TIMEOUT_MS);
  const maxDirectoryBytes = limitArgument(o.maxDirectoryBytes, 'options.maxDirectoryBytes', MAX_DIRECTORY_SIZE);
  const minKeyLifetime = limitArgument(o.minKeyLifetime, 'options.minKeyLifetime', 3600);
  const reverifyAfter = limitArgument(o.reverifyAfter, 'options.reverifyAfter', 60);
  const outer: Client = createClient({
    relay: o.relay!,
    keys: o.keys ?? option(at(mirror, MIRROR_PATHS.keys)),
    ...(o.keys === undefined && confirm !== undefined ? { confirm: option(at(confirm, MIRROR_PATHS.keys)) } : {}),
    minKeyLifetime,
    now: () => now().getTime(),
    maxAuditEntries: 1, // the session's own audit is the one kept
    timeoutMs,
    ...(o.authorize === undefined ? {} : { authorize: o.authorize }),
    ...(o.log === undefined ? {} : { log: o.log }),
  });
  const audit: SessionAuditEntry[] = [];
  const maxAuditEntries = limitArgument(o.maxAuditEntries, 'options.maxAuditEntries', 1000);
  /** The directory as last read, until `expires` (ms); dropped after a failed exchange. */
  let directory: { nodes: DirectoryNode[]; expires: number } | undefined;

  /** A mirror's node directory, and its max-age in ms. */
  async function readDirectory(source: Handler | URL): Promise<{ nodes: DirectoryNode[]; maxAgeMs: number }> {
    try {
      const answer = await exchange(
        at(source, MIRROR_PATHS.nodes),
        { headers: { accept: NODE_DIRECTORY_MEDIA_TYPE } },
        maxDirectoryBytes,
        timeoutMs,
      );
      const type = answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
      if (answer.status !== 200 || type !== NODE_DIRECTORY_MEDIA_TYPE) throw new SessionError('DIRECTORY');
      const maxAge = /max-age=(\d{1,10})/.exec(answer.headers.get('cache-control') ?? '');
      return { nodes: decodeNodeDirectory(answer.body), maxAgeMs: maxAge === null ? 0 : 1000 * Number(maxAge[1]) };
    } catch (cause) {
      if (cause instanceof SessionError) throw cause;
      throw new SessionError('DIRECTORY', { cause });
    }
  }

  /** The directory's nodes: kept while fresh, else read from the mirror (and confirmed). */
  async function directoryNodes(time: number): Promise<DirectoryNode[]> {
    if (directory !== undefined && time < directory.expires) return directory.nodes;
    const { nodes, maxAgeMs } = await readDirectory(mirror);
    const kept = confirm === undefined ? nodes : confirmedNodes(nodes, (await readDirectory(confirm)).nodes);
    directory = { nodes: kept, expires: time + Math.max(maxAgeMs, 1000 * minKeyLifetime) };
    return kept;
  }

  /** Each bundle of the kept directory, verified: reused for `reverifyAfter` seconds at most. */
  const verifications = new WeakMap<Uint8Array, { at: number; result: VerifiedBundle }>();

  /** `bundle` verified at `time`, or verified within `reverifyAfter` before it and not expired. */
  async function verify(bundle: Uint8Array, time: Date): Promise<VerifiedBundle> {
    const kept = verifications.get(bundle);
    const ms = time.getTime();
    if (kept !== undefined && ms >= kept.at && ms - kept.at < 1000 * reverifyAfter && ms < kept.result.expiry.getTime())
      return kept.result;
    verifications.delete(bundle);
    const result = await verifier!.verify(bundle, { now: time });
    verifications.set(bundle, { at: ms, result });
    return result;
  }

  /** The directory's nodes whose bundles verify at `time`; NO_NODE if none does. */
  async function verifiedNodes(time: Date): Promise<{ listed: number; nodes: VerifiedNode[] }> {
    const listed = await directoryNodes(time.getTime());
    const nodes: VerifiedNode[] = [];
    const refusals: unknown[] = [];
    for (const { name, bundle } of listed) {
      try {
        nodes.push({ name, verified: await verify(bundle, time) });
      } catch (e) {
        refusals.push(e);
      }
    }
    if (nodes.length === 0)
      throw new SessionError('NO_NODE', { cause: new AggregateError(refusals, 'every node was refused') });
    return { listed: listed.length, nodes };
  }

  async function sessionFetch(request: Request): Promise<Response> {
    if (!(request instanceof Request)) throw new TypeError(`"request" expected Request, got ${describe(request)}`);
    const { listed, nodes } = await verifiedNodes(now());
    // Only now, with a verified key, is a byte of the request encrypted.
    const { name, verified } = nodes[uniformIndex(nodes.length, random)]!;
    const { log: facts } = verified;
    const entry: SessionAuditEntry = {
      time: new Date().toISOString(),
      node: name,
      platform: verified.platform,
      measurement: bytesToHex(verified.measurement),
      logOrigin: facts.origin,
      treeSize: facts.treeSize,
      leafIndex: facts.leafIndex,
      checkpointHash: bytesToHex(facts.checkpointHash),
      witnesses: Object.freeze(facts.witnesses.map((w) => w.name)),
      keyId: verified.keyConfig.keyId,
      expiry: verified.expiry.toISOString(),
      listed,
      verified: nodes.length,
    };
    const { body, context } = await encapsulateRequest(verified.keyConfig, request);
    record(audit, entry, maxAuditEntries);
    try {
      const answer = await outer.fetch(
        new Request(new URL(`${NODE_PATH_PREFIX}${name}`, gateway), {
          method: 'POST',
          headers: { 'content-type': INNER_MEDIA_TYPE.REQUEST },
          body: body as Uint8Array<ArrayBuffer>,
        }),
      );
      const type = answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
      if (answer.status !== 200 || type !== INNER_MEDIA_TYPE.RESPONSE) {
        entry.status = answer.status;
        throw new SessionError('NODE');
      }
      const response = context.openResponse(new Uint8Array(await answer.arrayBuffer()));
      entry.status = response.status;
      return response;
    } catch (e) {
      directory = undefined;
      entry.error = (e as { code?: unknown }).code === undefined ? 'INTERNAL' : String((e as { code: unknown }).code);
      throw e;
    } finally {
      context.destroy();
    }
  }

  return Object.freeze({ fetch: sessionFetch, audit });
}

/** The nodes of `list` that `other` lists with the same key configuration; INCONSISTENT if a node's
 *  key differs there (the directory shows someone a key of their own). Bundles are compared by
 *  their key, as a node may attest one key afresh. */
function confirmedNodes(list: readonly DirectoryNode[], other: readonly DirectoryNode[]): DirectoryNode[] {
  const keyOf = (bundle: Uint8Array) => decodeBundle(bundle).encodedKeyConfig;
  const seen = new Map(other.map((node) => [node.name, node.bundle]));
  return list.filter(({ name, bundle }) => {
    const twin = seen.get(name);
    if (twin === undefined) return false;
    if (!equalBytes(keyOf(twin), keyOf(bundle))) throw new SessionError('INCONSISTENT');
    return true;
  });
}
