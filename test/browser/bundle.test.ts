// An esbuild bundle of the package (esbuild's JS API, platform browser, no configuration) in
// headless Chromium: esbuild copies no .wasm, so init() loads the module inlined in the bundle —
// whole in one file, or in a chunk of its own when esbuild splits — and calls run on wasm.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { startStaticServer, type StaticServer } from './server.js';

const skip = !existsSync(CHROMIUM) && !process.env.CI;

const APP = `import { backend, init, sha256 } from 'oblivia';
import { hpke } from 'oblivia/hpke';
window.result = (async () => {
  const before = backend();
  const loaded = await init();
  const suite = hpke.suite({ kem: hpke.KEM.X25519_HKDF_SHA256, kdf: hpke.KDF.HKDF_SHA256, aead: hpke.AEAD.AES_128_GCM });
  const pair = suite.generateKeyPair();
  const { enc, ct } = suite.seal(pair.publicKey, new Uint8Array([1, 2, 3]));
  const opened = Array.from(suite.open(enc, pair, ct));
  const digest = Array.from(sha256(new Uint8Array(0)).subarray(0, 4));
  return { before, loaded, after: backend(), opened, digest };
})();`;
const PAGE =
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="app.js"></script>';

let dir: string;
let server: StaticServer;
let browser: Browser;

describe.skipIf(skip)('an esbuild bundle in Chromium', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oblivia-bundle-'));
    server = await startStaticServer(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  }, 45_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test.each([
    ['one file', false],
    ['split into chunks', true],
  ])('%s: init() loads the inline module; calls run on wasm; nothing warns', async (name, splitting) => {
    const out = join(dir, name.replaceAll(' ', '-'));
    await build({
      stdin: { contents: APP, resolveDir: process.cwd(), loader: 'js', sourcefile: 'app.js' },
      bundle: true,
      splitting,
      format: 'esm',
      platform: 'browser',
      minify: true,
      outdir: out,
      entryNames: 'app',
      logLevel: 'silent',
    });
    await writeFile(join(out, 'index.html'), PAGE);
    expect((await readdir(out)).filter((f) => f.endsWith('.wasm'))).toEqual([]);
    const page = await (await browser.newContext()).newPage();
    const messages: string[] = [];
    page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error}`));
    await page.goto(`${server.origin}/${name.replaceAll(' ', '-')}/index.html`);
    await page.waitForFunction(() => 'result' in window, undefined, { timeout: 15_000 });
    const result = await page.evaluate(() => (window as unknown as { result: Promise<unknown> }).result);
    expect(result).toEqual({
      before: 'js',
      loaded: { backend: 'wasm', reason: 'inline' },
      after: 'wasm',
      opened: [1, 2, 3],
      digest: [0xe3, 0xb0, 0xc4, 0x42],
    });
    expect(messages).toEqual([]);
    expect(server.requests.filter((r) => r.endsWith('.wasm'))).toEqual([]);
  });
});
