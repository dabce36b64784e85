// What the node leaves in the wasm core: after it answers — served, refused for a tag that does not
// verify, or with the application throwing — the arena's IO, OUT and SCRATCH regions and every slot
// hold only zeros (the inner layer's HPKE runs in the core; its response secret is wiped in JS).
import { readFileSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { hpke, ohttp, useBackend, type Handler } from 'oblivia';
import type { Core } from 'oblivia/backend/wasm/core.js';
import { installModule } from 'oblivia/backend/select.js';
import { session } from 'oblivia/session';

afterAll(() => useBackend(undefined));

const core: Core = installModule(
  new WebAssembly.Module(readFileSync(new URL('../../build/out/wasm/oblivia.wasm', import.meta.url))),
).core;

function expectClean(): void {
  const g = core.exports;
  const zero = (start: number, size: number) => core.mem.subarray(start, start + size).every((b) => b === 0);
  expect(zero(g.IO.value, g.IO_SIZE.value), 'IO').toBe(true);
  expect(zero(g.OUT.value, g.OUT_SIZE.value), 'OUT').toBe(true);
  expect(zero(g.SCRATCH.value, g.SCRATCH_SIZE.value), 'SCRATCH').toBe(true);
  expect(zero(g.SLOTS.value, g.SLOT_COUNT.value * g.SLOT_SIZE.value), 'slots').toBe(true);
}

test('after each answer the wasm arena is zero', async () => {
  useBackend('wasm');
  const key = ohttp.generateKeyConfig(1, hpke.KEM.X25519_HKDF_SHA256, [
    { kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.CHACHA20_POLY1305 },
  ]);
  const handler: Handler = async (request) => {
    if (new URL(request.url).pathname === '/throws') throw new Error('boom');
    return new Response(`echo ${await request.text()}`);
  };
  const node = session.node({ keys: key, handler });
  const post = (body: Uint8Array) =>
    node(
      new Request('http://node.test/', {
        method: 'POST',
        headers: { 'content-type': session.INNER_MEDIA_TYPE.REQUEST },
        body: body as Uint8Array<ArrayBuffer>,
      }),
    );
  const planted = 'planted-secret '.repeat(100);

  // The probe reads the live core: an OHTTP context keeps its response secret in a slot until spent.
  const { context: held } = ohttp.encapsulateRequest(key, new Uint8Array(8));
  expect(() => expectClean()).toThrow();
  held.destroy();
  expectClean();

  const { body, context } = await session.encapsulateRequest(
    key,
    new Request('https://node.example/', { method: 'POST', body: planted }),
  );
  expectClean();
  const served = await post(body);
  expectClean();
  expect(await context.openResponse(new Uint8Array(await served.arrayBuffer())).text()).toBe(`echo ${planted}`);
  expectClean();

  const tampered = body.slice();
  tampered[tampered.length - 1]! ^= 1;
  expect((await post(tampered)).status).toBe(400);
  expectClean();

  const { body: throwing } = await session.encapsulateRequest(key, new Request('https://node.example/throws'));
  expect((await post(throwing)).status).toBe(200);
  expectClean();
});
