// oblivia's backends as implementations of the same public-API call.
import { chacha20poly1305, gcm, hpke, p256, p384, ristretto255, x25519 } from '../../bindings/index.js';
import type { Impl } from '../types.js';
import type { AeadParams, AeadPeer } from './aead.js';
import type { DhParams, DhPeer } from './dh.js';
import type { HpkeParams, HpkePeer, Sealed } from './hpke.js';
import type { RistrettoParams, RistrettoPeer } from './ristretto.js';

/** The wasm and js rows for `run`; the harness makes the matching backend active. */
export function oblivia(run: () => Uint8Array): Impl[] {
  return [
    { name: 'oblivia wasm', backend: 'wasm', run },
    { name: 'oblivia js', backend: 'js', run },
  ];
}

/**
 * The wasm (SIMD build), wasm scalar and js rows of an AEAD. One oblivia AEAD object encrypts
 * only once, so every call makes a fresh one, as users do (one object per message).
 */
export function obliviaAead({ alg, key, nonce, aad }: AeadParams): AeadPeer[] {
  const create = alg === 'chacha20-poly1305' ? chacha20poly1305 : gcm;
  const encrypt = (plaintext: Uint8Array) => create(key, nonce, aad).encrypt(plaintext);
  const decrypt = (sealed: Uint8Array) => create(key, nonce, aad).decrypt(sealed);
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', encrypt, decrypt },
    { name: 'oblivia wasm scalar', backend: 'wasm', build: 'scalar', encrypt, decrypt },
    { name: 'oblivia js', backend: 'js', encrypt, decrypt },
  ];
}

const DH = { x25519, p256, p384 };

/** The wasm (SIMD build), wasm scalar and js rows of a curve, on raw key bytes as users call it. */
export function obliviaDh({ curve, secretKey, peerPublicKey }: DhParams): DhPeer[] {
  const dh = DH[curve];
  const publicKey = () => dh.getPublicKey(secretKey);
  const sharedSecret = () => dh.getSharedSecret(secretKey, peerPublicKey);
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', publicKey, sharedSecret },
    { name: 'oblivia wasm scalar', backend: 'wasm', build: 'scalar', publicKey, sharedSecret },
    { name: 'oblivia js', backend: 'js', publicKey, sharedSecret },
  ];
}

/** The wasm (SIMD build) and js rows of an HPKE suite; open takes the recipient's key pair, as
 *  hpke-js's open does (so neither recomputes the recipient's public key). */
export function obliviaHpke({ suite, recipient, info, aad }: HpkeParams): HpkePeer[] {
  const ours = hpke.suite(suite);
  const seal = (pt: Uint8Array) => ours.seal(recipient.publicKey, pt, { info, aad });
  const open = ({ enc, ct }: Sealed) => ours.open(enc, recipient, ct, { info, aad });
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', seal, open },
    { name: 'oblivia js', backend: 'js', seal, open },
  ];
}

/** The wasm (SIMD build) and js rows of ristretto255's `multiply(scalar, element)`. */
export function obliviaRistretto({ scalar, element }: RistrettoParams): RistrettoPeer[] {
  const multiply = () => ristretto255.multiply(scalar, element);
  return [
    { name: 'oblivia wasm', backend: 'wasm', build: 'simd', multiply },
    { name: 'oblivia js', backend: 'js', multiply },
  ];
}
