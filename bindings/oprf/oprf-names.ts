// RFC 9497 §4 ciphersuites and §3.1 modes by name, as the API takes them.
import { OprfMode } from '../../assembly/abi.js';
import type { OprfSuiteName } from '../backend/backend.js';
import { OPRF_SUITES as SUITES, type OprfSuiteParams } from '../backend/oprf-suites.js';

export type { OprfSuiteName } from '../backend/backend.js';
export type { OprfSuiteParams } from '../backend/oprf-suites.js';
/** RFC 9497 §3.1 modes: `'oprf'`, `'voprf'` (verifiable), `'poprf'` (partially oblivious, with a public `info`). */
export type OprfModeName = 'oprf' | 'voprf' | 'poprf';

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
