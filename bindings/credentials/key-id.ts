// The key id: the first 8 bytes of SHA-256("oblivia-acs-v1 key" ‖ suite name ‖ pkS). It names the
// issuer key in messages and tokens, and scopes the spent-token store.
import { sha256 } from '../hash.js';
import { utf8 } from '../utils/bytes.js';
import { PROTOCOL } from './attributes.js';

export const KEY_ID_LENGTH = 8;

export function keyIdOf(suiteName: string, publicKey: Uint8Array): Uint8Array {
  const prefix = utf8(`${PROTOCOL} key${suiteName}`);
  const message = new Uint8Array(prefix.length + publicKey.length);
  message.set(prefix);
  message.set(publicKey, prefix.length);
  return sha256(message).slice(0, KEY_ID_LENGTH);
}
