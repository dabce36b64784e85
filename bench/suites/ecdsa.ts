// ECDSA P-256/SHA-256 and P-384/SHA-384 on a fixed key and a 64-byte message: verify (of a low-S
// signature, which every peer accepts by default) and sign. Keys are imported once (node:crypto
// KeyObjects, WebCrypto CryptoKeys). Verify's output is 1 for an accepted signature. Signatures
// with a random k (node:crypto, WebCrypto) differ per call, so before anything is timed every
// signer's output is checked here to verify under node:crypto, and a timed sign returns only its
// signature's length.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { p256 as nobleP256, p384 as nobleP384 } from '@noble/curves/nist.js';
import { p256, p384, useBackend } from '../../bindings/index.js';
import { bytes } from '../inputs.js';
import type { BenchCase, Impl, ImplName } from '../types.js';

type Curve = 'p256' | 'p384';
type Op = 'verify' | 'sign';

const CURVES = {
  p256: { title: 'P-256', namedCurve: 'P-256', hash: 'sha256', ours: p256, noble: nobleP256, size: 32 },
  p384: { title: 'P-384', namedCurve: 'P-384', hash: 'sha384', ours: p384, noble: nobleP384, size: 48 },
} as const;

export function ecdsaCaseId(curve: Curve, op: Op): string {
  return `ecdsa-${curve}-${op}`;
}

interface Signer {
  readonly name: ImplName;
  readonly backend?: 'wasm' | 'js';
  readonly sign: () => Uint8Array | Promise<Uint8Array>;
  readonly verify: () => boolean | Promise<boolean>;
}

const base64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

async function signers(curve: Curve): Promise<{ peers: Signer[]; publicKey: KeyObject; msg: Uint8Array }> {
  const { namedCurve, hash, ours, noble, size } = CURVES[curve];
  const secretKey = bytes(size, 90 + size);
  const publicKey = ours.getPublicKey(secretKey);
  const msg = bytes(64, 7);
  const signature = ours.sign(msg, secretKey, { lowS: true });
  const jwk = {
    kty: 'EC',
    crv: namedCurve,
    x: base64url(publicKey.subarray(1, 1 + size)),
    y: base64url(publicKey.subarray(1 + size)),
  };
  const nodePublic = createPublicKey({ key: jwk, format: 'jwk' });
  const nodePrivate = createPrivateKey({ key: { ...jwk, d: base64url(secretKey) }, format: 'jwk' });
  const { subtle } = globalThis.crypto;
  const algorithm = { name: 'ECDSA', namedCurve, hash: hash === 'sha256' ? 'SHA-256' : 'SHA-384' };
  const webPublic = await subtle.importKey('jwk', jwk, algorithm, false, ['verify']);
  const webPrivate = await subtle.importKey('jwk', { ...jwk, d: base64url(secretKey) }, algorithm, false, ['sign']);
  const oursSign = () => ours.sign(msg, secretKey);
  const oursVerify = () => ours.verify(signature, msg, publicKey);
  const peers: Signer[] = [
    { name: 'oblivia wasm', backend: 'wasm', sign: oursSign, verify: oursVerify },
    { name: 'oblivia js', backend: 'js', sign: oursSign, verify: oursVerify },
    {
      name: '@noble/curves',
      sign: () => noble.sign(msg, secretKey),
      verify: () => noble.verify(signature, msg, publicKey),
    },
    {
      name: 'node:crypto',
      sign: () => nodeSign(hash, msg, { key: nodePrivate, dsaEncoding: 'ieee-p1363' }),
      verify: () => nodeVerify(hash, msg, { key: nodePublic, dsaEncoding: 'ieee-p1363' }, signature),
    },
    {
      name: 'WebCrypto',
      sign: async () => new Uint8Array(await subtle.sign(algorithm, webPrivate, msg)),
      verify: () => subtle.verify(algorithm, webPublic, signature as Uint8Array<ArrayBuffer>, msg),
    },
  ];
  return { peers, publicKey: nodePublic, msg };
}

/** The timed call: verify gives 1 when it accepts, sign its signature's length. */
function impl(peer: Signer, op: Op): Impl {
  const run =
    op === 'verify'
      ? async () => {
          return Uint8Array.of(Number(await peer.verify()));
        }
      : async () => {
          return Uint8Array.of((await peer.sign()).length);
        };
  return { name: peer.name, ...(peer.backend ? { backend: peer.backend } : {}), run };
}

export async function ecdsaCases(): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (const curve of ['p256', 'p384'] as const) {
    const { title, hash, size } = CURVES[curve];
    const { peers, publicKey, msg } = await signers(curve);
    for (const peer of peers) {
      if (peer.backend) useBackend(peer.backend);
      const signature = await peer.sign();
      if (!nodeVerify(hash, msg, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature))
        throw new Error(`${title} ECDSA: the signature of ${peer.name} does not verify under node:crypto`);
    }
    useBackend(undefined);
    for (const op of ['verify', 'sign'] as const) {
      cases.push({
        id: ecdsaCaseId(curve, op),
        title: `ECDSA ${title} ${op}`,
        chartLabel: [`ECDSA ${title}`, op],
        group: 'signatures',
        unit: 'ops/s',
        bytes: msg.length,
        expected: Uint8Array.of(op === 'verify' ? 1 : 2 * size),
        impls: peers.map((peer) => impl(peer, op)),
      });
    }
  }
  return cases;
}
