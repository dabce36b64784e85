// hpke-js (@hpke/core): WebCrypto for P-256, HKDF and AES-GCM; a port of @noble/curves for X25519
// and of @noble/ciphers for ChaCha20-Poly1305; every call asynchronous. The recipient's keys are
// deserialized once; open gets the key pair, so it need not recompute the public key.
import { CipherSuite } from 'hpke-js';
import type { HpkeParams, HpkePeer } from './hpke.js';

export async function hpkeJs({ suite, recipient, info, aad }: HpkeParams): Promise<HpkePeer> {
  const theirs = new CipherSuite({ kem: suite.kem, kdf: suite.kdf, aead: suite.aead });
  const recipientKey: CryptoKeyPair = {
    publicKey: await theirs.kem.deserializePublicKey(recipient.publicKey),
    privateKey: await theirs.kem.deserializePrivateKey(recipient.privateKey),
  };
  return {
    name: 'hpke-js',
    seal: async (pt) => {
      const { enc, ct } = await theirs.seal({ recipientPublicKey: recipientKey.publicKey, info }, pt, aad);
      return { enc: new Uint8Array(enc), ct: new Uint8Array(ct) };
    },
    open: async ({ enc, ct }) => new Uint8Array(await theirs.open({ recipientKey, enc, info }, ct, aad)),
  };
}
