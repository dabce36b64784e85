// The markdown report: run header, one table per group of cases, the targets, how each
// implementation is called, and the latest constant-time evidence.
import { CHART_URL, DEFAULT_ROUNDS, DEFAULT_SECONDS_PER_CASE, REPORT_URL } from './config.js';
import { bundleTable, type BundleSize } from './bundle/sizes.js';
import { ctSection, ctSummary } from './ct/report.js';
import type { CtResults } from './ct/types.js';
import { ratio, speed } from './format.js';
import { GROUPS, type Group } from './groups.js';
import { sizeLabel } from './inputs.js';
import { ratioOf, speedOf } from './ratios.js';
import type { RunInfo } from './run-info.js';
import { AAD_LENGTH, NONCE_LENGTH } from './suites/aead.js';
import { HPKE_AAD_LENGTH, HPKE_INFO_LENGTH } from './suites/hpke.js';
import { OPRF_INPUT_LENGTH } from './suites/oprf.js';
import { TLOG_BATCH, TLOG_ENTRY_SIZE } from './suites/tlog.js';
import { summaryTable, targetsTable } from './targets.js';
import type { CaseResult, GroupId } from './types.js';

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** "AEAD cases of 1 MiB get rounds of 0.25 s." for cases timed for a fraction of the time. */
function scaledNote(results: readonly CaseResult[], info: RunInfo): string {
  const scaled = results.filter((r) => r.bench.timeScale !== undefined);
  const scales = [...new Set(scaled.map((r) => r.bench.timeScale!))];
  return scales
    .map((scale) => {
      const mine = scaled.filter((r) => r.bench.timeScale === scale);
      const groups = [...new Set(mine.map((r) => r.bench.group.toUpperCase()))].join(' and ');
      const sizes = [...new Set(mine.map((r) => sizeLabel(r.bench.bytes)))].join(', ');
      return ` ${groups} cases of ${sizes} get rounds of ${round2((info.secondsPerCase * scale) / info.rounds)} s.`;
    })
    .join('');
}

/** The run line and the caveat every figure needs. */
export function header(results: readonly CaseResult[], info: RunInfo): string[] {
  return [
    `Node ${info.node} · ${info.platform} · ${info.cpu} (${info.cores} cores) · ${info.date.slice(0, 10)} · ` +
      `each figure is the best of ${info.rounds} rounds of ${round2(info.secondsPerCase / info.rounds)} s ` +
      `(≥ ${info.minSamples} samples of ≥ ${round2(info.minSampleSeconds * 1000)} ms each).${scaledNote(results, info)}`,
    '',
    'Figures are from one run, all implementations side by side on a shared, noisy 2-core machine: ' +
      'compare the ratios, not the absolute numbers.',
  ];
}

/** One row per case of `group`: each implementation's speed, then oblivia wasm ÷ each peer. */
export function table(results: readonly CaseResult[], group: Group): string[] {
  const columns = ['case', 'unit', ...group.columns, ...group.ratios.map((r) => r.label)];
  const align = ['---', '---', ...columns.slice(2).map(() => '---:')];
  const rows = results
    .filter((result) => result.bench.group === group.id)
    .map((result) => [
      result.bench.title,
      result.bench.unit,
      ...group.columns.map((name) => speed(speedOf(result, name), result.bench.unit)),
      ...group.ratios.map((r) => ratio(ratioOf(result, r.peer))),
    ]);
  return [columns, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

const AEAD_NOTE =
  `AEADs: ${NONCE_LENGTH}-byte nonce, ${AAD_LENGTH} bytes of AAD, 16-byte tag; encrypt returns ciphertext ‖ tag, ` +
  'decrypt opens node:crypto’s ciphertext. An oblivia AEAD object encrypts only once, so every call creates a ' +
  'fresh object (`chacha20poly1305(key, nonce, aad).encrypt(pt)`), as users do; @noble/ciphers and node:crypto ' +
  'are called the same way. oblivia wasm is the SIMD build, oblivia wasm scalar the build without SIMD. ' +
  'libsodium.js has no AES-GCM (libsodium’s needs AES-NI, out of reach from WebAssembly); WebCrypto has no ChaCha20 — ' +
  'those cells are blank (—).';

const DH_NOTE =
  'Diffie–Hellman on fixed keys given as bytes. Shared secret: the secret key and the other party’s public key ' +
  '(32 bytes for X25519, an uncompressed SEC1 point for P-256 and P-384) give X25519’s output or the x-coordinate; ' +
  'every implementation parses the public key on every call, and node:crypto and WebCrypto hold the secret key as a ' +
  'key object imported once. Key generation: the public key of a secret key, the random draw left out. oblivia wasm ' +
  'is the SIMD build, oblivia wasm scalar the build without SIMD; oblivia js runs @noble/curves. libsodium.js has ' +
  'no NIST curves and WebCrypto cannot compute a public key from a secret one — those cells are blank (—).';

const HPKE_NOTE =
  `HPKE single-shot seal and open (RFC 9180 §6.1, base mode), DHKEM and KDF with HKDF-SHA256, ${HPKE_INFO_LENGTH} bytes ` +
  `of info and ${HPKE_AAD_LENGTH} of AAD; the size is the plaintext’s. Seal encapsulates to a fresh ephemeral key (a key ` +
  'generation and a shared secret), open decapsulates (a shared secret) and opens hpke-js’s sealed message; both run ' +
  'the key schedule and one AEAD call. oblivia takes keys as bytes, hpke-js gets them deserialized once; both open ' +
  'with the recipient’s key pair. oblivia wasm is the SIMD build.';

const OHTTP_NOTE =
  'Oblivious HTTP (RFC 9458) with the suite of its Appendix A: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM; ' +
  '1 KiB of Binary HTTP each way. Client: encapsulate a request (§4.3). Gateway: decapsulate it and encapsulate a ' +
  'response (§4.3, §4.4). Round trip: both, and the client opens the response. No other library implements it.';

const OPRF_NOTE =
  `Oblivious PRFs (RFC 9497) in VOPRF mode on a key pair every implementation derives from the same seed, ${OPRF_INPUT_LENGTH}-byte ` +
  'inputs. Blind: one input, a fresh random blind. BlindEvaluate: the server evaluates voprf-ts’s blinded elements ' +
  'and proves it used its key (a batch DLEQ proof with a fresh nonce). Finalize: the client verifies the proof of ' +
  'voprf-ts’s evaluation, unblinds and hashes to the PRF output, holding the same blind as voprf-ts. Elements, ' +
  'scalars and proofs cross every API as bytes. oblivia wasm is the SIMD build; oblivia js runs @noble/curves’s ' +
  'RFC 9497 code. The scalar multiplication row is the group operation under ristretto255-SHA512: scalar · element, ' +
  'both as 32 bytes, decoded and encoded on every call.';

const CREDENTIALS_NOTE =
  'Anonymous credentials (oblivia-acs-v1, docs/credentials.md) on RFC 9497 POPRF, ristretto255-SHA512, one attribute ' +
  'besides the epoch. Issuer: decode an issuance request, BlindEvaluate its 1 or 10 blinded elements with one DLEQ ' +
  'proof, encode the response (tokens per second = ops/s × batch). Verifier: decode a token, Evaluate its input, ' +
  'derive the redemption key, check the tag in constant time and check-and-add the input in the in-memory spent ' +
  'store; every call redeems a token not yet spent (a pool of 2048, the store emptied when it wraps).';

const TLOG_NOTE =
  'Transparency logs (docs/tlog.md): C2SP signed notes, checkpoints and cosignatures, RFC 9162 Merkle trees over ' +
  'SHA-256, Ed25519 signatures. Client: `policy.verifyProof(proof, leafHash(entry), { now })` on a ' +
  'c2sp.org/tlog-proof text — its checkpoint signed by the log and cosigned by 3 witnesses (all 4 Ed25519 signatures ' +
  'verified) under a 2-of-3 policy with a 600 s freshness bound, then the 20-hash inclusion proof of one 16-byte ' +
  'entry in a tree of 10^6 entries (a real tiled log written once before timing); the policy is made once. Log: ' +
  `\`logWriter.append\` of ${TLOG_BATCH} entries of ${TLOG_ENTRY_SIZE} B, then one \`publish()\` (entry bundles, hash ` +
  'tiles, partial tiles and the signed checkpoint), to `directoryStorage` in a temporary directory (a file written ' +
  'and renamed per tile) or to `memoryStorage`; each writer starts a fresh log every 100,000 entries (entries/s = ' +
  `ops/s × ${TLOG_BATCH}). Proof from tiles: \`tileReader(storage, 10^6).inclusionProof(index)\` over the client’s ` +
  'tree in memory. Before timing, both backends must publish the same checkpoint for the same batch, and every ' +
  'client implementation must return the checkpoint’s root. @noble/curves: the client’s steps written by hand ' +
  '(below); no other library writes or reads tlog-tiles.';

const ATTESTATION_NOTE =
  'Attestation (docs/attestation.md), what a client pays once per session, on real evidence from ' +
  'shared/vectors/attestation. SEV-SNP: `sevSnp.verifier().verify(report, { signer, chain }, { at })` on the trustee ' +
  'Milan report — parse the report and the VCEK, ASK and ARK (pkijs), check the chain to the pinned ARK ' +
  '(3 RSASSA-PSS-4096 signatures through WebCrypto, the root’s own included), the product, the report’s ECDSA P-384 ' +
  'signature and its binding to the VCEK (chip id, TCB), the default policy. H100: `h100.verifier().verify(evidence, ' +
  '{ chain }, { at, nonce })` — parse the SPDM request and response and the 5 certificates, check the chain to the ' +
  'pinned NVIDIA Device Identity CA (5 ECDSA P-384 signatures), the leaf’s FWID, the evidence signature and the ' +
  'nonce. "First" makes a fresh verifier per call; "again" keeps one, as a client does, so its certificate cache ' +
  '(by DER bytes, 32 entries) spares the parsing of certificates it has seen — every signature and date is still ' +
  'checked. The parse, RSA-PSS and ECDSA rows time those steps alone, so their share of a first verification reads ' +
  'off the table. RSA-PSS runs in WebCrypto on both backends; no JavaScript library verifies SEV-SNP or H100 evidence under a ' +
  'permissive licence to compare with.';

const SESSION_NOTE =
  'The attested end-to-end session (docs/session.md). Session setup: `session.bundleVerifier({ attestation, log })' +
  '.verify(bundle, { now })` on one attested key bundle made once before timing — a simulated SEV-SNP (Milan) node ' +
  '(`attestationSimulator.sevSnp`): decode the bundle, check the tlog-proof (its checkpoint signed by the log and ' +
  'cosigned by 2 witnesses under a 2-of-2 policy with a 1 h freshness bound, the release statement’s inclusion in a ' +
  'tree of 5), then the evidence as `sevSnp.verifier` does (VCEK ← ASK ← ARK to the pinned test ARK: 3 RSASSA-PSS-4096 ' +
  'signatures through WebCrypto; the report’s ECDSA P-384 signature; the report data binding the key config and ' +
  'expiry) and the measurement against the statement’s. The verifier is made once and kept, as `session.client` keeps ' +
  'it (its certificate cache spares the parsing of the certificates, not their checks); the log is a `tlog.policy`, ' +
  'which keeps no checkpoint, so every call does the same work; `now` is fixed. Round trips, at the message level ' +
  '(Binary HTTP bytes, no Fetch objects, no sockets), DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM on both ' +
  'layers, 1 KiB of content each way. Plain OHTTP: the client encodes and encapsulates the request to the gateway, ' +
  'the gateway decapsulates and decodes it, encodes and encapsulates the response, the client decapsulates and ' +
  'decodes it. Attested session: the same, with the inner layer inside — the client encapsulates the Binary HTTP ' +
  'request to the node’s key (`session.encapsulateInner`) and carries it in the outer request to /nodes/a; the ' +
  'node decapsulates it (`session.decapsulateInner`), decodes it and encapsulates its encoded response, which the ' +
  'gateway carries in the outer response; the client opens both. Plain ÷ attested in ops/s is the inner layer’s ' +
  'cost per request. On wasm the outer layer runs the core’s fused OHTTP path; the inner layer is composed over ' +
  'bindings/hpke, the response’s key derivation and AEAD as separate core calls (bindings/session/inner-message.ts).';

const NOTES: Partial<Record<GroupId, string>> = {
  aead: AEAD_NOTE,
  dh: DH_NOTE,
  hpke: HPKE_NOTE,
  ohttp: OHTTP_NOTE,
  oprf: OPRF_NOTE,
  credentials: CREDENTIALS_NOTE,
  tlog: TLOG_NOTE,
  attestation: ATTESTATION_NOTE,
  session: SESSION_NOTE,
};

/** Each group's table under its heading, only groups that ran. */
function tables(results: readonly CaseResult[], level: string): string[] {
  return GROUPS.filter((group) => results.some((r) => r.bench.group === group.id)).flatMap((group) => {
    const note = NOTES[group.id];
    return [`${level} ${group.heading}`, '', ...(note ? [note, ''] : []), ...table(results, group), ''];
  });
}

const RATIO_NOTE =
  'Ratios are oblivia wasm ÷ peer in operations per second: above 1× oblivia wasm is faster. ' +
  'MB/s counts message bytes (10^6 B per MB).';

const METHODS = [
  '- **oblivia wasm / oblivia js**: the public API (`sha256(msg)`, `sha512(msg)`, `hmac(sha256, key, msg)`, ' +
    '`hkdf(sha256, ikm, salt, info, 32)`, `chacha20poly1305(…)` and `gcm(…)` objects, `x25519.getSharedSecret(sk, pk)` ' +
    'and `.getPublicKey(sk)` (likewise `p256`, `p384`), `hpke.suite({ kem, kdf, aead })` with ' +
    "`.seal(pkR, pt, { info, aad })` and `.open(enc, skR, ct, { info, aad })`) with `useBackend('wasm')` or " +
    "`useBackend('js')` set before the timing. OPRF: `oprf.suite(name, 'voprf')`, a server and a client made once " +
    '(`suite.server(secretKey)`, `suite.client(publicKey)`); each call `client.blind([input])`, ' +
    '`server.blindEvaluate(blinded)` or `client.finalize(blinding, { evaluated, proof })`; ' +
    '`ristretto255.multiply(scalar, element)`.',
  '- **oblivia wasm scalar** (AEADs, Diffie–Hellman): the same calls with the scalar module installed as the wasm backend ' +
    '(`build/out/wasm/oblivia.scalar.wasm`); the harness switches modules before each timing and checks, when ' +
    'it ends, that the right one was still installed.',
  '- **hash-wasm**: `createSHA256()`, `createSHA512()` and `createHMAC(createSHA256(), key)` objects made once ' +
    "before the suites and reused, `init().update(msg).digest('binary')` per call — its fastest synchronous " +
    'path (the one-shot helpers resolve a Promise to a hex string). It has no HKDF: that row composes HKDF ' +
    '(RFC 5869) from HMAC written over its SHA-256 hasher, key pads rebuilt per call (`bench/peers/hash-wasm-hkdf.ts`).',
  "- **node:crypto** (the native ceiling): one-shot `hash(alg, msg, 'buffer')` (faster than `createHash` for " +
    'one call), `createHmac(...).update(msg).digest()`, `hkdfSync(...)`; for the AEADs `createCipheriv` / ' +
    '`createDecipheriv` per message with `setAAD`, `update`, `final` and `getAuthTag` / `setAuthTag`. P-256 and ' +
    'P-384: an ECDH object (`createECDH(curve)`) given the secret key once, `computeSecret(pk)` per call; key ' +
    'generation `setPrivateKey(sk)` on a fresh object, then `getPublicKey()`. X25519: the secret key imported once ' +
    "with `createPrivateKey({ key: jwk, format: 'jwk' })`; per call the public key imported the same way " +
    '(`createPublicKey`) and `diffieHellman({ privateKey, publicKey })`; key generation imports the secret key as ' +
    'JWK and exports `createPublicKey(key)` as SPKI DER.',
  '- **@noble/hashes**, **@noble/ciphers**: `sha256(msg)`, `sha512(msg)`, `hmac(sha256, key, msg)`, ' +
    '`hkdf(sha256, ikm, salt, info, 32)`, `chacha20poly1305(key, nonce, aad).encrypt(pt)`, `gcm(…)` — the ' +
    'libraries under oblivia js, so wasm/noble next to wasm/js shows the js backend’s overhead.',
  '- **@noble/curves** (under oblivia js’s Diffie–Hellman): `x25519.getSharedSecret(sk, pk)`, ' +
    '`p256.getSharedSecret(sk, pk, true)` (the x-coordinate taken from the compressed point), `getPublicKey(sk, false)`; ' +
    'ristretto255: `ristretto255.Point.fromBytes(element).multiply(scalar).toBytes()`, the scalar read from its bytes per call.',
  '- **libsodium.js** (`libsodium-wrappers`, libsodium compiled to WebAssembly): ' +
    '`crypto_aead_chacha20poly1305_ietf_encrypt(pt, aad, null, nonce, key)` and `…_decrypt`; ' +
    '`crypto_scalarmult(sk, pk)` and `crypto_scalarmult_base(sk)`; ristretto255 from the sumo build ' +
    '(`libsodium-wrappers-sumo`, the same version): `crypto_scalarmult_ristretto255(scalar, element)`.',
  "- **WebCrypto** (`crypto.subtle`): AES-GCM with the key imported once with `importKey('raw', …)`; each call " +
    "awaits `subtle.encrypt({ name: 'AES-GCM', iv, additionalData, tagLength: 128 }, key, pt)` (or `decrypt`). " +
    "ECDH (P-256, P-384) and X25519 with the secret key imported once as JWK; each call awaits `importKey('raw', pk, …)` " +
    'and `deriveBits({ name, public }, key, bits)`. Timed as benny async cases, so the figures include the Promise ' +
    'round trips every caller pays.',
  '- **hpke-js** (`@hpke/core` with its X25519 and ChaCha20-Poly1305 modules, ports of noble; P-256, HKDF and ' +
    'AES-GCM through WebCrypto): `new CipherSuite({ kem, kdf, aead })`, the recipient’s keys deserialized once ' +
    '(`suite.kem.deserializePublicKey`, `deserializePrivateKey`); each call awaits ' +
    '`suite.seal({ recipientPublicKey, info }, pt, aad)` or `suite.open({ recipientKey: keyPair, enc, info }, ct, aad)`, ' +
    'timed as a benny async case.',
  '- **voprf-ts** (`@cloudflare/voprf-ts` 1.0.0 with its @noble/curves provider, `CryptoNoble` — its fastest; the ' +
    'default sjcl provider has no ristretto255 and is slower on P-256): `VOPRFServer` and `VOPRFClient` made once; ' +
    'each call awaits `client.blind([input])`, `server.blindEvaluate(new EvaluationRequest(elements))` with the ' +
    'elements deserialized and the evaluation serialized, or `client.finalize(finData, evaluation)` with the ' +
    'evaluation deserialized from bytes; timed as a benny async case.',
  '- **@noble/curves** (transparency-log client, with @noble/hashes): the verification written by hand — the ' +
    'tlog-proof and checkpoint note split with string operations and base64 decoded with `Buffer`, the log’s ' +
    'signature checked with `ed25519.verify(sig, text, pk)` and each policy witness’s cosignature over ' +
    '`cosignature/v1\\ntime <t>\\n` ‖ text, fresh distinct witnesses counted against the quorum, then ' +
    '`sha256(0x00 ‖ entry)` and RFC 9162 §2.1.3.2 over `sha256(0x01 ‖ left ‖ right)` to the root; no input ' +
    'validation beyond that. noble’s `verify` is its default ZIP 215 (cofactored) check, where oblivia checks Go’s ' +
    'rule, so the column is not a strict floor under oblivia js.',
];

/** The widest margin of error in the run, to judge how far to trust a ratio. */
function widestMargin(results: readonly CaseResult[]): string {
  let worst = { margin: 0, where: '' };
  for (const result of results) {
    for (const r of result.results) {
      if (r.margin > worst.margin) worst = { margin: r.margin, where: `${r.name}, ${result.bench.title}` };
    }
  }
  return `Widest relative margin of error in this run: ±${worst.margin.toFixed(2)}% (${worst.where}).`;
}

/** One table of goals per group that ran and has any. */
function targets(results: readonly CaseResult[], level: string): string[] {
  const tables = GROUPS.map((group) => targetsTable(results, group.id)).filter((rows) => rows.length > 0);
  if (tables.length === 0) return [];
  return [
    `${level} Targets`,
    '',
    'Goals as ratios, measured in this run (not assertions: one noisy run can miss or meet a goal by chance).',
    '',
    ...tables.flatMap((rows) => [...rows, '']),
  ];
}

export function reportMarkdown(
  results: readonly CaseResult[],
  info: RunInfo,
  ct: CtResults | undefined,
  bundles: readonly BundleSize[],
): string {
  return [
    '# oblivia benchmarks',
    '',
    ...header(results, info),
    '',
    ...tables(results, '##'),
    ...targets(results, '###'),
    RATIO_NOTE,
    widestMargin(results),
    '',
    '![oblivia wasm ÷ peer, per case](report.svg)',
    '',
    '## How each implementation is called',
    '',
    ...METHODS,
    '',
    'Every output was checked byte-equal to node:crypto’s (HPKE open: to the plaintext) before anything was timed; ' +
      'every AEAD implementation also had to open its own ciphertext and reject one with a flipped tag bit, and every ' +
      'HPKE implementation to open every other’s sealed messages (seal is randomized) and refuse one with a flipped ' +
      'ciphertext bit. ' +
      'Every OPRF implementation had to derive the same key pair, reproduce voprf-ts’s blinded elements from its blinds, ' +
      'compute the same BlindEvaluate elements as @noble/curves, and run the whole protocol with every other one (each ' +
      'client, each server) to the same PRF outputs, refusing an evaluation whose proof had one bit flipped. ' +
      'Each round runs every case as one benny suite, implementations in rotated order; each implementation ' +
      'keeps its fastest round, since load from other processes only slows a round down. ' +
      'Per-case figures (ops/s of every round, margin and samples of the kept one) are in `bench/results/<case>.json`.',
    '',
    'Regenerate with `npm run bench`. `BENCH_TIME` sets the seconds each implementation is timed per case ' +
      `(default ${DEFAULT_SECONDS_PER_CASE}, split over the rounds), \`BENCH_ROUNDS\` the number of rounds (default ${DEFAULT_ROUNDS}).`,
    '',
    '## Bundle sizes',
    '',
    'What a few typical imports weigh in a browser bundle, the inlined wasm module included; under the ' +
      '`oblivia-wasm-only` condition the js fallback (and every @noble module) is left out (docs/loading.md).',
    '',
    bundleTable(bundles),
    '',
    ...ctSection(ct),
    '',
  ].join('\n');
}

/** What the README shows between its bench markers: the headline ratios (the targets) in one
 *  table; every case is in the report. */
export function readmeBlock(results: readonly CaseResult[], info: RunInfo, ct: CtResults | undefined): string {
  const summary = ctSummary(ct);
  return [
    ...header(results, info),
    '',
    'Speed goals, measured in this run (not assertions: one noisy run can miss or meet a goal by chance):',
    '',
    ...summaryTable(results),
    '',
    RATIO_NOTE + ` Every case, and how each peer is called: [bench/results/report.md](${REPORT_URL}).`,
    '',
    `![oblivia wasm ÷ peer, per case](${CHART_URL})`,
    '',
    ...(summary ? [summary, ''] : []),
    'Regenerate with `npm run bench` (and `npm run ct` for the constant-time evidence).',
  ].join('\n');
}
