// Token type 0x0001 runs RFC 9497 VOPRF with P384-SHA384 (RFC 9578 §5); its key identifier is
// SHA-256 of the serialized public key, a compressed P-384 point (RFC 9578 §5, RFC 9497 §2.1).
import { sha256 } from '../hash.js';
import { oprf, type OprfKeyPair } from '../oprf.js';
import { bytes } from '../utils/arguments.js';
import { NE } from './messages.js';

export const voprf = () => oprf.suite('P384-SHA384', 'voprf');

/** token_key_id = SHA-256(SerializeElement(pkI)). */
export const tokenKeyId = (publicKey: Uint8Array): Uint8Array => sha256(bytes(publicKey, 'publicKey', NE));

/** A random issuer key pair: a 48-byte scalar and its 49-byte compressed public key. */
export const generateKeyPair = (): OprfKeyPair => voprf().generateKeyPair();
