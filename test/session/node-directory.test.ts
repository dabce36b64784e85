// The node directory's one encoding: what nodeDirectory serves and decodeNodeDirectory accepts —
// names sorted, no whitespace, exactly the two members, unpadded base64url — and every other
// spelling of the same list refused with SessionError DIRECTORY.
import { describe, expect, test } from 'vitest';
import { session, SessionError } from 'oblivia/session';

const enc = (text: string) => new TextEncoder().encode(text);
const dec = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('node directory', () => {
  test('encodes sorted by name, without whitespace; decodes back', () => {
    const bytes = session.encodeNodeDirectory([
      { name: 'node-b', bundle: new Uint8Array([0xfb, 0xff]) },
      { name: 'node-a', bundle: new Uint8Array([1, 2, 3]) },
    ]);
    expect(dec(bytes)).toBe('{"nodes":[{"name":"node-a","bundle":"AQID"},{"name":"node-b","bundle":"-_8"}]}');
    expect(session.decodeNodeDirectory(bytes)).toEqual([
      { name: 'node-a', bundle: new Uint8Array([1, 2, 3]) },
      { name: 'node-b', bundle: new Uint8Array([0xfb, 0xff]) },
    ]);
  });

  test('every other spelling is SessionError DIRECTORY', () => {
    const cases = [
      '',
      'null',
      '{}',
      '{"nodes":[]}',
      '{"nodes":{}}',
      ' {"nodes":[{"name":"a","bundle":"AQID"}]}',
      '{"nodes": [{"name":"a","bundle":"AQID"}]}',
      '{"nodes":[{"bundle":"AQID","name":"a"}]}',
      '{"nodes":[{"name":"a","bundle":"AQID","x":1}]}',
      '{"nodes":[{"name":"a","bundle":"AQID"}],"x":1}',
      '{"nodes":[{"name":"b","bundle":"AQID"},{"name":"a","bundle":"AQID"}]}',
      '{"nodes":[{"name":"a","bundle":"AQID"},{"name":"a","bundle":"AQID"}]}',
      '{"nodes":[{"name":"A","bundle":"AQID"}]}',
      '{"nodes":[{"name":"a","bundle":"AQI="}]}',
      '{"nodes":[{"name":"a","bundle":"AQ+/"}]}',
      '{"nodes":[{"name":"a","bundle":""}]}',
      '{"nodes":[{"name":"a","bundle":"AQID"}]}\n',
      '{"nodes":[{"name":"\\u0061","bundle":"AQID"}]}',
    ];
    for (const text of cases) {
      expect(() => session.decodeNodeDirectory(enc(text)), text).toThrow(
        expect.objectContaining({ name: 'SessionError', code: 'DIRECTORY' }),
      );
    }
    expect(() => session.decodeNodeDirectory(new Uint8Array([0xff]))).toThrow(SessionError);
    expect(session.decodeNodeDirectory(enc('{"nodes":[{"name":"a","bundle":"AQID"}]}'))).toHaveLength(1);
  });

  test('the handler: GET serves the current bundles; a failing node is left out; 405 otherwise', async () => {
    let b: Uint8Array = new Uint8Array([9]);
    const directory = session.nodeDirectory({
      nodes: {
        a: () => new Uint8Array([1]),
        b: async () => b,
        c: () => {
          throw new Error('down');
        },
      },
    });
    const answer = await directory(new Request('https://nodes.example/'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(session.NODE_DIRECTORY_MEDIA_TYPE);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(session.decodeNodeDirectory(new Uint8Array(await answer.arrayBuffer()))).toEqual([
      { name: 'a', bundle: new Uint8Array([1]) },
      { name: 'b', bundle: new Uint8Array([9]) },
    ]);
    b = new Uint8Array([7, 7]);
    const next = session.decodeNodeDirectory(
      new Uint8Array(await (await directory(new Request('https://nodes.example/'))).arrayBuffer()),
    );
    expect(next[1]!.bundle).toEqual(new Uint8Array([7, 7]));
    const post = await directory(new Request('https://nodes.example/', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const none = session.nodeDirectory({ nodes: { x: () => new Uint8Array(0) } });
    expect((await none(new Request('https://nodes.example/'))).status).toBe(503);
  });

  test('configuration and arguments', () => {
    expect(() => session.nodeDirectory({ nodes: { 'A!': () => new Uint8Array(1) } })).toThrow(RangeError);
    expect(() => session.nodeDirectory({ nodes: { a: 'x' as never } })).toThrow(TypeError);
    const many = Object.fromEntries(
      Array.from({ length: session.MAX_DIRECTORY_NODES + 1 }, (_, i) => [`n${i}`, () => new Uint8Array(1)]),
    );
    expect(() => session.nodeDirectory({ nodes: many })).toThrow(RangeError);
    expect(() => session.encodeNodeDirectory([])).toThrow(RangeError);
    expect(() => session.encodeNodeDirectory([{ name: 'a', bundle: new Uint8Array(0) }])).toThrow(RangeError);
    expect(() => session.encodeNodeDirectory([{ name: '../a', bundle: new Uint8Array(1) }])).toThrow(RangeError);
  });
});
