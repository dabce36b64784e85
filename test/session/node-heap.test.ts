// Stateless: after a processing node answers, its heap holds no byte of the request or of the
// response it sent. The node runs in a process of its own (fixtures/heap-node.mjs), so this
// process's copies do not count; secrets planted in the request body, a request header and the
// response are searched for in a heap snapshot the node writes after answering (node:v8, which
// collects garbage first).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ohttp } from 'oblivia';
import { session } from 'oblivia/session';

test('after answering, the node heap holds none of the planted request or response secrets', async () => {
  const child = fork(new URL('./fixtures/heap-node.mjs', import.meta.url), { stdio: 'ignore' });
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
  try {
    const { url, config } = (await next()) as { url: string; config: string };
    const key = ohttp.decodeKeyConfig(new Uint8Array(Buffer.from(config, 'hex')));
    const body = `planted-body-${randomBytes(16).toString('hex')}`;
    const header = `planted-header-${randomBytes(16).toString('hex')}`;
    const reply = `planted-reply-${randomBytes(16).toString('hex')}`;
    for (let i = 0; i < 3; i++) {
      const { body: inner, context } = await session.encapsulateRequest(
        key,
        new Request('https://node.example/v1/summarise', {
          method: 'POST',
          headers: { 'x-planted': header, 'x-reply': reply },
          body,
        }),
      );
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': session.INNER_MEDIA_TYPE.REQUEST },
        body: inner as Uint8Array<ArrayBuffer>,
      });
      const text = await context.openResponse(new Uint8Array(await answer.arrayBuffer())).text();
      expect(text.endsWith(` ${reply}`)).toBe(true);
    }
    child.send('snapshot');
    const path = (await next()) as string;
    try {
      const heap = readFileSync(path, 'latin1');
      expect(heap.length).toBeGreaterThan(100_000);
      expect(heap.includes('session')).toBe(true); // the node's own code is in it
      expect(heap.includes(body)).toBe(false);
      expect(heap.includes(header)).toBe(false);
      expect(heap.includes(reply)).toBe(false);
    } finally {
      rmSync(path, { force: true });
    }
  } finally {
    child.send('exit');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}, 60_000);
