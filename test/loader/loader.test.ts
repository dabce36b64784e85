// init() and initSync() in Node: every input kind, what init() resolves with (the backend and
// why), idempotence, the SIMD choice, the js fallback where WebAssembly is missing or refused, and
// its one-time warning. Each test imports a fresh copy of the package.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';

type Package = typeof import('oblivia');
const WASM = new URL('../../build/out/wasm/oblivia.wasm', import.meta.url);
const BYTES = readFileSync(WASM);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function fresh(): Promise<Package> {
  vi.resetModules();
  return import('oblivia');
}

/** Loaded, on wasm, and computing correctly. */
function expectWasm(pkg: Package): void {
  expect(pkg.backend()).toBe('wasm');
  expect(Buffer.from(pkg.sha256(new Uint8Array(0))).toString('hex')).toBe(EMPTY_SHA256);
}

let server: Server;
let origin: string;
let requests = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    requests++;
    if (request.url === '/oblivia.wasm') response.writeHead(200, { 'Content-Type': 'application/wasm' }).end(BYTES);
    else if (request.url === '/octet.wasm')
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(BYTES);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** No fs, as in a browser: no autoload, and init() finds the inline module. */
const likeABrowser = () => vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });

describe('Node loads the wasm backend by itself', () => {
  test('on first use, without init()', async () => {
    const pkg = await fresh();
    expectWasm(pkg);
  });
});

describe('init() accepts what wasm-pack accepts', () => {
  const inputs: [string, () => unknown][] = [
    ['no argument (the packaged file)', () => undefined],
    ['a file: URL', () => WASM],
    ['a path string', () => WASM.pathname],
    ['an http URL', () => new URL('/oblivia.wasm', origin)],
    ['an http URL string', () => `${origin}/oblivia.wasm`],
    ['a Request', () => new Request(`${origin}/oblivia.wasm`)],
    ['a Response (application/wasm, streamed)', () => fetch(`${origin}/oblivia.wasm`)],
    ['a Response (application/octet-stream, buffered)', () => fetch(`${origin}/octet.wasm`)],
    ['an ArrayBuffer', () => BYTES.buffer.slice(BYTES.byteOffset, BYTES.byteOffset + BYTES.length)],
    ['a Uint8Array', () => new Uint8Array(BYTES)],
    ['a WebAssembly.Module', () => new WebAssembly.Module(BYTES)],
    ['{ module_or_path: URL }', () => ({ module_or_path: WASM })],
    ['{ module_or_path: Promise<Response> }', () => ({ module_or_path: fetch(`${origin}/oblivia.wasm`) })],
  ];
  test.each(inputs)('%s', async (_, input) => {
    const pkg = await fresh();
    const given = await input();
    expect(await pkg.init(given as never)).toEqual({ backend: 'wasm', reason: given ? 'input' : 'file' });
    expectWasm(pkg);
  });

  test('a promise of an input', async () => {
    likeABrowser();
    const pkg = await fresh();
    expect(await pkg.init(Promise.resolve(new Uint8Array(BYTES)))).toEqual({ backend: 'wasm', reason: 'input' });
    expectWasm(pkg);
  });

  test('a 404 gives way to the packaged module, and says so', async () => {
    likeABrowser();
    const pkg = await fresh();
    expect(await pkg.init(`${origin}/missing.wasm`)).toEqual({
      backend: 'wasm',
      reason: 'inline',
      error: `failed to fetch the wasm module: HTTP 404 ${origin}/missing.wasm`,
    });
    expectWasm(pkg);
  });

  test('a fetch that fails (a rejected promise) gives way to the packaged module too', async () => {
    likeABrowser();
    const pkg = await fresh();
    const failed = Promise.reject(new TypeError('fetch failed'));
    expect(await pkg.init({ module_or_path: failed })).toEqual({
      backend: 'wasm',
      reason: 'inline',
      error: 'fetch failed',
    });
  });

  test('corrupt bytes reject with a CompileError', async () => {
    const pkg = await fresh();
    await expect(pkg.init(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99]))).rejects.toThrow(WebAssembly.CompileError);
  });

  test('an input of another kind is a TypeError', async () => {
    const pkg = await fresh();
    await expect(pkg.init(42 as never)).rejects.toThrow(TypeError);
  });
});

describe('what init() resolves with', () => {
  test('Node: the packaged file, read from disk; the same answer every time', async () => {
    const pkg = await fresh();
    expect(await pkg.init()).toEqual({ backend: 'wasm', reason: 'file' });
    expect(await pkg.init(new Uint8Array(BYTES))).toEqual({ backend: 'wasm', reason: 'file' });
  });

  test('a missing packaged file (a Node bundle, Deno without read permission): the inline module', async () => {
    const fs = {
      readFileSync: () => {
        throw new Error('ENOENT: no such file or directory');
      },
    };
    vi.stubGlobal('process', { ...process, getBuiltinModule: () => fs });
    const pkg = await fresh();
    expect(await pkg.init()).toEqual({ backend: 'wasm', reason: 'inline' });
  });

  test('nothing to load: js, with the reason; require: wasm rejects', async () => {
    likeABrowser();
    vi.stubGlobal('DecompressionStream', undefined); // so the packaged file is fetched, and Node cannot
    const pkg = await fresh();
    await expect(pkg.init({ require: 'wasm' })).rejects.toThrow(
      new Error('the wasm backend is required but could not be loaded (unavailable: fetch failed)'),
    );
    expect(await pkg.init()).toEqual({ backend: 'js', reason: 'unavailable', error: 'fetch failed' });
    expect(pkg.backend()).toBe('js');
  });

  test('without SIMD (or DecompressionStream): the packaged file is fetched, the scalar one', async () => {
    likeABrowser();
    const scalar = readFileSync(new URL('../../build/out/wasm/oblivia.scalar.wasm', import.meta.url));
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    const fetched: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      fetched.push(String(url));
      return new Response(new Uint8Array(scalar), { headers: { 'Content-Type': 'application/wasm' } });
    });
    const pkg = await fresh();
    expect(await pkg.init()).toEqual({ backend: 'wasm', reason: 'url' });
    expect(fetched.map((url) => url.slice(url.lastIndexOf('/build/')))).toEqual([
      '/build/out/wasm/oblivia.scalar.wasm',
    ]);
    expectWasm(pkg);
  });

  test("require takes 'wasm' only", async () => {
    const pkg = await fresh();
    await expect(pkg.init({ require: 'js' as never })).rejects.toThrow(
      new TypeError(`"require" expected 'wasm', got js`),
    );
  });

  test('require: wasm with an input that loads resolves as without it', async () => {
    likeABrowser();
    const pkg = await fresh();
    expect(await pkg.init({ module_or_path: new Uint8Array(BYTES), require: 'wasm' })).toEqual({
      backend: 'wasm',
      reason: 'input',
    });
  });
});

describe('initSync()', () => {
  test.each([
    ['bytes', () => new Uint8Array(BYTES)],
    ['an ArrayBuffer', () => new Uint8Array(BYTES).buffer],
    ['a WebAssembly.Module', () => new WebAssembly.Module(BYTES)],
    ['{ module: bytes }', () => ({ module: new Uint8Array(BYTES) })],
    ['{ module: Module }', () => ({ module: new WebAssembly.Module(BYTES) })],
  ])('%s', async (_, input) => {
    const pkg = await fresh();
    pkg.initSync(input() as never);
    expectWasm(pkg);
  });

  test('anything else is a TypeError', async () => {
    const pkg = await fresh();
    expect(() => pkg.initSync('oblivia.wasm' as never)).toThrow(
      new TypeError('"input" expected BufferSource or WebAssembly.Module'),
    );
  });
});

describe('idempotence', () => {
  test('init() and initSync() after loading change nothing', async () => {
    const pkg = await fresh();
    const { active } = await import('oblivia/backend/select.js');
    await pkg.init();
    const first = active();
    await pkg.init(new Uint8Array(BYTES));
    await Promise.all([pkg.init(), pkg.init(WASM)]);
    pkg.initSync(new Uint8Array(BYTES));
    expect(active()).toBe(first);
    expectWasm(pkg);
  });

  test('concurrent init() calls share one load', async () => {
    const pkg = await fresh();
    const { active } = await import('oblivia/backend/select.js');
    likeABrowser();
    const before = requests;
    const a = pkg.init(`${origin}/oblivia.wasm`);
    const b = pkg.init(`${origin}/oblivia.wasm`);
    await Promise.all([a, b]);
    expect(requests - before).toBe(1);
    const first = active();
    await pkg.init();
    expect(active()).toBe(first);
  });
});

describe('which module, which backend', () => {
  test('the SIMD build where SIMD validates, else the scalar build', async () => {
    const { defaultWasmUrl } = await import('oblivia/wasm-url.js');
    expect(defaultWasmUrl().pathname.endsWith('/wasm/oblivia.wasm')).toBe(true);
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    expect(defaultWasmUrl().pathname.endsWith('/wasm/oblivia.scalar.wasm')).toBe(true);
    vi.restoreAllMocks();
  });

  test('without WebAssembly, everything runs on js and init() resolves', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pkg = await fresh();
    expect(await pkg.init()).toEqual({ backend: 'js', reason: 'no-webassembly' });
    await expect(pkg.init({ require: 'wasm' })).rejects.toThrow(
      new Error('the wasm backend is required but could not be loaded (no-webassembly)'),
    );
    expect(pkg.backend()).toBe('js');
    expect(Buffer.from(pkg.sha256(new Uint8Array(0))).toString('hex')).toBe(EMPTY_SHA256);
    expect(() => pkg.useBackend('wasm')).toThrow('the wasm backend is not loaded: call `await init()` first');
  });

  test('a refusal to compile (CSP, workerd) resolves init() and leaves js', async () => {
    likeABrowser();
    const refusal = 'WebAssembly.compile(): Wasm code generation disallowed by embedder';
    vi.spyOn(WebAssembly, 'compile').mockRejectedValue(new WebAssembly.CompileError(refusal));
    const pkg = await fresh();
    expect(await pkg.init(new Uint8Array(BYTES))).toEqual({ backend: 'js', reason: 'refused', error: refusal });
    expect(await pkg.init()).toEqual({ backend: 'js', reason: 'refused', error: refusal });
    expect(pkg.backend()).toBe('js');
  });

  test('before init() outside Node, calls run on js; after it, on wasm', async () => {
    likeABrowser();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pkg = await fresh();
    expect(pkg.backend()).toBe('js');
    await pkg.init(`${origin}/oblivia.wasm`);
    expectWasm(pkg);
  });

  test('useBackend forces a backend and undefined restores the default', async () => {
    const pkg = await fresh();
    pkg.useBackend('js');
    expect(pkg.backend()).toBe('js');
    pkg.useBackend('wasm');
    expect(pkg.backend()).toBe('wasm');
    pkg.useBackend(undefined);
    expect(pkg.backend()).toBe('wasm');
    expect(() => pkg.useBackend('gpu' as never)).toThrow(new TypeError(`"name" expected 'wasm' or 'js', got gpu`));
  });
});

describe('the js fallback warns, once', () => {
  const WARNING =
    'oblivia: running on the js backend, about 10× slower than wasm. `await init()` loads the wasm ' +
    "module; useBackend('js') or warnOnFallback(false) silences this.";
  const suiteIds = { kem: 0x20, kdf: 1, aead: 1 } as const;

  test('at the first call on js outside Node (not at backend()), and not again', async () => {
    likeABrowser();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pkg = await fresh();
    expect(pkg.backend()).toBe('js');
    expect(warn).not.toHaveBeenCalled();
    const suite = pkg.hpke.suite(suiteIds);
    suite.seal(suite.generateKeyPair().publicKey, new Uint8Array(1));
    pkg.sha256(new Uint8Array(0));
    expect(warn.mock.calls).toEqual([[WARNING]]);
  });

  test('not after warnOnFallback(false); again after warnOnFallback(true)', async () => {
    likeABrowser();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pkg = await fresh();
    pkg.warnOnFallback(false);
    pkg.sha256(new Uint8Array(0));
    expect(warn).not.toHaveBeenCalled();
    pkg.warnOnFallback(true);
    pkg.sha256(new Uint8Array(0));
    expect(warn.mock.calls).toEqual([[WARNING]]);
    expect(() => pkg.warnOnFallback('no' as never)).toThrow(new TypeError('"enabled" expected boolean, got string'));
  });

  test("not when js is chosen with useBackend('js'), nor in Node, nor after init()", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const node = await fresh();
    node.sha256(new Uint8Array(0));
    likeABrowser();
    const forced = await fresh();
    forced.useBackend('js');
    forced.sha256(new Uint8Array(0));
    const loaded = await fresh();
    await loaded.init();
    loaded.sha256(new Uint8Array(0));
    expect(warn).not.toHaveBeenCalled();
  });
});
