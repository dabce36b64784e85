// Quickstart: hash, MAC and derive keys with oblivia, then encrypt a request to a service's key
// with HPKE, on the wasm backend and on the js fallback, timing both side by side. Run with
// `npm start`. (An app writes `from 'oblivia'`.)
import { hpke, backend, hkdf, hmac, sha256, useBackend, type BackendName } from '../bindings/index.js';

const encoder = new TextEncoder();
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const message = encoder.encode('summarise my unread messages');
const ikm = crypto.getRandomValues(new Uint8Array(32));
const salt = crypto.getRandomValues(new Uint8Array(32));
const info = encoder.encode('oblivia quickstart v1');

/** Calls per second of `fn`, over about `ms` milliseconds. */
function rate(fn: () => void, ms = 400): number {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 100; i++) fn();
    calls += 100;
  }
  return (calls * 1000) / (performance.now() - start);
}

const results = new Map<
  BackendName,
  { digest: string; mac: string; key: string; hashRate: number; hkdfRate: number }
>();
for (const name of ['wasm', 'js'] as const) {
  useBackend(name);
  results.set(name, {
    digest: hex(sha256(message)),
    mac: hex(hmac(sha256, salt, message)),
    key: hex(hkdf(sha256, ikm, salt, info, 32)),
    hashRate: rate(() => sha256(message)),
    hkdfRate: rate(() => hkdf(sha256, ikm, salt, info, 32)),
  });
  console.log(`backend: ${backend()}`);
  const r = results.get(name)!;
  console.log(`  SHA-256(message)     ${r.digest}`);
  console.log(`  HMAC-SHA256          ${r.mac}`);
  console.log(`  HKDF-SHA256, 32 B    ${r.key}`);
  console.log(
    `  ${Math.round(r.hashRate).toLocaleString('en')} hashes/s, ${Math.round(r.hkdfRate).toLocaleString('en')} HKDFs/s`,
  );
}
useBackend(undefined);

const wasm = results.get('wasm')!;
const js = results.get('js')!;
if (wasm.digest !== js.digest || wasm.mac !== js.mac || wasm.key !== js.key) {
  throw new Error('the backends disagree');
}
console.log('both backends give the same bytes');
console.log(
  `wasm / js speed: SHA-256 ${(wasm.hashRate / js.hashRate).toFixed(1)}×, HKDF ${(wasm.hkdfRate / js.hkdfRate).toFixed(1)}×`,
);

// HPKE (RFC 9180): the client seals a request to the service's public key; only the service opens
// it. Each backend opens what the other sealed.
const suite = hpke.suite({
  kem: hpke.KEM.X25519_HKDF_SHA256,
  kdf: hpke.KDF.HKDF_SHA256,
  aead: hpke.AEAD.CHACHA20_POLY1305,
});
const service = suite.generateKeyPair();
const request = encoder.encode('{"prompt":"summarise my unread messages"}');
const aad = encoder.encode('oblivia quickstart request');
const sealedBy = new Map<BackendName, { enc: Uint8Array; ct: Uint8Array }>();
const hpkeRates = new Map<BackendName, { seal: number; open: number }>();
for (const name of ['wasm', 'js'] as const) {
  useBackend(name);
  const sealed = suite.seal(service.publicKey, request, { info, aad });
  sealedBy.set(name, sealed);
  hpkeRates.set(name, {
    seal: rate(() => suite.seal(service.publicKey, request, { info, aad }), 300),
    open: rate(() => suite.open(sealed.enc, service, sealed.ct, { info, aad }), 300),
  });
}
for (const [sealer, opener] of [
  ['wasm', 'js'],
  ['js', 'wasm'],
] as const) {
  useBackend(opener);
  const { enc, ct } = sealedBy.get(sealer)!;
  const opened = new TextDecoder().decode(suite.open(enc, service, ct, { info, aad }));
  console.log(`HPKE: sealed on ${sealer} (${enc.length + ct.length} bytes), opened on ${opener}: ${opened}`);
}
useBackend(undefined);
const hw = hpkeRates.get('wasm')!;
const hj = hpkeRates.get('js')!;
console.log(
  `HPKE X25519/ChaCha20-Poly1305: wasm ${Math.round(hw.seal).toLocaleString('en')} seals/s, ${Math.round(hw.open).toLocaleString('en')} opens/s`,
);
console.log(`wasm / js speed: seal ${(hw.seal / hj.seal).toFixed(1)}×, open ${(hw.open / hj.open).toFixed(1)}×`);
console.log(`default backend here: ${backend()}`);
