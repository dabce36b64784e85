// RFC 9497 OPRF, VOPRF and POPRF: the `oprf` namespace and its types.
import { suite } from './suite.js';

export const oprf = Object.freeze({ suite });

export type { OprfKeyPair, OprfSuite } from './suite.js';
export type { OprfModeName, OprfSuiteName } from './suites.js';
export type { BlindEvaluateOptions, OprfEvaluation, OprfServer } from './server.js';
export type { BlindOptions, OprfBlinding, OprfClient } from './client.js';
