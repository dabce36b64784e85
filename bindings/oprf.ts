// oblivia/oprf: RFC 9497 OPRF, VOPRF and POPRF: `oprf.suite(name, mode)` and its types.
import { suite } from './oprf/oprf-suite.js';

export const oprf = Object.freeze({ suite });

export type { OprfKeyPair, OprfSuite } from './oprf/oprf-suite.js';
export type { OprfModeName, OprfSuiteName } from './oprf/oprf-names.js';
export type { BlindEvaluateOptions, EvaluateOptions, OprfEvaluation, OprfServer } from './oprf/oprf-server.js';
export type { BlindOptions, OprfBlinding, OprfClient } from './oprf/oprf-client.js';
