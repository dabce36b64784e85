// oprf.suite(name, mode): one RFC 9497 ciphersuite (§4) in one mode (§3.1), with key generation
// (§3.2), and the server and client of the online protocol (§3.3).
import { bytes } from '../utils/arguments.js';
import { inputArgument } from './oprf-arguments.js';
import { active } from '../backend/select.js';
import { createClient, type OprfClient } from './oprf-client.js';
import { randomScalar } from './scalars.js';
import { createServer, type OprfServer } from './oprf-server.js';
import { modeByName, suiteByName, type OprfModeName, type OprfSuiteName } from './oprf-names.js';

/** An OPRF server's key pair: the secret scalar skS and pkS = skS · G, in the suite's encodings. */
export interface OprfKeyPair {
  /** skS, SerializeScalar: keep it secret. */
  secretKey: Uint8Array;
  /** pkS = skS · G, SerializeElement. */
  publicKey: Uint8Array;
}

/** One RFC 9497 ciphersuite (§4) in one mode (§3.1), from {@link oprf.suite}: keys, the server and the client. */
export interface OprfSuite {
  /** The ciphersuite's name (RFC 9497 §4). */
  readonly name: OprfSuiteName;
  /** The mode. */
  readonly mode: OprfModeName;
  /** Ne: ristretto255 32; P-256 / P-384 / P-521 compressed SEC1, 33 / 49 / 67. */
  readonly elementLength: number;
  /** Ns: ristretto255 32 (little-endian); NIST 32 / 48 / 66 (big-endian). */
  readonly scalarLength: number;
  /** Nh: the PRF output, 64 / 32 / 48 / 64. */
  readonly outputLength: number;
  /** The proof c ‖ s: 0 in oprf, 2 · scalarLength otherwise. */
  readonly proofLength: number;
  /** A random key pair (§3.2: RandomScalar, then skS · G). */
  generateKeyPair(): OprfKeyPair;
  /** §3.2.1 DeriveKeyPair(seed, info): `seed` of 32 bytes, `info` at most 65535. */
  deriveKeyPair(seed: Uint8Array, info: Uint8Array): OprfKeyPair;
  /** The server with this secret key; CryptoError INVALID_SCALAR unless it is in 1 … order−1. */
  server(secretKey: Uint8Array): OprfServer;
  /** The client: with the server's public key in voprf and poprf, without one in oprf. */
  client(publicKey?: Uint8Array): OprfClient;
}

export function suite(name: OprfSuiteName, mode: OprfModeName): OprfSuite {
  const params = suiteByName(name);
  const m = modeByName(mode);
  return Object.freeze({
    name: params.name,
    mode,
    elementLength: params.elementLength,
    scalarLength: params.scalarLength,
    outputLength: params.outputLength,
    proofLength: m === 0 ? 0 : 2 * params.scalarLength,
    generateKeyPair(): OprfKeyPair {
      const backend = active().oprf;
      const secretKey = randomScalar(params);
      return { secretKey, publicKey: backend.publicKey(params.name, secretKey) };
    },
    deriveKeyPair: (seed: Uint8Array, info: Uint8Array): OprfKeyPair =>
      active().oprf.deriveKeyPair(params.name, m, bytes(seed, 'seed', 32), inputArgument(info, 'info')),
    server: (secretKey: Uint8Array) => createServer(params, m, secretKey),
    client: (publicKey?: Uint8Array) => createClient(params, m, publicKey),
  });
}
