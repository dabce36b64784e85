// The report's tables: which implementations each shows, and its oblivia-wasm-to-peer ratios.
import type { GroupId, ImplName } from './types.js';

export interface Ratio {
  readonly label: string;
  readonly peer: ImplName;
}

export interface Group {
  readonly id: GroupId;
  readonly heading: string;
  readonly columns: readonly ImplName[];
  /** oblivia wasm ÷ peer, in ops/s (above 1 = oblivia wasm is faster); blank where a case lacks the peer. */
  readonly ratios: readonly Ratio[];
}

/** The curve groups' implementations: both wasm builds, the js backend and the curve peers. */
const CURVE_COLUMNS: readonly ImplName[] = [
  'oblivia wasm',
  'oblivia wasm scalar',
  'oblivia js',
  '@noble/curves',
  'libsodium.js',
  'node:crypto',
  'WebCrypto',
];

export const GROUPS: readonly Group[] = [
  {
    id: 'hash',
    heading: 'Hashes, MAC and KDF',
    columns: ['oblivia wasm', 'oblivia js', 'hash-wasm', 'node:crypto', '@noble/hashes'],
    ratios: [
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/hash-wasm', peer: 'hash-wasm' },
      { label: 'wasm/node', peer: 'node:crypto' },
      { label: 'wasm/noble', peer: '@noble/hashes' },
    ],
  },
  {
    id: 'aead',
    heading: 'AEADs',
    columns: [
      'oblivia wasm',
      'oblivia wasm scalar',
      'oblivia js',
      '@noble/ciphers',
      'libsodium.js',
      'node:crypto',
      'WebCrypto',
    ],
    ratios: [
      { label: 'wasm/scalar', peer: 'oblivia wasm scalar' },
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/noble', peer: '@noble/ciphers' },
      { label: 'wasm/libsodium', peer: 'libsodium.js' },
      { label: 'wasm/node', peer: 'node:crypto' },
      { label: 'wasm/WebCrypto', peer: 'WebCrypto' },
    ],
  },
  {
    id: 'dh',
    heading: 'Diffie–Hellman',
    columns: CURVE_COLUMNS,
    ratios: [
      { label: 'wasm/scalar', peer: 'oblivia wasm scalar' },
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/noble', peer: '@noble/curves' },
      { label: 'wasm/libsodium', peer: 'libsodium.js' },
      { label: 'wasm/node', peer: 'node:crypto' },
      { label: 'wasm/WebCrypto', peer: 'WebCrypto' },
    ],
  },
  {
    id: 'signatures',
    heading: 'Signatures',
    columns: CURVE_COLUMNS,
    ratios: [
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/noble', peer: '@noble/curves' },
      { label: 'wasm/libsodium', peer: 'libsodium.js' },
      { label: 'wasm/node', peer: 'node:crypto' },
      { label: 'wasm/WebCrypto', peer: 'WebCrypto' },
    ],
  },
  {
    id: 'hpke',
    heading: 'HPKE',
    columns: ['oblivia wasm', 'oblivia js', 'hpke-js'],
    ratios: [
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/hpke-js', peer: 'hpke-js' },
    ],
  },
  {
    id: 'ohttp',
    heading: 'Oblivious HTTP',
    columns: ['oblivia wasm', 'oblivia js'],
    ratios: [{ label: 'wasm/js', peer: 'oblivia js' }],
  },
  {
    id: 'oprf',
    heading: 'Oblivious PRF (RFC 9497)',
    columns: ['oblivia wasm', 'oblivia js', 'voprf-ts', '@noble/curves', 'libsodium.js'],
    ratios: [
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/voprf-ts', peer: 'voprf-ts' },
      { label: 'wasm/noble', peer: '@noble/curves' },
      { label: 'wasm/libsodium', peer: 'libsodium.js' },
    ],
  },
  {
    id: 'credentials',
    heading: 'Anonymous credentials (POPRF)',
    columns: ['oblivia wasm', 'oblivia js'],
    ratios: [{ label: 'wasm/js', peer: 'oblivia js' }],
  },
  {
    id: 'tlog',
    heading: 'Transparency logs (C2SP tlog)',
    columns: ['oblivia wasm', 'oblivia js', '@noble/curves'],
    ratios: [
      { label: 'wasm/js', peer: 'oblivia js' },
      { label: 'wasm/noble', peer: '@noble/curves' },
    ],
  },
  {
    id: 'attestation',
    heading: 'Attestation (SEV-SNP, H100)',
    columns: ['oblivia wasm', 'oblivia js'],
    ratios: [{ label: 'wasm/js', peer: 'oblivia js' }],
  },
  {
    id: 'session',
    heading: 'Attested session (bundle verification, inner layer)',
    columns: ['oblivia wasm', 'oblivia js'],
    ratios: [{ label: 'wasm/js', peer: 'oblivia js' }],
  },
];

export function groupOf(id: GroupId): Group {
  const group = GROUPS.find((g) => g.id === id);
  if (!group) throw new Error(`no report group "${id}"`);
  return group;
}
