// RFC 9497 §4 ciphersuites and §3.1 modes: names, sizes and group orders.
import { OprfMode } from '../../assembly/abi.js';
import type { OprfSuiteName } from '../backend/backend.js';

export type { OprfSuiteName } from '../backend/backend.js';
export type OprfModeName = 'oprf' | 'voprf' | 'poprf';

export interface OprfSuiteParams {
  readonly name: OprfSuiteName;
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
  elementLength: number,
  outputLength: number,
  orderHex: string,
  littleEndian: boolean,
): OprfSuiteParams => {
  const order = Uint8Array.from(orderHex.match(/../g)!, (byte) => parseInt(byte, 16));
  return Object.freeze({ name, elementLength, scalarLength: order.length, outputLength, order, littleEndian });
};

const SUITES: Record<OprfSuiteName, OprfSuiteParams> = {
  // ℓ = 2^252 + 27742317777372353535851937790883648493 (RFC 9496 §4)
  'ristretto255-SHA512': params(
    'ristretto255-SHA512',
    32,
    64,
    '1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed',
    true,
  ),
  // n of P-256, P-384, P-521 (SEC 2 §2.4.2, §2.5.1, §2.6.1)
  'P256-SHA256': params(
    'P256-SHA256',
    33,
    32,
    'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
    false,
  ),
  'P384-SHA384': params(
    'P384-SHA384',
    49,
    48,
    'ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973',
    false,
  ),
  'P521-SHA512': params(
    'P521-SHA512',
    67,
    64,
    '01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409',
    false,
  ),
};

const MODES: Record<OprfModeName, OprfMode> = { oprf: OprfMode.OPRF, voprf: OprfMode.VOPRF, poprf: OprfMode.POPRF };
export const MODE_NAMES: readonly OprfModeName[] = ['oprf', 'voprf', 'poprf'];

export function suiteByName(name: unknown): OprfSuiteParams {
  if (typeof name !== 'string' || !Object.hasOwn(SUITES, name)) {
    throw new TypeError(
      `"name" expected one of ${Object.keys(SUITES).join(', ')}, got ${typeof name === 'string' ? name : typeof name}`,
    );
  }
  return SUITES[name as OprfSuiteName];
}

export function modeByName(mode: unknown): OprfMode {
  if (typeof mode !== 'string' || !Object.hasOwn(MODES, mode)) {
    throw new TypeError(
      `"mode" expected one of ${Object.keys(MODES).join(', ')}, got ${typeof mode === 'string' ? mode : typeof mode}`,
    );
  }
  return MODES[mode as OprfModeName];
}
