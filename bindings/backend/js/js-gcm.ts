// AES-GCM on the js backend for nonces of 1–7 bytes, which @noble/ciphers' gcm() declines (it
// requires 8) though SP 800-38D allows them. Composed from noble's AES and GHASH: §7.1 with J0
// derived by GHASH (Algorithm 4, step 2), inc32 counters, and the tag checked before decryption.
import { unsafe } from '@noble/ciphers/aes.js';
import { ghash } from '@noble/ciphers/_polyval.js';
import { CryptoError } from '../../crypto-error.js';

const { expandKeyLE, ctr32 } = unsafe;
const BLOCK = 16;

function lengthsBlock(first: number, second: number): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const view = new DataView(block.buffer);
  view.setBigUint64(0, BigInt(first) * 8n);
  view.setBigUint64(8, BigInt(second) * 8n);
  return block;
}

/** H, the tag mask E(K, J0) and the first payload counter inc32(J0). */
function setup(key: Uint8Array, nonce: Uint8Array) {
  const xk = expandKeyLE(key);
  const h = ctr32(xk, false, new Uint8Array(BLOCK), new Uint8Array(BLOCK));
  const counter = ghash.create(h).update(nonce).update(lengthsBlock(0, nonce.length)).digest();
  const tagMask = ctr32(xk, false, counter, new Uint8Array(BLOCK)); // leaves counter at inc32(J0)
  return { xk, h, counter, tagMask };
}

function tag(h: Uint8Array, tagMask: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const t = ghash.create(h).update(aad).update(ciphertext).update(lengthsBlock(aad.length, ciphertext.length)).digest();
  for (let i = 0; i < BLOCK; i++) t[i]! ^= tagMask[i]!;
  return t;
}

export function gcmShortNonceSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  const { xk, h, counter, tagMask } = setup(key, nonce);
  const sealed = new Uint8Array(plaintext.length + BLOCK);
  const ciphertext = ctr32(xk, false, counter, new Uint8Array(plaintext)); // an aligned copy
  sealed.set(ciphertext);
  sealed.set(tag(h, tagMask, aad, ciphertext), plaintext.length);
  xk.fill(0);
  return sealed;
}

export function gcmShortNonceOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array {
  const { xk, h, counter, tagMask } = setup(key, nonce);
  const ciphertext = new Uint8Array(sealed.subarray(0, sealed.length - BLOCK)); // an aligned copy
  const expected = tag(h, tagMask, aad, ciphertext);
  let difference = 0;
  for (let i = 0; i < BLOCK; i++) difference |= expected[i]! ^ sealed[ciphertext.length + i]!;
  if (difference !== 0) throw new CryptoError('INVALID_TAG');
  const plaintext = ctr32(xk, false, counter, ciphertext);
  xk.fill(0);
  return plaintext;
}
