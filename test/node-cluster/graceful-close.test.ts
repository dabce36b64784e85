// serveNode's close(graceMs): it stops accepting at once, lets a request in flight be answered
// (its connection closed after), and closes what is still open when the grace time is up.
import { request as httpRequest } from 'node:http';
import { serveNode } from 'oblivia/node';
import { expect, test } from 'vitest';

/** A GET on a connection of its own: status and Connection header, or the error's code. */
function get(url: string): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection! }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

test('a request in flight at close(graceMs) is answered, with its connection closed; new ones are refused', async () => {
  let arrived!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = await serveNode(async () => {
    arrived();
    await released;
    return new Response('done');
  });
  const answer = get(server.url);
  await inFlight;
  const closed = server.close(30_000);
  expect(await get(server.url)).toEqual({ error: 'ECONNREFUSED' });
  release();
  expect(await answer).toEqual({ status: 200, connection: 'close' });
  await closed;
});

test('what is still open when the grace time is up is closed', async () => {
  let arrived!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  const server = await serveNode(() => {
    arrived();
    return new Promise<Response>(() => {}); // never answers
  });
  const answer = get(server.url);
  await inFlight;
  await server.close(100);
  expect(await answer).toEqual({ error: 'ECONNRESET' });
});
