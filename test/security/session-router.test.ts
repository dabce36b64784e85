// The session router (the gateway's target for the inner layer) under hostile requests. Where an
// inner request goes is configuration only: a name that is not configured — a dot segment, its
// percent-encoded spelling, a network-path or absolute URL in the path, another authority or Host —
// is answered 404 and nothing is sent anywhere (a canary server on loopback stands for an internal
// service, and the configured node counts what it gets). A body over the limit is 413 (declared or
// streamed); a node that hangs is 504 in bounded time, and the router serves the next request.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveNode, type NodeServer } from 'oblivia/node';
import { session } from 'oblivia/session';

let canary: NodeServer;
let node: NodeServer;
let slow: NodeServer;
const canaryHits: string[] = [];
const nodeHits: string[] = [];
let slowHits = 0;
let release: () => void = () => {};

beforeAll(async () => {
  canary = await serveNode(async (request) => {
    canaryHits.push(`${request.method} ${new URL(request.url).pathname}`);
    return new Response('internal secret');
  });
  node = await serveNode(async (request) => {
    nodeHits.push(`${request.method} ${new URL(request.url).pathname}`);
    const body = new Uint8Array(await request.arrayBuffer());
    return new Response(body.reverse(), { headers: { 'content-type': session.INNER_MEDIA_TYPE.RESPONSE } });
  });
  slow = await serveNode(async () => {
    slowHits++;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return new Response('late');
  });
});
afterAll(async () => {
  release();
  await Promise.all([canary.close(), node.close(), slow.close()]);
});

const canaryHost = () => new URL(canary.url).host;
const post = (url: string, body: BodyInit = new Uint8Array([1, 2, 3]), headers: Record<string, string> = {}) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': session.INNER_MEDIA_TYPE.REQUEST, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

async function problemOf(response: Response): Promise<{ status: number; type: string | null; body: unknown }> {
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

describe('session.router', () => {
  test('a configured name is passed on unchanged; its answer comes back unchanged', async () => {
    const router = session.router({ nodes: { a: node.url } });
    const answer = await router(post('https://gateway.example/nodes/a', new Uint8Array([1, 2, 3, 4])));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(session.INNER_MEDIA_TYPE.RESPONSE);
    expect([...new Uint8Array(await answer.arrayBuffer())]).toEqual([4, 3, 2, 1]);
    expect(nodeHits.splice(0)).toEqual(['POST /']);
  });

  test('names not configured, and every path escape: 404 problem+json, no outbound connection', async () => {
    const router = session.router({ nodes: { a: node.url, 'node-2': `${node.url}inner/` } });
    const host = canaryHost();
    const paths = [
      '/nodes/b',
      '/nodes/A',
      '/nodes/',
      '/nodes',
      '/nodes/a/',
      '/nodes/a/x',
      '/nodes/a?x=1#', // the query is no part of the name: still a (see below)
      '/nodes/../nodes/a/../b',
      '/nodes/%2e%2e/a',
      '/nodes/%2E%2E%2Fa',
      '/nodes/%61',
      '/nodes/a%00',
      `/nodes//${host}/admin`,
      `//${host}/admin`,
      `/nodes/http://${host}/admin`,
      `/nodes/http:%2F%2F${host}%2Fadmin`,
      '/nodes/__proto__',
      '/nodes/constructor',
      '/nodes/hasOwnProperty',
      '/a',
      '/',
    ];
    const statuses: Record<string, number> = {};
    for (const path of paths) {
      const answer = await router(post(`https://gateway.example${path}`));
      statuses[path] = answer.status;
      if (answer.status === 404) {
        expect(await problemOf(answer)).toEqual({
          status: 404,
          type: 'application/problem+json',
          body: { type: 'about:blank', title: 'Not Found', status: 404 },
        });
      }
    }
    // Only the query-carrying spelling names a: the router reads the path alone.
    expect(Object.entries(statuses).filter(([, s]) => s !== 404)).toEqual([['/nodes/a?x=1#', 200]]);
    // WHATWG URL parsing resolves "/nodes/../nodes/a/../b" to /nodes/b: not configured either.
    expect(nodeHits.splice(0)).toEqual(['POST /']);
    expect(canaryHits).toEqual([]);
  });

  test("the request's authority and Host choose nothing", async () => {
    const router = session.router({ nodes: { a: node.url } });
    const answer = await router(post(`http://${canaryHost()}/nodes/a`, undefined, { host: canaryHost() }));
    expect(answer.status).toBe(200);
    expect(nodeHits.splice(0)).toEqual(['POST /']);
    expect(canaryHits).toEqual([]);
  });

  test('method and media type: 405 (Allow: POST), 415; nothing sent', async () => {
    const router = session.router({ nodes: { a: node.url } });
    const get = await router(new Request('https://gateway.example/nodes/a'));
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await problemOf(get)).type).toBe('application/problem+json');
    for (const type of ['message/ohttp-req', 'application/octet-stream', 'message/oblivia-attested-response']) {
      const answer = await router(post('https://gateway.example/nodes/a', 'x', { 'content-type': type }));
      expect(await problemOf(answer)).toEqual({
        status: 415,
        type: 'application/problem+json',
        body: { type: 'about:blank', title: 'Unsupported Media Type', status: 415 },
      });
    }
    expect(nodeHits).toEqual([]);
  });

  test('a huge body: 413, declared or streamed, read no further; nothing sent', async () => {
    const LIMIT = 4096;
    const router = session.router({ nodes: { a: node.url }, maxBodyBytes: LIMIT });
    expect((await router(post('https://gateway.example/nodes/a', new Uint8Array(LIMIT + 1)))).status).toBe(413);
    const declared = await router(
      post('https://gateway.example/nodes/a', new Uint8Array(8), { 'content-length': String(1 << 30) }),
    );
    expect(declared.status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const streamed = await router(post('https://gateway.example/nodes/a', endless));
    expect(await problemOf(streamed)).toEqual({
      status: 413,
      type: 'application/problem+json',
      body: { type: 'about:blank', title: 'Content Too Large', status: 413 },
    });
    expect(pulled).toBeLessThanOrEqual(LIMIT / 1024 + 2);
    expect(nodeHits).toEqual([]);
    // At the limit, it goes through.
    expect((await router(post('https://gateway.example/nodes/a', new Uint8Array(LIMIT)))).status).toBe(200);
    expect(nodeHits.splice(0)).toEqual(['POST /']);
  });

  test('a slow node: 504 in bounded time, and the router keeps serving', async () => {
    const router = session.router({ nodes: { slow: slow.url, a: node.url }, timeoutMs: 200 });
    const start = performance.now();
    const late = await router(post('https://gateway.example/nodes/slow'));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(await problemOf(late)).toEqual({
      status: 504,
      type: 'application/problem+json',
      body: { type: 'about:blank', title: 'Gateway Timeout', status: 504 },
    });
    expect(slowHits).toBe(1);
    const next = await router(post('https://gateway.example/nodes/a', new Uint8Array([9])));
    expect(next.status).toBe(200);
    expect(nodeHits.splice(0)).toEqual(['POST /']);
    release();
  });

  test('an unreachable node: 502', async () => {
    const closed = await serveNode(async () => new Response('x'));
    const url = closed.url;
    await closed.close();
    const router = session.router({ nodes: { gone: url } });
    expect((await router(post('https://gateway.example/nodes/gone'))).status).toBe(502);
  });

  test('a node answering with a redirect: 502, the redirect neither followed nor passed on', async () => {
    const redirecting = await serveNode(
      async () => new Response(null, { status: 307, headers: { location: `${canary.url}admin` } }),
    );
    try {
      const router = session.router({ nodes: { r: redirecting.url } });
      const answer = await router(post('https://gateway.example/nodes/r'));
      expect(answer.status).toBe(502);
      expect(answer.headers.get('location')).toBeNull();
      expect(canaryHits).toEqual([]);
    } finally {
      await redirecting.close();
    }
  });

  test('/nodes and its spellings name no node: 404, nothing sent', async () => {
    const router = session.router({ nodes: { a: node.url } });
    for (const path of ['/nodes', '/nodes/', '/nodes/%2e', '/Nodes', '/nodes//'])
      expect((await router(new Request(`https://gateway.example${path}`))).status).toBe(404);
    expect(canaryHits).toEqual([]);
  });

  test('configuration: names of [a-z0-9-]{1,63} only, URLs as the forwarder checks them', () => {
    for (const name of ['', 'A', 'a.b', '../x', 'a/b', '%2e', 'x'.repeat(64), 'a_b', ' a'])
      expect(() => session.router({ nodes: { [name]: 'http://127.0.0.1:1/' } })).toThrow(RangeError);
    expect(() => session.router({ nodes: { ['x'.repeat(63)]: 'http://127.0.0.1:1/' } })).not.toThrow();
    for (const url of ['ftp://x/', 'http://u:p@x/', 'http://x/?q', 'http://x/#f', 'relative/'])
      expect(() => session.router({ nodes: { a: url } })).toThrow(RangeError);
    expect(() => session.router({ nodes: { a: 42 as unknown as string } })).toThrow(TypeError);
    expect(() => session.router({ nodes: {} })).toThrow(RangeError);
    expect(() => session.router(null as never)).toThrow(TypeError);
    expect(() => session.router({ nodes: { a: 'http://x/' }, timeoutMs: 0 })).toThrow(RangeError);
  });
});
