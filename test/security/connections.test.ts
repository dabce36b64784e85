// Regression, finding 2 of the gateway attack: one connection could hold memory or burn a core in
// serveNode. Raw sockets on loopback play the attacker: stalled bodies, bodies that never end after
// a 413, headers that never end, more connections than allowed, and methods and request targets
// Fetch cannot carry. Every case must end with the server's answer and the connection closed by the
// server, within a bound set by the options (the waits here are caps, not timing assertions).
import { connect, type Socket } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import type { Handler } from 'oblivia';
import { serveNode, type NodeServer, type ServeOptions } from 'oblivia/node';

/** What the server sent on one connection, and whether it closed it before `capMs`. */
interface Exchange {
  readonly text: string;
  readonly closed: boolean;
  readonly sent: number;
}

const servers: NodeServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

async function serve(handler: Handler, options: ServeOptions): Promise<{ port: number }> {
  const server = await serveNode(handler, options);
  servers.push(server);
  return { port: Number(new URL(server.url).port) };
}

const echo: Handler = async (request) =>
  new Response(`${request.method} ${request.url} ${(await request.arrayBuffer()).byteLength}`);

/** Opens a connection, lets `drive` write to it, and collects what comes back until the server
 *  closes it or `capMs` passes. */
function exchange(port: number, drive: (socket: Socket) => void, capMs = 10_000): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let sent = 0;
    const write = socket.write.bind(socket);
    socket.write = ((data: string | Uint8Array, ...rest: never[]) => {
      sent += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
      return write(data, ...rest);
    }) as typeof socket.write;
    const finish = (closed: boolean) => {
      clearTimeout(cap);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed, sent });
    };
    const cap = setTimeout(() => finish(false), capMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => {});
    socket.on('close', () => finish(true));
    socket.on('connect', () => drive(socket));
  });
}

const statusLine = (text: string) => text.split('\r\n')[0];
const header = (text: string, name: string) =>
  text
    .split('\r\n\r\n')[0]!
    .split('\r\n')
    .find((l) => l.toLowerCase().startsWith(`${name}:`))
    ?.slice(name.length + 1)
    .trim();

test('a body that stalls is answered 408 and its connection closed after bodyIdleTimeoutMs', async () => {
  const { port } = await serve(echo, { bodyIdleTimeoutMs: 300 });
  const result = await exchange(port, (s) =>
    s.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${(1 << 20) - 1}\r\n\r\n${'a'.repeat(1000)}`),
  );
  expect([statusLine(result.text), header(result.text, 'connection'), result.closed]).toEqual([
    'HTTP/1.1 408 Request Timeout',
    'close',
    true,
  ]);
});

test('a body that trickles under the idle limit is cut off by requestTimeoutMs', async () => {
  const { port } = await serve(echo, { bodyIdleTimeoutMs: 500, headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
  let timer: ReturnType<typeof setInterval> | undefined;
  const result = await exchange(port, (s) => {
    s.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100000\r\n\r\n');
    timer = setInterval(() => s.writable && s.write('a'), 100);
  });
  clearInterval(timer);
  expect([statusLine(result.text), result.closed]).toEqual(['HTTP/1.1 408 Request Timeout', true]);
});

test('bodies held together past maxBufferedBytes get 503 and a closed connection; the others are served', async () => {
  const { port } = await serve(echo, {
    maxBodyBytes: 48 * 1024,
    maxBufferedBytes: 64 * 1024,
    bodyIdleTimeoutMs: 5_000,
  });
  const first = connect(port, '127.0.0.1');
  const firstAnswer = new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    first.on('data', (d) => {
      chunks.push(d);
      if (Buffer.concat(chunks).toString('latin1').includes('POST')) resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
  first.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${40 * 1024}\r\n\r\n${'a'.repeat(39 * 1024)}`);
  await new Promise((r) => setTimeout(r, 200));
  const second = await exchange(port, (s) =>
    s.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${40 * 1024}\r\n\r\n${'b'.repeat(40 * 1024)}`),
  );
  expect([statusLine(second.text), header(second.text, 'connection'), second.closed]).toEqual([
    'HTTP/1.1 503 Service Unavailable',
    'close',
    true,
  ]);
  first.write('a'.repeat(1024));
  const answer = await firstAnswer;
  first.destroy();
  expect([statusLine(answer), answer.endsWith(`POST http://127.0.0.1:${port}/ ${40 * 1024}`)]).toEqual([
    'HTTP/1.1 200 OK',
    true,
  ]);
  // The budget came back: a third body of the same size is served.
  const third = await exchange(port, (s) =>
    s.write(
      `POST / HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: ${40 * 1024}\r\n\r\n${'c'.repeat(40 * 1024)}`,
    ),
  );
  expect(statusLine(third.text)).toBe('HTTP/1.1 200 OK');
});

test('an endless chunked body gets 413 and its connection closed, not drained', async () => {
  const { port } = await serve(echo, { maxBodyBytes: 1024 });
  const chunk = `4000\r\n${'x'.repeat(0x4000)}\r\n`;
  const result = await exchange(port, (s) => {
    s.write('POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n');
    const pump = () => {
      while (s.writable && s.write(chunk));
    };
    s.on('drain', pump);
    pump();
  });
  expect([statusLine(result.text), header(result.text, 'connection'), result.closed]).toEqual([
    'HTTP/1.1 413 Payload Too Large',
    'close',
    true,
  ]);
});

test('a declared body over maxBodyBytes gets 413 and a closed connection before it is sent', async () => {
  const { port } = await serve(echo, { maxBodyBytes: 1024 });
  const result = await exchange(port, (s) =>
    s.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 1000000000\r\n\r\n'),
  );
  expect([statusLine(result.text), result.closed]).toEqual(['HTTP/1.1 413 Payload Too Large', true]);
});

test('a header section that never ends is cut off by headersTimeoutMs', async () => {
  const { port } = await serve(echo, { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
  const result = await exchange(port, (s) => s.write('GET / HTTP/1.1\r\nhost: x\r\nx-slow: '));
  expect([statusLine(result.text), result.closed]).toEqual(['HTTP/1.1 408 Request Timeout', true]);
});

test('a client that stops reading a response has its connection closed after writeTimeoutMs', async () => {
  const big = new Uint8Array(64 << 20);
  const { port } = await serve(async () => new Response(big), { writeTimeoutMs: 500 });
  const read = await new Promise<number>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n'));
    let total = 0;
    socket.on('data', (d) => (total += d.length));
    socket.once('data', () => {
      // Stop reading for longer than writeTimeoutMs, then take whatever is still coming.
      socket.pause();
      setTimeout(() => socket.resume(), 1_500);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(total));
  });
  // The server dropped what the client had not taken: far less than the 64 MiB arrived.
  expect(read).toBeLessThan(big.length / 2);
});

test('a connection that sends nothing is closed by headersTimeoutMs', async () => {
  const { port } = await serve(echo, { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
  const result = await exchange(port, () => {});
  expect([statusLine(result.text), result.closed]).toEqual(['HTTP/1.1 408 Request Timeout', true]);
});

test('connections past maxConnections are closed as they arrive; the first ones are served', async () => {
  const { port } = await serve(echo, { maxConnections: 2 });
  const held = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')];
  await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))));
  await new Promise((r) => setTimeout(r, 100));
  const third = await exchange(port, (s) => s.write('GET / HTTP/1.1\r\nhost: x\r\n\r\n'));
  expect([third.text, third.closed]).toEqual(['', true]);
  const answer = new Promise<string>((resolve) => held[0]!.once('data', (d) => resolve(d.toString('latin1'))));
  held[0]!.write('GET /ok HTTP/1.1\r\nhost: x\r\n\r\n');
  expect(statusLine(await answer)).toBe('HTTP/1.1 200 OK');
  held.forEach((s) => s.destroy());
});

test('TRACE, which Fetch forbids, is answered 405, and the server serves on', async () => {
  const { port } = await serve(echo, {});
  const result = await exchange(port, (s) =>
    s.write(`TRACE / HTTP/1.1\r\nhost: x\r\n\r\nGET /after HTTP/1.1\r\nhost: x\r\n\r\n`),
  );
  expect(statusLine(result.text)).toBe('HTTP/1.1 405 Method Not Allowed');
  expect(result.text).not.toContain('GET http');
  const after = await exchange(port, (s) => s.write('GET /after HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'));
  expect(after.text.endsWith(`GET http://127.0.0.1:${port}/after 0`)).toBe(true);
});

test("the handler's URL is always this server's origin: a '//' target is a path, an absolute-form target a 400", async () => {
  const { port } = await serve(echo, {});
  const path = await exchange(port, (s) =>
    s.write('GET //10.0.0.5:8080/admin HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'),
  );
  expect(path.text.endsWith(`GET http://127.0.0.1:${port}//10.0.0.5:8080/admin 0`)).toBe(true);
  const absolute = await exchange(port, (s) => s.write('GET http://10.0.0.5:8080/admin HTTP/1.1\r\nhost: x\r\n\r\n'));
  expect([statusLine(absolute.text), absolute.closed]).toEqual(['HTTP/1.1 400 Bad Request', true]);
});

test('the options are checked', async () => {
  await expect(serveNode(echo, { maxConnections: 0 })).rejects.toThrow(
    new RangeError('"options.maxConnections" expected a positive integer, got 0'),
  );
  await expect(serveNode(echo, { bodyIdleTimeoutMs: 1.5 })).rejects.toThrow(
    new RangeError('"options.bodyIdleTimeoutMs" expected a positive integer, got 1.5'),
  );
  await expect(serveNode(echo, { headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 })).rejects.toThrow(
    new RangeError('"options.headersTimeoutMs" expected at most "options.requestTimeoutMs"'),
  );
});
