// Speed goals for the AEADs, as oblivia wasm ÷ peer at one message size. The report states each
// measured ratio next to its goal; nothing asserts on them (the machine is shared and noisy).
import { ratio } from './format.js';
import { KiB, sizeLabel } from './inputs.js';
import { ratioOf } from './ratios.js';
import type { CaseResult, ImplName } from './types.js';

interface Target {
  /** Case ids are `${alg}-${op}-${size}`. */
  readonly alg: 'chacha20poly1305' | 'aes128gcm';
  readonly title: string;
  readonly size: number;
  readonly peer: ImplName;
  readonly min: number;
}

const TARGETS: readonly Target[] = [
  { alg: 'chacha20poly1305', title: 'ChaCha20-Poly1305', size: 16 * KiB, peer: '@noble/ciphers', min: 5 },
  { alg: 'chacha20poly1305', title: 'ChaCha20-Poly1305', size: 16 * KiB, peer: 'libsodium.js', min: 1.6 },
  { alg: 'chacha20poly1305', title: 'ChaCha20-Poly1305', size: KiB, peer: 'node:crypto', min: 2 },
  { alg: 'aes128gcm', title: 'AES-128-GCM', size: KiB, peer: '@noble/ciphers', min: 4 },
  { alg: 'aes128gcm', title: 'AES-128-GCM', size: 16 * KiB, peer: '@noble/ciphers', min: 3 },
  { alg: 'aes128gcm', title: 'AES-128-GCM', size: KiB, peer: 'WebCrypto', min: 8 },
];

function measured(results: readonly CaseResult[], target: Target, op: 'encrypt' | 'decrypt'): number | undefined {
  const id = `${target.alg}-${op}-${sizeLabel(target.size).replace(' ', '')}`;
  const result = results.find((r) => r.bench.id === id);
  return result && ratioOf(result, target.peer);
}

function verdict(encrypt: number | undefined, decrypt: number | undefined, min: number): string {
  if (encrypt === undefined || decrypt === undefined) return 'not measured';
  const met = [encrypt >= min, decrypt >= min];
  if (met[0] && met[1]) return 'met';
  if (met[0]) return 'encrypt only';
  if (met[1]) return 'decrypt only';
  return 'not met';
}

/** A table of goal, measured encrypt and decrypt ratios, and whether the goal is met; none when no AEAD ran. */
export function targetsTable(results: readonly CaseResult[]): string[] {
  if (!results.some((r) => r.bench.group === 'aead')) return [];
  const rows = TARGETS.map((t) => {
    const encrypt = measured(results, t, 'encrypt');
    const decrypt = measured(results, t, 'decrypt');
    return [`${t.title} ${sizeLabel(t.size)} vs ${t.peer}`, `≥ ${ratio(t.min)}`, ratio(encrypt), ratio(decrypt), verdict(encrypt, decrypt, t.min)];
  });
  return [['target (oblivia wasm ÷ peer)', 'goal', 'encrypt', 'decrypt', 'status'], ['---', '---:', '---:', '---:', '---'], ...rows].map(
    (cells) => `| ${cells.join(' | ')} |`,
  );
}
