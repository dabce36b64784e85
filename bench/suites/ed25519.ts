// Ed25519 (RFC 8032 §5.1) on a fixed key and a 128-byte message: signing, and verification of the
// signature (each implementation's verdict as one byte, 1 = accepted).
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { ed25519 as noble } from '@noble/curves/ed25519.js';
import { ed25519 } from '../../bindings/index.js';
import { bytes } from '../inputs.js';
import type { Sodium } from '../peers/libsodium.js';
import type { BenchCase, Impl } from '../types.js';

export type Ed25519Op = 'sign' | 'verify';

const MESSAGE_LENGTH = 128;
const ACCEPTED = Uint8Array.of(1);

export function ed25519CaseId(op: Ed25519Op): string {
  return `ed25519-${op}`;
}

interface SignaturePeer extends Pick<Impl, 'name' | 'backend' | 'build'> {
  readonly sign: () => Uint8Array;
  readonly verify: () => boolean;
}

/** Every implementation, signing `msg` with `seed` and verifying `signature` (of msg, by seed). */
function peers(sodium: Sodium, seed: Uint8Array, msg: Uint8Array, signature: Uint8Array): SignaturePeer[] {
  const publicKey = noble.getPublicKey(seed);
  const sodiumKeys = sodium.crypto_sign_seed_keypair(seed);
  const nodeSecret = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const nodePublic = createPublicKey(nodeSecret);
  const ours = {
    sign: () => ed25519.sign(msg, seed),
    verify: () => ed25519.verify(signature, msg, publicKey),
  };
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', ...ours },
    { name: 'oblivia wasm scalar', backend: 'wasm', build: 'scalar', ...ours },
    { name: 'oblivia js', backend: 'js', ...ours },
    { name: '@noble/curves', sign: () => noble.sign(msg, seed), verify: () => noble.verify(signature, msg, publicKey) },
    {
      name: 'libsodium.js',
      sign: () => sodium.crypto_sign_detached(msg, sodiumKeys.privateKey),
      verify: () => sodium.crypto_sign_verify_detached(signature, msg, sodiumKeys.publicKey),
    },
    {
      name: 'node:crypto',
      sign: () => nodeSign(null, msg, nodeSecret),
      verify: () => nodeVerify(null, msg, nodePublic, signature),
    },
  ];
}

export function ed25519Cases(sodium: Sodium): BenchCase[] {
  const seed = bytes(32, 90),
    msg = bytes(MESSAGE_LENGTH, 91);
  const signature = noble.sign(msg, seed);
  const all = peers(sodium, seed, msg, signature);
  const impl = (peer: SignaturePeer, run: () => Uint8Array): Impl => ({
    name: peer.name,
    ...(peer.backend ? { backend: peer.backend } : {}),
    ...(peer.build ? { build: peer.build } : {}),
    run: () => {
      return run();
    },
  });
  return [
    {
      id: ed25519CaseId('sign'),
      title: `Ed25519 sign (${MESSAGE_LENGTH} B)`,
      chartLabel: ['Ed25519', `sign ${MESSAGE_LENGTH} B`],
      group: 'signatures',
      unit: 'ops/s',
      bytes: MESSAGE_LENGTH,
      impls: all.map((peer) => impl(peer, () => Uint8Array.from(peer.sign()))),
    },
    {
      id: ed25519CaseId('verify'),
      title: `Ed25519 verify (${MESSAGE_LENGTH} B)`,
      chartLabel: ['Ed25519', `verify ${MESSAGE_LENGTH} B`],
      group: 'signatures',
      unit: 'ops/s',
      bytes: MESSAGE_LENGTH,
      expected: ACCEPTED,
      impls: all.map((peer) => impl(peer, () => Uint8Array.of(peer.verify() ? 1 : 0))),
    },
  ];
}
