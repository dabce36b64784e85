// What typical imports weigh in a bundle: each is bundled by esbuild (browser, ESM, minified, one
// file: the inlined wasm module included) and measured in bytes and gzip bytes (node:zlib, level 9),
// with the number of @noble modules it pulls in (none under the oblivia-wasm-only condition).
import { gzipSync } from 'node:zlib';
import { build, version } from 'esbuild';
import { ROOT } from '../config.js';

export { version as esbuildVersion };

interface Case {
  readonly name: string;
  readonly code: string;
  readonly conditions?: string[];
}

const INIT = `import { init } from 'oblivia';`;
const CASES: Case[] = [
  { name: '`oblivia/hpke` + `init`', code: `${INIT} import { hpke } from 'oblivia/hpke'; use(init, hpke);` },
  {
    name: '`oblivia/hpke` + `init`, `oblivia-wasm-only`',
    code: `${INIT} import { hpke } from 'oblivia/hpke'; use(init, hpke);`,
    conditions: ['oblivia-wasm-only'],
  },
  {
    name: '`oblivia/ohttp` client + `init`',
    code: `${INIT} import { ohttp } from 'oblivia/ohttp'; use(init, ohttp.client);`,
  },
  {
    name: '`oblivia/ohttp` client + `init`, `oblivia-wasm-only`',
    code: `${INIT} import { ohttp } from 'oblivia/ohttp'; use(init, ohttp.client);`,
    conditions: ['oblivia-wasm-only'],
  },
  { name: '`oblivia` (everything)', code: `import * as oblivia from 'oblivia'; use(oblivia);` },
];

export interface BundleSize {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly nobleModules: number;
}

async function measure(c: Case): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: `const use = (...a) => console.log(a); ${c.code}`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    conditions: c.conditions ?? [],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const noble = Object.keys(result.metafile.inputs).filter((path) => path.includes('node_modules/@noble/'));
  return {
    name: c.name,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    nobleModules: noble.length,
  };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** The markdown table of `sizes`, with the esbuild version. */
export function bundleTable(sizes: readonly BundleSize[]): string {
  return [
    '| import | minified | gzip | noble modules |',
    '| --- | ---: | ---: | ---: |',
    ...sizes.map((s) => `| ${s.name} | ${kB(s.bytes)} | ${kB(s.gzipBytes)} | ${s.nobleModules} |`),
    '',
    `esbuild ${version}, browser, ESM, minified, one file (\`npm run bench:size\`).`,
  ].join('\n');
}

/** Every case, bundled and measured (a few seconds). */
export async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const c of CASES) sizes.push(await measure(c));
  return sizes;
}
