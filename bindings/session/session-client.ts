// The session client: it sends a request end to end to one attested processing node, through the
// OHTTP relay and gateway. For each request:
//   1. it fetches the node directory — through the relay, at <gateway>/nodes (the router serves
//      it), or directly from `nodes` if given; key consistency is a later slice — and verifies
//      EVERY bundle with the bundle verifier at `now()`; if none verifies it throws SessionError
//      NO_NODE (cause: an AggregateError of the refusals) and nothing is encrypted or sent;
//   2. it picks one verified node uniformly at random (32-bit draws, rejection sampling), so the
//      operator cannot steer a chosen user to a chosen machine;
//   3. it encapsulates the request to that node's key (the inner layer) and sends the inner body
//      as POST https://<gateway>/nodes/<name> through an OHTTP client (`ohttp.client`: its relay,
//      its keys, its `authorize` hook); the gateway's target (session.router) passes it on;
//   4. it opens the node's inner response with the request's context and returns it.
// Its audit log records, per request, how the session was set up: node, platform, measurement,
// log origin, tree size, leaf index, checkpoint hash, the witnesses that cosigned, key id, expiry.
import { exchange, endpointArgument, limitArgument, DEFAULT_TIMEOUT_MS, type Handler } from '../http/exchange.js';
import { targetArgument } from '../http/forwarder.js';
import { createClient, type Client, type ClientOptions } from '../http/ohttp-client.js';
import type { KeyConfig } from '../ohttp/key-config.js';
import { describe, objectArgument } from '../utils/arguments.js';
import type { BundleVerifier, VerifiedBundle } from './bundle-verifier.js';
import { encapsulateRequest } from './inner-client.js';
import { INNER_MEDIA_TYPE } from './inner-media-types.js';
import { decodeNodeDirectory, MAX_DIRECTORY_SIZE, NODE_DIRECTORY_MEDIA_TYPE } from './node-directory.js';
import type { BundlePlatform } from './platform.js';
import { DIRECTORY_PATH, NODE_PATH_PREFIX } from './router.js';
import { SessionError } from './session-error.js';

export interface SessionClientOptions {
  /** The OHTTP relay: its URL, or an in-process handler. */
  relay: Handler | string;
  /** The gateway's OHTTP key configurations, or the URL of its key directory (as ohttp.client). */
  keys: readonly KeyConfig[] | string;
  /** The node directory fetched directly: its URL, or an in-process handler. Without it, the
   *  directory is fetched through the relay and the gateway, at <gateway>/nodes (the router's
   *  `directory`), like any request: `authorize` applies to it too. */
  nodes?: Handler | string;
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
  /** How long the relay, the key directory or the node directory may take to answer, in ms; default 30 s. */
  timeoutMs?: number;
  /** The largest node directory read; default MAX_DIRECTORY_SIZE. */
  maxDirectoryBytes?: number;
}

/** How one request's session was set up, and how it ended. */
export interface SessionAuditEntry {
  /** When it was sent (ISO 8601). */
  readonly time: string;
  /** The node chosen, by its directory name, and what its verified bundle proved. */
  readonly node: string;
  readonly platform: BundlePlatform;
  /** The attested measurement, lowercase hex. */
  readonly measurement: string;
  readonly logOrigin: string;
  readonly treeSize: number;
  readonly leafIndex: number;
  /** SHA-256 of the checkpoint's note text, lowercase hex. */
  readonly checkpointHash: string;
  /** The names of the witnesses whose cosignatures verified. */
  readonly witnesses: readonly string[];
  /** The node key's identifier, and the bundle's expiry (ISO 8601). */
  readonly keyId: number;
  readonly expiry: string;
  /** How many nodes the directory listed, and how many verified. */
  readonly listed: number;
  readonly verified: number;
  /** The node's status, or why the exchange failed (an error's code). */
  status?: number;
  error?: string;
}

export interface SessionClient {
  /** The node's response to `request`. SessionError DIRECTORY or NO_NODE before anything is sent. */
  fetch(request: Request): Promise<Response>;
  /** One entry per request sent, oldest first. */
  readonly audit: readonly SessionAuditEntry[];
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

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

export function createSessionClient(options: SessionClientOptions): SessionClient {
  const o = objectArgument<SessionClientOptions>(options, 'options');
  const directory = o.nodes === undefined ? undefined : endpointArgument(o.nodes, 'options.nodes');
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
  const outer: Client = createClient({
    relay: o.relay!,
    keys: o.keys!,
    timeoutMs,
    ...(o.authorize === undefined ? {} : { authorize: o.authorize }),
    ...(o.log === undefined ? {} : { log: o.log }),
  });
  const audit: SessionAuditEntry[] = [];

  /** The directory's nodes whose bundles verify at `at`; DIRECTORY or NO_NODE otherwise. */
  async function verifiedNodes(at: Date): Promise<{ listed: number; nodes: VerifiedNode[] }> {
    let listed;
    try {
      const answer = await fetchDirectory();
      const type = answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase();
      if (answer.status !== 200 || type !== NODE_DIRECTORY_MEDIA_TYPE) throw new SessionError('DIRECTORY');
      listed = decodeNodeDirectory(answer.body);
    } catch (cause) {
      if (cause instanceof SessionError) throw cause;
      throw new SessionError('DIRECTORY', { cause });
    }
    const nodes: VerifiedNode[] = [];
    const refusals: unknown[] = [];
    for (const { name, bundle } of listed) {
      try {
        nodes.push({ name, verified: await verifier!.verify(bundle, { now: at }) });
      } catch (e) {
        refusals.push(e);
      }
    }
    if (nodes.length === 0)
      throw new SessionError('NO_NODE', { cause: new AggregateError(refusals, 'every node was refused') });
    return { listed: listed.length, nodes };
  }

  /** The directory's answer: directly from `nodes`, or through the relay from <gateway>/nodes. */
  async function fetchDirectory(): Promise<{ status: number; headers: Headers; body: Uint8Array }> {
    const headers = { accept: NODE_DIRECTORY_MEDIA_TYPE };
    if (directory !== undefined) return exchange(directory, { headers }, maxDirectoryBytes, timeoutMs);
    const answer = await outer.fetch(new Request(new URL(DIRECTORY_PATH, gateway), { headers }));
    const body = new Uint8Array(await answer.arrayBuffer());
    if (body.length > maxDirectoryBytes) throw new SessionError('DIRECTORY');
    return { status: answer.status, headers: answer.headers, body };
  }

  async function sessionFetch(request: Request): Promise<Response> {
    if (!(request instanceof Request)) throw new TypeError(`"request" expected Request, got ${describe(request)}`);
    const at = now();
    const { listed, nodes } = await verifiedNodes(at);
    // Only now, with a verified key, is a byte of the request encrypted.
    const { name, verified } = nodes[uniformIndex(nodes.length, random)]!;
    const { log: facts } = verified;
    const entry: SessionAuditEntry = {
      time: new Date().toISOString(),
      node: name,
      platform: verified.platform,
      measurement: hex(verified.measurement),
      logOrigin: facts.origin,
      treeSize: facts.treeSize,
      leafIndex: facts.leafIndex,
      checkpointHash: hex(facts.checkpointHash),
      witnesses: Object.freeze(facts.witnesses.map((w) => w.name)),
      keyId: verified.keyConfig.keyId,
      expiry: verified.expiry.toISOString(),
      listed,
      verified: nodes.length,
    };
    const { body, context } = await encapsulateRequest(verified.keyConfig, request);
    audit.push(entry);
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
      entry.error = (e as { code?: unknown }).code === undefined ? 'INTERNAL' : String((e as { code: unknown }).code);
      throw e;
    } finally {
      context.destroy();
    }
  }

  return Object.freeze({ fetch: sessionFetch, audit });
}
