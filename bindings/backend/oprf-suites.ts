// RFC 9497 §4: the ciphersuites' sizes and group orders, and the core's number for each; both
// backends and the oprf family read them here.
import { OprfSuite } from '../../assembly/abi.js';
import type { OprfSuiteName } from './backend.js';

export interface OprfSuiteParams {
  readonly name: OprfSuiteName;
  /** The core's number for the suite (assembly/abi.ts). */
  readonly id: OprfSuite;
  /** Ne: SerializeElement length (ristretto255: 32; NIST: compressed SEC1). */
  readonly elementLength: number;
  /** Ns: SerializeScalar length. */
  readonly scalarLength: number;
  /** Nh: the hash output, which is the PRF output. */
  readonly outputLength: number;
  /** The group order, big-endian in scalarLength bytes. */
  readonly order: Uint8Array;
  /** Scalars are little-endian (ristretto255) or big-endian (NIST). */
  readonly littleEndian: boolean;
}

const params = (
  name: OprfSuiteName,
  id: OprfSuite,
  elementLength: number,
  outputLength: number,
  orderHex: string,
  littleEndian: boolean,
): OprfSuiteParams => {
  const order = Uint8Array.from(orderHex.match(/../g)!, (byte) => parseInt(byte, 16));
  return Object.freeze({ name, id, elementLength, scalarLength: order.length, outputLength, order, littleEndian });
};

export const OPRF_SUITES: Record<OprfSuiteName, OprfSuiteParams> = {
  // ℓ = 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4)
  'ristretto255-SHA512': params(
    'ristretto255-SHA512',
    OprfSuite.RISTRETTO255_SHA512,
    32,
    64,
    '1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed',
    true,
  ),
  // n of P-256, P-384, P-521 (SEC 2 §2.4.2, §2.5.1, §2.6.1)
  'P256-SHA256': params(
    'P256-SHA256',
    OprfSuite.P256_SHA256,
    33,
    32,
    'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
    false,
  ),
  'P384-SHA384': params(
    'P384-SHA384',
    OprfSuite.P384_SHA384,
    49,
    48,
    'ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
    false,
  ),
  'P521-SHA512': params(
    'P521-SHA512',
    OprfSuite.P521_SHA512,
    67,
    64,
    '01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409',
    false,
  ),
};
