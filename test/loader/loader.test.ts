// init() and initSync() in Node: every input kind, idempotence, the SIMD choice, and the js
// fallback where WebAssembly is missing or refused. Each test imports a fresh copy of the package.
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
afterEach(() => vi.unstubAllGlobals());

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
    await pkg.init((await input()) as never);
    expectWasm(pkg);
  });

  test('a promise of an input', async () => {
    const pkg = await fresh();
    await pkg.init(Promise.resolve(new Uint8Array(BYTES)));
    expectWasm(pkg);
  });

  test('a 404 rejects, and calls keep running on js', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined }); // no autoload, as in a browser
    const pkg = await fresh();
    await expect(pkg.init(`${origin}/missing.wasm`)).rejects.toThrow('failed to fetch the wasm module: HTTP 404');
    expect(pkg.backend()).toBe('js');
    expect(Buffer.from(pkg.sha256(new Uint8Array(0))).toString('hex')).toBe(EMPTY_SHA256);
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
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
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
    const pkg = await fresh();
    await pkg.init();
    expect(pkg.backend()).toBe('js');
    expect(Buffer.from(pkg.sha256(new Uint8Array(0))).toString('hex')).toBe(EMPTY_SHA256);
    expect(() => pkg.useBackend('wasm')).toThrow('the wasm backend is not loaded: call `await init()` first');
  });

  test('a refusal to compile (CSP) resolves init() and leaves js', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
    vi.spyOn(WebAssembly, 'compile').mockRejectedValue(
      new WebAssembly.CompileError('WebAssembly.compile(): Wasm code generation disallowed by embedder'),
    );
    const pkg = await fresh();
    await pkg.init(new Uint8Array(BYTES));
    expect(pkg.backend()).toBe('js');
    vi.restoreAllMocks();
  });

  test('before init() outside Node, calls run on js; after it, on wasm', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined });
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
