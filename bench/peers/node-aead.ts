// node:crypto (OpenSSL, the native ceiling): a cipher object per message, as its API requires.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { TAG_LENGTH, type AeadAlg, type AeadParams, type AeadPeer } from './aead.js';

const options = { authTagLength: TAG_LENGTH };

// One call per algorithm name: @types/node types each cipher family by its literal name.
function cipher(alg: AeadAlg, key: Uint8Array, nonce: Uint8Array) {
  return alg === 'chacha20-poly1305'
    ? createCipheriv(alg, key, nonce, options)
    : createCipheriv(alg, key, nonce, options);
}

function decipher(alg: AeadAlg, key: Uint8Array, nonce: Uint8Array) {
  return alg === 'chacha20-poly1305'
    ? createDecipheriv(alg, key, nonce, options)
    : createDecipheriv(alg, key, nonce, options);
}

export function nodeAead({ alg, key, nonce, aad }: AeadParams): AeadPeer {
  return {
    name: 'node:crypto',
    encrypt: (plaintext) => {
      const c = cipher(alg, key, nonce);
      c.setAAD(aad, { plaintextLength: plaintext.length });
      const out = new Uint8Array(plaintext.length + TAG_LENGTH);
      out.set(c.update(plaintext));
      c.final();
      out.set(c.getAuthTag(), plaintext.length);
      return out;
    },
    decrypt: (sealed) => {
      const length = sealed.length - TAG_LENGTH;
      const d = decipher(alg, key, nonce);
      d.setAuthTag(sealed.subarray(length));
      d.setAAD(aad, { plaintextLength: length });
      const out = new Uint8Array(d.update(sealed.subarray(0, length)));
      d.final(); // throws when the tag does not match
      return out;
    },
  };
}
