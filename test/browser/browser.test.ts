// The package in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core;
// .ci/run installs it) loads build/out/bindings/index.js from a static server with an import map,
// awaits init() in its various forms, and runs the known-answer checks of kat.js in the page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { startStaticServer, type StaticServer } from './server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VECTORS = process.env.OBLIVIA_VECTORS ?? fileURLToPath(new URL('../../../shared/vectors/', import.meta.url));
const PAGE = '/test/browser/page.html';
const WASM = '/build/out/wasm/oblivia.wasm';
const INLINE = '/build/out/bindings/wasm-source/oblivia.inline.js';

// Without Chromium: CI fails (it installs it), a developer machine skips with a message.
const haveChromium = existsSync(CHROMIUM);
const skip = !haveChromium && !process.env.CI;
if (skip) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium, or run .ci/run)`);

// ---- vectors, read here and passed into the page ----------------------------------------------

type HashName = 'sha256' | 'sha384' | 'sha512';
const HASHES = [
  ['sha256', 'SHA256', 32],
  ['sha384', 'SHA384', 48],
  ['sha512', 'SHA512', 64],
] as const;

interface ShaVector {
  hash: HashName;
  msg: string;
  md: string;
}
interface HmacVector {
  id: string;
  hash: HashName;
  key: string;
  msg: string;
  tag: string;
}
interface HkdfVector {
  id: string;
  hash: HashName;
  ikm: string;
  salt: string;
  info: string;
  size: number;
  okm: string;
}
type AeadName = 'chacha20poly1305' | 'xchacha20poly1305' | 'gcm';
interface AeadVector {
  id: string;
  aead: AeadName;
  key: string;
  iv: string;
  aad: string;
  msg: string;
  sealed: string;
}
interface Vectors {
  sha: ShaVector[];
  hmac: HmacVector[];
  hkdf: HkdfVector[];
  aead: AeadVector[];
}
const AEAD_FILES = [
  ['chacha20poly1305', 'chacha20_poly1305_test.json'],
  ['xchacha20poly1305', 'xchacha20_poly1305_test.json'],
  ['gcm', 'aes_gcm_test.json'],
] as const;

/** NIST SHAVS .rsp: `Len` (bits), `Msg`, `MD` blocks; Len = 0 carries a placeholder Msg of 00. */
function readShavs(hash: HashName, file: string, take: number): ShaVector[] {
  const text = readFileSync(join(VECTORS, 'nist/SHAVS', file), 'utf8');
  const out: ShaVector[] = [];
  for (const m of text.matchAll(/^Len = (\d+)\s*\nMsg = ([0-9a-f]*)\s*\nMD = ([0-9a-f]+)/gm)) {
    const bytes = Number(m[1]) / 8;
    out.push({ hash, msg: m[2]!.slice(0, 2 * bytes), md: m[3]! });
  }
  if (out.length < take) throw new Error(`${file}: expected at least ${take} vectors, found ${out.length}`);
  return out.slice(0, take);
}

/** A Wycheproof file, untyped JSON: the caller picks what it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readWycheproof(file: string): any {
  return JSON.parse(readFileSync(join(VECTORS, 'wycheproof', file), 'utf8'));
}

function loadVectors(): Vectors {
  const vectors: Vectors = { sha: [], hmac: [], hkdf: [], aead: [] };
  for (const [aead, file] of AEAD_FILES) {
    for (const group of readWycheproof(file).testGroups) {
      for (const t of group.tests) {
        if (t.result !== 'valid') continue;
        vectors.aead.push({
          id: `${aead}#${t.tcId}`,
          aead,
          key: t.key,
          iv: t.iv,
          aad: t.aad,
          msg: t.msg,
          sealed: t.ct + t.tag,
        });
      }
    }
  }
  for (const [hash, nist, outputLen] of HASHES) {
    vectors.sha.push(...readShavs(hash, `${nist}ShortMsg.rsp`, 20), ...readShavs(hash, `${nist}LongMsg.rsp`, 3));
    for (const group of readWycheproof(`hmac_${hash}_test.json`).testGroups) {
      if (group.tagSize !== 8 * outputLen) continue; // truncated tags: not this API
      for (const t of group.tests) {
        if (t.result !== 'valid') continue;
        vectors.hmac.push({ id: `hmac_${hash}#${t.tcId}`, hash, key: t.key, msg: t.msg, tag: t.tag });
      }
    }
    for (const group of readWycheproof(`hkdf_${hash}_test.json`).testGroups) {
      for (const t of group.tests) {
        if (t.result !== 'valid') continue;
        vectors.hkdf.push({
          id: `hkdf_${hash}#${t.tcId}`,
          hash,
          ikm: t.ikm,
          salt: t.salt,
          info: t.info,
          size: t.size,
          okm: t.okm,
        });
      }
    }
  }
  return vectors;
}

// ---- browser and server -----------------------------------------------------------------------

let server: StaticServer;
let browser: Browser;
let vectors: Vectors;
const contexts: BrowserContext[] = [];

interface Loaded {
  mode: string;
  before?: string;
  after?: string;
  result?: unknown;
  error?: string;
}
interface Opened {
  page: Page;
  loaded: Loaded;
  pageErrors: string[];
  consoleErrors: string[];
}

/** A fresh context and page (so a fresh module instance): page.html?init=<mode>[&csp=strict]. */
async function open(mode: string, query = ''): Promise<Opened> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  const response = await page.goto(`${server.origin}${PAGE}?init=${mode}${query}`);
  expect(response?.status()).toBe(200);
  await page.waitForFunction(() => 'loaded' in window, undefined, { timeout: 15_000 });
  const loaded = await page.evaluate(() => (window as unknown as { loaded: Promise<Loaded> }).loaded);
  return { page, loaded, pageErrors, consoleErrors };
}

function runKnownAnswers(page: Page, input: Vectors = vectors) {
  return page.evaluate(
    (v) => (window as unknown as { knownAnswers: (v: Vectors) => unknown }).knownAnswers(v),
    input,
  ) as Promise<{
    backend: string;
    counts: Record<string, number>;
    failures: unknown[];
  }>;
}

function expectAllKnownAnswers(result: Awaited<ReturnType<typeof runKnownAnswers>>, input: Vectors = vectors): void {
  expect(result.failures).toEqual([]);
  expect(result.counts).toEqual({
    sha: input.sha.length,
    shaStreaming: input.sha.length,
    hmac: input.hmac.length,
    hkdf: input.hkdf.length,
    hkdfExtractExpand: input.hkdf.length,
    aeadSeal: input.aead.length,
    aeadOpen: input.aead.length,
  });
}

const wasmRequests = (path: string) => server.requests.filter((r) => r.split('?')[0] === path).length;

// ---- TEE evidence: the real reports of shared/vectors/attestation, and what Node makes of them ----

interface Evidence {
  sevSnp: { report: string; signer: string; chain: string; at: string }[];
  h100: { report: string; chain: string; nonce: string; at: string }[];
}

function loadEvidence(): Evidence {
  const dir = join(VECTORS, 'attestation');
  const sev = JSON.parse(readFileSync(join(dir, 'sev-snp/expected.json'), 'utf8')) as {
    reports: { report_file: string; signer_cert_file: string; ask_ark_file: string; verify_at: string }[];
  };
  const nv = JSON.parse(readFileSync(join(dir, 'nvidia/expected.json'), 'utf8')) as {
    reports: { report_file: string; cert_chain_file: string; request_nonce_hex: string }[];
  };
  return {
    sevSnp: sev.reports.map((r) => ({
      report: readFileSync(join(dir, 'sev-snp', r.report_file)).toString('hex'),
      signer: readFileSync(join(dir, 'sev-snp', r.signer_cert_file)).toString('hex'),
      chain: readFileSync(join(dir, 'sev-snp', r.ask_ark_file), 'utf8'),
      at: r.verify_at,
    })),
    h100: nv.reports.map((r) => ({
      report: readFileSync(join(dir, 'nvidia', r.report_file), 'utf8').trim(),
      chain: readFileSync(join(dir, 'nvidia', r.cert_chain_file), 'utf8'),
      nonce: r.request_nonce_hex,
      at: '2025-01-01T00:00:00Z',
    })),
  };
}

/** The page's results, computed in Node by the same package. */
async function expectedEvidenceResults(evidence: Evidence): Promise<unknown[]> {
  const { attestation } = await import('oblivia/attestation');
  const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
  const results: unknown[] = [];
  for (const v of evidence.sevSnp) {
    const verifier = attestation.sevSnp.verifier({ policy: { allowDebug: true } });
    const report = new Uint8Array(Buffer.from(v.report, 'hex'));
    const signer = new Uint8Array(Buffer.from(v.signer, 'hex'));
    const result = await verifier.verify(report, { signer, chain: v.chain }, { at: new Date(v.at) });
    results.push({
      platform: 'sev-snp',
      measurement: hex(result.measurements.get('MEASUREMENT')!),
      tcb: result.tcb,
      root: hex(result.root),
      tampered: 'AttestationError:SIGNATURE',
      expired: 'AttestationError:EXPIRED',
    });
  }
  for (const v of evidence.h100) {
    const verifier = attestation.h100.verifier({ policy: { allowTrailingZeros: true } });
    const report = new Uint8Array(Buffer.from(v.report, 'hex'));
    const nonce = new Uint8Array(Buffer.from(v.nonce, 'hex'));
    const result = await verifier.verify(report, { chain: v.chain }, { at: new Date(v.at), nonce });
    results.push({
      platform: 'nvidia-h100',
      measurements: 64,
      driverVersion: result.driverVersion,
      root: hex(result.root),
      wrongNonce: 'AttestationError:REPORT_DATA',
    });
  }
  return results;
}

describe.skipIf(skip)('browser (headless Chromium)', () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install it (see .ci/run)`);
    vectors = loadVectors();
    server = await startStaticServer(ROOT);
    // launch() runs on a fresh temporary profile; every page gets its own new context.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  }, 45_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  test('vectors are the expected subset', () => {
    expect(vectors.sha).toHaveLength(3 * 23);
    expect(vectors.sha[0]).toEqual({
      hash: 'sha256',
      msg: '',
      md: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(vectors.hmac.length).toBeGreaterThanOrEqual(90);
    expect(vectors.hkdf.length).toBeGreaterThanOrEqual(200);
    expect(vectors.aead).toHaveLength(256 + 246 + 229); // every valid Wycheproof AEAD case
  });

  test('init() with no argument loads the inlined SIMD module; known answers match on wasm', async () => {
    const before = [wasmRequests(WASM), wasmRequests(INLINE)];
    const { page, loaded, pageErrors } = await open('default');
    const result = { backend: 'wasm', reason: 'inline' };
    expect(loaded).toEqual({ mode: 'default', before: 'js', after: 'wasm', result });
    expect([wasmRequests(WASM), wasmRequests(INLINE)]).toEqual([before[0], before[1]! + 1]);
    const answers = await runKnownAnswers(page);
    expect(answers.backend).toBe('wasm');
    expectAllKnownAnswers(answers);
    expect(pageErrors).toEqual([]);
  });

  test('init() is idempotent: repeated and concurrent calls load the module once', async () => {
    const before = [wasmRequests(WASM), wasmRequests(INLINE)];
    const { page, loaded, pageErrors } = await open('twice');
    const result = { backend: 'wasm', reason: 'inline' };
    expect(loaded).toEqual({ mode: 'twice', before: 'js', after: 'wasm', result });
    expect([wasmRequests(WASM), wasmRequests(INLINE)]).toEqual([before[0], before[1]! + 1]);
    const again = await page.evaluate(async () => {
      const o = (
        window as unknown as {
          oblivia: { init: () => Promise<unknown>; backend: () => string; sha256: (m: Uint8Array) => Uint8Array };
        }
      ).oblivia;
      await o.init();
      return [o.backend(), o.sha256(new Uint8Array([0x61, 0x62, 0x63]))] as const;
    });
    expect(again[0]).toBe('wasm');
    expect(Buffer.from(Object.values(again[1]) as number[]).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect([wasmRequests(WASM), wasmRequests(INLINE)]).toEqual([before[0], before[1]! + 1]);
    expect(pageErrors).toEqual([]);
  });

  test.each([
    ['module_or_path', 'init({ module_or_path: new URL(…) })'],
    ['response', 'init(await fetch(…)) (a Response)'],
    ['scalar', "init('/build/out/wasm/oblivia.scalar.wasm') (the scalar module)"],
    ['octet', 'a module served as application/octet-stream (buffered, not streamed)'],
  ])('%s: %s', async (mode) => {
    const { page, loaded, pageErrors } = await open(mode);
    expect(loaded).toEqual({ mode, before: 'js', after: 'wasm', result: { backend: 'wasm', reason: 'input' } });
    const result = await runKnownAnswers(page);
    expect(result.backend).toBe('wasm');
    expectAllKnownAnswers(result);
    expect(pageErrors).toEqual([]);
    if (mode === 'scalar') expect(server.requests).toContain('/build/out/wasm/oblivia.scalar.wasm');
    if (mode === 'octet') expect(server.requests).toContain(`${WASM}?type=octet`);
  });

  test("a CSP without 'wasm-unsafe-eval': init() resolves, the js backend computes the same answers", async () => {
    const { page, loaded, pageErrors } = await open('default', '&csp=strict');
    expect(loaded).toEqual({
      mode: 'default',
      before: 'js',
      after: 'js',
      result: { backend: 'js', reason: 'refused', error: expect.stringMatching(/unsafe-eval/) },
    });
    const result = await runKnownAnswers(page);
    expect(result.backend).toBe('js');
    expectAllKnownAnswers(result);
    expect(pageErrors).toEqual([]);

    // What Chromium throws here, all three ways; the loader must recognise it as a refusal.
    // Chromium 156 throws CompileError: "WebAssembly.compile(): Compiling or instantiating
    // WebAssembly module violates the following Content Security policy directive because
    // 'unsafe-eval' is not an allowed source of script in the following Content Security Policy
    // directive: …" (likewise WebAssembly.compileStreaming() and WebAssembly.Module()).
    const probe = await page.evaluate(() =>
      (
        window as unknown as {
          probeCompile: () => Record<
            'compile' | 'compileStreaming' | 'syncModule',
            { ok: boolean; name: string; message: string }
          >;
        }
      ).probeCompile(),
    );
    for (const way of ['compile', 'compileStreaming', 'syncModule'] as const) {
      expect(probe[way].ok, way).toBe(false);
      expect(probe[way].name, way).toBe('CompileError');
      expect(probe[way].message, way).toMatch(/disallowed|refused|unsafe-eval|content security policy/i);
    }
  });
  test('SEV-SNP and H100: real evidence verifies in the page, on wasm and on js; tampering is refused', async () => {
    const evidence = loadEvidence();
    const wanted = await expectedEvidenceResults(evidence);
    for (const query of ['', '&csp=strict']) {
      const { page, pageErrors } = await open('default', query);
      const got = await page.evaluate(
        (e) => (window as unknown as { verifyEvidence: (e: Evidence) => Promise<unknown> }).verifyEvidence(e),
        evidence,
      );
      expect(got).toEqual({ backend: query === '' ? 'wasm' : 'js', results: wanted });
      expect(pageErrors).toEqual([]);
    }
  });
});
