// Speed goals as oblivia wasm ÷ peer, in tables by group: AEADs (encrypt and decrypt at one
// message size), Diffie–Hellman (the shared secret), HPKE (seal and open at one size), Oblivious PRF
// (BlindEvaluate with proof at two batch sizes; ristretto255 scalar multiplication). The report
// states each measured ratio next to its goal; nothing asserts on them (the machine is shared and noisy).
import { ratio } from './format.js';
import { KiB, sizeLabel } from './inputs.js';
import { ratioOf } from './ratios.js';
import { aeadCaseId, type AeadCaseAlg } from './suites/aead.js';
import { dhCaseId } from './suites/dh.js';
import { ed25519CaseId } from './suites/ed25519.js';
import { ecdsaCaseId } from './suites/ecdsa.js';
import { HPKE_SIZES, hpkeCaseId, type HpkeSuiteId } from './suites/hpke.js';
import { OPRF_EVALUATE_BATCHES, oprfCaseId, RISTRETTO_MULTIPLY_ID } from './suites/oprf.js';
import type { OprfSuiteId } from './peers/oprf.js';
import type { CaseResult, GroupId, ImplName } from './types.js';

interface Target {
  readonly title: string;
  /** The cases the goal is for, one per column of its table. */
  readonly cases: readonly string[];
  readonly peer: ImplName;
  readonly min: number;
}

interface TargetTable {
  readonly group: GroupId;
  /** What each of a target's cases measures. */
  readonly columns: readonly string[];
  readonly targets: readonly Target[];
}

function aead(alg: AeadCaseAlg, title: string, size: number, peer: ImplName, min: number): Target {
  const cases = (['encrypt', 'decrypt'] as const).map((op) => aeadCaseId(alg, op, size));
  return { title: `${title} ${sizeLabel(size)} vs ${peer}`, cases, peer, min };
}

function hpke(suite: HpkeSuiteId, title: string, peer: ImplName, min: number): Target[] {
  return HPKE_SIZES.map((size) => ({
    title: `${title} ${sizeLabel(size)} vs ${peer}`,
    cases: (['seal', 'open'] as const).map((op) => hpkeCaseId(suite, op, size)),
    peer,
    min,
  }));
}

function blindEvaluate(suite: OprfSuiteId, peer: ImplName, min: number): Target {
  const cases = OPRF_EVALUATE_BATCHES.map((batch) => oprfCaseId(suite, 'evaluate', batch));
  return { title: `${suite} BlindEvaluate with proof vs ${peer}`, cases, peer, min };
}

const TABLES: readonly TargetTable[] = [
  {
    group: 'aead',
    columns: ['encrypt', 'decrypt'],
    targets: [
      aead('chacha20poly1305', 'ChaCha20-Poly1305', 16 * KiB, '@noble/ciphers', 5),
      aead('chacha20poly1305', 'ChaCha20-Poly1305', 16 * KiB, 'libsodium.js', 1.6),
      aead('chacha20poly1305', 'ChaCha20-Poly1305', KiB, 'node:crypto', 2),
      aead('aes128gcm', 'AES-128-GCM', KiB, '@noble/ciphers', 4),
      aead('aes128gcm', 'AES-128-GCM', 16 * KiB, '@noble/ciphers', 3),
      aead('aes128gcm', 'AES-128-GCM', KiB, 'WebCrypto', 8),
    ],
  },
  {
    group: 'dh',
    columns: ['shared secret'],
    targets: [
      { title: 'X25519 vs libsodium.js', cases: [dhCaseId('x25519', 'shared')], peer: 'libsodium.js', min: 1.2 },
      { title: 'P-256 vs @noble/curves', cases: [dhCaseId('p256', 'shared')], peer: '@noble/curves', min: 20 },
      { title: 'P-256 vs WebCrypto', cases: [dhCaseId('p256', 'shared')], peer: 'WebCrypto', min: 1 },
    ],
  },
  {
    group: 'signatures',
    columns: ['verify'],
    targets: [
      { title: 'Ed25519 vs @noble/curves', cases: [ed25519CaseId('verify')], peer: '@noble/curves', min: 10 },
      { title: 'Ed25519 vs libsodium.js', cases: [ed25519CaseId('verify')], peer: 'libsodium.js', min: 1.2 },
      { title: 'ECDSA P-384 vs @noble/curves', cases: [ecdsaCaseId('p384', 'verify')], peer: '@noble/curves', min: 5 },
    ],
  },
  {
    group: 'hpke',
    columns: ['seal', 'open'],
    targets: [
      ...hpke('x25519-chacha20poly1305', 'HPKE X25519, ChaCha20-Poly1305', 'hpke-js', 20),
      ...hpke('p256-aes128gcm', 'HPKE P-256, AES-128-GCM', 'hpke-js', 8),
    ],
  },
  {
    group: 'oprf',
    columns: OPRF_EVALUATE_BATCHES.map((batch) => `batch of ${batch}`),
    targets: [blindEvaluate('ristretto255-SHA512', 'voprf-ts', 15), blindEvaluate('P256-SHA256', 'voprf-ts', 15)],
  },
  {
    group: 'oprf',
    columns: ['scalar multiplication'],
    targets: [{ title: 'ristretto255 vs libsodium.js', cases: [RISTRETTO_MULTIPLY_ID], peer: 'libsodium.js', min: 1 }],
  },
];

function measured(results: readonly CaseResult[], id: string, peer: ImplName): number | undefined {
  const result = results.find((r) => r.bench.id === id);
  return result && ratioOf(result, peer);
}

/** 'met', 'not met', 'not measured', or which columns met the goal ('encrypt only'). */
function verdict(columns: readonly string[], ratios: readonly (number | undefined)[], min: number): string {
  if (ratios.some((r) => r === undefined)) return 'not measured';
  const met = columns.filter((_, i) => ratios[i]! >= min);
  if (met.length === columns.length) return 'met';
  if (met.length === 0) return 'not met';
  return `${met.join(' and ')} only`;
}

/** The goals of `group` with their measured ratios and status, one table per set of columns (a blank
 *  line between tables); none when no case of the group ran. */
export function targetsTable(results: readonly CaseResult[], group: GroupId): string[] {
  if (!results.some((r) => r.bench.group === group)) return [];
  return TABLES.filter((t) => t.group === group).flatMap((table, i) => [
    ...(i > 0 ? [''] : []),
    ...oneTable(results, table),
  ]);
}

function oneTable(results: readonly CaseResult[], table: TargetTable): string[] {
  const rows = table.targets.map((t) => {
    const ratios = t.cases.map((id) => measured(results, id, t.peer));
    return [t.title, `≥ ${ratio(t.min)}`, ...ratios.map(ratio), verdict(table.columns, ratios, t.min)];
  });
  const header = ['target (oblivia wasm ÷ peer)', 'goal', ...table.columns, 'status'];
  const align = ['---', '---:', ...table.columns.map(() => '---:'), '---'];
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

/** Every target of the groups that ran in one table, each measured ratio named by what it measures. */
export function summaryTable(results: readonly CaseResult[]): string[] {
  const ran = (group: GroupId) => results.some((r) => r.bench.group === group);
  const rows = TABLES.filter((table) => ran(table.group)).flatMap((table) =>
    table.targets.map((t) => {
      const ratios = t.cases.map((id) => measured(results, id, t.peer));
      const shown = ratios.map((r, i) => `${table.columns[i]}: ${ratio(r)}`).join(', ');
      return [t.title, `≥ ${ratio(t.min)}`, shown, verdict(table.columns, ratios, t.min)];
    }),
  );
  if (rows.length === 0) return [];
  const header = ['target (oblivia wasm ÷ peer)', 'goal', 'measured', 'status'];
  return [header, ['---', '---:', '---', '---'], ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}
