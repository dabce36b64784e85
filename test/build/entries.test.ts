// The package's entries, resolved by Node itself through package.json "exports" (a self-reference,
// as a user's import would be): every family's subpath loads on its own, the root re-exports each of
// them whole, and nothing else is in the root but the loader, the backend switch and CryptoError.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
const FAMILIES = [
  'hash',
  'hmac',
  'hkdf',
  'aead',
  'curves',
  'hash-to-curve',
  'ristretto255',
  'ed25519',
  'hpke',
  'oprf',
  'bhttp',
  'ohttp',
  'privacypass',
  'credentials',
  'tlog',
];
/** Entries outside the root: Node's adapter, hpke-js's API, attestation with its X.509 layer, the
 *  attested session (its bundles verify attestation), and the Redis stores. */
const OUTSIDE = ['hpke-js', 'node', 'attestation', 'attestation-simulator', 'session', 'redis'];

/** The value exports of each specifier, as Node loads them in a fresh process. */
function exportsOf(specifiers: string[]): Record<string, string[]> {
  const script = `const out = {};
for (const s of ${JSON.stringify(specifiers)}) out[s] = Object.keys(await import(s)).sort();
console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

test('package.json exports the root, one subpath per family, those outside the root and the two modules', () => {
  expect(Object.keys(pkg.exports).sort()).toEqual(
    [
      '.',
      ...FAMILIES.map((f) => `./${f}`),
      ...OUTSIDE.map((f) => `./${f}`),
      './oblivia.wasm',
      './oblivia.scalar.wasm',
      './package.json',
    ].sort(),
  );
});

test('each family entry loads alone; the root is their union, the loader, the backend switch and CryptoError', () => {
  const found = exportsOf(['oblivia', ...FAMILIES.map((f) => `oblivia/${f}`)]);
  const families = FAMILIES.flatMap((f) => found[`oblivia/${f}`]!);
  expect(new Set(families).size).toBe(families.length); // no name in two families
  expect(found['oblivia']).toEqual(
    [...families, 'CryptoError', 'backend', 'init', 'initSync', 'useBackend', 'warnOnFallback'].sort(),
  );
  expect(found['oblivia/hpke']).toEqual(['hpke']);
  expect(found['oblivia/ohttp']).toEqual(['ObliviousFetchError', 'OhttpError', 'ohttp']);
  expect(found['oblivia/credentials']).toEqual(['CredentialError', 'credentials']);
});

test('hpke-js, node, attestation, its simulator, session and redis are entries of their own, outside the root', () => {
  const found = exportsOf(['oblivia', ...OUTSIDE.map((f) => `oblivia/${f}`)]);
  expect(found['oblivia/attestation']).toEqual(['AttestationError', 'attestation']);
  expect(found['oblivia/attestation-simulator']).toEqual(['attestationSimulator']);
  expect(found['oblivia/session']).toEqual(['SessionError', 'session']);
  for (const f of OUTSIDE) for (const name of found[`oblivia/${f}`]!) expect(found['oblivia']).not.toContain(name);
  expect(found['oblivia/node']).toEqual(['CLIENT_ADDRESS_HEADER', 'directoryStorage', 'serveCluster', 'serveNode']);
  expect(found['oblivia/hpke-js']).toContain('CipherSuite');
  expect(found['oblivia/redis']).toEqual([
    'REDIS_CLIENT_OPTIONS',
    'ReplayStoreUnavailableError',
    'redisReplayStore',
    'redisSpentStore',
  ]);
});
