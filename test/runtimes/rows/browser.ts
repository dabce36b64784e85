// Headless Chromium (Debian's, driven by playwright-core as test/browser does) on the fixture's
// page as two bundlers build it with their defaults: esbuild (bundle, ESM, browser) and `vite
// build`. Each build is served by test/browser's static server and opened once.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../browser/chromium.js';
import { startStaticServer } from '../../browser/server.js';
import { execute, tail, type Outcome, type Report } from '../outcome.js';
import type { Project } from '../project.js';
import { ROW_TIMEOUT_MS, type Row } from './row.js';

let launched: Promise<Browser> | undefined;

/** Closes the browser the rows share, if one was launched. */
export async function closeBrowser(): Promise<void> {
  await (await launched)?.close();
  launched = undefined;
}

export const esbuildChromium: Row = {
  name: 'esbuild-chromium',
  wasmFrom: 'inline',
  async run(p: Project): Promise<Outcome> {
    const out = join(p.dir, 'esbuild-dist');
    await build({
      entryPoints: [join(p.dir, 'browser.mjs')],
      absWorkingDir: p.dir,
      outdir: out,
      outExtension: { '.js': '.mjs' }, // the name index.html loads
      bundle: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    copyFileSync(join(p.dir, 'index.html'), join(out, 'index.html'));
    return openPage(out, this.name);
  },
};

export const viteChromium: Row = {
  name: 'vite-chromium',
  wasmFrom: 'inline',
  async run(p: Project): Promise<Outcome> {
    const out = join(p.dir, 'vite-dist');
    const built = await execute(
      process.execPath,
      [p.bin('vite'), 'build', p.dir, '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
      { cwd: p.dir, env: { NODE_ENV: 'production' }, timeoutMs: ROW_TIMEOUT_MS },
    );
    if (built.status !== 'exit 0') return { error: `vite build ${built.status}: ${tail(built.stderr + built.stdout)}` };
    return openPage(out, this.name);
  },
};

/** Serves `dir` and reads the report of its index.html, or the page's errors. */
async function openPage(dir: string, runtime: string): Promise<Outcome> {
  launched ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: ROW_TIMEOUT_MS });
  const browser = await launched;
  const server = await startStaticServer(dir);
  const context = await browser.newContext();
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // 'load' comes after the module script ran: window.smoke is set, or the script failed.
    await page.goto(`${server.origin}/index.html?runtime=${runtime}`, { waitUntil: 'load', timeout: ROW_TIMEOUT_MS });
    const report = await page.evaluate(() => (window as unknown as { smoke?: Promise<Report> }).smoke);
    return report ? { report } : { error: `no report: ${tail(errors.join('\n'))}` };
  } catch (error) {
    return { error: `${String(error).split('\n')[0]}: ${tail(errors.join('\n'))}` };
  } finally {
    await context.close();
    await server.close();
  }
}
