// The package as users get it: `npm pack` of the built repository, extracted as
// <tmp>/node_modules/oblivia, its dependencies linked from the repository's node_modules (nothing
// is installed), and the fixture project beside it, with the vectors its smoke test checks.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonVector } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface Project {
  /** The fixture project: its package.json, node_modules/oblivia and the entries of fixtures/. */
  readonly dir: string;
  /** The runtime's binaries installed as devDependencies (node_modules/.bin of the repository). */
  bin(name: string): string;
  remove(): void;
}

export function makeProject(): Project {
  const dir = mkdtempSync(join(tmpdir(), 'oblivia-matrix-'));
  const repoModules = realpathSync(join(ROOT, 'node_modules'));
  const oblivia = join(dir, 'node_modules', 'oblivia');
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--offline', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_config_update_notifier: 'false' },
    }),
  ) as { filename: string }[];
  mkdirSync(oblivia, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', oblivia, '--strip-components=1']);
  for (const name of dependencyClosure(oblivia, repoModules)) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(repoModules, name), link, 'dir');
  }
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(join(dir, 'vectors.mjs'), `export default ${JSON.stringify(smokeVectors())};\n`);
  const version = (JSON.parse(readFileSync(join(oblivia, 'package.json'), 'utf8')) as { version: string }).version;
  const manifest = {
    name: 'oblivia-runtime-matrix',
    private: true,
    type: 'module',
    dependencies: { oblivia: version },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return {
    dir,
    bin: (name) => join(repoModules, '.bin', name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The packages `dependencies` reach from the package at `from`, by name, as the repository has them. */
function dependencyClosure(from: string, repoModules: string): string[] {
  const found = new Set<string>();
  const visit = (packageDir: string) => {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      if (found.has(name)) continue;
      found.add(name);
      visit(join(repoModules, name));
    }
  };
  visit(from);
  return [...found].sort();
}

/** RFC 9180 A.1.1 (base mode, X25519, HKDF-SHA256, AES-128-GCM): its first message and exports;
 *  RFC 9458 Appendix A whole. */
function smokeVectors() {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const hpke = readJsonVector<any[]>('hpke/test-vectors.json').find(
    (v) => v.mode === 0 && v.kem_id === 0x20 && v.kdf_id === 1 && v.aead_id === 1,
  );
  return {
    hpke: { ...hpke, encryptions: hpke.encryptions.slice(0, 1) },
    ohttp: readJsonVector('ohttp/rfc9458-appendix-a.json'),
  };
}
